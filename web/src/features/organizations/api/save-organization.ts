import { api, etagOf } from '@/lib/api-client';
import type { components } from '@/types/api';

export type OrganizationInput = components['schemas']['UpdateOrganizationRequest'];
export type OrganizationKind = components['schemas']['OrganizationKind'];
export type OrganizationField = components['schemas']['OrganizationField'];

/** Creates an organization under a parent; answers with the new organization and its ETag. */
export async function createOrganization(parentId: string, input: OrganizationInput) {
  const { data, response } = await api.POST('/api/v1/organizations', { body: { ...input, parentId } });
  return { organization: data!, etag: etagOf(response) };
}

/** Updates with If-Match: a 412 means someone else changed it since it was read. */
export async function updateOrganization(id: string, etag: string, input: OrganizationInput) {
  const { data, response } = await api.PUT('/api/v1/organizations/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: input,
  });
  return { organization: data!, etag: etagOf(response) };
}
