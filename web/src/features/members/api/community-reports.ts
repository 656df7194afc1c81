import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type CommunityReport = components['schemas']['CommunityReport'];
export type ReportToCommunityInput = components['schemas']['ReportToCommunityRequest'];

/** 双报到: an in-service member reports to a residence community of any region; a new report ends the previous one. */
export async function reportToCommunity(memberId: string, input: ReportToCommunityInput): Promise<CommunityReport> {
  const { data } = await api.POST('/api/v1/members/{id}/community-reports', {
    params: { path: { id: memberId } },
    body: input,
  });
  return data!;
}

/** The members who reported to a community in the caller's scope, newest report first unless the table sorts. */
export function useCommunityReports(
  communityOrganizationId: string | undefined,
  includeEnded: boolean,
  table: TableQuery,
) {
  return useQuery({
    queryKey: ['members', 'community-reports', communityOrganizationId, includeEnded, table],
    queryFn: async () =>
      (
        await api.GET('/api/v1/members/community-reports', {
          params: { query: { communityOrganizationId: communityOrganizationId!, includeEnded, ...table } },
        })
      ).data!,
    enabled: communityOrganizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The members who reported to a community, whole. */
export async function exportCommunityReports(
  communityOrganizationId: string,
  includeEnded: boolean,
  sort: string | undefined,
  format: SpreadsheetFormat,
) {
  await downloadFile(
    `/api/v1/members/community-reports/export?${queryString({ communityOrganizationId, includeEnded, sort, format })}`,
    `community-reports.${format.toLowerCase()}`,
  );
}
