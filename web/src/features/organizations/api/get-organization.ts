import { useQuery } from '@tanstack/react-query';
import { api, etagOf } from '@/lib/api-client';
import type { components } from '@/types/api';

export type Organization = components['schemas']['OrganizationResponse'];

export async function getOrganization(id: string): Promise<{ organization: Organization; etag: string }> {
  const { data, response } = await api.GET('/api/v1/organizations/{id}', { params: { path: { id } } });
  return { organization: data!, etag: etagOf(response) };
}

export function useOrganization(id: string | undefined) {
  return useQuery({ queryKey: ['organizations', id], queryFn: () => getOrganization(id!), enabled: id !== undefined });
}
