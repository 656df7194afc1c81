import { Card, Col, Empty, Row, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '@/components/chart';
import { ExportButtons } from '@/components/export-buttons';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { FigureGrid, StatisticsFilters } from '@/components/statistics';
import {
  exportAssistanceStatistics,
  useAssistanceStatistics,
  type AssistanceStatistics,
} from '@/features/assistance/api/statistics';
import { yuan } from '@/features/assistance/components/applications/format';
import { useMe } from '@/lib/auth';

type CareYear = AssistanceStatistics['years'][number];
type Figures = AssistanceStatistics['totals'];

/** Pie charts of the money by source, kind and category, and bars of in and out by year; labels in words. */
function useCharts(totals: Figures | undefined, years: CareYear[]) {
  const { t } = useTranslation();
  return useMemo(() => {
    const pie = (name: string, data: { name: string; value: number }[]): ChartOption => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', name, radius: ['30%', '60%'], center: ['50%', '42%'], label: { show: false }, data }],
    });
    const ascending = [...years].sort((a, b) => a.year - b.year);
    const byYear: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: ascending.map((y) => t('assistanceStats.yearLabel', { year: y.year })) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('assistanceStats.moneyIn'),
          data: ascending.map((y) => Number(y.moneyIn)),
          barMaxWidth: 40,
          itemStyle: { color: '#5b7fa6' },
        },
        {
          type: 'bar',
          name: t('assistanceStats.moneyOut'),
          data: ascending.map((y) => Number(y.moneyOut)),
          barMaxWidth: 40,
          itemStyle: { color: '#b80000' },
        },
      ],
    };
    return {
      bySource: pie(
        t('assistanceStats.inBySource'),
        (totals?.inBySource ?? []).map((s) => ({ name: t(`assistance.sources.${s.source}`), value: Number(s.amount) })),
      ),
      byKind: pie(
        t('assistanceStats.outByKind'),
        (totals?.outByKind ?? []).map((k) => ({
          name: t(`assistanceMemberLedger.paymentKinds.${k.kind}`),
          value: Number(k.amount),
        })),
      ),
      byCategory: pie(
        t('assistanceStats.aidByCategory'),
        (totals?.aidByCategory ?? []).map((c) => ({
          name: t(`assistanceApply.categories.${c.category}`),
          value: Number(c.amount),
        })),
      ),
      byYear,
    };
  }, [totals, years, t]);
}

/** A small table of a breakdown: its label in words, count and amount. */
function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; label: string; count: number; amount: number }[];
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      title={() => title}
      dataSource={rows}
      columns={[
        { title, dataIndex: 'label' },
        { title: t('assistanceStats.count'), dataIndex: 'count', align: 'right' },
        { title: t('assistanceStats.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
      ]}
    />
  );
}

/**
 * 关怀帮扶统计: a subtree's money in by source and out by kind, aid by category and approval tier, the people helped
 * and averages, visits, 1+N pairs and their help logs, for one year or all; figures, charts and a table that exports.
 */
