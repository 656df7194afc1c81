import { Button, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stages } from '@/features/members/api/members';
import { usePipeline, type RecordableStep } from '@/features/members/api/pipeline';
import { stepForms } from '@/features/members/components/pipeline-steps/step-forms';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { QueryFailure } from '@/components/query-view';
import { DecisionSummary } from '@/features/members/components/pipeline-steps/decision-fields';

const nextActions: Record<string, RecordableStep[]> = {
  Applicant: ['Talk', 'Activist'],
  Activist: ['Candidate'],
  Candidate: ['Admission'],
  Probationary: ['Conversion', 'Extension', 'Cancellation'],
};

/** The development timeline, the next step with its earliest date and countdown; each step's form is its own file. */
export function PipelinePanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const canWrite = useCan('members.write');
  const pipeline = usePipeline(memberId);
  const [step, setStep] = useState<RecordableStep>();
  const p = pipeline.data;
  const StepForm = step && stepForms[step];
  if (pipeline.isError) {
    return <QueryFailure error={pipeline.error} onRetry={pipeline.refetch} retrying={pipeline.isFetching} />;
  }
  if (!p) {
    return <Spin />;
  }
  const today = shanghaiToday();

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {stages.map((s) => (
          <Tag
            key={s}
            color={s === p.stage ? 'red' : stages.indexOf(s) < stages.indexOf(p.stage) ? 'green' : 'default'}
          >
            {t(`members.stages.${s}`)}
          </Tag>
        ))}
      </Space>
      {p.next && (
        <Typography.Paragraph>
          {t('pipeline.next', { step: t(`pipeline.steps.${p.next.step}`) })}
          {p.next.earliestOn && (
            <>
              {' · '}
              {t('pipeline.earliest', { date: p.next.earliestOn })}
              {' · '}
              <Typography.Text type={p.daysUntilNext ? 'warning' : 'success'} strong>
                {p.daysUntilNext ? t('pipeline.daysLeft', { count: p.daysUntilNext }) : t('pipeline.due')}
              </Typography.Text>
            </>
          )}
          {p.next.rule && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {p.next.rule}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {p.stage === 'Applicant' && (
        <Typography.Paragraph>
          {p.talkOn
            ? t('pipeline.talkHeld', { date: p.talkOn })
            : p.talkDueBy && (
                <Typography.Text type={p.talkDueBy < today ? 'danger' : 'warning'}>
                  {t(p.talkDueBy < today ? 'pipeline.talkOverdue' : 'pipeline.talkDue', { date: p.talkDueBy })}
                </Typography.Text>
              )}
        </Typography.Paragraph>
      )}
      {canWrite && p.status === 'Active' && (
        <Space style={{ marginBottom: 12 }}>
          {(nextActions[p.stage] ?? [])
            .filter((action) => action !== 'Talk' || !p.talkOn)
            .map((action) => (
              <Button
                key={action}
                type={action === p.next?.step ? 'primary' : 'default'}
                danger={action === 'Cancellation'}
                onClick={() => setStep(action)}
              >
                {t(`pipeline.record.${action}`)}
              </Button>
            ))}
        </Space>
      )}
      <Timeline
        items={p.steps.map((s) => ({
          key: `${s.step}-${s.recordedAt}`,
          title: `${s.occurredOn} · ${t(`pipeline.steps.${s.step}`)}`,
          content: (
            <>
              <DecisionSummary entry={s} />
              {s.overrideReason && (
                <Typography.Text type="warning" style={{ display: 'block' }}>
                  {t('pipeline.overridden', { reason: s.overrideReason })}
                </Typography.Text>
              )}
            </>
          ),
        }))}
      />
      {StepForm && <StepForm memberId={memberId} onClose={() => setStep(undefined)} />}
    </>
  );
}
