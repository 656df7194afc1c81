import { useQuery } from '@tanstack/react-query';
import { api, etagOfVersion, fetchRaw } from '@/lib/api-client';
import type { components } from '@/types/api';

export type ApplicationDocument = components['schemas']['ApplicationDocumentResponse'];
export type UploadedDocument = components['schemas']['UploadedDocument'];

/** What the server accepts (it judges the first bytes too): checked here first so a wrong file fails at once. */
export const documentExtensions = ['.pdf', '.jpg', '.jpeg', '.png'];
export const maxDocumentBytes = 5 * 1024 * 1024;
export const maxDocuments = 20;

/** Why a file cannot be uploaded, as a words key; undefined when it may be sent. */
export function documentProblem(file: { name: string; size: number }): 'wrongKind' | 'tooLarge' | 'empty' | undefined {
  const name = file.name.toLowerCase();
  if (!documentExtensions.some((ext) => name.endsWith(ext))) {
    return 'wrongKind';
  }
  if (file.size > maxDocumentBytes) {
    return 'tooLarge';
  }
  return file.size === 0 ? 'empty' : undefined;
}

export function useApplicationDocuments(applicationId: string) {
  return useQuery({
    queryKey: ['assistance', 'applications', applicationId, 'documents'],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/applications/{id}/documents', {
          params: { path: { id: applicationId } },
        })
      ).data!,
  });
}

/** Uploads one document against the application's version (If-Match); a retry with the same key adds no copy. */
export async function uploadApplicationDocument(
  applicationId: string,
  version: number,
  file: File,
): Promise<UploadedDocument> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetchRaw(`/api/v1/assistance/applications/${encodeURIComponent(applicationId)}/documents`, {
    method: 'POST',
    body: form,
    headers: { 'If-Match': etagOfVersion(version), 'Idempotency-Key': crypto.randomUUID() },
  });
  return (await response.json()) as UploadedDocument;
}

/** Downloads the whole document with a reason (audited) and saves it under its whole name. */
export async function downloadApplicationDocument(
  applicationId: string,
  documentId: string,
  reason: string,
  fallbackName: string,
): Promise<void> {
  const response = await fetchRaw(
    `/api/v1/assistance/applications/${encodeURIComponent(applicationId)}/documents/` +
      `${encodeURIComponent(documentId)}/download`,
    { method: 'POST', body: JSON.stringify({ reason }), headers: { 'Content-Type': 'application/json' } },
  );
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = decodeURIComponent(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}
