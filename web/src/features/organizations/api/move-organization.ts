import { api, etagOf } from '@/lib/api-client';

/** Moves a node and its subtree under another parent; a cycle is a 409 with code move_creates_cycle. */
export async function moveOrganization(id: string, etag: string, newParentId: string) {
  const { data, response } = await api.POST('/api/v1/organizations/{id}/move', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { newParentId },
  });
  return { organization: data!, etag: etagOf(response) };
}
