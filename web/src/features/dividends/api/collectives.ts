import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type Collective = components['schemas']['CollectiveResponse'];

/** One page of the collectives in the caller's scope, sorted on the server (`name`, `-members`, …). */
export function useCollectives(page: number, sort: string | undefined, q: string | undefined) {
  return useQuery({
    queryKey: ['dividends', 'collectives', page, sort, q],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/collectives', { params: { query: { page, pageSize: 20, sort, q } } })).data!,
    placeholderData: keepPreviousData,
  });
}
