import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type Pipeline = components['schemas']['PipelineView'];
export type PipelineStep = components['schemas']['PipelineStep'];

export function usePipeline(memberId: string) {
  return useQuery({
    queryKey: ['members', 'pipeline', memberId],
    queryFn: async () => (await api.GET('/api/v1/members/{id}/pipeline', { params: { path: { id: memberId } } })).data!,
  });
}

const stepRoutes = {
  Talk: '/api/v1/members/{id}/pipeline/talk',
  Activist: '/api/v1/members/{id}/pipeline/activist',
  Candidate: '/api/v1/members/{id}/pipeline/candidate',
  Admission: '/api/v1/members/{id}/pipeline/admission',
  Conversion: '/api/v1/members/{id}/pipeline/conversion',
  Extension: '/api/v1/members/{id}/pipeline/extension',
  Cancellation: '/api/v1/members/{id}/pipeline/cancellation',
} as const;

export type RecordableStep = keyof typeof stepRoutes;

/** Records a step; a step before its earliest date comes back as a 409 whose message names the date. */
export async function recordStep(memberId: string, step: RecordableStep, body: Record<string, unknown>) {
  // Each route has its own body type; the form supplies the fields that step asks for.
  await api.POST(stepRoutes[step], { params: { path: { id: memberId } }, body: body as never });
}
