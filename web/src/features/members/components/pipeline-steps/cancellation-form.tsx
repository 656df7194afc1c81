import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import {
  ProbationDecisionFields,
  probationDecisionFields,
  useRejectedVoteNotice,
} from '@/features/members/components/pipeline-steps/decision-fields';
import { StepModal, type StepFormProps } from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = StepBody<'Cancellation'>;

/** 取消预备党员资格: the branch meeting's vote when the probation ends, the approval, and why. */
export function CancellationForm({ memberId, onClose }: StepFormProps) {
  const { t } = useTranslation();
  const noticeRejectedVote = useRejectedVoteNotice();
  const today = shanghaiToday();
  return (
    <StepModal<Values>
      step="Cancellation"
      fields={[...probationDecisionFields, 'reason']}
      initialValues={{ meetingOn: today, approvedOn: today }}
      overridable={false}
      onSubmit={async (values) => noticeRejectedVote(await recordStep(memberId, 'Cancellation', values))}
      onClose={onClose}
    >
      <ProbationDecisionFields today={today} />
      <Form.Item label={t('pipeline.reason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </StepModal>
  );
}
