import { Button, Form, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { QueryView } from '@/components/query-view';
import {
  confirmPayout,
  planKey,
  usePayouts,
  type ConfirmPayoutInput,
  type Payout,
  type PayoutStatus,
  type Plan,
} from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';
import { BankFileButtons } from '@/features/dividends/components/bank-files';
import {
  PayoutActionButtons,
  PayoutActionModal,
  type PayoutAction,
} from '@/features/dividends/components/payout-actions';
import { useCan } from '@/lib/auth';
import { downloadFile, queryString } from '@/lib/download';

const statusColor = { Unpaid: 'default', Paid: 'green', Failed: 'red' } as const;
const methods = ['Signature', 'Proxy', 'BankTransfer'] as const;

/** The payouts of an approved plan, each confirmed once (signature, proxy or bank reference). */
export function PayoutsSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('dividends.write');
  const [status, setStatus] = useState<PayoutStatus>();
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<{ payout: Payout; key: string }>();
  const [following, setFollowing] = useState<{ payout: Payout; action: PayoutAction; key: string }>();
  const payouts = usePayouts(plan.id, status, page);
  return (
    <section aria-label={t('dividendScreens.payouts.title')}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 style={{ fontSize: 16, margin: 0 }}>{t('dividendScreens.payouts.title')}</h2>
        <Space wrap>
          <Segmented<string>
            value={status ?? 'all'}
            onChange={(value) => {
              setPage(1);
              setStatus(value === 'all' ? undefined : (value as PayoutStatus));
            }}
            options={[
              { value: 'all', label: t('dividendScreens.payouts.all') },
              ...(['Unpaid', 'Paid', 'Failed'] as const).map((s) => ({
                value: s,
                label: t(`dividendScreens.payouts.statuses.${s}`),
              })),
            ]}
          />
          <BankFileButtons plan={plan} />
          <ExportButtons
            onExport={(format) =>
              downloadFile(
                `/api/v1/dividends/plans/${plan.id}/payouts/export?${queryString({ status, format })}`,
                `payouts.${format.toLowerCase()}`,
              )
            }
          />
        </Space>
      </Space>
      <QueryView query={payouts}>
        <Table<Payout>
          rowKey="id"
          size="small"
          loading={payouts.isFetching}
          dataSource={payouts.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 20, total: payouts.data?.total ?? 0, showSizeChanger: false }}
          onChange={(p) => setPage(p.current ?? 1)}
          columns={[
            { title: t('dividendScreens.wizard.lineNo'), dataIndex: 'lineNo', width: 64 },
            { title: t('dividendScreens.memberName'), dataIndex: 'name' },
            { title: t('dividendScreens.idNumber'), dataIndex: 'idNumberMasked' },
            {
              title: t('dividendScreens.bankAccount'),
              key: 'bank',
              render: (_, p) => (p.bankAccountMasked ? `${p.bankName ?? ''} ${p.bankAccountMasked}` : '—'),
            },
            {
              title: t('dividendScreens.wizard.amountCol'),
              dataIndex: 'amount',
              align: 'right',
              render: formatYuan,
            },
            {
              title: t('dividendScreens.status'),
              key: 'status',
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <Tag color={statusColor[p.status]}>{t(`dividendScreens.payouts.statuses.${p.status}`)}</Tag>
                  {p.kind !== 'Payout' && <Tag>{t(`dividendScreens.payouts.kinds.${p.kind}`)}</Tag>}
                </Space>
              ),
            },
            {
              title: t('dividendScreens.payouts.method'),
              key: 'method',
              render: (_, p) =>
                p.method
                  ? `${t(`dividendScreens.payouts.methods.${p.method}`)} ${p.paidOn ?? ''} ${p.reference ?? ''}`
                  : (p.failureReason ?? ''),
            },
            {
              title: t('dividendPayouts.actions'),
              key: 'actions',
              width: 130,
              render: (_, p) =>
                canWrite ? (
                  <Space wrap size={4}>
                    {p.status === 'Unpaid' && p.kind !== 'Reversal' && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setConfirming({ payout: p, key: crypto.randomUUID() })}
                      >
                        {t('dividendScreens.payouts.confirm')}
                      </Button>
                    )}
                    <PayoutActionButtons
                      payout={p}
                      onPick={(action) => setFollowing({ payout: p, action, key: crypto.randomUUID() })}
                    />
                  </Space>
                ) : null,
            },
          ]}
        />
      </QueryView>
      {confirming && (
        <FormModal<ConfirmPayoutInput>
          title={`${t('dividendScreens.payouts.confirm')} · ${confirming.payout.name} · ${formatYuan(
            confirming.payout.amount,
          )} ${t('dividendScreens.yuan')}`}
          fields={['method', 'paidOn', 'reference', 'proxyName', 'proxyAuthorization']}
          initialValues={{ method: 'Signature', paidOn: new Date().toISOString().slice(0, 10) }}
          onSubmit={async (values) => {
            await confirmPayout(confirming.payout, values, confirming.key);
            await client.invalidateQueries({ queryKey: planKey(plan.id) });
          }}
          onReload={() => void payouts.refetch()}
          onClose={() => setConfirming(undefined)}
        >
          {(form) => <ConfirmFields form={form} />}
        </FormModal>
      )}
      {following && (
        <PayoutActionModal
          planId={plan.id}
          payout={following.payout}
          action={following.action}
          idempotencyKey={following.key}
          onReload={() => void payouts.refetch()}
          onClose={() => setFollowing(undefined)}
        />
      )}
    </section>
  );
}

function ConfirmFields({ form }: { form: Parameters<typeof Form.useWatch>[1] }) {
  const { t } = useTranslation();
  const method = (Form.useWatch('method', form) as ConfirmPayoutInput['method'] | undefined) ?? 'Signature';
  return (
    <>
      <Form.Item name="method" label={t('dividendScreens.payouts.method')}>
        <Select options={methods.map((m) => ({ value: m, label: t(`dividendScreens.payouts.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dividendScreens.payouts.paidOn')}>
        <DateField />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('dividendScreens.payouts.reference')}
        extra={t(`dividendScreens.payouts.referenceHelp.${method}`)}
      >
        <Input />
      </Form.Item>
      {method === 'Proxy' && (
        <>
          <Form.Item name="proxyName" label={t('dividendScreens.payouts.proxyName')}>
            <Input />
          </Form.Item>
          <Form.Item name="proxyAuthorization" label={t('dividendScreens.payouts.proxyAuthorization')}>
            <Input />
          </Form.Item>
        </>
      )}
    </>
  );
}
