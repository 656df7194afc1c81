import type { ComponentType } from 'react';
import type { RecordableStep } from '@/features/members/api/pipeline';
import { ActivistForm } from '@/features/members/components/pipeline-steps/activist-form';
import { AdmissionForm } from '@/features/members/components/pipeline-steps/admission-form';
import { CancellationForm } from '@/features/members/components/pipeline-steps/cancellation-form';
import { CandidateForm } from '@/features/members/components/pipeline-steps/candidate-form';
import { ConversionForm } from '@/features/members/components/pipeline-steps/conversion-form';
import { ExtensionForm } from '@/features/members/components/pipeline-steps/extension-form';
import type { StepFormProps } from '@/features/members/components/pipeline-steps/step-modal';
import { TalkForm } from '@/features/members/components/pipeline-steps/talk-form';

/** Each recordable step's dialog, one file per step: a new step or field changes that step's file only. */
export const stepForms: Record<RecordableStep, ComponentType<StepFormProps>> = {
  Talk: TalkForm,
  Activist: ActivistForm,
  Candidate: CandidateForm,
  Admission: AdmissionForm,
  Conversion: ConversionForm,
  Extension: ExtensionForm,
  Cancellation: CancellationForm,
};
