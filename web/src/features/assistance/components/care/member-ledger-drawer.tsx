import { Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMemberLedger, type LedgerEntry } from '@/features/assistance/api/care';
import { QueryView } from '@/components/query-view';

/** A member's page of the ledger: hardship over time, rechecks and every help received. */
export function MemberLedgerDrawer({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const ledger = useMemberLedger(entry.memberId);
  const w = (key: string) => t(`assistanceCare.ledger.${key}`);
  const data = ledger.data;
  return (
    <Drawer open width={640} title={`${w('member')}：${entry.name}`} onClose={onClose}>
      <QueryView query={ledger}>
        {data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[{ key: 'paid', label: w('paidTotal'), children: String(data.paidTotal) }]}
            />
            <Typography.Title level={5}>{w('hardships')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.hardships}
              columns={[
                { title: w('since'), dataIndex: 'since', key: 'since' },
                { title: w('until'), dataIndex: 'until', key: 'until' },
                { title: w('current'), key: 'current', render: (_, h) => (h.current ? w('current') : w('ended')) },
              ]}
            />
            <Typography.Title level={5}>{w('rechecks')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.rechecks}
              columns={[
                { title: w('checkedOn'), dataIndex: 'checkedOn', key: 'checkedOn' },
                { title: w('outcome'), key: 'outcome', render: (_, r) => w(`outcomes.${r.outcome}`) },
                { title: w('note'), dataIndex: 'note', key: 'note' },
              ]}
            />
            <Typography.Title level={5}>{w('payments')}</Typography.Title>
            <Table
              size="small"
              rowKey="entryId"
              pagination={false}
              dataSource={data.payments}
              columns={[
                { title: w('checkedOn'), dataIndex: 'occurredOn', key: 'occurredOn' },
                { title: t('assistanceCare.condolences.amount'), dataIndex: 'amount', key: 'amount' },
                { title: t('assistanceCare.condolences.reference'), dataIndex: 'reference', key: 'reference' },
              ]}
            />
            <Typography.Title level={5}>{w('visitsDone')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.visits}
              columns={[
                { title: t('assistanceCare.visits.visitedOn'), dataIndex: 'visitedOn', key: 'visitedOn' },
                { title: t('assistanceCare.visits.visitors'), dataIndex: 'visitors', key: 'visitors' },
                { title: t('assistanceCare.visits.money'), dataIndex: 'money', key: 'money' },
                { title: t('assistanceCare.visits.goods'), dataIndex: 'goods', key: 'goods' },
              ]}
            />
            <Typography.Title level={5}>{w('help')}</Typography.Title>
            <Table
              size="small"
              rowKey={(h) => `${h.pairingId}-${h.helpedOn}-${h.what}`}
              pagination={false}
              dataSource={data.help}
              columns={[
                { title: t('assistanceCare.pairings.helpedOn'), dataIndex: 'helpedOn', key: 'helpedOn' },
                { title: t('assistanceCare.pairings.helper'), dataIndex: 'helperName', key: 'helperName' },
                { title: t('assistanceCare.pairings.what'), dataIndex: 'what', key: 'what' },
              ]}
            />
          </Space>
        )}
      </QueryView>
    </Drawer>
  );
}
