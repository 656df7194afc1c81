import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type Plan = Schemas['PlanView'];
export type PlanTerms = Schemas['PlanTermsRequest'];
export type PlanPartInput = Schemas['PlanPartRequest'];
export type PlanPreview = Schemas['PreviewPlanResponse'];
export type PlanLine = Schemas['PlanLineView'];
export type TimelineEntry = Schemas['PlanTimelineEntry'];
export type Objection = Schemas['ObjectionView'];
export type Payout = Schemas['PayoutListItem'];
export type PayoutStatus = Schemas['PayoutStatus'];
export type ConfirmPayoutInput = Schemas['ConfirmPayoutRequest'];
export type AssemblyVoteInput = Schemas['AssemblyVoteRequest'];

export const planKey = (id: string) => ['dividends', 'plan', id] as const;

/** The deliberation steps come from the region's rules; these four follow them everywhere. */
export const afterSteps = { review: 'stationReview', notice: 'publicNotice', approval: 'approval', payouts: 'payouts' };

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: planKey(id ?? ''),
    queryFn: async () => (await api.GET('/api/v1/dividends/plans/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

export async function previewPlan(terms: PlanTerms) {
  return (await api.POST('/api/v1/dividends/plans/preview', { body: terms })).data!;
}

/** The key is made once per wizard, so a second click or a retry saves one plan. */
export async function createPlan(terms: PlanTerms, idempotencyKey: string) {
  return (await api.POST('/api/v1/dividends/plans', { headers: { 'Idempotency-Key': idempotencyKey }, body: terms }))
    .data!;
}

/** The 公示 sheet as the server lays it out: one row per payee with an amount per part, masked ID numbers. */
export function useNoticeSheet(planId: string | undefined) {
  return useQuery({
    queryKey: [...planKey(planId ?? ''), 'notice-sheet'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/plans/{id}/notice-sheet', { params: { path: { id: planId! } } })).data!,
    enabled: planId !== undefined,
  });
}

/** The 签领表 as the server lays it out: one row per payee with what is due and whether it is paid. */
export function useSignSheet(planId: string | undefined) {
  return useQuery({
    queryKey: [...planKey(planId ?? ''), 'sign-sheet'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/plans/{id}/sign-sheet', { params: { path: { id: planId! } } })).data!,
    enabled: planId !== undefined,
  });
}

const ifMatch = (plan: Plan) => ({ 'If-Match': etagOfVersion(plan.version) });

export async function recordStep(plan: Plan, body: Schemas['RecordPlanStepRequest']) {
  await api.POST('/api/v1/dividends/plans/{id}/steps', {
    params: { path: { id: plan.id } },
    headers: ifMatch(plan),
    body,
  });
}

export async function reviewPlan(plan: Plan, body: Schemas['ReviewPlanRequest']) {
  await api.POST('/api/v1/dividends/plans/{id}/review', {
    params: { path: { id: plan.id } },
    headers: ifMatch(plan),
    body,
  });
}

export async function startNotice(plan: Plan, body: Schemas['StartPlanNoticeRequest']) {
  await api.POST('/api/v1/dividends/plans/{id}/notice', {
    params: { path: { id: plan.id } },
    headers: ifMatch(plan),
    body,
  });
}

export async function approvePlan(plan: Plan, body: Schemas['ApprovePlanRequest']) {
  await api.POST('/api/v1/dividends/plans/{id}/approve', {
    params: { path: { id: plan.id } },
    headers: ifMatch(plan),
    body,
  });
}

export async function createPayouts(plan: Plan, idempotencyKey: string) {
  await api.POST('/api/v1/dividends/plans/{id}/payouts', {
    params: { path: { id: plan.id } },
    headers: { ...ifMatch(plan), 'Idempotency-Key': idempotencyKey },
    body: {},
  });
}

export function useObjections(planId: string) {
  return useQuery({
    queryKey: [...planKey(planId), 'objections'],
    queryFn: async () =>
      (await api.GET('/api/v1/dividends/plans/{id}/objections', { params: { path: { id: planId } } })).data!,
  });
}

export async function recordObjection(planId: string, body: Schemas['RecordObjectionRequest']) {
  await api.POST('/api/v1/dividends/plans/{id}/objections', {
    params: { path: { id: planId } },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body,
  });
}

export async function answerObjection(objection: Objection, answer: string) {
  await api.POST('/api/v1/dividends/objections/{id}/answer', {
    params: { path: { id: objection.id } },
    headers: { 'If-Match': etagOfVersion(objection.version) },
    body: { answer },
  });
}

export async function closeObjection(objection: Objection) {
  await api.POST('/api/v1/dividends/objections/{id}/close', {
    params: { path: { id: objection.id } },
    headers: { 'If-Match': etagOfVersion(objection.version) },
  });
}

export function usePayouts(planId: string, status: PayoutStatus | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...planKey(planId), 'payouts', status, page, pageSize],
    queryFn: async () =>
      (
        await api.GET('/api/v1/dividends/plans/{id}/payouts', {
          params: { path: { id: planId }, query: { status, page, pageSize, sort: 'lineNo' } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

/** One confirmation: If-Match on the payout read, and a key made when the dialog opened so a retry pays once. */
export async function confirmPayout(payout: Payout, body: ConfirmPayoutInput, idempotencyKey: string) {
  return (
    await api.POST('/api/v1/dividends/payouts/{id}/confirm', {
      params: { path: { id: payout.id } },
      headers: { 'If-Match': etagOfVersion(payout.version), 'Idempotency-Key': idempotencyKey },
      body,
    })
  ).data!;
}

export function usePublicNotice(code: string | undefined) {
  return useQuery({
    queryKey: ['dividends', 'public-notice', code],
    queryFn: async () =>
      (await api.GET('/api/v1/public/dividends/notices/{code}', { params: { path: { code: code! } } })).data!,
    enabled: Boolean(code),
    retry: false,
  });
}
