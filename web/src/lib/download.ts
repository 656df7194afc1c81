import { fetchRaw } from '@/lib/api-client';
import type { components } from '@/types/api';

export type SpreadsheetFormat = components['schemas']['SpreadsheetFormat'];

/** A query string of the values that are set (undefined, null and '' are left out, as the API's defaults apply). */
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(key, String(value));
    }
  }
  return query.toString();
}

/**
 * Fetches a file (with the session, language and error handling of
 * every call) and saves it under the server's name or the fallback. `init` for a file made by a POST (a body
 * with a reason).
 */
export async function downloadFile(url: string, fallback: string, init?: RequestInit): Promise<void> {
  const response = await fetchRaw(url, init);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = decodeURIComponent(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}
