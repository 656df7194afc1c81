import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  declineCondolence,
  exportHardshipLedger,
  exportHelperPairs,
  logHelp,
  pairHelper,
  payCondolence,
  recheckHardship,
  useCondolences,
  useHardshipLedger,
  useHelperPairs,
  useMemberLedger,
  type Condolence,
  type DeclineCondolenceInput,
  type HelperPair,
  type LedgerEntry,
  type LogHelpInput,
  type PairHelperInput,
  type PayCondolenceInput,
  type RecheckInput,
} from '@/features/assistance/api/care';
import { DateField } from '@/components/date-field';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';

type Area = 'condolences' | 'pairings' | 'ledger';

/** Condolences to confirm, 1+N pairs with their help logs, and the dynamic hardship ledger. */
export function CarePage({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <Card title={<PageHeading>{t(`assistanceCare.${area}.title`)}</PageHeading>}>
      <Typography.Paragraph type="secondary">{t(`assistanceCare.${area}.intro`)}</Typography.Paragraph>
      {area === 'condolences' && <CondolencesPanel />}
      {area === 'pairings' && <PairsPanel />}
      {area === 'ledger' && <LedgerPanel />}
    </Card>
  );
}

const useRefresh = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['assistance', 'care'] });
};

function CondolencesPanel() {
  const { t } = useTranslation();
  const canWrite = useCan('funds.write');
  const refresh = useRefresh();
  const table = useTableState('-diedOn');
  const condolences = useCondolences(table.query);
  const [paying, setPaying] = useState<Condolence>();
  const [declining, setDeclining] = useState<Condolence>();
  const w = (key: string) => t(`assistanceCare.condolences.${key}`);
  return (
    <>
      <QueryView query={condolences}>
        <Table<Condolence>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={condolences.data?.items}
          pagination={table.pagination(condolences.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: w('name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
            { title: w('diedOn'), dataIndex: 'diedOn', key: 'diedOn', ...table.sortable('diedOn') },
            { title: w('amount'), dataIndex: 'amount', key: 'amount' },
            {
              title: w('status'),
              key: 'status',
              render: (_, c) => <Tag>{t(`assistanceCare.condolences.statuses.${c.status}`)}</Tag>,
            },
            { title: w('paidOn'), dataIndex: 'paidOn', key: 'paidOn' },
            {
              title: '',
              key: 'actions',
              render: (_, c) =>
                canWrite &&
                c.status === 'Proposed' && (
                  <Space size="small">
                    <Button size="small" type="primary" onClick={() => setPaying(c)}>
                      {w('pay')}
                    </Button>
                    <Button size="small" onClick={() => setDeclining(c)}>
                      {w('decline')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </QueryView>
      {paying && (
        <FormModal<PayCondolenceInput>
          title={`${w('pay')}：${paying.name}`}
          fields={['fundId', 'amount', 'paidOn', 'reference']}
          initialValues={{ amount: paying.amount, paidOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await payCondolence(paying, values);
            await refresh();
          }}
          onClose={() => setPaying(undefined)}
        >
          <Form.Item name="fundId" label={w('fund')} required>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label={w('amount')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="paidOn" label={w('paidOn')} required>
            <DateField max={shanghaiToday()} />
          </Form.Item>
          <Form.Item name="reference" label={w('reference')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
      {declining && (
        <FormModal<DeclineCondolenceInput>
          title={`${w('decline')}：${declining.name}`}
          fields={['reason']}
          onSubmit={async (values) => {
            await declineCondolence(declining, values);
            await refresh();
          }}
          onClose={() => setDeclining(undefined)}
        >
          <Form.Item name="reason" label={w('reason')} required>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function PairsPanel() {
  const { t } = useTranslation();
  const canWrite = useCan('funds.write');
  const refresh = useRefresh();
  const [params, setParams] = useSearchParams();
  const staleOnly = params.get('staleOnly') === 'true';
  const table = useTableState('lastHelpOn');
  const pairs = useHelperPairs(staleOnly, table.query);
  const [creating, setCreating] = useState(false);
  const [logging, setLogging] = useState<HelperPair>();
  const w = (key: string) => t(`assistanceCare.pairings.${key}`);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox
          checked={staleOnly}
          onChange={(e) => {
            setParams(e.target.checked ? { staleOnly: 'true' } : {});
            table.reset();
          }}
        >
          {w('staleOnly')}
        </Checkbox>
        <ExportButtons onExport={(format) => exportHelperPairs(staleOnly, table.query.sort, format)} />
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {w('create')}
          </Button>
        )}
      </Space>
      <QueryView query={pairs}>
        <Table<HelperPair>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={pairs.data?.items}
          pagination={table.pagination(pairs.data?.total)}
          onChange={table.onChange}
          columns={[
            {
              title: w('helper'),
              key: 'helperName',
              ...table.sortable('helperName'),
              render: (_, p) => (
                <Space size={4}>
                  {p.helperName}
                  {p.helperReported && <Tag color="blue">{w('reported')}</Tag>}
                </Space>
              ),
            },
            { title: w('helped'), dataIndex: 'helpedName', key: 'helpedName', ...table.sortable('helpedName') },
            { title: w('startedOn'), dataIndex: 'startedOn', key: 'startedOn', ...table.sortable('startedOn') },
            {
              title: w('lastHelpOn'),
              key: 'lastHelpOn',
              ...table.sortable('lastHelpOn'),
              render: (_, p) => (
                <Space size={4}>
                  {p.lastHelpOn}
                  {p.stale && <Tag color="red">{w('stale')}</Tag>}
                </Space>
              ),
            },
            { title: w('helpCount'), dataIndex: 'helpCount', key: 'helpCount' },
            {
              title: '',
              key: 'actions',
              render: (_, p) =>
                canWrite &&
                !p.endedOn && (
                  <Button size="small" onClick={() => setLogging(p)}>
                    {w('log')}
                  </Button>
                ),
            },
          ]}
        />
      </QueryView>
      {creating && (
        <FormModal<PairHelperInput>
          title={w('create')}
          fields={['helperMemberId', 'helpedMemberId', 'startedOn']}
          initialValues={{ startedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await pairHelper(values);
            await refresh();
          }}
          onClose={() => setCreating(false)}
        >
          <Form.Item name="helperMemberId" label={w('helperId')} required>
            <Input />
          </Form.Item>
          <Form.Item name="helpedMemberId" label={w('helpedId')} required>
            <Input />
          </Form.Item>
          <Form.Item name="startedOn" label={w('startedOn')} required>
            <DateField max={shanghaiToday()} />
          </Form.Item>
        </FormModal>
      )}
      {logging && (
        <FormModal<LogHelpInput>
          title={`${w('log')}：${logging.helperName} → ${logging.helpedName}`}
          fields={['helpedOn', 'what']}
          initialValues={{ helpedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await logHelp(logging, values);
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setLogging(undefined)}
        >
          <Form.Item name="helpedOn" label={w('helpedOn')} required>
            <DateField max={shanghaiToday()} />
          </Form.Item>
          <Form.Item name="what" label={w('what')} required>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function LedgerPanel() {
  const { t } = useTranslation();
  const canWrite = useCan('funds.write');
  const refresh = useRefresh();
  const [params, setParams] = useSearchParams();
  const recheckDueOnly = params.get('recheckDueOnly') === 'true';
  const table = useTableState('name');
  const ledger = useHardshipLedger(recheckDueOnly, table.query);
  const [opened, setOpened] = useState<LedgerEntry>();
  const [rechecking, setRechecking] = useState<LedgerEntry>();
  const w = (key: string) => t(`assistanceCare.ledger.${key}`);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox
          checked={recheckDueOnly}
          onChange={(e) => {
            setParams(e.target.checked ? { recheckDueOnly: 'true' } : {});
            table.reset();
          }}
        >
          {w('recheckDueOnly')}
        </Checkbox>
        <ExportButtons onExport={(format) => exportHardshipLedger(recheckDueOnly, table.query.sort, format)} />
      </Space>
      <QueryView query={ledger}>
        <Table<LedgerEntry>
          rowKey="memberId"
          size="small"
          scroll={{ x: true }}
          dataSource={ledger.data?.items}
          pagination={table.pagination(ledger.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: w('name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
            { title: w('since'), dataIndex: 'since', key: 'since', ...table.sortable('since') },
            {
              title: w('current'),
              key: 'current',
              render: (_, e) => (
                <Tag color={e.current ? 'blue' : 'default'}>{e.current ? w('current') : w('ended')}</Tag>
              ),
            },
            {
              title: w('recheckDueOn'),
              key: 'recheckDueOn',
              ...table.sortable('recheckDueOn'),
              render: (_, e) => (
                <Space size={4}>
                  {e.recheckDueOn}
                  {e.recheckDue && <Tag color="orange">{w('recheckDue')}</Tag>}
                </Space>
              ),
            },
            { title: w('paid'), dataIndex: 'paidInYear', key: 'paid' },
            { title: w('visits'), dataIndex: 'visitsInYear', key: 'visits' },
            { title: w('helps'), dataIndex: 'helpsInYear', key: 'helps' },
            {
              title: '',
              key: 'actions',
              render: (_, e) => (
                <Space size="small">
                  <Button size="small" onClick={() => setOpened(e)}>
                    {w('open')}
                  </Button>
                  {canWrite && e.current && (
                    <Button size="small" onClick={() => setRechecking(e)}>
                      {w('recheck')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </QueryView>
      {opened && <MemberLedgerDrawer entry={opened} onClose={() => setOpened(undefined)} />}
      {rechecking && (
        <FormModal<RecheckInput>
          title={`${w('recheck')}：${rechecking.name}`}
          fields={['checkedOn', 'outcome', 'note']}
          initialValues={{ hardshipId: rechecking.hardshipId, checkedOn: shanghaiToday(), outcome: 'Continues' }}
          onSubmit={async (values) => {
            await recheckHardship(rechecking, { ...values, hardshipId: rechecking.hardshipId });
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setRechecking(undefined)}
        >
          <Form.Item name="checkedOn" label={w('checkedOn')} required>
            <DateField max={shanghaiToday()} />
          </Form.Item>
          <Form.Item name="outcome" label={w('outcome')} required>
            <Select options={(['Continues', 'Ended'] as const).map((o) => ({ value: o, label: w(`outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={w('note')}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** A member's page of the ledger: hardship over time, rechecks and every help received. */
function MemberLedgerDrawer({ entry, onClose }: { entry: LedgerEntry; onClose: () => void }) {
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

export default CarePage;
