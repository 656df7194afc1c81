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

const problems: Middleware = {
  onRequest({ request }) {
    // The API answers in the language the user chose.
    request.headers.set('Accept-Language', i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) {
      return response;
    }
    if (response.status === 401) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, await readProblem(response.clone()));
  },
};

/** The one client: same-origin cookie credentials, typed from the generated OpenAPI types. */
// fetch is looked up per call, so tests (and polyfills) installed later are used.
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin, credentials: 'same-origin', fetch: (request) => globalThis.fetch(request) });
api.use(problems);

/** The ETag of a response, for the If-Match of the next update. */
export function etagOf(response: Response): string {
  return response.headers.get('ETag') ?? '';
}

/** The ETag of a resource read from a list: the API's ETag is its quoted version, which list items carry. */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}
