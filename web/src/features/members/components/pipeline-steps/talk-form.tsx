import { Form, Input } from 'antd';
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

type Values = Omit<StepBody<'Talk'>, 'override'> & OverrideField;

/** 入党谈话: within a month of the application, by whom. */
export function TalkForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  return (
    <StepModal<Values>
      step="Talk"
      fields={['talkOn', 'talkedBy']}
      initialValues={{ talkOn: shanghaiToday() }}
      overridable
      onSubmit={({ overrideReason, ...values }) =>
        recordStep(memberId, 'Talk', { ...values, override: overrideOf(overrideReason) })
      }
      onClose={onClose}
    >
      <StepDate name="talkOn" label={t('pipeline.talkOn')} />
      <Form.Item label={t('pipeline.talkedBy')} name="talkedBy" required>
        <Input maxLength={50} />
      </Form.Item>
    </StepModal>
  );
}
