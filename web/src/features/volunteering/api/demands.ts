import { useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { components } from '@/types/api';

export type Demand = components['schemas']['DemandResponse'];
export type DemandState = Demand['state'];
export type DemandStep = Demand['allowedSteps'][number];
export type DemandBoard = components['schemas']['DemandBoard'];
export type PlaceDemandInput = components['schemas']['PlaceDemandRequest'];

export interface DemandFilter {
  state?: DemandState;
  overdue?: boolean;
}

export const demandsKey = ['volunteering', 'demands'] as const;

export function useDemandBoard() {
  return useQuery({
    queryKey: [...demandsKey, 'board'],
    queryFn: async () => (await api.GET('/api/v1/volunteering/demands/board')).data!,
  });
}

export function useDemands(filter: DemandFilter) {
  return useQuery({
    queryKey: [...demandsKey, 'list', filter],
    queryFn: async () =>
      (
        await api.GET('/api/v1/volunteering/demands', {
          params: { query: { ...filter, pageSize: 200, sort: filter.overdue ? 'dueOn' : '-submittedOn' } },
        })
      ).data!,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: [...demandsKey, 'one', id],
    queryFn: async () => (await api.GET('/api/v1/volunteering/demands/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export async function placeDemand(input: PlaceDemandInput) {
  return (
    await api.POST('/api/v1/volunteering/demands', {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: input,
    })
  ).data!;
}

/** The route of each step a person takes (the stale-claim release is the system's own). */
export const stepRoutes: Partial<Record<DemandStep, string>> = {
  Accept: 'accept',
  Reject: 'reject',
  Dispatch: 'dispatch',
  Open: 'open',
  Claim: 'claim',
  Start: 'start',
  Complete: 'complete',
  Rate: 'rate',
  Close: 'close',
  Cancel: 'cancel',
  Redispatch: 'redispatch',
  Reopen: 'reopen',
  FollowUp: 'follow-up',
};

/** One step with the version the user saw as If-Match (412 when someone changed the demand meanwhile). */
export async function takeDemandStep(demand: Demand, step: DemandStep, body: object) {
  const route = stepRoutes[step]!;
  // The step routes share one shape; the typed client needs each path spelled out, so the path is built here.
  const path = `/api/v1/volunteering/demands/{id}/${route}` as '/api/v1/volunteering/demands/{id}/accept';
  return (
    await api.POST(path, {
      params: { path: { id: demand.id } },
      headers: { 'If-Match': etagOfVersion(demand.version) },
      body: body as never,
    })
  ).data!;
}

export async function revealRequester(id: string, field: 'RequesterName' | 'RequesterPhone', reason: string) {
  return (
    await api.POST('/api/v1/volunteering/demands/{id}/reveal', {
      params: { path: { id } },
      body: { field, reason },
    })
  ).data!;
}

export function exportDemands(filter: DemandFilter, format: SpreadsheetFormat) {
  return downloadFile(
    `/api/v1/volunteering/demands/export${queryString({ ...filter, format })}`,
    filter.overdue ? 'overdue-demands' : 'demands',
  );
}
