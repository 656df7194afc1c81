import { Alert, Card, Col, Empty, Row, Spin, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '@/components/chart';
import { ExportButtons } from '@/components/export-buttons';
import { PageHeading } from '@/components/page-heading';
import { QueryFailure } from '@/components/query-view';
import { FigureGrid, StatisticsFilters } from '@/components/statistics';
import { useDividendStatistics, type DistributionYear } from '@/features/dividends/api/finish';
import { formatFen, toFen } from '@/features/dividends/money';
import { useMe } from '@/lib/auth';
import { downloadFile, queryString } from '@/lib/download';

const kinds = ['Dividend', 'Pension', 'Other'] as const;
const colors: Record<(typeof kinds)[number], string> = { Dividend: '#b80000', Pension: '#e8a33d', Other: '#5b7fa6' };

/** Whole yuan for a chart axis (the figures themselves keep their 分). */
const yuan = (amount: number) => toFen(amount) / 100;

/** The charts of the distributions: amount by year and kind, the kinds of the chosen years, paid and unpaid. */
function useCharts(years: DistributionYear[]) {
  const { t } = useTranslation();
  return useMemo(() => {
    const ascending = [...years].sort((a, b) => a.year - b.year);
    const labels = ascending.map((y) => t('dividendFinish.statistics.yearLabel', { year: y.year }));
    const amountOf = (y: DistributionYear, kind: string) => y.parts.find((p) => p.kind === kind)?.amount ?? 0;
    const present = kinds.filter((kind) => years.some((y) => y.parts.some((p) => p.kind === kind)));
    const byYear: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: present.map((kind) => ({
        type: 'bar',
        stack: 'amount',
        name: t(`dividendScreens.wizard.kinds.${kind}`),
        data: ascending.map((y) => yuan(amountOf(y, kind))),
        barMaxWidth: 40,
        itemStyle: { color: colors[kind] },
      })),
    };
    const byKind: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          name: t('dividendFinish.statistics.byKind'),
          radius: ['30%', '60%'],
          center: ['50%', '42%'],
          label: { show: false },
          data: present.map((kind) => ({
            name: t(`dividendScreens.wizard.kinds.${kind}`),
            value: years.reduce((sum, y) => sum + yuan(amountOf(y, kind)), 0),
            itemStyle: { color: colors[kind] },
          })),
        },
      ],
    };
    const paid: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          stack: 'paid',
          name: t('dividendFinish.statistics.paidOut'),
          data: ascending.map((y) => yuan(y.paidOut)),
          barMaxWidth: 40,
          itemStyle: { color: '#389e0d' },
        },
        {
          type: 'bar',
          stack: 'paid',
          name: t('dividendFinish.statistics.unpaid'),
          data: ascending.map((y) => yuan(y.unpaid)),
          barMaxWidth: 40,
          itemStyle: { color: '#bfbfbf' },
        },
      ],
    };
    return { byYear, byKind, paid };
  }, [years, t]);
}

/**
 * 集体经济统计: a subtree's collectives, members and households, its income bands against the region's two lines,
 * and its approved distributions by year and kind (三海's 分红 and 养老金 as the article gave them) with the share
 * paid out; in figures, charts and a table that exports.
 */
