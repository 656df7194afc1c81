import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type OrganizationListItem = components['schemas']['OrganizationListItem'];

/** One level of the lazy tree: the direct children of a node, in tree order (up to 200). */
export async function listChildren(id: string): Promise<OrganizationListItem[]> {
  const { data } = await api.GET('/api/v1/organizations/{id}/children', {
    params: { path: { id }, query: { pageSize: 200, sort: 'tree' } },
  });
  return data!.items;
}
