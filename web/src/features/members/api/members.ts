import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOf, etagOfVersion, fetchRaw } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
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

/** A member's death: the record leaves the active register and its lists (409 transfer_pending while a letter awaits receipt). */
export async function recordDeath(id: string, etag: string, diedOn: string | null | undefined) {
  await api.POST('/api/v1/members/{id}/death', { params: { path: { id }, header: { 'If-Match': etag } }, body: { diedOn } });
}

/** The whole value of a masked field: needs the reveal permission and a reason; the server audits it. Hardship notes name their entry. */
export async function revealMemberData(id: string, field: RevealableField, reason: string, hardshipId?: string): Promise<string | null> {
  const { data } = await api.POST('/api/v1/members/{id}/reveal', { params: { path: { id } }, body: { field, reason, hardshipId } });
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
  Talk: '/api/v1/members/{id}/pipeline/talk',
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

export type Hardship = components['schemas']['HardshipResponse'];
export type HardshipCategory = components['schemas']['HardshipCategory'];
export type RecordHardshipInput = components['schemas']['RecordHardshipRequest'];

export const hardshipCategories: HardshipCategory[] = ['Illness', 'Disability', 'Elderly', 'LowIncome', 'Disaster', 'Other'];

/** A member's hardship register entries (困难党员), newest first; notes only for callers who may see personal data. */
export function useHardships(memberId: string) {
  return useQuery({
    queryKey: ['members', 'hardships', memberId],
    queryFn: async () => (await api.GET('/api/v1/members/{id}/hardships', { params: { path: { id: memberId } } })).data!,
  });
}

/** Puts a member on the hardship register; an entry still open is a 409 whose message says to end it first. */
export async function recordHardship(memberId: string, input: RecordHardshipInput) {
  await api.POST('/api/v1/members/{id}/hardships', { params: { path: { id: memberId } }, body: input });
}

/** Ends an entry on a day with the entry's version as If-Match (a 412 if someone else changed it first). */
export async function endHardship(memberId: string, hardship: Hardship, until: string | null | undefined) {
  await api.PUT('/api/v1/members/{id}/hardships/{hardshipId}', {
    params: { path: { id: memberId, hardshipId: hardship.id }, header: { 'If-Match': etagOfVersion(hardship.version) } },
    body: { until },
  });
}

export type CommunityReport = components['schemas']['CommunityReport'];
export type ReportToCommunityInput = components['schemas']['ReportToCommunityRequest'];

/** 双报到: an in-service member reports to a residence community of any region; a new report ends the previous one. */
export async function reportToCommunity(memberId: string, input: ReportToCommunityInput): Promise<CommunityReport> {
  const { data } = await api.POST('/api/v1/members/{id}/community-reports', { params: { path: { id: memberId } }, body: input });
  return data!;
}

/** The members who reported to a community in the caller's scope, newest report first unless the table sorts. */
export function useCommunityReports(communityOrganizationId: string | undefined, includeEnded: boolean, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'community-reports', communityOrganizationId, includeEnded, table],
    queryFn: async () =>
      (await api.GET('/api/v1/members/community-reports', {
        params: { query: { communityOrganizationId: communityOrganizationId!, includeEnded, ...table } },
      })).data!,
    enabled: communityOrganizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export type Meeting = components['schemas']['MeetingResponse'];
export type MeetingKind = components['schemas']['MeetingKind'];
export type RecordMeetingInput = components['schemas']['RecordMeetingRequest'];

/** 三会一课 and the theme day. */
export const meetingKinds: MeetingKind[] = ['GeneralMeeting', 'CommitteeMeeting', 'GroupMeeting', 'PartyLecture', 'ThemeDay'];

/** An organization's organization life, newest first unless the table sorts. */
export function useMeetings(organizationId: string | undefined, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'meetings', organizationId, table],
    queryFn: async () =>
      (await api.GET('/api/v1/members/meetings', { params: { query: { organizationId: organizationId!, ...table } } })).data!,
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Records a meeting with its attendees (active members of that organization itself); their last organization-life date follows. */
export async function recordMeeting(input: RecordMeetingInput): Promise<Meeting> {
  const { data } = await api.POST('/api/v1/members/meetings', { body: input });
  return data!;
}

export type ImportReport = components['schemas']['ImportReport'];
export type ImportResult = components['schemas']['ImportMembersResult'];

function upload(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Checks a spreadsheet for import under an organization; nothing is written. */
export async function validateImport(organizationId: string, file: File): Promise<ImportReport> {
  const response = await fetchRaw(`/api/v1/members/import/validate?organizationId=${encodeURIComponent(organizationId)}`, { method: 'POST', body: upload(file) });
  return (await response.json()) as ImportReport;
}

/** Imports the whole file in one transaction (a file with problems is 400 import_has_errors, nothing written). */
export async function commitImport(organizationId: string, file: File): Promise<ImportResult> {
  const response = await fetchRaw(`/api/v1/members/import?organizationId=${encodeURIComponent(organizationId)}`, {
    method: 'POST',
    body: upload(file),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  return (await response.json()) as ImportResult;
}

export async function downloadImportTemplate() {
  await downloadFile('/api/v1/members/import/template', 'member-import-template.xlsx');
}

/** The register as filtered and sorted on screen: masked, or whole with a reason (members.reveal-pii; one audited reveal). */
export async function exportMembers(filter: MemberFilter, sort: string | undefined, format: SpreadsheetFormat, revealReason?: string) {
  // A blank reason is still sent, so the server refuses it on its field rather than exporting masked.
  const reveal = revealReason === undefined ? '' : `&revealReason=${encodeURIComponent(revealReason)}`;
  await downloadFile(`/api/v1/members/export?${queryString({ ...filter, sort, format })}${reveal}`, `members.${format.toLowerCase()}`);
}

/** A yearly list, whole, with the filters on screen. */
export async function exportMemberList(kind: MemberListKind, filter: ListFilter, format: SpreadsheetFormat) {
  await downloadFile(`/api/v1/members/lists/${kind}/export?${queryString({ ...filter, format })}`, `${kind}.${format.toLowerCase()}`);
}

/** The transfer letters of one side, whole, as filtered and sorted on screen. */
export async function exportTransfers(direction: TransferDirection, expiredOnly: boolean, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(`/api/v1/members/transfers/export?${queryString({ direction, expiredOnly, sort, format })}`, `transfers.${format.toLowerCase()}`);
}

/** The members who reported to a community, whole. */
export async function exportCommunityReports(communityOrganizationId: string, includeEnded: boolean, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(`/api/v1/members/community-reports/export?${queryString({ communityOrganizationId, includeEnded, sort, format })}`,
    `community-reports.${format.toLowerCase()}`);
}

/** An organization's organization life, whole. */
export async function exportMeetings(organizationId: string, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(`/api/v1/members/meetings/export?${queryString({ organizationId, sort, format })}`, `meetings.${format.toLowerCase()}`);
}
