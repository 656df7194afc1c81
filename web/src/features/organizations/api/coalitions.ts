import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOf } from '@/lib/api-client';
import type { components } from '@/types/api';
import type { TableQuery } from '@/hooks/use-table-state';

export type CoalitionListItem = components['schemas']['CoalitionListItem'];
export type Coalition = components['schemas']['CoalitionResponse'];
export type CoalitionInput = components['schemas']['CoalitionFields'];

export function useCoalitions(q: string, table: TableQuery) {
  return useQuery({
    queryKey: ['coalitions', q, table],
    queryFn: async () =>
      (await api.GET('/api/v1/coalitions', { params: { query: { ...table, q: q || undefined } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useCoalition(id: string | undefined) {
  return useQuery({
    queryKey: ['coalition', id],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/coalitions/{id}', { params: { path: { id: id! } } });
      return { coalition: data!, etag: etagOf(response) };
    },
    enabled: id !== undefined,
  });
}

export async function createCoalition(input: CoalitionInput) {
  await api.POST('/api/v1/coalitions', { body: input });
}

export async function updateCoalition(id: string, etag: string, input: CoalitionInput) {
  await api.PUT('/api/v1/coalitions/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: input });
}
