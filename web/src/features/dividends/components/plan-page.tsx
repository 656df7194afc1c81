import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Timeline } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import {
  afterSteps,
  approvePlan,
  createPayouts,
  planKey,
  recordStep,
  reviewPlan,
  startNotice,
  usePlan,
  type AssemblyVoteInput,
  type Plan,
  type TimelineEntry,
} from '@/features/dividends/api/plans';
import { ObjectionsSection } from '@/features/dividends/components/objections-section';
import { PayoutsSection } from '@/features/dividends/components/payouts-section';
import { PlanVersions } from '@/features/dividends/components/plan-versions';
import { RevisePlanButton } from '@/features/dividends/components/revise-plan';
import { formatYuan } from '@/features/dividends/money';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';
import './plan-heading.css';

type StepForm = { occurredOn: string; documentRef: string; vote?: AssemblyVoteInput };

/** The step a plan waits for, as the screen offers it: a deliberation step, the review, the notice, the approval. */
export function pendingStep(plan: Plan): string | undefined {
  if (plan.stage === 'Notice') {
    return plan.noticeStartsOn ? afterSteps.approval : afterSteps.notice;
  }
  return plan.nextStep ?? undefined;
}

/**
 * A distribution plan: its terms and parts, the approval steps as a timeline (四议 with attendance and votes, the
 * station's review, 公示 with its days, approval) with one form for the step it waits for, the objection register
 * and, once approved, the payouts.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const plan = usePlan(id);
  const data = plan.data;
  return (
    <Card
      className="plan-card"
      title={
        <PageHeading>
          {!data
            ? t('dividendScreens.plans')
            : // The plan's own name usually holds its year already (三海社区2023年度…): it is not said twice.
              data.title.includes(String(data.year))
              ? data.title
              : t('dividendScreens.plan.title', { year: data.year, name: data.title })}
        </PageHeading>
      }
      extra={
        data && (
          <Link to={`/dividends/collectives/${data.collectiveId}?tab=plans`} className="no-print">
            {data.collectiveName}
          </Link>
        )
      }
    >
      <QueryView query={plan}>{data && <PlanBody plan={data} onReload={() => void plan.refetch()} />}</QueryView>
    </Card>
  );
}

function PlanBody({ plan, onReload }: { plan: Plan; onReload: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [payoutsKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: planKey(plan.id) });
  const noticeDays = plan.noticeInWorkingDays
    ? t('dividendScreens.plan.workingDays', { n: plan.noticeDays })
    : t('dividendScreens.plan.days', { n: plan.noticeDays });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {plan.supersededById && (
        <Alert
          type="warning"
          showIcon
          title={t('dividendScreens.plan.superseded')}
          action={<Link to={`/dividends/plans/${plan.supersededById}`}>{t('dividendScreens.plan.openNewer')}</Link>}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'stage',
            label: t('dividendScreens.plan.stage'),
            children: <Tag color="blue">{t(`dividendScreens.plan.stages.${plan.stage}`)}</Tag>,
          },
          {
            key: 'version',
            label: t('dividendScreens.check.version'),
            children: t('dividendScreens.plan.version', { n: plan.versionNo }),
          },
          { key: 'cutOff', label: t('dividendScreens.plan.cutOff'), children: plan.cutOffOn },
          {
            key: 'total',
            label: t('dividendScreens.plan.total'),
            children: `${formatYuan(plan.total)} ${t('dividendScreens.yuan')}`,
          },
          { key: 'lines', label: t('dividendScreens.plan.lineCount'), children: plan.lineCount },
          { key: 'preparedBy', label: t('dividendScreens.plan.preparedBy'), children: plan.preparedByName },
          { key: 'noticeDays', label: t('dividendScreens.plan.noticeDays'), children: noticeDays },
          {
            key: 'notice',
            label: t('dividendScreens.plan.notice'),
            children: plan.noticeStartsOn ? `${plan.noticeStartsOn} ~ ${plan.noticeEndsOn}` : '—',
          },
          { key: 'code', label: t('dividendScreens.plan.checkCode'), children: plan.checkCode ?? '—' },
          ...(plan.approvedByName
            ? [{ key: 'approvedBy', label: t('dividendScreens.plan.approvedBy'), children: plan.approvedByName }]
            : []),
        ]}
      />
      <Descriptions
        size="small"
        title={t('dividendScreens.plan.parts')}
        column={1}
        items={plan.parts.map((part) => ({
          key: String(part.partNo),
          label: part.label,
          children: [
            t(`dividendScreens.wizard.methods.${part.method}`),
            t(`dividendScreens.wizard.payeeUnits.${part.payeeUnit}`),
            t('dividendScreens.plan.payeesCount', { n: part.payees }),
            `${formatYuan(part.pool)} ${t('dividendScreens.yuan')}`,
          ].join(' · '),
        }))}
      />
      <Space wrap className="no-print">
        {plan.noticeStartsOn && (
          <Link to={`/dividends/plans/${plan.id}/notice-sheet`}>
            <Button>{t('dividendScreens.plan.noticeSheet')}</Button>
          </Link>
        )}
        {plan.payoutsCreated && (
          <Link to={`/dividends/plans/${plan.id}/sign-sheet`}>
            <Button>{t('dividendScreens.plan.signSheet')}</Button>
          </Link>
        )}
        <RevisePlanButton plan={plan} />
      </Space>
      <section aria-label={t('dividendScreens.plan.timeline')}>
        <h2 style={{ fontSize: 16 }}>{t('dividendScreens.plan.timeline')}</h2>
        <PlanTimeline plan={plan} onReload={onReload} onDone={() => void refresh()} />
      </section>
      {plan.stage === 'Approved' && !plan.payoutsCreated && (
        <Button
          type="primary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await createPayouts(plan, payoutsKey);
              void message.success(t('dividendScreens.plan.createPayoutsDone'));
              await refresh();
            } catch (error) {
              void message.error(error instanceof ApiError ? error.message : t('errors.generic'));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('dividendScreens.plan.createPayouts')}
        </Button>
      )}
      {(plan.stage === 'Notice' || plan.stage === 'Approved') && <ObjectionsSection plan={plan} />}
      {plan.payoutsCreated && <PayoutsSection plan={plan} />}
      <PlanVersions plan={plan} />
    </Space>
  );
}

function PlanTimeline({ plan, onReload, onDone }: { plan: Plan; onReload: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('dividends.write');
  const canApprove = useCan('dividends.approve');
  const [open, setOpen] = useState<TimelineEntry>();
  const pending = pendingStep(plan);
  const entries = plan.timeline.filter((e) => e.step !== afterSteps.payouts);
  return (
    <>
      <Timeline
        items={entries.map((entry) => {
          const isPending = entry.step === pending;
          const approveStep = entry.step === afterSteps.review || entry.step === afterSteps.approval;
          const allowed = approveStep ? canApprove : canWrite;
          const record = entry.record;
          return {
            key: entry.step,
            color: entry.done ? 'green' : isPending ? 'blue' : 'gray',
            children: (
              <div>
                <strong>{entry.label}</strong>{' '}
                <Tag color={entry.done ? 'green' : 'default'}>
                  {entry.done ? t('dividendScreens.plan.done') : t('dividendScreens.plan.pending')}
                </Tag>
                {record && (
                  <div style={{ color: '#595959' }}>
                    {record.occurredOn}
                    {record.documentRef ? ` · ${record.documentRef}` : ''}
                    {entry.step === afterSteps.notice && plan.noticeEndsOn ? ` ~ ${plan.noticeEndsOn}` : ''}
                    {record.vote && (
                      <div>
                        {t(`dividendScreens.assemblyKinds.${record.vote.body}`)}：
                        {t('dividendScreens.plan.vote', {
                          present: record.vote.present,
                          entitled: record.vote.entitled,
                          for: record.vote.inFavour,
                          against: record.vote.against,
                          abstaining: record.vote.abstaining,
                        })}
                      </div>
                    )}
                    <div>
                      {t('dividendScreens.plan.recordedBy', {
                        name: record.recordedByName,
                        at: new Date(record.recordedAt).toLocaleString(),
                      })}
                    </div>
                  </div>
                )}
                {isPending && allowed && plan.supersededById == null && (
                  <div style={{ marginTop: 4 }}>
                    <Button size="small" type="primary" onClick={() => setOpen(entry)}>
                      {t('dividendScreens.plan.recordStep')} {entry.label}
                    </Button>
                  </div>
                )}
                {isPending && approveStep && !canApprove && (
                  <div style={{ color: '#8c8c8c' }}>{t('dividendScreens.plan.preparerNote')}</div>
                )}
              </div>
            ),
          };
        })}
      />
      {open && (
        <StepDialog plan={plan} entry={open} onClose={() => setOpen(undefined)} onReload={onReload} onDone={onDone} />
      )}
    </>
  );
}

function StepDialog({
  plan,
  entry,
  onClose,
  onReload,
  onDone,
}: {
  plan: Plan;
  entry: TimelineEntry;
  onClose: () => void;
  onReload: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const dateName =
    entry.step === afterSteps.review
      ? 'reviewedOn'
      : entry.step === afterSteps.notice
        ? 'startsOn'
        : entry.step === afterSteps.approval
          ? 'approvedOn'
          : 'occurredOn';
  const fields = [dateName, 'documentRef', ...(entry.vote ? ['vote'] : [])];
  return (
    <FormModal<Record<string, unknown>>
      title={entry.label}
      fields={fields}
      initialValues={{ [dateName]: today, vote: entry.vote ? { body: 'Members' } : undefined }}
      onReload={onReload}
      onSubmit={async (values) => {
        const documentRef = values.documentRef as string;
        const day = values[dateName] as string;
        if (entry.step === afterSteps.review) {
          await reviewPlan(plan, { reviewedOn: day, documentRef });
        } else if (entry.step === afterSteps.notice) {
          await startNotice(plan, { startsOn: day, documentRef });
        } else if (entry.step === afterSteps.approval) {
          await approvePlan(plan, { approvedOn: day, documentRef });
        } else {
          const form = values as unknown as StepForm;
          await recordStep(plan, { step: entry.step, occurredOn: day, documentRef, vote: form.vote });
        }
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item
        name={dateName}
        label={
          entry.step === afterSteps.notice
            ? t('dividendScreens.plan.startsOn')
            : entry.step === afterSteps.review
              ? t('dividendScreens.plan.reviewedOn')
              : entry.step === afterSteps.approval
                ? t('dividendScreens.plan.approvedOn')
                : t('dividendScreens.plan.occurredOn')
        }
      >
        <DateField />
      </Form.Item>
      <Form.Item name="documentRef" label={t('dividendScreens.documentRef')}>
        <Input />
      </Form.Item>
      {entry.vote && <VoteFields />}
    </FormModal>
  );
}

/** Attendance and votes of the assembly: the quorum and majority are the region's, checked by the server. */
function VoteFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['vote', 'body']} label={t('dividendScreens.plan.body')}>
        <Select
          options={(['Members', 'Representatives'] as const).map((k) => ({
            value: k,
            label: t(`dividendScreens.assemblyKinds.${k}`),
          }))}
        />
      </Form.Item>
      <Space wrap>
        {(
          [
            ['entitled', 'entitled'],
            ['present', 'present'],
            ['inFavour', 'votesFor'],
            ['against', 'votesAgainst'],
            ['abstaining', 'abstaining'],
          ] as const
        ).map(([name, word]) => (
          <Form.Item key={name} name={['vote', name]} label={t(`dividendScreens.${word}`)}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        ))}
      </Space>
    </>
  );
}

export default PlanPage;
