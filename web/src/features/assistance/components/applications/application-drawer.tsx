import { Alert, Button, Descriptions, Drawer, Form, Grid, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  approveApplication,
  cancelApplication,
  confirmReceipt,
  disburseApplication,
  newAttemptKey,
  rejectApplication,
  reviewApplication,
  useApplication,
  useAssistanceRules,
  type Application,
  type ApproveInput,
  type CancelInput,
  type ConfirmInput,
  type DisburseInput,
  type PaymentMethod,
  type RejectInput,
  type ReviewInput,
} from '@/features/assistance/api/applications';
import { DocumentsSection } from '@/features/assistance/components/applications/documents-section';
import { FollowUpForm, FollowUpTag } from '@/features/assistance/components/applications/receipt-checks';
import { statusColors, yuan } from '@/features/assistance/components/applications/format';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { QueryView } from '@/components/query-view';
import { useCan, useMe } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';

type Action = 'review' | 'approve' | 'reject' | 'cancel' | 'disburse' | 'confirm' | 'followUp';

const methods: PaymentMethod[] = ['BankTransfer', 'Cash', 'Goods'];

/** A step's details in words: the dates, note, reason and payment evidence it carried. */
function StepDetails({ details }: { details: unknown }) {
  const { t } = useTranslation();
  const d = (details ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const parts = [
    d.amount !== undefined ? `${t('assistanceApply.amount')}：${yuan(text(d.amount))}` : undefined,
    text(d.reviewedOn) && `${t('assistanceApply.reviewedOn')}：${text(d.reviewedOn)}`,
    text(d.noticeFrom) && `${t('assistanceApply.notice')}：${text(d.noticeFrom)} ~ ${text(d.noticeTo) ?? ''}`,
    text(d.paidOn) && `${t('assistanceApply.paidOn')}：${text(d.paidOn)}`,
    text(d.method) && t(`assistanceApply.methods.${text(d.method)}`),
    text(d.reference) && `${t('assistanceApply.evidence')}：${text(d.reference)}`,
    text(d.confirmedOn) && `${t('assistanceApply.confirmedOn')}：${text(d.confirmedOn)}`,
    text(d.visitedOn) && `${t('assistanceReceipt.visitedOn')}：${text(d.visitedOn)}`,
    text(d.outcome) && t(`assistanceReceipt.outcomes.${text(d.outcome)}`),
    text(d.reason),
    text(d.note),
  ].filter(Boolean);
  return parts.length ? <Typography.Text type="secondary">{parts.join('；')}</Typography.Text> : null;
}

/**
 * One application: what was asked and why, its steps as a timeline, and the form of each step the caller may take
 * now. The server checks the separation of duties; the drawer warns when the caller already acted on it.
 */
export function ApplicationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const application = useApplication(id);
  const a = application.data;
  const me = useMe().data;
  const canWrite = useCan('funds.write');
  const canApprove = useCan('funds.approve');
  const [action, setAction] = useState<Action>();
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceApply.${k}`, values);
  const stepName = (step: string) => t(`assistanceApply.steps.${step}`, { defaultValue: w('steps.other') });
  // Steps record who acted by user name (the API's caller name); a hint only, the server decides.
  const mine = (actor: string) => actor === me?.username || actor === me?.displayName;
  const actedBefore = a?.steps.filter((s) => mine(s.actorName)).map((s) => stepName(s.step)) ?? [];

  const actions: { key: Action; label: string; primary?: boolean; danger?: boolean }[] = [];
  if (a) {
    if (canWrite && a.status === 'Submitted') {
      actions.push({ key: 'review', label: w('review'), primary: true });
    }
    if (canApprove && (a.status === 'Reviewed' || a.status === 'StreetApproved')) {
      actions.push({ key: 'approve', label: w(a.status === 'Reviewed' ? 'approveStreet' : 'approveDistrict') });
      actions.push({ key: 'reject', label: w('reject'), danger: true });
    }
    if (canWrite && a.status === 'Approved') {
      actions.push({ key: 'disburse', label: w('disburse'), primary: true });
    }
    if (canWrite && a.status === 'Paid') {
      actions.push({ key: 'confirm', label: w('confirm'), primary: true });
    }
    if (canWrite && a.sampled && !a.followUp && (a.status === 'Paid' || a.status === 'Confirmed')) {
      actions.push({ key: 'followUp', label: t('assistanceReceipt.record') });
    }
    if (canWrite && ['Submitted', 'Reviewed', 'StreetApproved', 'Approved'].includes(a.status)) {
      actions.push({ key: 'cancel', label: w('cancel'), danger: true });
    }
  }

  return (
    <Drawer
      open
      size={screens.md ? 640 : '100%'}
      title={a ? `${a.memberName} · ${t(`assistanceApply.categories.${a.category}`)}` : w('application')}
      onClose={onClose}
    >
      <QueryView query={application}>
        {a && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={statusColors[a.status]}>{t(`assistanceApply.statuses.${a.status}`)}</Tag>
              {a.repeatOfId && <Tag color="warning">{w('repeat')}</Tag>}
              {a.sampled && <Tag color="gold">{w('sampled')}</Tag>}
            </Space>
            {a.repeatOfId && <Alert type="warning" showIcon title={w('repeatHint')} />}
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'member',
                  label: w('member'),
                  children: (
                    <Space size="middle" wrap>
                      {a.memberName}
                      <Link to={`/assistance/ledger/${a.memberId}`}>{t('assistanceMemberLedger.open')}</Link>
                    </Space>
                  ),
                },
                { key: 'category', label: w('category'), children: t(`assistanceApply.categories.${a.category}`) },
                { key: 'amount', label: w('amount'), children: yuan(a.amount) },
                { key: 'tier', label: w('tier'), children: t(`assistanceApply.tiers.${a.tier}`) },
                { key: 'reason', label: w('reason'), children: a.reason },
                {
                  key: 'otherAid',
                  label: w('otherAid'),
                  children: a.otherAid
                    ? `${a.otherAid}（${yuan(a.otherAidAmount)} ${w('yuanUnit')}）`
                    : w('otherAidNone'),
                },
                { key: 'applicant', label: w('applicant'), children: a.applicantName },
                ...(a.noticeFrom
                  ? [{ key: 'notice', label: w('notice'), children: `${a.noticeFrom} ~ ${a.noticeTo}` }]
                  : []),
                ...(a.paidOn
                  ? [
                      {
                        key: 'paid',
                        label: w('payment'),
                        children: [a.paidOn, t(`assistanceApply.methods.${a.paymentMethod}`), a.paymentReference].join(
                          ' · ',
                        ),
                      },
                    ]
                  : []),
                ...(a.confirmedOn ? [{ key: 'confirmed', label: w('confirmedOn'), children: a.confirmedOn }] : []),
                ...(a.sampled
                  ? [
                      {
                        key: 'followUp',
                        label: t('assistanceReceipt.followUp'),
                        children: <FollowUpTag outcome={a.followUp} />,
                      },
                    ]
                  : []),
              ]}
            />
            {actions.length > 0 && actedBefore.length > 0 && (
              <Alert type="warning" showIcon title={w('actedBefore', { steps: actedBefore.join('、') })} />
            )}
            {actions.length > 0 && (
              <Space wrap>
                {actions.map((x) => (
                  <Button
                    key={x.key}
                    type={x.primary ? 'primary' : 'default'}
                    danger={x.danger}
                    onClick={() => setAction(x.key)}
                  >
                    {x.label}
                  </Button>
                ))}
              </Space>
            )}
            <DocumentsSection application={a} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {w('history')}
            </Typography.Title>
            <Timeline
              items={a.steps.map((s, i) => ({
                key: i,
                color: s.step === 'Rejected' || s.step === 'ReviewFailed' || s.step === 'Cancelled' ? 'red' : 'blue',
                content: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{stepName(s.step)}</Typography.Text>
                    <Typography.Text>
                      {s.actorName} · {dayjs(s.at).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                    <StepDetails details={s.details} />
                  </Space>
                ),
              }))}
            />
          </Space>
        )}
      </QueryView>
      {a && action === 'followUp' && <FollowUpForm application={a} onClose={() => setAction(undefined)} />}
      {a && action && action !== 'followUp' && (
        <StepForm application={a} action={action} onClose={() => setAction(undefined)} />
      )}
    </Drawer>
  );
}

/** The form of one step, sent with the version the drawer shows (If-Match). */
function StepForm({
  application: a,
  action,
  onClose,
}: {
  application: Application;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rules = useAssistanceRules(action === 'review' ? a.organizationId : undefined);
  // A payment attempt is this dialog: resending it (a lost answer, a second click) pays once.
  const [key] = useState(newAttemptKey);
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceApply.${k}`, values);
  const today = shanghaiToday();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['assistance'] });
  };
  const common = { onClose, onReload: () => void refresh() };

  if (action === 'review') {
    const days = rules.data?.reviewNoticeDays.value ?? 5;
    return (
      <FormModal<ReviewInput>
        title={`${w('review')}：${a.memberName}`}
        fields={['reviewedOn', 'passed', 'noticeFrom', 'noticeTo', 'note']}
        initialValues={{
          reviewedOn: today,
          passed: true,
          noticeFrom: today,
          noticeTo: dayjs(today)
            .add(days - 1, 'day')
            .format('YYYY-MM-DD'),
        }}
        onSubmit={async (values) => {
          await reviewApplication(a, values);
          await refresh();
        }}
        {...common}
      >
        {(form) => (
          <>
            <Typography.Paragraph type="secondary">{w('reviewHint', { days })}</Typography.Paragraph>
            <Form.Item name="reviewedOn" label={w('reviewedOn')} required>
              <DateField aria-label={w('reviewedOn')} max={today} />
            </Form.Item>
            <Form.Item name="passed" label={w('outcome')} required>
              <Radio.Group
                options={[
                  { value: true, label: w('passed') },
                  { value: false, label: w('failed') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(x, y) => x.passed !== y.passed}>
              {() =>
                form.getFieldValue('passed') !== false && (
                  <>
                    <Form.Item name="noticeFrom" label={w('noticeFrom')} required>
                      <DateField aria-label={w('noticeFrom')} />
                    </Form.Item>
                    <Form.Item name="noticeTo" label={w('noticeTo')} required>
                      <DateField aria-label={w('noticeTo')} />
                    </Form.Item>
                  </>
                )
              }
            </Form.Item>
            <Form.Item name="note" label={w('note')}>
              <Input.TextArea aria-label={w('note')} maxLength={500} />
            </Form.Item>
          </>
        )}
      </FormModal>
    );
  }
  if (action === 'approve') {
    const tierStep = a.status === 'Reviewed' ? 'approveStreet' : 'approveDistrict';
    return (
      <FormModal<ApproveInput>
        title={`${w(tierStep)}：${a.memberName} ${yuan(a.amount)} ${w('yuanUnit')}`}
        fields={['note']}
        okText={w('approve')}
        onSubmit={async (values) => {
          await approveApplication(a, values);
          await refresh();
        }}
        {...common}
      >
        <Typography.Paragraph type="secondary">
          {a.status === 'Reviewed' ? w('approveStreetHint') : w('approveDistrictHint')}
        </Typography.Paragraph>
        <Form.Item name="note" label={w('note')}>
          <Input.TextArea aria-label={w('note')} maxLength={500} />
        </Form.Item>
      </FormModal>
    );
  }
  if (action === 'reject' || action === 'cancel') {
    return (
      <FormModal<RejectInput | CancelInput>
        title={`${w(action)}：${a.memberName}`}
        fields={['reason']}
        okText={w(action)}
        onSubmit={async (values) => {
          await (action === 'reject' ? rejectApplication(a, values) : cancelApplication(a, values));
          await refresh();
        }}
        {...common}
      >
        <Typography.Paragraph type="secondary">{w(`${action}Hint`)}</Typography.Paragraph>
        <Form.Item name="reason" label={w('why')} required>
          <Input.TextArea aria-label={w('why')} maxLength={500} />
        </Form.Item>
      </FormModal>
    );
  }
  if (action === 'disburse') {
    return (
      <FormModal<DisburseInput>
        title={`${w('disburse')}：${a.memberName} ${yuan(a.amount)} ${w('yuanUnit')}`}
        fields={['paidOn', 'method', 'reference']}
        okText={w('disburse')}
        initialValues={{ paidOn: today, method: 'BankTransfer' }}
        onSubmit={async (values) => {
          await disburseApplication(a, values, key);
          await refresh();
        }}
        {...common}
      >
        {(form) => (
          <>
            <Typography.Paragraph type="secondary">{w('disburseHint')}</Typography.Paragraph>
            <Form.Item name="paidOn" label={w('paidOn')} required>
              <DateField aria-label={w('paidOn')} max={today} />
            </Form.Item>
            <Form.Item name="method" label={w('method')} required>
              <Radio.Group options={methods.map((m) => ({ value: m, label: t(`assistanceApply.methods.${m}`) }))} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(x, y) => x.method !== y.method}>
              {() => {
                const method = (form.getFieldValue('method') as PaymentMethod | undefined) ?? 'BankTransfer';
                return (
                  <Form.Item
                    name="reference"
                    label={w(`references.${method}`)}
                    extra={method === 'Goods' ? w('goodsValue', { amount: yuan(a.amount) }) : undefined}
                    required
                  >
                    <Input aria-label={w(`references.${method}`)} maxLength={200} />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </>
        )}
      </FormModal>
    );
  }
  return (
    <FormModal<ConfirmInput>
      title={`${w('confirm')}：${a.memberName}`}
      fields={['confirmedOn', 'note']}
      okText={w('confirm')}
      initialValues={{ confirmedOn: today }}
      onSubmit={async (values) => {
        await confirmReceipt(a, values);
        await refresh();
      }}
      {...common}
    >
      <Typography.Paragraph type="secondary">{w('confirmHint')}</Typography.Paragraph>
      <Form.Item name="confirmedOn" label={w('confirmedOn')} required>
        <DateField aria-label={w('confirmedOn')} max={today} />
      </Form.Item>
      <Form.Item name="note" label={w('note')}>
        <Input.TextArea aria-label={w('note')} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
