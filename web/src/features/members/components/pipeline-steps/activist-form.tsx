import { Form, Select } from 'antd';
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

type Values = Omit<StepBody<'Activist'>, 'override'> & OverrideField;

/** 确定入党积极分子: the decision's date and the cultivation contacts (typed as tags). */
export function ActivistForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  return (
    <StepModal<Values>
      step="Activist"
      fields={['decidedOn', 'cultivationContacts']}
      initialValues={{ decidedOn: shanghaiToday() }}
      overridable
      onSubmit={({ overrideReason, ...values }) =>
        recordStep(memberId, 'Activist', { ...values, override: overrideOf(overrideReason) })
      }
      onClose={onClose}
    >
      <StepDate name="decidedOn" label={t('pipeline.decidedOn')} />
      <Form.Item label={t('pipeline.contacts')} name="cultivationContacts" required>
        <Select mode="tags" open={false} placeholder={t('pipeline.contactsHint')} />
      </Form.Item>
    </StepModal>
  );
}
