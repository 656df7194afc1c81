import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import {
  overrideOf,
  StepDate,
  StepModal,
  type OverrideField,
  type StepFormProps,
} from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = Omit<StepBody<'Conversion'>, 'override'> & OverrideField;

/** 预备党员转正: the day the probation ends in full membership. */
export function ConversionForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  return (
    <StepModal<Values>
      step="Conversion"
      fields={['convertedOn']}
      initialValues={{ convertedOn: shanghaiToday() }}
      overridable
      onSubmit={({ overrideReason, ...values }) =>
        recordStep(memberId, 'Conversion', { ...values, override: overrideOf(overrideReason) })
      }
      onClose={onClose}
    >
      <StepDate name="convertedOn" label={t('pipeline.convertedOn')} />
    </StepModal>
  );
}
