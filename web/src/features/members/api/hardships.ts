import { useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import type { components } from '@/types/api';

export type Hardship = components['schemas']['HardshipResponse'];
export type HardshipCategory = components['schemas']['HardshipCategory'];
export type RecordHardshipInput = components['schemas']['RecordHardshipRequest'];
export type EndHardshipInput = components['schemas']['EndHardshipRequest'];

export const hardshipCategories: HardshipCategory[] = [
  'Illness',
  'Disability',
  'Elderly',
  'LowIncome',
  'Disaster',
  'Other',
];

/** A member's hardship register entries (困难党员), newest first; notes only for callers who may see personal data. */
export function useHardships(memberId: string) {
  return useQuery({
    queryKey: ['members', 'hardships', memberId],
    queryFn: async () =>
      (await api.GET('/api/v1/members/{id}/hardships', { params: { path: { id: memberId } } })).data!,
  });
}

/** Puts a member on the hardship register; an entry still open is a 409 whose message says to end it first. */
export async function recordHardship(memberId: string, input: RecordHardshipInput) {
  await api.POST('/api/v1/members/{id}/hardships', { params: { path: { id: memberId } }, body: input });
}

/** Ends an entry on a day with the entry's version as If-Match (a 412 if someone else changed it first). */
export async function endHardship(memberId: string, hardship: Hardship, input: EndHardshipInput) {
  await api.PUT('/api/v1/members/{id}/hardships/{hardshipId}', {
    params: {
      path: { id: memberId, hardshipId: hardship.id },
      header: { 'If-Match': etagOfVersion(hardship.version) },
    },
    body: input,
  });
}
