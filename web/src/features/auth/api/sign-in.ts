import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';

export interface SignInInput {
  username: string;
  password: string;
}

export async function signIn(input: SignInInput): Promise<void> {
  await api.POST('/api/v1/auth/sign-in', { body: input });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({ mutationFn: signIn, onSuccess: () => client.invalidateQueries({ queryKey: meQueryKey }) });
}
