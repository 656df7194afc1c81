import { Button, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  exportHardshipLedger,
  exportHelperPairs,
  useCondolences,
  useHardshipLedger,
  useHelperPairs,
  type Condolence,
  type HelperPair,
  type LedgerEntry,
} from '@/features/assistance/api/care';
import { DeclineCondolenceDialog } from '@/features/assistance/components/care/decline-condolence-dialog';
import { LogHelpDialog } from '@/features/assistance/components/care/log-help-dialog';
import { MemberLedgerDrawer } from '@/features/assistance/components/care/member-ledger-drawer';
import { PairHelperDialog } from '@/features/assistance/components/care/pair-helper-dialog';
import { PayCondolenceDialog } from '@/features/assistance/components/care/pay-condolence-dialog';
import { RecheckDialog } from '@/features/assistance/components/care/recheck-dialog';
import { ExportButtons } from '@/components/export-buttons';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';

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
      {paying && <PayCondolenceDialog condolence={paying} onDone={refresh} onClose={() => setPaying(undefined)} />}
      {declining && (
        <DeclineCondolenceDialog condolence={declining} onDone={refresh} onClose={() => setDeclining(undefined)} />
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
      {creating && <PairHelperDialog onDone={refresh} onClose={() => setCreating(false)} />}
      {logging && <LogHelpDialog pair={logging} onDone={refresh} onClose={() => setLogging(undefined)} />}
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
            {
              title: w('name'),
              key: 'name',
              ...table.sortable('name'),
              // The member's own page: hardship over time and every help received.
              render: (_, e) => <Link to={`/assistance/ledger/${e.memberId}`}>{e.name}</Link>,
            },
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
      {rechecking && <RecheckDialog entry={rechecking} onDone={refresh} onClose={() => setRechecking(undefined)} />}
    </>
  );
}

export default CarePage;
