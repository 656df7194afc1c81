import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type Meeting = components['schemas']['MeetingResponse'];
export type MeetingKind = components['schemas']['MeetingKind'];
export type RecordMeetingInput = components['schemas']['RecordMeetingRequest'];

/** 三会一课 and the theme day. */
export const meetingKinds: MeetingKind[] = [
  'GeneralMeeting',
  'CommitteeMeeting',
  'GroupMeeting',
  'PartyLecture',
  'ThemeDay',
];

/** An organization's organization life, newest first unless the table sorts. */
export function useMeetings(organizationId: string | undefined, table: TableQuery) {
  return useQuery({
    queryKey: ['members', 'meetings', organizationId, table],
    queryFn: async () =>
      (await api.GET('/api/v1/members/meetings', { params: { query: { organizationId: organizationId!, ...table } } }))
        .data!,
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Records a meeting with its attendees (active members of that
 * organization itself); their last organization-life date follows.
 */
export async function recordMeeting(input: RecordMeetingInput): Promise<Meeting> {
  const { data } = await api.POST('/api/v1/members/meetings', { body: input });
  return data!;
}

/** An organization's organization life, whole. */
export async function exportMeetings(organizationId: string, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/members/meetings/export?${queryString({ organizationId, sort, format })}`,
    `meetings.${format.toLowerCase()}`,
  );
}
