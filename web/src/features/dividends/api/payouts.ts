import { useQuery } from '@tanstack/react-query';
import { api, etagOfVersion, fetchRaw } from '@/lib/api-client';
import { downloadFile, type SpreadsheetFormat } from '@/lib/download';
import type { components } from '@/types/api';
import { planKey, type Payout, type Plan } from '@/features/dividends/api/plans';

type Schemas = components['schemas'];
export type ReverseInput = Schemas['ReversePayoutRequest'];
export type ReissueInput = Schemas['ReissuePayoutRequest'];
export type FailInput = Schemas['MarkPayoutFailedRequest'];
export type BankResultReport = Schemas['BankResultReport'];
export type BankResultOutcome = Schemas['BankResultOutcome'];
export type PlanVersion = Schemas['PlanVersionItem'];
export type HouseholdStatement = Schemas['HouseholdStatement'];
export type StatementEntry = Schemas['StatementEntry'];

/** A failed transfer paid again: a new unpaid entry. The key is made when the dialog opens, so a retry adds one. */
export async function reissuePayout(payout: Payout, body: ReissueInput, idempotencyKey: string) {
  return (
    await api.POST('/api/v1/dividends/payouts/{id}/reissue', {
      params: { path: { id: payout.id } },
      headers: { 'If-Match': etagOfVersion(payout.version), 'Idempotency-Key': idempotencyKey },
      body,
    })
  ).data!;
}

/** A paid payout reversed by a new negative entry (the paid one never changes). */
export async function reversePayout(payout: Payout, body: ReverseInput, idempotencyKey: string) {
  return (
    await api.POST('/api/v1/dividends/payouts/{id}/reverse', {
      params: { path: { id: payout.id } },
      headers: { 'If-Match': etagOfVersion(payout.version), 'Idempotency-Key': idempotencyKey },
      body,
    })
  ).data!;
}

/** An unpaid payout the bank could not transfer, with the bank's reason. */
export async function markPayoutFailed(payout: Payout, body: FailInput) {
  return (
    await api.POST('/api/v1/dividends/payouts/{id}/fail', {
      params: { path: { id: payout.id } },
      headers: { 'If-Match': etagOfVersion(payout.version) },
      body,
    })
  ).data!;
}

/**
 * The bank's 一卡通 batch file of the plan's unpaid payouts: full ID numbers and accounts, so the server asks for a
 * reason and records the reveal. Saved under the server's file name.
 */
export async function downloadBankFile(planId: string, reason: string, format: SpreadsheetFormat) {
  await downloadFile(`/api/v1/dividends/plans/${planId}/payouts/bank-file`, `bank-batch.${format.toLowerCase()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason, format }),
  });
}

/** The bank's result file applied line by line; the key is made per chosen file, so a retry applies it once. */
export async function importBankResult(planId: string, file: File, idempotencyKey: string) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetchRaw(`/api/v1/dividends/plans/${planId}/payouts/bank-result`, {
    method: 'POST',
    body: form,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return (await response.json()) as BankResultReport;
}

export function usePlanVersions(planId: string) {
  return useQuery({
    queryKey: [...planKey(planId), 'versions'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/plans/{id}/versions', { params: { path: { id: planId } } })).data!,
  });
}

export function useHouseholdStatement(householdId: string | undefined) {
  return useQuery({
    queryKey: ['dividends', 'household-statement', householdId],
    queryFn: async () =>
      (
        await api.GET('/api/v1/dividends/households/{id}/statement', {
          params: { path: { id: householdId! } },
        })
      ).data!,
    enabled: householdId !== undefined,
  });
}

/** A new version of a reviewed, noticed or approved plan from changed terms; the answer is the new version. */
export async function revisePlan(plan: Plan, body: Schemas['RevisePlanRequest'], idempotencyKey: string) {
  return (
    await api.POST('/api/v1/dividends/plans/{id}/revise', {
      params: { path: { id: plan.id } },
      headers: { 'If-Match': etagOfVersion(plan.version), 'Idempotency-Key': idempotencyKey },
      body,
    })
  ).data!;
}
