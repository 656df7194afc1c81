import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import { inboxFilter, type Inbox } from '@/features/assistance/api/applications';
import type { LedgerQuery } from '@/features/assistance/api/funds';
import type { components } from '@/types/api';

export type AssistanceStatistics = components['schemas']['AssistanceStatistics'];
export type FundStatement = components['schemas']['FundStatement'];

/** Which organization's subtree and which year (none: every year). */
export interface StatisticsQuery {
  organizationId?: string;
  year?: number;
}

/** `ready`: false while the caller's own scope (the default organization) is not known yet. */
export function useAssistanceStatistics(query: StatisticsQuery, ready = true) {
  return useQuery({
    queryKey: ['assistance', 'statistics', query],
    queryFn: async () =>
      (
        await api.GET('/api/v1/assistance/statistics', {
          params: { query: { organizationId: query.organizationId, year: query.year } },
        })
      ).data!,
    enabled: ready,
  });
}

export async function exportAssistanceStatistics(query: StatisticsQuery, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/assistance/statistics/export?${queryString({ ...query, format })}`,
    `assistance-statistics.${format.toLowerCase()}`,
  );
}

export function useFundStatement(id: string | undefined, year: number) {
  return useQuery({
    queryKey: ['assistance', 'funds', id, 'statement', year],
    queryFn: async () =>
      (await api.GET('/api/v1/assistance/funds/{id}/statement', { params: { path: { id: id! }, query: { year } } }))
        .data!,
    enabled: id !== undefined,
  });
}

/** The ledger as filtered on screen (every page). */
export async function exportLedger(id: string, query: Omit<LedgerQuery, 'page'>, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/assistance/funds/${id}/entries/export?${queryString({ ...query, format })}`,
    `fund-ledger.${format.toLowerCase()}`,
  );
}

/** An inbox's applications as listed (its filter and sort). */
export async function exportApplications(inbox: Inbox, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/assistance/applications/export?${queryString({ ...inboxFilter(inbox), sort, format })}`,
    `applications.${format.toLowerCase()}`,
  );
}
