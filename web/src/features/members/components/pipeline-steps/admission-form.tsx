import { Form, InputNumber } from 'antd';
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

type Values = Omit<StepBody<'Admission'>, 'override'> & OverrideField;

/** 接收预备党员: the pre-review, the branch's vote and the higher committee's approval. */
export function AdmissionForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  const today = shanghaiToday();
  return (
    <StepModal<Values>
      step="Admission"
      fields={['preReviewedOn', 'voteOn', 'entitledVoters', 'votesFor', 'approvedOn']}
      initialValues={{ preReviewedOn: today, voteOn: today, approvedOn: today }}
      overridable
      onSubmit={({ overrideReason, ...values }) =>
        recordStep(memberId, 'Admission', { ...values, override: overrideOf(overrideReason) })
      }
      onClose={onClose}
    >
      <StepDate name="preReviewedOn" label={t('pipeline.preReviewedOn')} />
      <StepDate name="voteOn" label={t('pipeline.voteOn')} />
      <Form.Item label={t('pipeline.entitledVoters')} name="entitledVoters" required>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.votesFor')} name="votesFor" required>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <StepDate name="approvedOn" label={t('pipeline.approvedOn')} />
    </StepModal>
  );
}
