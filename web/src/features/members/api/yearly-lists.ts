import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type MemberListKind = components['schemas']['MemberListKind'];
export type MemberOnList = components['schemas']['MemberOnList'];
export type MemberStatistics = components['schemas']['MemberStatistics'];
export type RecordMedalInput = components['schemas']['RecordMedalRequest'];

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
      (
        await api.GET('/api/v1/members/lists/{kind}', {
          params: { path: { kind }, query: { ...filter, page: table.page, pageSize: table.pageSize } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

export function useMemberStatistics(organizationId: string | undefined, admittedYear: number | undefined) {
  return useQuery({
    queryKey: ['members', 'stats', organizationId, admittedYear],
    queryFn: async () =>
      (await api.GET('/api/v1/members/stats', { params: { query: { organizationId, admittedYear } } })).data!,
  });
}

/** A yearly list, whole, with the filters on screen. */
export async function exportMemberList(kind: MemberListKind, filter: ListFilter, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/members/lists/${kind}/export?${queryString({ ...filter, format })}`,
    `${kind}.${format.toLowerCase()}`,
  );
}

/** 光荣在党50年 given: once per member, with the year and who gave it (409 medal_not_due, medal_already_given). */
export async function recordMedal(member: Pick<MemberOnList, 'id' | 'version'>, input: RecordMedalInput) {
  await api.POST('/api/v1/members/{id}/medal', {
    params: { path: { id: member.id }, header: { 'If-Match': etagOfVersion(member.version) } },
    body: input,
  });
}
