import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type CurrentUser = components['schemas']['CurrentUserResponse'];

export const meQueryKey = ['auth', 'me'] as const;

export async function getMe(): Promise<CurrentUser> {
  const { data } = await api.GET('/api/v1/auth/me');
  return data!;
}

/** The signed-in user; a 401 means nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, retry: false, staleTime: 60_000 });
}

/** Whether the signed-in user holds a permission, to show only the actions the server would allow. */
export function useCan(permission: string): boolean {
  return useMe().data?.permissions.includes(permission) ?? false;
}
