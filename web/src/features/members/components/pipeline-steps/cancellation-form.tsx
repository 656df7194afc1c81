import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import { StepDate, StepModal, type StepFormProps } from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = StepBody<'Cancellation'>;

/** 取消预备党员资格: the decision and why; no date rule to override. */
export function CancellationForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  return (
    <StepModal<Values>
      step="Cancellation"
      fields={['decidedOn', 'reason']}
      initialValues={{ decidedOn: shanghaiToday() }}
      overridable={false}
      onSubmit={(values) => recordStep(memberId, 'Cancellation', values)}
      onClose={onClose}
    >
      <StepDate name="decidedOn" label={t('pipeline.decidedOn')} />
      <Form.Item label={t('pipeline.reason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepModal>
  );
}
