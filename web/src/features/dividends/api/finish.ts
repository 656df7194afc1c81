import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type ShareCertificate = Schemas['ShareCertificate'];
export type DividendStatistics = Schemas['DividendStatistics'];
export type DistributionYear = Schemas['DistributionYear'];

/** A household's share certificate (股权证) as of a day (today by default); ID numbers come masked. */
export function useShareCertificate(householdId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: ['dividends', 'certificate', householdId, asOf],
    queryFn: async () =>
      (
        await api.GET('/api/v1/dividends/households/{id}/certificate', {
          params: { path: { id: householdId! }, query: { asOf } },
        })
      ).data!,
    enabled: householdId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** An organization's subtree in figures: counts, income bands and the distributions by year. */
export function useDividendStatistics(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['dividends', 'statistics', organizationId],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/statistics', { params: { query: { organizationId } } })).data!,
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}
