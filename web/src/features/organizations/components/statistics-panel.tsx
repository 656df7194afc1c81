import { Card, Col, Empty, Row, Spin, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubtreeStatistics } from '@/features/organizations/api/statistics';
import { Chart, type ChartOption } from '@/components/chart';
import { QueryFailure } from '@/components/query-view';

/** Counts over the subtree as cards, and organizations by kind and by grading level as a chart. */
export function StatisticsPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const stats = useSubtreeStatistics(organizationId);
  const data = stats.data;

  // Two charts, each with its own legend and colours: organizations by kind, and by the latest grading's level.
  const charts = useMemo<{ byKind: ChartOption; byLevel: ChartOption } | undefined>(() => {
    if (!data) {
      return undefined;
    }
    const levels = data.byGradingLevel.map((l) => ({
      name: l.name,
      value: l.count,
      itemStyle: { color: l.lagging ? '#ad4e00' : '#0050b3' },
    }));
    return {
      byKind: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            name: t('stats.byKind'),
            radius: ['30%', '60%'],
            center: ['50%', '42%'],
            label: { show: false },
            data: data.byKind.map((k) => ({ name: t(`kind.${k.key}`), value: k.count })),
          },
        ],
      },
      byLevel: {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 24, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: levels.map((l) => l.name) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: t('stats.byLevel', { year: data.gradingYear ?? '—' }), data: levels, barMaxWidth: 36 },
        ],
      },
    };
  }, [data, t]);

  if (stats.isLoading) {
    return <Spin />;
  }
  if (stats.isError) {
    return <QueryFailure error={stats.error} onRetry={stats.refetch} retrying={stats.isFetching} />;
  }
  if (!data) {
    return <Empty />;
  }
  const cards: [string, number, boolean?][] = [
    [t('stats.active'), data.activeOrganizations],
    [t('stats.dissolved'), data.dissolvedOrganizations],
    [t('stats.ungraded'), data.ungraded],
    [t('stats.pairings'), data.activePairings],
    [t('stats.openRectifications'), data.openRectifications],
    [t('stats.overdueRectifications'), data.overdueRectifications, data.overdueRectifications > 0],
  ];
  // Other modules add their counts (members, for one) under their own key, without this screen knowing them.
  const contributed = Object.entries((data.contributed ?? {}) as Record<string, Record<string, number>>).flatMap(
    ([module, counts]) => Object.entries(counts).map(([key, value]) => [`${module}.${key}`, value] as [string, number]),
  );
  return (
    <>
      <Row gutter={[12, 12]}>
        {[
          ...cards,
          ...contributed.map(
            ([key, value]) => [t(`stats.contributed.${key}`, { defaultValue: key }), value] as [string, number],
          ),
        ].map(([title, value, alarm]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={title} value={value} styles={{ content: alarm ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      {charts && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('stats.byKind')}>
              <Chart option={charts.byKind} label={t('stats.byKind')} height={300} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('stats.byLevel', { year: data.gradingYear ?? '—' })}>
              <Chart
                option={charts.byLevel}
                label={t('stats.byLevel', { year: data.gradingYear ?? '—' })}
                height={300}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
