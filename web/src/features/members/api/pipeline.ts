import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components, paths } from '@/types/api';

export type Pipeline = components['schemas']['PipelineView'];
export type PipelineStep = components['schemas']['PipelineStep'];
/** A date rule set aside with a reason (members.override). */
export type StepOverride = components['schemas']['StepOverride'];

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

type StepBodies = {
  [S in RecordableStep]: NonNullable<
    paths[(typeof stepRoutes)[S]]['post']['requestBody']
  >['content']['application/json'];
};

/** What one step's route takes (the talk's date and interviewer, the vote's counts, …). */
export type StepBody<S extends RecordableStep> = StepBodies[S];

// One typed call per route, so a step's body is checked against that route's own schema.
const post: { [S in RecordableStep]: (id: string, body: StepBodies[S]) => Promise<unknown> } = {
  Talk: (id, body) => api.POST(stepRoutes.Talk, { params: { path: { id } }, body }),
  Activist: (id, body) => api.POST(stepRoutes.Activist, { params: { path: { id } }, body }),
  Candidate: (id, body) => api.POST(stepRoutes.Candidate, { params: { path: { id } }, body }),
  Admission: (id, body) => api.POST(stepRoutes.Admission, { params: { path: { id } }, body }),
  Conversion: (id, body) => api.POST(stepRoutes.Conversion, { params: { path: { id } }, body }),
  Extension: (id, body) => api.POST(stepRoutes.Extension, { params: { path: { id } }, body }),
  Cancellation: (id, body) => api.POST(stepRoutes.Cancellation, { params: { path: { id } }, body }),
};

/**
 * Records a step and answers with the pipeline as it now stands (a failed vote is recorded too, the stage unchanged);
 * a step before its earliest date comes back as a 409 whose message names the date.
 */
export async function recordStep<S extends RecordableStep>(
  memberId: string,
  step: S,
  body: StepBody<S>,
): Promise<Pipeline | undefined> {
  return ((await post[step](memberId, body)) as { data?: Pipeline }).data;
}