export function AssistanceStatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [picked, setPicked] = useState<string>();
  const [year, setYear] = useState<number>();
  // A clerk sees their own organization's subtree at once; without one the API takes the caller's scope.
  const organizationId = picked ?? me.data?.scope?.id;
  const ready = !me.isPending;
  const all = useAssistanceStatistics({ organizationId }, ready);
  const stats = useAssistanceStatistics({ organizationId, year }, ready);
  const data = stats.data;
  const totals = data?.totals;
  const years = data?.years ?? [];
  const charts = useCharts(totals, years);
  const s = (key: string) => t(`assistanceStats.${key}`);
  const hasMoney = totals !== undefined && (Number(totals.moneyIn) !== 0 || Number(totals.moneyOut) !== 0);

  return (
    <>
      <PageHeading>{s('title')}</PageHeading>
      <StatisticsFilters
        labels={{
          organization: s('organization'),
          year: s('year'),
          allYears: s('allYears'),
          yearLabel: (value) => t('assistanceStats.yearLabel', { year: value }),
        }}
        organizationId={organizationId}
        known={me.data?.scope ? [me.data.scope] : undefined}
        onOrganization={setPicked}
        year={year}
        years={(all.data?.years ?? []).map((y) => y.year)}
        onYear={setYear}
      >
        <ExportButtons onExport={(format) => exportAssistanceStatistics({ organizationId, year }, format)} />
      </StatisticsFilters>
      <QueryView query={stats}>
        {totals && (
          <>
            <FigureGrid
              figures={[
                [s('moneyIn'), yuan(totals.moneyIn)],
                [s('moneyOut'), yuan(totals.moneyOut)],
                [s('payments'), totals.payments],
                [s('peopleHelped'), totals.peopleHelped],
                [s('averagePerPerson'), yuan(totals.averagePerPerson)],
                [s('averagePerPayment'), yuan(totals.averagePerPayment)],
                [s('visits'), totals.visits],
                [s('pairsActive'), totals.pairsActive],
                [s('helpLogs'), totals.helpLogs],
              ]}
            />
            {!hasMoney ? (
              <Card size="small" style={{ marginTop: 12 }}>
                <Empty description={s('noData')} />
              </Card>
            ) : (
              <>
                <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                  {(
                    [
                      ['inBySource', charts.bySource],
                      ['outByKind', charts.byKind],
                      ['aidByCategory', charts.byCategory],
                    ] as [string, ChartOption][]
                  ).map(([key, option]) => (
                    <Col key={key} xs={24} lg={8}>
                      <Card size="small" title={s(key)}>
                        <Chart option={option} label={s(key)} height={260} />
                      </Card>
                    </Col>
                  ))}
                  <Col xs={24}>
                    <Card size="small" title={s('byYear')}>
                      <Chart option={charts.byYear} label={s('byYear')} height={260} />
                    </Card>
                  </Col>
                </Row>
                <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                  <Col xs={24} lg={12}>
                    <Breakdown
                      title={s('inBySource')}
                      rows={totals.inBySource.map((f) => ({
                        key: f.source,
                        label: t(`assistance.sources.${f.source}`),
                        count: f.count,
                        amount: Number(f.amount),
                      }))}
                    />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Breakdown
                      title={s('outByKind')}
                      rows={totals.outByKind.map((f) => ({
                        key: f.kind,
                        label: t(`assistanceMemberLedger.paymentKinds.${f.kind}`),
                        count: f.count,
                        amount: Number(f.amount),
                      }))}
                    />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Breakdown
                      title={s('aidByCategory')}
                      rows={totals.aidByCategory.map((f) => ({
                        key: f.category,
                        label: t(`assistanceApply.categories.${f.category}`),
                        count: f.count,
                        amount: Number(f.amount),
                      }))}
                    />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Breakdown
                      title={s('aidByTier')}
                      rows={totals.aidByTier.map((f) => ({
                        key: f.tier,
                        label: t(`assistanceApply.tiers.${f.tier}`),
                        count: f.count,
                        amount: Number(f.amount),
                      }))}
                    />
                  </Col>
                </Row>
              </>
            )}
            <Card size="small" title={s('table')} style={{ marginTop: 12 }}>
              <Table<CareYear>
                rowKey="year"
                size="small"
                pagination={false}
                dataSource={years}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: s('year'),
                    dataIndex: 'year',
                    render: (value: number) => t('assistanceStats.yearLabel', { year: value }),
                  },
                  { title: s('moneyIn'), dataIndex: 'moneyIn', align: 'right', render: (v: number) => yuan(v) },
                  { title: s('moneyOut'), dataIndex: 'moneyOut', align: 'right', render: (v: number) => yuan(v) },
                  { title: s('payments'), dataIndex: 'payments', align: 'right' },
                  { title: s('peopleHelped'), dataIndex: 'peopleHelped', align: 'right' },
                  { title: s('visits'), dataIndex: 'visits', align: 'right', responsive: ['md'] },
                  { title: s('helpLogs'), dataIndex: 'helpLogs', align: 'right', responsive: ['md'] },
                ]}
              />
            </Card>
          </>
        )}
      </QueryView>
    </>
  );
}

export default AssistanceStatisticsPage;
