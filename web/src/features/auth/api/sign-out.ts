import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export async function signOut(): Promise<void> {
  await api.POST('/api/v1/auth/sign-out');
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({ mutationFn: signOut, onSuccess: () => client.clear() });
}
