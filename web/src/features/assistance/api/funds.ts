import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type Fund = components['schemas']['FundResponse'];
export type FundDetails = components['schemas']['FundDetailsResponse'];
export type LedgerEntry = components['schemas']['LedgerEntryResponse'];
export type LedgerEntryKind = NonNullable<LedgerEntry['kind']>;
export type FundSource = NonNullable<LedgerEntry['source']>;

export function useFunds() {
  return useQuery({
    queryKey: ['assistance', 'funds'],
    queryFn: async () => (await api.GET('/api/v1/assistance/funds', { params: { query: { pageSize: 200 } } })).data!,
  });
}

export function useFund(id: string | undefined) {
  return useQuery({
    queryKey: ['assistance', 'funds', id],
    queryFn: async () => (await api.GET('/api/v1/assistance/funds/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export interface LedgerQuery {
  kind?: LedgerEntryKind;
  source?: FundSource;
  /** The first and last day of the entries, both included (yyyy-MM-dd). */
  from?: string;
  to?: string;
  page: number;
}

export function useLedger(id: string | undefined, query: LedgerQuery) {
  return useQuery({
    queryKey: ['assistance', 'funds', id, 'entries', query],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/funds/{id}/entries', {
          params: {
            path: { id: id! },
            query: {
              kind: query.kind,
              source: query.source,
              from: query.from,
              to: query.to,
              page: query.page,
            },
          },
        })
      ).data!,
    enabled: id !== undefined,
  });
}
