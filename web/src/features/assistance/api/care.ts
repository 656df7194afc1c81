import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type VisitList = Schemas['VisitListResponse'];
export type Visit = Schemas['VisitResponse'];
export type VisitOccasion = Schemas['VisitOccasion'];
export type BuildVisitListInput = Schemas['BuildVisitListRequest'];
export type RecordVisitInput = Schemas['RecordVisitRequest'];
export type AddVisiteeInput = Schemas['AddVisiteeRequest'];
export type Condolence = Schemas['CondolenceResponse'];
export type PayCondolenceInput = Schemas['PayCondolenceRequest'];
export type DeclineCondolenceInput = Schemas['DeclineCondolenceRequest'];
export type HelperPair = Schemas['HelperPairResponse'];
export type PairHelperInput = Schemas['PairHelperRequest'];
export type LogHelpInput = Schemas['LogHelpRequest'];
export type LedgerEntry = Schemas['HardshipLedgerEntry'];
export type MemberLedger = Schemas['MemberLedgerResponse'];
export type RecheckInput = Schemas['RecheckHardshipRequest'];

const root = ['assistance', 'care'] as const;

/** A money-moving POST carries a fresh key, so a retry of the same click pays once. */
const onceOnly = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/** Holiday visit lists in the caller's organizations, newest holiday first, with their progress. */
export function useVisitLists(table: TableQuery) {
  return useQuery({
    queryKey: [...root, 'visit-lists', table],
    queryFn: async () => (await api.GET('/api/v1/assistance/visit-lists', { params: { query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

/** Builds an organization's list for a holiday from the register on the holiday's day. */
export async function buildVisitList(body: BuildVisitListInput) {
  return (await api.POST('/api/v1/assistance/visit-lists', { body })).data!;
}

/** The people on a list and their visits. */
export function useVisits(listId: string, table: TableQuery) {
  return useQuery({
    queryKey: [...root, 'visits', listId, table],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/visit-lists/{id}/visits', {
          params: { path: { id: listId }, query: table },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

export async function exportVisits(listId: string, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/assistance/visit-lists/${listId}/visits/export?${queryString({ sort, format })}`,
    `visit-list.${format.toLowerCase()}`,
  );
}

/** Adds a family of a martyr by name and relation (Members does not record martyrs). */
export async function addVisitee(listId: string, body: AddVisiteeInput) {
  await api.POST('/api/v1/assistance/visit-lists/{id}/visits', { params: { path: { id: listId } }, body });
}

/** Records a visit once; money goes through the fund's ledger. */
export async function recordVisit(visit: Visit, body: RecordVisitInput) {
  await api.POST('/api/v1/assistance/visits/{id}/record', {
    params: { path: { id: visit.id }, header: { 'If-Match': etagOfVersion(visit.version) } },
    headers: onceOnly(),
    body,
  });
}

export function useCondolences(table: TableQuery) {
  return useQuery({
    queryKey: [...root, 'condolences', table],
    queryFn: async () => (await api.GET('/api/v1/assistance/condolences', { params: { query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

export async function payCondolence(condolence: Condolence, body: PayCondolenceInput) {
  await api.POST('/api/v1/assistance/condolences/{id}/pay', {
    params: { path: { id: condolence.id }, header: { 'If-Match': etagOfVersion(condolence.version) } },
    headers: onceOnly(),
    body,
  });
}

export async function declineCondolence(condolence: Condolence, body: DeclineCondolenceInput) {
  await api.POST('/api/v1/assistance/condolences/{id}/decline', {
    params: { path: { id: condolence.id }, header: { 'If-Match': etagOfVersion(condolence.version) } },
    body,
  });
}

export function useHelperPairs(staleOnly: boolean, table: TableQuery) {
  return useQuery({
    queryKey: [...root, 'pairs', staleOnly, table],
    queryFn: async () =>
      (await api.GET('/api/v1/assistance/pairings', { params: { query: { staleOnly, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export async function exportHelperPairs(staleOnly: boolean, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/assistance/pairings/export?${queryString({ staleOnly, sort, format })}`,
    `pairings.${format.toLowerCase()}`,
  );
}

export async function pairHelper(body: PairHelperInput) {
  await api.POST('/api/v1/assistance/pairings', { body });
}

export async function logHelp(pair: HelperPair, body: LogHelpInput) {
  await api.POST('/api/v1/assistance/pairings/{id}/help-logs', {
    params: { path: { id: pair.id }, header: { 'If-Match': etagOfVersion(pair.version) } },
    body,
  });
}

export function useHardshipLedger(recheckDueOnly: boolean, table: TableQuery) {
  return useQuery({
    queryKey: [...root, 'ledger', recheckDueOnly, table],
    queryFn: async () =>
      (await api.GET('/api/v1/assistance/hardship-ledger', { params: { query: { recheckDueOnly, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export async function exportHardshipLedger(
  recheckDueOnly: boolean,
  sort: string | undefined,
  format: SpreadsheetFormat,
) {
  await downloadFile(
    `/api/v1/assistance/hardship-ledger/export?${queryString({ recheckDueOnly, sort, format })}`,
    `hardship-ledger.${format.toLowerCase()}`,
  );
}

export function useMemberLedger(memberId: string) {
  return useQuery({
    queryKey: [...root, 'member-ledger', memberId],
    queryFn: async () =>
      (await api.GET('/api/v1/assistance/hardship-ledger/{memberId}', { params: { path: { memberId } } })).data!,
  });
}

export async function recheckHardship(entry: LedgerEntry, body: RecheckInput) {
  await api.POST('/api/v1/assistance/hardship-ledger/{memberId}/rechecks', {
    params: { path: { memberId: entry.memberId }, header: { 'If-Match': etagOfVersion(entry.version) } },
    body,
  });
}
