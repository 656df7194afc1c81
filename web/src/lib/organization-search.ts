import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type OrganizationListItem = components['schemas']['OrganizationListItem'];

/** Name search within the caller's scope, for the tree's search box: the first 20 matches in tree order. */
export function useOrganizationSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['organizations', 'search', q],
    queryFn: async (): Promise<{ items: OrganizationListItem[]; total: number }> => {
      const { data } = await api.GET('/api/v1/organizations', {
        params: { query: { q, status: 'All', pageSize: 20, sort: 'tree' } },
      });
      return { items: data!.items, total: data!.total };
    },
    enabled: q.length > 0,
    staleTime: 10_000,
  });
}

/** Organizations of every region by name (ids and names only), for addressing a transfer across regions. */
export function useOrganizationDirectory(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['organizations', 'directory', q],
    queryFn: async () => (await api.GET('/api/v1/organizations/directory', { params: { query: { q } } })).data!,
    enabled: q.length >= 2,
    staleTime: 10_000,
  });
}
