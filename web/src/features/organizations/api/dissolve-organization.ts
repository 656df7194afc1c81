import { api } from '@/lib/api-client';

/** Soft removal; refused (409) while the organization has active children. */
export async function dissolveOrganization(id: string, etag: string): Promise<void> {
  await api.DELETE('/api/v1/organizations/{id}', { params: { path: { id }, header: { 'If-Match': etag } } });
}
