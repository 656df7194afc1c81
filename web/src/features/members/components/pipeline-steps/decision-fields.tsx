import { App as AntApp, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field';
import type { Pipeline } from '@/features/members/api/pipeline';

/** The request fields every decision on a probation takes: the branch meeting, its vote, and the approval. */
export const probationDecisionFields = [
  'meetingOn',
  'entitledVoters',
  'attended',
  'votesFor',
  'approvedOn',
  'approvedBy',
] as const;

/** The steps that record such a decision, carried or rejected. */
const decisionSteps = new Set([
  'Conversion',
  'Extension',
  'Cancellation',
  'ConversionRejected',
  'ExtensionRejected',
  'CancellationRejected',
]);

/**
 * The branch general meeting's decision (date; members entitled to vote, attending, voting yes) and the higher
 * committee's approval (date, by whom), as conversion, extension and cancellation each need them (党章第七条).
 */
export function ProbationDecisionFields({ today }: { today: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('pipeline.meetingOn')} name="meetingOn" required extra={t('pipeline.meetingOnHint')}>
        <DateField max={today} />
      </Form.Item>
      <Form.Item label={t('pipeline.entitledVoters')} name="entitledVoters" required>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.attended')} name="attended" required extra={t('pipeline.attendedHint')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.votesFor')} name="votesFor" required extra={t('pipeline.votesForHint')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('pipeline.approvedOn')} name="approvedOn" required extra={t('pipeline.approvedOnHint')}>
        <DateField max={today} />
      </Form.Item>
      <Form.Item label={t('pipeline.approvedBy')} name="approvedBy" required>
        <Input maxLength={100} placeholder={t('pipeline.approvedByPlaceholder')} />
      </Form.Item>
    </>
  );
}

type StepEntry = Pipeline['steps'][number];

/** Whether the newest step is a vote that did not carry (recorded, the member unchanged). */
export function endsInRejectedVote(pipeline: Pipeline | undefined) {
  const last = pipeline?.steps.at(-1);
  return last !== undefined && last.step.endsWith('Rejected');
}

/** After a decision is sent: says so when the vote failed, since the dialog closes either way (it was recorded). */
export function useRejectedVoteNotice() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (pipeline: Pipeline | undefined) => {
    if (endsInRejectedVote(pipeline)) {
      void message.warning(t('pipeline.voteRejected'));
    }
  };
}

/** A decision's meeting, vote and approval as the timeline shows them under the step. */
export function DecisionSummary({ entry }: { entry: StepEntry }) {
  const { t } = useTranslation();
  if (!decisionSteps.has(entry.step)) {
    return null;
  }
  const details = entry.details as Record<string, unknown>;
  const text = (key: string) => {
    const value = details[key];
    return typeof value === 'string' || typeof value === 'number' ? value : '';
  };
  if (details.meetingOn === undefined) {
    // Recorded before meetings were kept with the decision.
    return null;
  }
  return (
    <Typography.Text type={entry.step.endsWith('Rejected') ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
      {t('pipeline.decisionSummary', {
        meetingOn: text('meetingOn'),
        entitled: text('entitledVoters'),
        attended: text('attended'),
        votesFor: text('votesFor'),
      })}
      {details.carried === true &&
        typeof details.approvedOn === 'string' &&
        ` · ${t('pipeline.approvalSummary', { on: text('approvedOn'), by: text('approvedBy') })}`}
      {typeof details.fullMemberOn === 'string' &&
        ` · ${t('pipeline.fullMemberSince', { date: details.fullMemberOn })}`}
    </Typography.Text>
  );
}
