import { recordStep, type StepBody } from '@/features/members/api/pipeline';
import {
  ProbationDecisionFields,
  probationDecisionFields,
  useRejectedVoteNotice,
} from '@/features/members/components/pipeline-steps/decision-fields';
import {
  overrideOf,
  StepModal,
  type OverrideField,
  type StepFormProps,
} from '@/features/members/components/pipeline-steps/step-modal';
import { shanghaiToday } from '@/lib/dates';

type Values = Omit<StepBody<'Conversion'>, 'override'> & OverrideField;

/**
 * 预备党员转正: the branch meeting's vote and the higher committee's approval; full membership dates from the end of
 * the probation, not from the meeting (the server sets it).
 */
export function ConversionForm({ memberId, onClose }: StepFormProps) {
  const noticeRejectedVote = useRejectedVoteNotice();
  const today = shanghaiToday();
  return (
    <StepModal<Values>
      step="Conversion"
      fields={[...probationDecisionFields]}
      initialValues={{ meetingOn: today, approvedOn: today }}
      overridable
      onSubmit={async ({ overrideReason, ...values }) =>
        noticeRejectedVote(
          await recordStep(memberId, 'Conversion', { ...values, override: overrideOf(overrideReason) }),
        )
      }
      onClose={onClose}
    >
      <ProbationDecisionFields today={today} />
    </StepModal>
  );
}
