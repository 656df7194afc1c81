import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type Application = Schemas['ApplicationResponse'];
export type ApplicationSummary = Schemas['ApplicationSummary'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type ApprovalTier = Schemas['ApprovalTier'];
export type AssistanceCategory = Schemas['AssistanceCategory'];
export type PaymentMethod = NonNullable<Schemas['PaymentMethod']>;
export type AssistanceRules = Schemas['AssistanceRules'];
export type SubmitApplicationInput = Schemas['SubmitApplicationRequest'];
export type ReviewInput = Schemas['ReviewApplicationRequest'];
export type ApproveInput = Schemas['ApproveApplicationRequest'];
export type RejectInput = Schemas['RejectApplicationRequest'];
export type CancelInput = Schemas['CancelApplicationRequest'];
export type DisburseInput = Schemas['DisburseApplicationRequest'];
export type ConfirmInput = Schemas['ConfirmReceiptRequest'];
export type FundIncomeInput = Schemas['RecordFundIncomeRequest'];
export type AllocationInput = Schemas['AllocateFundsRequest'];
export type DrawSampleInput = Schemas['DrawReceiptSampleRequest'];
export type ReceiptSample = Schemas['ReceiptSample'];
export type FollowUpInput = Schemas['RecordFollowUpRequest'];
export type FollowUpOutcome = Schemas['FollowUpOutcome'];
export const followUpOutcomes: FollowUpOutcome[] = ['Received', 'ReceivedWithIssues', 'NotReceived'];

export const categories: AssistanceCategory[] = ['Hardship', 'Illness', 'Disaster', 'OldMember', 'DutyDeathFamily'];

const root = ['assistance', 'applications'] as const;

/**
 * The inboxes: what waits for each step, so a tab shows its count before it is opened. The receipt checks' tab
 * lists every drawn application with its follow-up, and counts those not yet visited.
 */
export type Inbox = 'review' | 'street' | 'district' | 'payment' | 'confirmation' | 'followUp' | 'all';

export const inboxes: Inbox[] = ['review', 'street', 'district', 'payment', 'confirmation', 'followUp', 'all'];

type InboxQuery = { status?: ApplicationStatus; awaiting?: ApprovalTier; sampled?: boolean };

export function inboxFilter(inbox: Inbox): InboxQuery {
  switch (inbox) {
    case 'followUp':
      return { sampled: true };
    case 'review':
      return { status: 'Submitted' };
    case 'street':
      return { awaiting: 'Street' };
    case 'district':
      return { awaiting: 'District' };
    case 'payment':
      return { status: 'Approved' };
    case 'confirmation':
      return { status: 'Paid' };
    default:
      return {};
  }
}

export function useApplications(inbox: Inbox, table: TableQuery, memberId?: string) {
  return useQuery({
    queryKey: [...root, 'list', inbox, table, memberId],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/applications', {
          params: { query: { ...inboxFilter(inbox), ...table, memberId } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

/** How many wait in an inbox (one row fetched: the count is the list's total). */
export function useInboxCount(inbox: Inbox) {
  return useQuery({
    queryKey: [...root, 'count', inbox],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/applications', {
          params: {
            query: {
              ...(inbox === 'followUp' ? { awaitingFollowUp: true } : inboxFilter(inbox)),
              page: 1,
              pageSize: 1,
            },
          },
        })
      ).data!.total,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: [...root, 'one', id],
    queryFn: async () =>
      (await api.GET('/api/v1/assistance/applications/{id}', { params: { path: { id: id! } } })).data!,
    enabled: id !== undefined,
  });
}

/** A fresh key per attempt: a retry of the same attempt (the same dialog) sends it again and pays once. */
export const newAttemptKey = () => crypto.randomUUID();

export async function submitApplication(body: SubmitApplicationInput, key: string) {
  return (await api.POST('/api/v1/assistance/applications', { body, headers: { 'Idempotency-Key': key } })).data!;
}

const step = (a: { id: string; version: number }) => ({
  path: { id: a.id },
  header: { 'If-Match': etagOfVersion(a.version) },
});

export async function reviewApplication(a: Application, body: ReviewInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/review', { params: step(a), body })).data!;
}

export async function approveApplication(a: Application, body: ApproveInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/approval', { params: step(a), body })).data!;
}

export async function rejectApplication(a: Application, body: RejectInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/rejection', { params: step(a), body })).data!;
}

export async function cancelApplication(a: Application, body: CancelInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/cancellation', { params: step(a), body })).data!;
}

export async function disburseApplication(a: Application, body: DisburseInput, key: string) {
  return (
    await api.POST('/api/v1/assistance/applications/{id}/disbursement', {
      params: { ...step(a), header: { ...step(a).header, 'Idempotency-Key': key } },
      body,
    })
  ).data!;
}

export async function confirmReceipt(a: Application, body: ConfirmInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/confirmation', { params: step(a), body })).data!;
}

/** Draws the year's paid applications at random for a follow-up visit; each is drawn once, ever. */
export async function drawReceiptSample(body: DrawSampleInput) {
  return (await api.POST('/api/v1/assistance/receipt-samples', { body })).data!;
}

export async function recordFollowUp(a: Application, body: FollowUpInput) {
  return (await api.POST('/api/v1/assistance/applications/{id}/follow-up', { params: step(a), body })).data!;
}

export async function recordFundIncome(fundId: string, body: FundIncomeInput, key: string) {
  return (
    await api.POST('/api/v1/assistance/funds/{id}/income', {
      params: { path: { id: fundId }, header: { 'Idempotency-Key': key } },
      body,
    })
  ).data!;
}

export async function allocateFunds(fundId: string, body: AllocationInput, key: string) {
  return (
    await api.POST('/api/v1/assistance/funds/{id}/allocations', {
      params: { path: { id: fundId }, header: { 'Idempotency-Key': key } },
      body,
    })
  ).data!;
}

/**
 * The care fund's rules of the region a member's organization belongs to (the region's rule set, else the
 * default one): the categories' bands and the yearly cap shown beside the amount. The server decides anyway.
 */
export function useAssistanceRules(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['assistance', 'rules', organizationId],
    enabled: organizationId !== undefined,
    staleTime: 300_000,
    queryFn: async (): Promise<AssistanceRules | null> => {
      const organization = (await api.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId! } } }))
        .data!;
      const regionId = organization.regionRootId;
      const sets = (await api.GET('/api/v1/rule-sets', { params: { query: { pageSize: 200 } } })).data!.items;
      const set = sets.find((s) => s.regionRootId === regionId) ?? sets.find((s) => !s.regionRootId);
      if (!set) {
        return null;
      }
      const full = (await api.GET('/api/v1/rule-sets/{id}', { params: { path: { id: set.id } } })).data!;
      return full.document.assistance ?? null;
    },
  });
}
