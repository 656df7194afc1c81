import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { components } from '@/types/api';
import type { TableQuery } from '@/hooks/use-table-state';

export type Grading = components['schemas']['GradingResponse'];
export type RecordGradingInput = components['schemas']['RecordGradingRequest'];
export type GradingMovement = components['schemas']['GradingMovement'];

export function useGradings(id: string, table: TableQuery) {
  return useQuery({
    queryKey: ['organizations', id, 'gradings', table],
    queryFn: async () =>
      (await api.GET('/api/v1/organizations/{id}/gradings', { params: { path: { id }, query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

export async function recordGrading(id: string, input: RecordGradingInput) {
  await api.POST('/api/v1/organizations/{id}/gradings', { params: { path: { id } }, body: input });
}

/** Revises a year's grading; `version` comes from the list row the user edited (a 412 if it moved on). */
export async function reviseGrading(
  id: string,
  year: number,
  version: number,
  input: Omit<RecordGradingInput, 'year'>,
) {
  await api.PUT('/api/v1/organizations/{id}/gradings/{year}', {
    params: { path: { id, year }, header: { 'If-Match': etagOfVersion(version) } },
    body: input,
  });
}

export function useLaggingReport(id: string, year: number, movement: GradingMovement | undefined, table: TableQuery) {
  return useQuery({
    queryKey: ['organizations', id, 'lagging', year, movement, table],
    queryFn: async () =>
      (
        await api.GET('/api/v1/organizations/{id}/gradings/lagging', {
          params: { path: { id }, query: { year, movement, ...table } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}
