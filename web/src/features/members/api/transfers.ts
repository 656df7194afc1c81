import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type Transfer = components['schemas']['TransferResponse'];
export type TransferDirection = components['schemas']['TransferDirection'];

export function useTransfers(direction: TransferDirection, expiredOnly: boolean, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'transfers', direction, expiredOnly, table],
    queryFn: async () =>
      (await api.GET('/api/v1/members/transfers', { params: { query: { direction, expiredOnly, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

/** A transfer letter's fields (the document states "to an organization or outside" as alternatives of one shape). */
export type TransferMemberInput = Exclude<components['schemas']['TransferMemberRequest'], Record<string, never>>;

export async function transferMember(memberId: string, body: TransferMemberInput) {
  await api.POST('/api/v1/members/{id}/transfers', { params: { path: { id: memberId } }, body });
}

/** Confirms receipt with the letter's version as If-Match (a 412 if someone else confirmed first). */
export async function receiveTransfer(transfer: Transfer) {
  await api.POST('/api/v1/members/transfers/{transferId}/receipt', {
    params: { path: { transferId: transfer.id }, header: { 'If-Match': etagOfVersion(transfer.version) } },
    body: {},
  });
}

export type WithdrawTransferInput = components['schemas']['WithdrawTransferRequest'];

/**
 * The sending side withdraws a letter awaiting receipt (expired or not), with a reason; the letter's version is the
 * If-Match (a 412 if it was received or withdrawn meanwhile).
 */
export async function withdrawTransfer(transfer: Transfer, body: WithdrawTransferInput) {
  await api.POST('/api/v1/members/transfers/{transferId}/withdrawal', {
    params: { path: { transferId: transfer.id }, header: { 'If-Match': etagOfVersion(transfer.version) } },
    body,
  });
}

/** The transfer letters of one side, whole, as filtered and sorted on screen. */
export async function exportTransfers(
  direction: TransferDirection,
  expiredOnly: boolean,
  sort: string | undefined,
  format: SpreadsheetFormat,
) {
  await downloadFile(
    `/api/v1/members/transfers/export?${queryString({ direction, expiredOnly, sort, format })}`,
    `transfers.${format.toLowerCase()}`,
  );
}
