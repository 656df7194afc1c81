import { api } from '@/lib/api-client';
import type { OrganizationListItem } from '@/features/organizations/api/list-children';

/** The top of what the caller sees: their scope organization, or every region for the whole tree. */
export async function listRoots(scopeId: string | undefined): Promise<OrganizationListItem[]> {
  if (scopeId) {
    const { data } = await api.GET('/api/v1/organizations', {
      params: { query: { within: scopeId, depth: undefined, pageSize: 1, sort: 'tree' } },
    });
    return data!.items.slice(0, 1);
  }
  const { data } = await api.GET('/api/v1/organizations', {
    params: { query: { depth: 0, pageSize: 200, sort: 'tree' } },
  });
  return data!.items;
}
