import { Button, Form, Input, InputNumber, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stages, useMembers } from '@/features/members/api/members';
import { recordStep, usePipeline, type RecordableStep, type StepBody } from '@/features/members/api/pipeline';
import { FormModal } from '@/components/form-modal';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';
import { QueryFailure } from '@/components/query-view';

/** One step's form: the fields its route takes, with the override as a plain reason field. */
type StepForm = { [S in RecordableStep]: Omit<StepBody<S>, 'override'> }[RecordableStep] & {
  overrideReason?: string | null;
};

const nextActions: Record<string, RecordableStep[]> = {
  Applicant: ['Talk', 'Activist'],
  Activist: ['Candidate'],
  Candidate: ['Admission'],
  Probationary: ['Conversion', 'Extension', 'Cancellation'],
};

/** Two full members as introducers, found by name among the full members the caller sees. */
function IntroducerSelect({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const members = useMembers(
    { q: q || undefined, stage: 'Full', status: 'Active', includeDescendants: true },
    { page: 1, pageSize: 20, sort: 'name' },
  );
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      maxCount={2}
      aria-label={t('pipeline.introducers')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={members.isFetching}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.organizationName}` }))}
    />
  );
}

/** The development timeline, the next step with its earliest date and countdown, and the forms for each step. */
export function PipelinePanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('members.write');
  const canOverride = useCan('members.override');
  const pipeline = usePipeline(memberId);
  const [step, setStep] = useState<RecordableStep>();
  const p = pipeline.data;
  if (pipeline.isError) {
    return <QueryFailure error={pipeline.error} onRetry={pipeline.refetch} retrying={pipeline.isFetching} />;
  }
  if (!p) {
    return <Spin />;
  }
  const today = shanghaiToday();
  const fields: Record<RecordableStep, string[]> = {
    Talk: ['talkOn', 'talkedBy'],
    Activist: ['decidedOn', 'cultivationContacts'],
    Candidate: ['decidedOn', 'introducerIds', 'politicalReviewOn', 'trainingHours', 'noticeFrom', 'noticeTo'],
    Admission: ['preReviewedOn', 'voteOn', 'entitledVoters', 'votesFor', 'approvedOn'],
    Conversion: ['convertedOn'],
    Extension: ['decidedOn', 'months', 'reason'],
    Cancellation: ['decidedOn', 'reason'],
  };
  const date = (name: string, label: string) => (
    <Form.Item key={name} label={label} name={name} required>
      <DateField />
    </Form.Item>
  );

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
          content: s.overrideReason ? (
            <Typography.Text type="warning">{t('pipeline.overridden', { reason: s.overrideReason })}</Typography.Text>
          ) : undefined,
        }))}
      />
      {step && (
        <FormModal<StepForm>
          title={t(`pipeline.record.${step}`)}
          fields={[...fields[step], 'overrideReason']}
          initialValues={{
            talkOn: today,
            preReviewedOn: today,
            decidedOn: today,
            convertedOn: today,
            voteOn: today,
            approvedOn: today,
            politicalReviewOn: today,
            trainingHours: 24,
          }}
          onSubmit={async ({ overrideReason, ...values }) => {
            // No override key at all when none is given: the extension and cancellation routes take none.
            const override = overrideReason ? { reason: overrideReason } : undefined;
            await recordStep(memberId, step, { ...values, override });
            await client.invalidateQueries({ queryKey: ['members'] });
          }}
          onClose={() => setStep(undefined)}
        >
          {step === 'Talk' && (
            <>
              {date('talkOn', t('pipeline.talkOn'))}
              <Form.Item label={t('pipeline.talkedBy')} name="talkedBy" required>
                <Input maxLength={50} />
              </Form.Item>
            </>
          )}
          {step === 'Activist' && (
            <>
              {date('decidedOn', t('pipeline.decidedOn'))}
              <Form.Item label={t('pipeline.contacts')} name="cultivationContacts" required>
                <Select mode="tags" open={false} placeholder={t('pipeline.contactsHint')} />
              </Form.Item>
            </>
          )}
          {step === 'Candidate' && (
            <>
              {date('decidedOn', t('pipeline.decidedOn'))}
              <Form.Item label={t('pipeline.introducers')} name="introducerIds" required>
                <IntroducerSelect />
              </Form.Item>
              {date('politicalReviewOn', t('pipeline.politicalReviewOn'))}
              <Form.Item label={t('pipeline.trainingHours')} name="trainingHours" required>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              {date('noticeFrom', t('pipeline.noticeFrom'))}
              {date('noticeTo', t('pipeline.noticeTo'))}
            </>
          )}
          {step === 'Admission' && (
            <>
              {date('preReviewedOn', t('pipeline.preReviewedOn'))}
              {date('voteOn', t('pipeline.voteOn'))}
              <Form.Item label={t('pipeline.entitledVoters')} name="entitledVoters" required>
                <InputNumber min={1} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label={t('pipeline.votesFor')} name="votesFor" required>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              {date('approvedOn', t('pipeline.approvedOn'))}
            </>
          )}
          {step === 'Conversion' && date('convertedOn', t('pipeline.convertedOn'))}
          {(step === 'Extension' || step === 'Cancellation') && (
            <>
              {date('decidedOn', t('pipeline.decidedOn'))}
              {step === 'Extension' && (
                <Form.Item label={t('pipeline.months')} name="months" required>
                  <InputNumber min={1} max={60} style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item label={t('pipeline.reason')} name="reason" required>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {canOverride && ['Talk', 'Activist', 'Candidate', 'Admission', 'Conversion'].includes(step) && (
            <Form.Item label={t('pipeline.overrideReason')} name="overrideReason" extra={t('pipeline.overrideHint')}>
              <Input />
            </Form.Item>
          )}
        </FormModal>
      )}
    </>
  );
}
