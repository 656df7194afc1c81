import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type VolunteeringStatistics = components['schemas']['VolunteeringStatistics'];

export interface StatisticsFilter {
  organizationId?: string;
  /** Whether the organization's descendants count too (the default); without an organization, always. */
  descendants: boolean;
  year: number;
}

/** A year's figures of the caller's subtree, or of one organization with or without its descendants. */
export function useVolunteeringStatistics(filter: StatisticsFilter) {
  return useQuery({
    queryKey: ['volunteering', 'statistics', filter],
    queryFn: async () => (await api.GET('/api/v1/volunteering/statistics', { params: { query: filter } })).data!,
    placeholderData: keepPreviousData,
  });
}
