import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type CollectiveDetail = Schemas['CollectiveDetailResponse'];
export type ShareRegister = Schemas['ShareRegisterResponse'];
export type RegisterHousehold = Schemas['RegisterHousehold'];
export type RegisterMember = Schemas['RegisterMember'];
export type ShareChange = Schemas['ShareChangeResponse'];
export type IncomeStatement = Schemas['IncomeStatementView'];
export type IncomeLimits = Schemas['IncomeLimitsResponse'];
export type IncomeCheck = Schemas['IncomeCheckResponse'];
export type IncomeInput = Omit<Schemas['IncomeStatementBody'], 'figures'>;

export const collectiveKey = (id: string) => ['dividends', 'collective', id] as const;

export function useCollective(id: string | undefined) {
  return useQuery({
    queryKey: collectiveKey(id ?? ''),
    queryFn: async () => (await api.GET('/api/v1/dividends/collectives/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export function useShareRegister(id: string, asOf: string | undefined, q: string | undefined, householdId?: string) {
  return useQuery({
    queryKey: [...collectiveKey(id), 'register', asOf, q, householdId],
    queryFn: async () =>
      (
        await api.GET('/api/v1/dividends/collectives/{id}/register', {
          params: { path: { id }, query: { asOf, q, householdId } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

export function useShareChanges(id: string) {
  return useQuery({
    queryKey: [...collectiveKey(id), 'changes'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/collectives/{id}/share-changes', { params: { path: { id } } })).data!,
  });
}

export function useIncomeStatements(id: string) {
  return useQuery({
    queryKey: [...collectiveKey(id), 'incomes'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/collectives/{id}/incomes', { params: { path: { id } } })).data!,
  });
}

export async function createShareType(id: string, body: Schemas['CreateShareTypeRequest']) {
  await api.POST('/api/v1/dividends/collectives/{id}/share-types', {
    params: { path: { id } },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

export async function confirmMembership(id: string, body: Schemas['ConfirmMembershipRequest']) {
  await api.POST('/api/v1/dividends/collectives/{id}/confirmations', {
    params: { path: { id } },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

export async function registerHousehold(id: string, body: Schemas['RegisterHouseholdRequest']) {
  await api.POST('/api/v1/dividends/collectives/{id}/households', {
    params: { path: { id } },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

export async function recordShareChange(id: string, body: Schemas['RecordShareChangeRequest']) {
  await api.POST('/api/v1/dividends/collectives/{id}/share-changes', {
    params: { path: { id } },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

export async function revealMemberData(
  memberId: string,
  field: Schemas['RevealableCollectiveMemberField'],
  reason: string,
) {
  return (
    await api.POST('/api/v1/dividends/collective-members/{id}/reveal', {
      params: { path: { id: memberId } },
      body: { field, reason },
    })
  ).data!;
}

// The body's `figures` is the server's own sum of the entered amounts: a form never sends it.
type IncomeBody = Schemas['IncomeStatementBody'];

export async function checkIncome(id: string, body: IncomeInput) {
  return (
    await api.POST('/api/v1/dividends/collectives/{id}/incomes/check', {
      params: { path: { id } },
      body: body as IncomeBody,
    })
  ).data!;
}

/** A new year's statement (201), or the replacement of one read at `version` (If-Match). */
export async function recordIncome(id: string, year: number, body: IncomeInput, version?: number) {
  return (
    await api.PUT('/api/v1/dividends/collectives/{id}/incomes/{year}', {
      params: { path: { id, year } },
      headers: version === undefined ? {} : { 'If-Match': etagOfVersion(version) },
      body: body as IncomeBody,
    })
  ).data!;
}
