import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOf, etagOfVersion } from '@/lib/api-client';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type Member = components['schemas']['MemberResponse'];
export type MemberListItem = components['schemas']['MemberListItem'];
export type CreateMemberInput = components['schemas']['CreateMemberRequest'];
export type UpdateMemberInput = components['schemas']['UpdateMemberRequest'];
export type MemberStage = components['schemas']['MemberStage'];
export type MemberCategory = components['schemas']['MemberCategory'];
export type MemberStatus = components['schemas']['MemberStatus'];
export type Education = components['schemas']['Education'];
export type RevealableField = components['schemas']['RevealableMemberField'];

export const stages: MemberStage[] = ['Applicant', 'Activist', 'Candidate', 'Probationary', 'Full'];
export const categories: MemberCategory[] = ['InService', 'Retired', 'Floating', 'Student', 'Farmer', 'Other'];
export const statuses: MemberStatus[] = ['Active', 'TransferredOut', 'Deceased', 'Cancelled'];
export const educations: Education[] = ['Primary', 'JuniorHigh', 'SeniorHigh', 'Vocational', 'College', 'Bachelor', 'Master', 'Doctorate'];

export interface MemberFilter {
  q?: string;
  organizationId?: string;
  includeDescendants: boolean;
  stage?: MemberStage;
  category?: MemberCategory;
  status?: MemberStatus;
  ageFrom?: number;
  ageTo?: number;
  joinYear?: number;
  inHardship?: boolean;
}

export function useMembers(filter: MemberFilter, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'list', filter, table],
    queryFn: async () => (await api.GET('/api/v1/members', { params: { query: { ...filter, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | undefined) {
  return useQuery({
    queryKey: ['members', 'one', id],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/members/{id}', { params: { path: { id: id! } } });
      return { member: data!, etag: etagOf(response) };
    },
    enabled: id !== undefined,
  });
}

export async function createMember(input: CreateMemberInput): Promise<Member> {
  const { data } = await api.POST('/api/v1/members', { body: input });
  return data!;
}

/** The ID number and phone are only known masked: null keeps them, an empty phone removes it. */
export async function updateMember(id: string, etag: string, input: UpdateMemberInput) {
  await api.PUT('/api/v1/members/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: input });
}

/** The whole value of a masked field: needs the reveal permission and a reason; the server audits it. */
export async function revealMemberData(id: string, field: RevealableField, reason: string): Promise<string | null> {
  const { data } = await api.POST('/api/v1/members/{id}/reveal', { params: { path: { id } }, body: { field, reason } });
  return data!.value ?? null;
}

export type Pipeline = components['schemas']['PipelineView'];
export type PipelineStep = components['schemas']['PipelineStep'];

export function usePipeline(memberId: string) {
  return useQuery({
    queryKey: ['members', 'pipeline', memberId],
    queryFn: async () => (await api.GET('/api/v1/members/{id}/pipeline', { params: { path: { id: memberId } } })).data!,
  });
}

const stepRoutes = {
  Activist: '/api/v1/members/{id}/pipeline/activist',
  Candidate: '/api/v1/members/{id}/pipeline/candidate',
  Admission: '/api/v1/members/{id}/pipeline/admission',
  Conversion: '/api/v1/members/{id}/pipeline/conversion',
  Extension: '/api/v1/members/{id}/pipeline/extension',
  Cancellation: '/api/v1/members/{id}/pipeline/cancellation',
} as const;

export type RecordableStep = keyof typeof stepRoutes;

/** Records a step; a step before its earliest date comes back as a 409 whose message names the date. */
export async function recordStep(memberId: string, step: RecordableStep, body: Record<string, unknown>) {
  // Each route has its own body type; the form supplies the fields that step asks for.
  await api.POST(stepRoutes[step], { params: { path: { id: memberId } }, body: body as never });
}

export type MemberListKind = components['schemas']['MemberListKind'];
export type MemberOnList = components['schemas']['MemberOnList'];
export type MemberStatistics = components['schemas']['MemberStatistics'];

export interface ListFilter {
  organizationId?: string;
  month?: number;
  year?: number;
  withinDays?: number;
}

export function useMemberList(kind: MemberListKind, filter: ListFilter, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'lists', kind, filter, table],
    queryFn: async () =>
      (await api.GET('/api/v1/members/lists/{kind}', { params: { path: { kind }, query: { ...filter, page: table.page, pageSize: table.pageSize } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useMemberStatistics(organizationId: string | undefined, admittedYear: number | undefined) {
  return useQuery({
    queryKey: ['members', 'stats', organizationId, admittedYear],
    queryFn: async () => (await api.GET('/api/v1/members/stats', { params: { query: { organizationId, admittedYear } } })).data!,
  });
}

export type Transfer = components['schemas']['TransferResponse'];
export type TransferDirection = components['schemas']['TransferDirection'];

export function useTransfers(direction: TransferDirection, expiredOnly: boolean, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'transfers', direction, expiredOnly, table],
    queryFn: async () => (await api.GET('/api/v1/members/transfers', { params: { query: { direction, expiredOnly, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export async function transferMember(memberId: string, body: components['schemas']['TransferMemberRequest']) {
  await api.POST('/api/v1/members/{id}/transfers', { params: { path: { id: memberId } }, body });
}

/** Confirms receipt with the letter's version as If-Match (a 412 if someone else confirmed first). */
export async function receiveTransfer(transfer: Transfer) {
  await api.POST('/api/v1/members/transfers/{transferId}/receipt', {
    params: { path: { transferId: transfer.id }, header: { 'If-Match': etagOfVersion(transfer.version) } },
    body: {},
  });
}
