import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type SubtreeStatistics = components['schemas']['SubtreeStatisticsResponse'];

/** Counts over a subtree; the grading level counts are for `year` (the latest graded year when absent). */
export function useSubtreeStatistics(id: string, year?: number) {
  return useQuery({
    queryKey: ['organizations', id, 'stats', year],
    queryFn: async () =>
      (await api.GET('/api/v1/organizations/{id}/stats', { params: { path: { id }, query: { year } } })).data!,
  });
}
