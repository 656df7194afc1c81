import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

export type MicroWish = components['schemas']['MicroWishResponse'];
export type WishState = components['schemas']['WishState'];
export type WishKind = components['schemas']['WishKind'];
export type WishClaimantKind = components['schemas']['WishClaimantKind'];
export type PlaceMicroWishInput = components['schemas']['PlaceMicroWishRequest'];
export type ClaimMicroWishInput = components['schemas']['ClaimMicroWishRequest'];
export type DeliverMicroWishInput = components['schemas']['DeliverMicroWishRequest'];
export type ConfirmMicroWishReceiptInput = components['schemas']['ConfirmMicroWishReceiptRequest'];
export type CancelMicroWishInput = components['schemas']['CancelMicroWishRequest'];
export type RevealableWishField = components['schemas']['RevealableWishField'];
export type PublicWishWall = components['schemas']['PublicWishWallResponse'];

export const wishKinds: WishKind[] = ['ChildLeftBehind', 'Elderly', 'FamilyInHardship', 'Other'];
export const wishStates: WishState[] = ['Open', 'Claimed', 'Delivered', 'Received', 'Cancelled'];
export const claimantKinds: WishClaimantKind[] = ['Organization', 'Member', 'Team'];

export interface MicroWishFilter {
  state?: WishState;
  organizationId?: string;
  includeDescendants?: boolean;
  year?: number;
}

/** The wishes in the caller's organizations, as filtered, paged and sorted on screen. */
export function useMicroWishes(filter: MicroWishFilter, table: TableQuery) {
  return useQuery({
    queryKey: ['volunteering', 'wishes', filter, table],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/wishes', { params: { query: { ...filter, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}

/** This year's wishes per community (placed, claimed, delivered, received) within the filter's organization. */
export function useMicroWishCounts(organizationId: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['volunteering', 'wishes', 'counts', organizationId, year],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/wishes/counts', { params: { query: { organizationId, year } } })).data!,
  });
}

export async function placeMicroWish(body: PlaceMicroWishInput) {
  await api.POST('/api/v1/volunteering/wishes', { body });
}

const step = (wish: MicroWish) => ({
  path: { wishId: wish.id },
  header: { 'If-Match': etagOfVersion(wish.version) },
});

/** Claims with the wish's version as If-Match: a wish someone else claimed first is 409 wish_already_claimed. */
export async function claimMicroWish(wish: MicroWish, body: ClaimMicroWishInput) {
  await api.POST('/api/v1/volunteering/wishes/{wishId}/claim', { params: step(wish), body });
}

export async function deliverMicroWish(wish: MicroWish, body: DeliverMicroWishInput) {
  await api.POST('/api/v1/volunteering/wishes/{wishId}/delivery', { params: step(wish), body });
}

export async function confirmMicroWishReceipt(wish: MicroWish, body: ConfirmMicroWishReceiptInput) {
  await api.POST('/api/v1/volunteering/wishes/{wishId}/receipt', { params: step(wish), body });
}

export async function cancelMicroWish(wish: MicroWish, body: CancelMicroWishInput) {
  await api.POST('/api/v1/volunteering/wishes/{wishId}/cancellation', { params: step(wish), body });
}

/** The resident's name or phone in full: a reason, an audit row, an hourly limit. */
export async function revealMicroWishData(wish: MicroWish, field: RevealableWishField, reason: string) {
  const { data } = await api.POST('/api/v1/volunteering/wishes/{wishId}/reveal', {
    params: { path: { wishId: wish.id } },
    body: { field, reason },
  });
  return data!.value ?? null;
}

/** The wishes, whole, as filtered and sorted on screen (names and phones masked). */
export async function exportMicroWishes(filter: MicroWishFilter, sort: string | undefined, format: SpreadsheetFormat) {
  await downloadFile(
    `/api/v1/volunteering/wishes/export?${queryString({ ...filter, sort, format })}`,
    `micro-wishes.${format.toLowerCase()}`,
  );
}

/** A region's public wall, read without signing in. */
export function usePublicWishWall(regionId: string, pageSize: number) {
  return useQuery({
    queryKey: ['public', 'wishes', regionId, pageSize],
    queryFn: async () =>
      (
        await api.GET('/api/v1/public/wishes/{regionId}', {
          params: { path: { regionId }, query: { pageSize } },
        })
      ).data!,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
