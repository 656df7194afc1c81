import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import { StepDate, StepModal, type StepFormProps } from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = StepBody<'Extension'>;

/** 延长预备期: the decision, by how many months, and why; no date rule to override. */
export function ExtensionForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  return (
    <StepModal<Values>
      step="Extension"
      fields={['decidedOn', 'months', 'reason']}
      initialValues={{ decidedOn: shanghaiToday() }}
      overridable={false}
      onSubmit={(values) => recordStep(memberId, 'Extension', values)}
      onClose={onClose}
    >
      <StepDate name="decidedOn" label={t('pipeline.decidedOn')} />
      <Form.Item label={t('pipeline.months')} name="months" required>
        <InputNumber min={1} max={60} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.reason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepModal>
  );
}
