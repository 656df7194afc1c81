import { vi } from 'vitest';

type Handler = (request: Request, url: URL) => Response | object | Promise<Response | object>;

export function json(body: object, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/**
 * Answers the API client's requests from handlers keyed by "METHOD /path" (no query string); anything else
 * is a 404 problem, so a test sees which call it did not expect. Returns the requests made, in order.
 */
export function mockApi(handlers: Record<string, Handler>): Request[] {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string, init?: RequestInit) => {
      // The typed client sends a Request; fetchRaw (files) a same-origin path and its options.
      const request = input instanceof Request ? input : new Request(new URL(input, window.location.origin), init);
      requests.push(request.clone());
      const url = new URL(request.url);
      const handler = handlers[`${request.method} ${url.pathname}`];
      if (!handler) {
        return json({ status: 404, title: `unexpected ${request.method} ${url.pathname}` }, 404);
      }
      const answer = await handler(request, url);
      return answer instanceof Response ? answer : json(answer);
    }),
  );
  return requests;
}