export function DividendStatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [picked, setPicked] = useState<string>();
  const [year, setYear] = useState<number>();
  // A clerk sees their own organization's subtree at once; the whole-tree administrator picks one first.
  const organizationId = picked ?? me.data?.scope?.id;
  const stats = useDividendStatistics(organizationId);
  const data = stats.data;
  const allYears = data?.years ?? [];
  const years = year === undefined ? allYears : allYears.filter((y) => y.year === year);
  const charts = useCharts(years);
  const counts = data?.counts ?? {};
  const distributedFen = years.reduce((sum, y) => sum + toFen(y.distributed), 0);
  const paidFen = years.reduce((sum, y) => sum + toFen(y.paidOut), 0);
  const partTotals = kinds
    .map((kind) => {
      const parts = years.flatMap((y) => y.parts.filter((p) => p.kind === kind));
      return {
        kind,
        fen: parts.reduce((sum, p) => sum + toFen(p.amount), 0),
        payees: parts.reduce((sum, p) => sum + p.payees, 0),
      };
    })
    .filter((p) => p.payees > 0 || p.fen > 0);
  // Rounded down: 99.96% paid is not yet all of it.
  const share = distributedFen === 0 ? '—' : `${(Math.floor((paidFen * 1000) / distributedFen) / 10).toFixed(1)}%`;
  const count = (key: string) => counts[key] ?? 0;
  return (
    <>
      <PageHeading>{t('dividendFinish.statistics.title')}</PageHeading>
      <StatisticsFilters
        labels={{
          organization: t('dividendFinish.statistics.organization'),
          year: t('dividendFinish.statistics.year'),
          allYears: t('dividendFinish.statistics.allYears'),
          yearLabel: (value) => t('dividendFinish.statistics.yearLabel', { year: value }),
        }}
        organizationId={organizationId}
        known={me.data?.scope ? [me.data.scope] : undefined}
        onOrganization={setPicked}
        year={year}
        years={allYears.map((y) => y.year)}
        onYear={setYear}
      >
        <ExportButtons
          disabled={!organizationId}
          onExport={(format) =>
            downloadFile(
              `/api/v1/dividends/statistics/export?${queryString({ organizationId, format })}`,
              `dividend-statistics.${format.toLowerCase()}`,
            )
          }
        />
      </StatisticsFilters>
      {!organizationId ? (
        me.isPending ? (
          <Spin />
        ) : (
          <Alert type="info" showIcon title={t('dividendFinish.statistics.pickOrganization')} />
        )
      ) : stats.isError ? (
        <QueryFailure error={stats.error} onRetry={stats.refetch} retrying={stats.isFetching} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <FigureGrid
            figures={[
              [
                t('dividendFinish.statistics.collectives'),
                count('collectives'),
                `${t('dividendFinish.statistics.cooperatives')} ${count('cooperatives')}`,
              ],
              [t('dividendFinish.statistics.members'), count('members')],
              [t('dividendFinish.statistics.households'), count('households')],
              [t('dividendFinish.statistics.land'), count('landTransferredMu')],
              [
                t('dividendFinish.statistics.reported', {
                  amount: Math.round(data.reportedOperatingIncome).toLocaleString('en-US'),
                }),
                count('operatingIncomeReported'),
                t('dividendFinish.statistics.latestYear'),
              ],
              [
                t('dividendFinish.statistics.weak', {
                  amount: Math.round(data.weakCollectiveBelow).toLocaleString('en-US'),
                }),
                count('weakCollectives'),
                t('dividendFinish.statistics.latestYear'),
              ],
              [t('dividendFinish.statistics.plans'), years.reduce((sum, y) => sum + y.plans, 0)],
              [
                t('dividendFinish.statistics.distributed'),
                formatFen(distributedFen),
                partTotals
                  .map((p) =>
                    t('dividendFinish.statistics.partLine', {
                      kind: t(`dividendScreens.wizard.kinds.${p.kind}`),
                      amount: formatFen(p.fen),
                      count: p.payees,
                      people: p.payees.toLocaleString('en-US'),
                    }),
                  )
                  .join(t('dividendFinish.statistics.partSeparator')),
              ],
              [t('dividendFinish.statistics.paidOut'), formatFen(paidFen)],
              [t('dividendFinish.statistics.paidShare'), share, t('dividendFinish.statistics.ofDistributed')],
            ]}
          />
          {years.length === 0 ? (
            <Card size="small" style={{ marginTop: 12 }}>
              <Empty description={t('dividendFinish.statistics.noDistributions')} />
            </Card>
          ) : (
            <>
              <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                <Col xs={24} lg={12}>
                  <Card size="small" title={t('dividendFinish.statistics.byYear')}>
                    <Chart option={charts.byYear} label={t('dividendFinish.statistics.byYear')} height={280} />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title={t('dividendFinish.statistics.byKind')}>
                    <Chart option={charts.byKind} label={t('dividendFinish.statistics.byKind')} height={280} />
                  </Card>
                </Col>
                <Col xs={24}>
                  <Card size="small" title={t('dividendFinish.statistics.paidByYear')}>
                    <Chart option={charts.paid} label={t('dividendFinish.statistics.paidByYear')} height={260} />
                  </Card>
                </Col>
              </Row>
              <Card size="small" title={t('dividendFinish.statistics.table')} style={{ marginTop: 12 }}>
                <Table<DistributionYear>
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={years}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      title: t('dividendFinish.statistics.columns.year'),
                      dataIndex: 'year',
                      render: (value: number) => t('dividendFinish.statistics.yearLabel', { year: value }),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.plans'),
                      dataIndex: 'plans',
                      align: 'right',
                      render: (value: number) => value.toLocaleString('en-US'),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.lines'),
                      dataIndex: 'lines',
                      align: 'right',
                      render: (value: number) => value.toLocaleString('en-US'),
                      responsive: ['md'],
                    },
                    {
                      title: t('dividendFinish.statistics.columns.distributed'),
                      dataIndex: 'distributed',
                      align: 'right',
                      render: (value: number) => formatFen(toFen(value)),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.parts'),
                      key: 'parts',
                      responsive: ['lg'],
                      render: (_, row) =>
                        row.parts
                          .map((p) =>
                            t('dividendFinish.statistics.partLine', {
                              kind: t(`dividendScreens.wizard.kinds.${p.kind}`),
                              amount: formatFen(toFen(p.amount)),
                              count: p.payees,
                              people: p.payees.toLocaleString('en-US'),
                            }),
                          )
                          .join(t('dividendFinish.statistics.partSeparator')),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.paidOut'),
                      dataIndex: 'paidOut',
                      align: 'right',
                      responsive: ['md'],
                      render: (value: number) => formatFen(toFen(value)),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.unpaid'),
                      dataIndex: 'unpaid',
                      align: 'right',
                      responsive: ['lg'],
                      render: (value: number) => formatFen(toFen(value)),
                    },
                    {
                      title: t('dividendFinish.statistics.columns.paidOutPercent'),
                      dataIndex: 'paidOutPercent',
                      align: 'right',
                      render: (value: number) => `${value}%`,
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </>
      )}
    </>
  );
}

export default DividendStatisticsPage;
