import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { components } from '@/types/api';
import type { TableQuery } from '@/hooks/use-table-state';

export type Pairing = components['schemas']['PairingResponse'];
export type PairingKind = components['schemas']['PairingKind'];
export type CreatePairingInput = components['schemas']['CreatePairingRequest'];
export type PairingTerms = components['schemas']['PairingTerms'];

export function usePairings(id: string, kind: PairingKind | undefined, activeOnly: boolean, table: TableQuery) {
  return useQuery({
    queryKey: ['organizations', id, 'pairings', kind, activeOnly, table],
    queryFn: async () =>
      (
        await api.GET('/api/v1/organizations/{id}/pairings', {
          params: { path: { id }, query: { ...table, kind, activeOnly } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
}

export async function createPairing(id: string, input: CreatePairingInput) {
  await api.POST('/api/v1/organizations/{id}/pairings', { params: { path: { id } }, body: input });
}

/** Changes a pairing's dates or notes (ending it sets endsOn); `version` is the row's, for If-Match. */
export async function updatePairing(id: string, pairingId: string, version: number, terms: PairingTerms) {
  await api.PUT('/api/v1/organizations/{id}/pairings/{pairingId}', {
    params: { path: { id, pairingId }, header: { 'If-Match': etagOfVersion(version) } },
    body: terms,
  });
}
