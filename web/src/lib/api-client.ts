import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@/types/api';
import { ApiError, readProblem } from '@/lib/problem';
import i18n from '@/lib/i18n';

/** Listeners for a 401 (sign-in needed) anywhere in the app; the router sends the user to the sign-in page. */
const unauthorizedListeners = new Set<() => void>();

export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The API answers in the language the user chose. */
function language(): string {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** A non-2xx answer becomes an ApiError; a 401 also tells the app that sign-in is needed. */
async function failure(response: Response): Promise<ApiError> {
  if (response.status === 401) {
    unauthorizedListeners.forEach((listener) => listener());
  }
  return new ApiError(response.status, await readProblem(response.clone()));
}

const problems: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', language());
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) {
      return response;
    }
    throw await failure(response);
  },
};

/**
 * For what the typed JSON client cannot send or read (multipart uploads, file downloads): the same
 * cookie, language and error handling.
 */
export async function fetchRaw(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', language());
  const response = await globalThis.fetch(url, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

/** The one client: same-origin cookie credentials, typed from the generated OpenAPI types. */
// fetch is looked up per call, so tests (and polyfills) installed later are used.
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  fetch: (request) => globalThis.fetch(request),
});
api.use(problems);

/** The ETag of a response, for the If-Match of the next update. */
export function etagOf(response: Response): string {
  return response.headers.get('ETag') ?? '';
}

/** The ETag of a resource read from a list: the API's ETag is its quoted version, which list items carry. */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}
