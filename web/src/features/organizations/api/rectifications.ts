import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOf } from '@/lib/api-client';
import type { components } from '@/types/api';
import type { TableQuery } from '@/hooks/use-table-state';

export type RectificationListItem = components['schemas']['RectificationListItem'];
export type Rectification = components['schemas']['RectificationResponse'];
export type RectificationInput = components['schemas']['RectificationFields'];
export type RectificationStatus = components['schemas']['RectificationStatus'];
export type RectificationNoteInput = components['schemas']['AddRectificationNoteRequest'];
export type CloseRectificationInput = components['schemas']['CloseRectificationRequest'];

export interface RectificationFilter {
  status?: RectificationStatus;
  includeDescendants: boolean;
  overdueOnly: boolean;
}

/** Rectifications of an organization (or its whole subtree), or only the overdue ones in the subtree. */
export function useRectifications(id: string, filter: RectificationFilter, table: TableQuery) {
  return useQuery({
    queryKey: ['organizations', id, 'rectifications', filter, table],
    queryFn: async () =>
      filter.overdueOnly
        ? (
            await api.GET('/api/v1/organizations/{id}/rectifications/overdue', {
              params: { path: { id }, query: table },
            })
          ).data!
        : (
            await api.GET('/api/v1/organizations/{id}/rectifications', {
              params: {
                path: { id },
                query: { ...table, status: filter.status, includeDescendants: filter.includeDescendants },
              },
            })
          ).data!,
    placeholderData: keepPreviousData,
  });
}

/** One rectification with its progress notes, and the ETag for the next change. */
export function useRectification(organizationId: string, rectificationId: string | undefined) {
  return useQuery({
    queryKey: ['organizations', organizationId, 'rectification', rectificationId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/organizations/{id}/rectifications/{rectificationId}', {
        params: { path: { id: organizationId, rectificationId: rectificationId! } },
      });
      return { rectification: data!, etag: etagOf(response) };
    },
    enabled: rectificationId !== undefined,
  });
}

export async function openRectification(id: string, input: RectificationInput) {
  await api.POST('/api/v1/organizations/{id}/rectifications', { params: { path: { id } }, body: input });
}

/** Notes are appended, so concurrent notes never conflict: no If-Match. */
export async function addRectificationNote(id: string, rectificationId: string, input: RectificationNoteInput) {
  await api.POST('/api/v1/organizations/{id}/rectifications/{rectificationId}/notes', {
    params: { path: { id, rectificationId } },
    body: input,
  });
}

export async function closeRectification(
  id: string,
  rectificationId: string,
  etag: string,
  input: CloseRectificationInput,
) {
  await api.POST('/api/v1/organizations/{id}/rectifications/{rectificationId}/close', {
    params: { path: { id, rectificationId }, header: { 'If-Match': etag } },
    body: input,
  });
}
