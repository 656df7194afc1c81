import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useFund,
  useFunds,
  useLedger,
  type FundSource,
  type LedgerEntry,
  type LedgerEntryKind,
} from '@/features/assistance/api/funds';
import { exportLedger } from '@/features/assistance/api/statistics';
import { yuan } from '@/features/assistance/components/applications/format';
import { AllocationForm, IncomeForm } from '@/features/assistance/components/fund-forms';
import { ExportButtons } from '@/components/export-buttons';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';

const kinds: LedgerEntryKind[] = ['Income', 'AllocationIn', 'AllocationOut', 'Disbursement', 'Reversal', 'Adjustment'];
const sources: FundSource[] = ['AllocationFromAbove', 'DuesShare', 'SpecialDues', 'Donation', 'Interest'];

/** The care fund: its balance, what approvals hold, and its ledger filtered by kind and source. */
export function FundPage() {
  const { t } = useTranslation();
  const funds = useFunds();
  const [chosen, setChosen] = useState<string>();
  const fundId = chosen ?? funds.data?.items[0]?.id;
  const fund = useFund(fundId);
  const [kind, setKind] = useState<LedgerEntryKind>();
  const [source, setSource] = useState<FundSource>();
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const filter = { kind, source, from: period?.[0].format('YYYY-MM-DD'), to: period?.[1].format('YYYY-MM-DD') };
  const ledger = useLedger(fundId, { ...filter, page });
  const money = (value: number | string | undefined) => Number(value ?? 0).toFixed(2);
  const canWrite = useCan('funds.write');
  const [form, setForm] = useState<'income' | 'allocate'>();
  const current = funds.data?.items.find((f) => f.id === fundId);
  const below = funds.data?.items.filter((f) => f.parentFundId === fundId) ?? [];

  return (
    <Card
      title={<PageHeading>{t('assistance.fund.title')}</PageHeading>}
      extra={
        (funds.data?.items.length ?? 0) > 1 && (
          <Select
            aria-label={t('assistance.fund.choose')}
            style={{ minWidth: 200 }}
            value={fundId}
            onChange={(id) => {
              setChosen(id);
              setPage(1);
            }}
            options={funds.data!.items.map((f) => ({ value: f.id, label: f.name }))}
          />
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assistance.fund.intro')}</Typography.Paragraph>
      {fundId && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Link to={`/assistance/funds/${fundId}/statement?year=${new Date().getFullYear()}`}>
            <PrinterOutlined /> {t('assistanceStats.statement.open')}
          </Link>
        </Space>
      )}
      {canWrite && current && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button onClick={() => setForm('income')}>{t('assistanceFundForms.income')}</Button>
          <Button onClick={() => setForm('allocate')}>{t('assistanceFundForms.allocate')}</Button>
        </Space>
      )}
      {form === 'income' && current && <IncomeForm fund={current} onClose={() => setForm(undefined)} />}
      {form === 'allocate' && current && (
        <AllocationForm fund={current} below={below} onClose={() => setForm(undefined)} />
      )}
      <QueryView query={funds}>
        {funds.isSuccess && funds.data.items.length === 0 ? (
          <Empty description={t('assistance.fund.none')} />
        ) : (
          <>
            <QueryView query={fund}>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={24} sm={8}>
                  <Statistic title={t('assistance.fund.balance')} value={money(fund.data?.fund.balance)} />
                </Col>
                <Col xs={24} sm={8}>
                  <Statistic title={t('assistance.fund.held')} value={money(fund.data?.fund.held)} />
                </Col>
                <Col xs={24} sm={8}>
                  <Statistic title={t('assistance.fund.available')} value={money(fund.data?.fund.available)} />
                </Col>
              </Row>
            </QueryView>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('assistance.fund.ledger')}
              </Typography.Title>
              <Select
                aria-label={t('assistance.fund.kind')}
                allowClear
                placeholder={t('assistance.fund.allKinds')}
                style={{ minWidth: 140 }}
                value={kind}
                onChange={(value) => {
                  setKind(value);
                  setPage(1);
                }}
                options={kinds.map((k) => ({ value: k, label: t(`assistance.kinds.${k}`) }))}
              />
              <Select
                aria-label={t('assistance.fund.source')}
                allowClear
                placeholder={t('assistance.fund.allSources')}
                style={{ minWidth: 140 }}
                value={source}
                onChange={(value) => {
                  setSource(value);
                  setPage(1);
                }}
                options={sources.map((s) => ({ value: s, label: t(`assistance.sources.${s}`) }))}
              />
              <DatePicker.RangePicker
                aria-label={t('assistance.fund.period')}
                value={period}
                onChange={(value) => {
                  setPeriod(value?.[0] && value[1] ? [value[0], value[1]] : null);
                  setPage(1);
                }}
              />
              {fundId && <ExportButtons onExport={(format) => exportLedger(fundId, filter, format)} />}
            </Space>
            <QueryView query={ledger}>
              <Table<LedgerEntry>
                rowKey="id"
                size="small"
                scroll={{ x: 'max-content' }}
                loading={ledger.isLoading}
                dataSource={ledger.data?.items ?? []}
                pagination={{
                  current: page,
                  pageSize: ledger.data?.pageSize ?? 20,
                  total: ledger.data?.total ?? 0,
                  onChange: setPage,
                }}
                columns={[
                  { title: t('assistance.fund.occurredOn'), dataIndex: 'occurredOn' },
                  {
                    title: t('assistance.fund.kind'),
                    dataIndex: 'kind',
                    render: (value: LedgerEntryKind) => t(`assistance.kinds.${value}`),
                  },
                  {
                    title: t('assistance.fund.source'),
                    dataIndex: 'source',
                    render: (value: FundSource | null) => (value ? t(`assistance.sources.${value}`) : ''),
                  },
                  {
                    title: t('assistance.fund.amount'),
                    dataIndex: 'amount',
                    align: 'right',
                    render: (value: number | string) => yuan(value),
                  },
                  {
                    title: t('assistance.fund.purpose'),
                    render: (_, entry) => entry.purpose ?? entry.reference ?? entry.reason ?? '',
                  },
                  { title: t('assistance.fund.recordedBy'), dataIndex: 'recordedByName' },
                ]}
              />
            </QueryView>
          </>
        )}
      </QueryView>
    </Card>
  );
}

export default FundPage;
