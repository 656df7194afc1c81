import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import { IntroducerSelect } from '@/features/members/components/pipeline-steps/introducer-select';
import {
  overrideOf,
  StepDate,
  StepModal,
  type OverrideField,
  type StepFormProps,
} from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = Omit<StepBody<'Candidate'>, 'override'> & OverrideField;

/** 确定发展对象: introducers, the political review, the training, the public notice. */
export function CandidateForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  const today = shanghaiToday();
  return (
    <StepModal<Values>
      step="Candidate"
      fields={['decidedOn', 'introducerIds', 'politicalReviewOn', 'trainingHours', 'noticeFrom', 'noticeTo']}
      initialValues={{ decidedOn: today, politicalReviewOn: today, trainingHours: 24 }}
      overridable
      onSubmit={({ overrideReason, ...values }) =>
        recordStep(memberId, 'Candidate', { ...values, override: overrideOf(overrideReason) })
      }
      onClose={onClose}
    >
      <StepDate name="decidedOn" label={t('pipeline.decidedOn')} />
      <Form.Item label={t('pipeline.introducers')} name="introducerIds" required>
        <IntroducerSelect />
      </Form.Item>
      <StepDate name="politicalReviewOn" label={t('pipeline.politicalReviewOn')} />
      <Form.Item label={t('pipeline.trainingHours')} name="trainingHours" required>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <StepDate name="noticeFrom" label={t('pipeline.noticeFrom')} />
      <StepDate name="noticeTo" label={t('pipeline.noticeTo')} />
    </StepModal>
  );
}
