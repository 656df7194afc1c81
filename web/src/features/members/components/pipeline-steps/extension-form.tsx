import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import {
  ProbationDecisionFields,
  probationDecisionFields,
  useRejectedVoteNotice,
} from '@/features/members/components/pipeline-steps/decision-fields';
import { StepModal, type StepFormProps } from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = StepBody<'Extension'>;

/** 延长预备期: the branch meeting's vote when the probation ends, the approval, how many months and why. */
export function ExtensionForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  const noticeRejectedVote = useRejectedVoteNotice();
  const today = shanghaiToday();
  return (
    <StepModal<Values>
      step="Extension"
      fields={[...probationDecisionFields, 'months', 'reason']}
      initialValues={{ meetingOn: today, approvedOn: today }}
      overridable={false}
      onSubmit={async (values) => noticeRejectedVote(await recordStep(memberId, 'Extension', values))}
      onClose={onClose}
    >
      <ProbationDecisionFields today={today} />
      <Form.Item label={t('pipeline.months')} name="months" required>
        <InputNumber min={1} max={60} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.reason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepModal>
  );
}
