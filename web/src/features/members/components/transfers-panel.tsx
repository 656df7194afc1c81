import { App as AntApp, Button, Checkbox, Form, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportTransfers,
  receiveTransfer,
  useTransfers,
  withdrawTransfer,
  type Transfer,
  type TransferDirection,
  type WithdrawTransferInput,
} from '@/features/members/api/transfers';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';
import { ExportButtons } from '@/components/export-buttons';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';
import { QueryView } from '@/components/query-view';

/**
 * Transfer letters out of and into the caller's organizations; the receiving side confirms receipt here, and the
 * sending side withdraws a letter still awaiting receipt (an expired one above all), with a reason.
 */
export function TransfersPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canWrite = useCan('members.write');
  const [direction, setDirection] = useState<TransferDirection>('Inbox');
  const [expiredOnly, setExpiredOnly] = useState(false);
  const table = useTableState('-issuedOn');
  const transfers = useTransfers(direction, expiredOnly, table.query);
  const [withdrawing, setWithdrawing] = useState<Transfer>();

  async function receive(transfer: Transfer) {
    try {
      await receiveTransfer(transfer);
      void message.success(t('transfers.received'));
    } catch (error) {
      void message.error(
        error instanceof ApiError && error.status === 412 ? t('errors.conflict') : (error as Error).message,
      );
    }
    await client.invalidateQueries({ queryKey: ['members'] });
  }

  // Only the sending side withdraws, and only a letter nobody has received or withdrawn yet.
  const withdrawable = (tr: Transfer) => direction === 'Outbox' && tr.status === 'Pending';

  // The receiving side confirms; for a letter to outside the system, the sending side records the slip.
  const confirmable = (tr: Transfer) =>
    tr.status === 'Pending' && (direction === 'Inbox' ? tr.toOrganizationId !== null : tr.toOrganizationId === null);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<TransferDirection>
          value={direction}
          onChange={(value) => {
            setDirection(value);
            table.reset();
          }}
          options={[
            { value: 'Inbox', label: t('transfers.inbox') },
            { value: 'Outbox', label: t('transfers.outbox') },
          ]}
        />
        <Checkbox
          checked={expiredOnly}
          onChange={(e) => {
            setExpiredOnly(e.target.checked);
            table.reset();
          }}
        >
          {t('transfers.expiredOnly')}
        </Checkbox>
        <ExportButtons onExport={(format) => exportTransfers(direction, expiredOnly, table.query.sort, format)} />
      </Space>
      <QueryView query={transfers}>
        <Table<Transfer>
          rowKey="id"
          size="small"
          loading={transfers.isFetching}
          dataSource={transfers.data?.items}
          pagination={table.pagination(transfers.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('members.name'), dataIndex: 'memberName', key: 'memberName', ...table.sortable('memberName') },
            { title: t('transfers.from'), dataIndex: 'fromOrganizationName', key: 'from' },
            { title: t('transfers.to'), key: 'to', render: (_, tr) => tr.toOrganizationName ?? tr.toExternal },
            { title: t('transfers.letter'), dataIndex: 'letterNumber', key: 'letterNumber' },
            { title: t('transfers.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', ...table.sortable('issuedOn') },
            {
              title: t('transfers.validUntil'),
              dataIndex: 'validUntil',
              key: 'validUntil',
              ...table.sortable('validUntil'),
            },
            {
              title: t('members.status'),
              key: 'status',
              render: (_, tr) => {
                const tag = (
                  <Tag color={statusColor(tr)}>
                    {tr.status === 'Pending' && tr.expired
                      ? t('transfers.expired')
                      : t(`transfers.statuses.${tr.status}`)}
                  </Tag>
                );
                return tr.status === 'Withdrawn' ? (
                  <Tooltip title={t('transfers.withdrawnBecause', { on: tr.withdrawnOn, reason: tr.withdrawalReason })}>
                    {tag}
                  </Tooltip>
                ) : (
                  tag
                );
              },
            },
            {
              title: '',
              key: 'actions',
              render: (_, tr) =>
                canWrite && (
                  <Space size="small">
                    {confirmable(tr) && !tr.expired && (
                      <Popconfirm
                        title={t('transfers.confirmReceipt', { name: tr.memberName })}
                        onConfirm={() => receive(tr)}
                      >
                        <Button size="small" type="primary">
                          {t('transfers.receive')}
                        </Button>
                      </Popconfirm>
                    )}
                    {withdrawable(tr) && (
                      <Button size="small" onClick={() => setWithdrawing(tr)}>
                        {t('transfers.withdraw')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </QueryView>
      {withdrawing && (
        <FormModal<WithdrawTransferInput>
          title={t('transfers.withdrawTitle', { name: withdrawing.memberName, letter: withdrawing.letterNumber })}
          fields={['reason', 'withdrawnOn']}
          initialValues={{ withdrawnOn: shanghaiToday() }}
          okText={t('transfers.withdraw')}
          onSubmit={async (values) => {
            await withdrawTransfer(withdrawing, values);
            void message.success(t('transfers.withdrawn'));
            await client.invalidateQueries({ queryKey: ['members'] });
          }}
          onReload={() => void client.invalidateQueries({ queryKey: ['members'] })}
          onClose={() => setWithdrawing(undefined)}
        >
          <Form.Item label={t('transfers.withdrawReason')} name="reason" required extra={t('transfers.withdrawHint')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item label={t('transfers.withdrawnOn')} name="withdrawnOn">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function statusColor(transfer: Transfer) {
  if (transfer.status === 'Received') {
    return 'green';
  }
  if (transfer.status === 'Withdrawn') {
    return 'default';
  }
  return transfer.expired ? 'red' : 'orange';
}
