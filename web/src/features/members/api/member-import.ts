import { fetchRaw } from '@/lib/api-client';
import { downloadFile } from '@/lib/download';
import type { components } from '@/types/api';

export type ImportReport = components['schemas']['ImportReport'];
export type ImportResult = components['schemas']['ImportMembersResult'];

function upload(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Checks a spreadsheet for import under an organization; nothing is written. */
export async function validateImport(organizationId: string, file: File): Promise<ImportReport> {
  const response = await fetchRaw(
    `/api/v1/members/import/validate?organizationId=${encodeURIComponent(organizationId)}`,
    { method: 'POST', body: upload(file) },
  );
  return (await response.json()) as ImportReport;
}

/** Imports the whole file in one transaction (a file with problems is 400 import_has_errors, nothing written). */
export async function commitImport(organizationId: string, file: File): Promise<ImportResult> {
  const response = await fetchRaw(`/api/v1/members/import?organizationId=${encodeURIComponent(organizationId)}`, {
    method: 'POST',
    body: upload(file),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  return (await response.json()) as ImportResult;
}

export async function downloadImportTemplate() {
  await downloadFile('/api/v1/members/import/template', 'member-import-template.xlsx');
}
