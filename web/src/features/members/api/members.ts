import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOf } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type Member = components['schemas']['MemberResponse'];
export type MemberListItem = components['schemas']['MemberListItem'];
export type CreateMemberInput = components['schemas']['CreateMemberRequest'];
export type UpdateMemberInput = components['schemas']['UpdateMemberRequest'];
export type RecordDeathInput = components['schemas']['RecordDeathRequest'];
export type MemberStage = components['schemas']['MemberStage'];
export type MemberCategory = components['schemas']['MemberCategory'];
export type MemberStatus = components['schemas']['MemberStatus'];
export type Education = components['schemas']['Education'];
export type RevealableField = components['schemas']['RevealableMemberField'];

export const stages: MemberStage[] = ['Applicant', 'Activist', 'Candidate', 'Probationary', 'Full'];
export const categories: MemberCategory[] = ['InService', 'Retired', 'Floating', 'Student', 'Farmer', 'Other'];
export const statuses: MemberStatus[] = ['Active', 'TransferredOut', 'Deceased', 'Cancelled'];
export const educations: Education[] = [
  'Primary',
  'JuniorHigh',
  'SeniorHigh',
  'Vocational',
  'College',
  'Bachelor',
  'Master',
  'Doctorate',
];

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

export function useMembers(filter: MemberFilter, table: TableQuery, enabled = true) {
  return useQuery({
    queryKey: ['members', 'list', filter, table],
    queryFn: async () => (await api.GET('/api/v1/members', { params: { query: { ...filter, ...table } } })).data!,
    placeholderData: keepPreviousData,
    enabled,
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

/**
 * A member's death: the record leaves the active register and its lists (409 transfer_pending while a valid letter
 * awaits receipt).
 */
export async function recordDeath(id: string, etag: string, input: RecordDeathInput) {
  await api.POST('/api/v1/members/{id}/death', { params: { path: { id }, header: { 'If-Match': etag } }, body: input });
}

/**
 * The whole value of a masked field: needs the reveal permission and
 * a reason; the server audits it. Hardship notes name their entry.
 */
export async function revealMemberData(
  id: string,
  field: RevealableField,
  reason: string,
  hardshipId?: string,
): Promise<string | null> {
  const { data } = await api.POST('/api/v1/members/{id}/reveal', {
    params: { path: { id } },
    body: { field, reason, hardshipId },
  });
  return data!.value ?? null;
}

/**
 * The register as filtered and sorted on screen: masked, or
 * whole with a reason (members.reveal-pii; one audited reveal).
 */
export async function exportMembers(
  filter: MemberFilter,
  sort: string | undefined,
  format: SpreadsheetFormat,
  revealReason?: string,
) {
  // A blank reason is still sent, so the server refuses it on its field rather than exporting masked.
  const reveal = revealReason === undefined ? '' : `&revealReason=${encodeURIComponent(revealReason)}`;
  await downloadFile(
    `/api/v1/members/export?${queryString({ ...filter, sort, format })}${reveal}`,
    `members.${format.toLowerCase()}`,
  );
}
