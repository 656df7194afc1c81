import { Card, Checkbox, Col, Empty, InputNumber, Row, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVolunteeringStatistics, type VolunteeringStatistics } from '@/features/volunteering/api/statistics';
import { Chart, type ChartOption } from '@/components/chart';
import { PageHeading } from '@/components/page-heading';
import { QueryFailure } from '@/components/query-view';
import { FigureGrid, StatisticsOrganization } from '@/components/statistics';
import { shanghaiYear } from '@/lib/dates';

const red = '#b80000';

/** The three charts of a year's figures: demands by state and by category, and service hours by month. */
function useCharts(data: VolunteeringStatistics | undefined) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    if (!data) {
      return undefined;
    }
    const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
    const months = data.hoursByMonth.map((m) => monthName.format(new Date(Date.UTC(2026, m.month - 1, 1))));
    const states = data.demands.byState.filter((s) => s.count > 0);
    const byState: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: states.map((s) => t(`volunteering.demands.states.${s.state}`)),
      },
      series: [
        {
          type: 'bar',
          name: t('volunteerStats.byState'),
          data: states.map((s) => s.count),
          barMaxWidth: 24,
          itemStyle: { color: red },
        },
      ],
    };
    const byCategory: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: t('volunteerStats.byCategory'),
          radius: ['30%', '60%'],
          center: ['50%', '42%'],
          label: { show: false },
          data: data.demands.byCategory.map((c) => ({ name: c.category, value: c.count })),
        },
      ],
    };
    const hoursByMonth: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          stack: 'hours',
          name: t('volunteerStats.activityHours'),
          data: data.hoursByMonth.map((m) => m.activityHours),
          itemStyle: { color: red },
        },
        {
          type: 'bar',
          stack: 'hours',
          name: t('volunteerStats.demandHours'),
          data: data.hoursByMonth.map((m) => m.demandHours),
          itemStyle: { color: '#e8a33d' },
        },
      ],
    };
    return { byState, byCategory, hoursByMonth };
  }, [data, t, i18n.language]);
}

/** 统计分析: a year's demands, micro-wishes, teams and hours of a subtree, in figures and charts. */
export function VolunteeringStatisticsPage() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string>();
  const [descendants, setDescendants] = useState(true);
  const [year, setYear] = useState(shanghaiYear());
  const stats = useVolunteeringStatistics({ organizationId, descendants: descendants || !organizationId, year });
  const data = stats.data;
  const charts = useCharts(data);
  const hours = (value: number | null | undefined) =>
    value === null || value === undefined ? t('volunteerStats.none') : t('volunteerStats.hours', { value });
  const demands = data?.demands;
  return (
    <>
      <PageHeading>{t('volunteerStats.title')}</PageHeading>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatisticsOrganization
          label={t('volunteerStats.organization')}
          value={organizationId}
          onChange={setOrganizationId}
        />
        <Checkbox
          checked={descendants || !organizationId}
          disabled={!organizationId}
          onChange={(event) => setDescendants(event.target.checked)}
        >
          {t('volunteerStats.descendants')}
        </Checkbox>
        <InputNumber
          aria-label={t('volunteerStats.year')}
          addonBefore={t('volunteerStats.yearAddon')}
          min={2000}
          max={2199}
          precision={0}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
      </Space>
      {stats.isError ? (
        <QueryFailure error={stats.error} onRetry={stats.refetch} retrying={stats.isFetching} />
      ) : !data || !demands ? (
        <Spin />
      ) : (
        <>
          <FigureGrid
            figures={[
              [t('volunteerStats.placed'), demands.placed],
              [t('volunteerStats.claimed'), demands.claimed],
              [t('volunteerStats.done'), demands.done],
              [t('volunteerStats.medianAccept'), hours(demands.medianHoursToAccept)],
              [t('volunteerStats.medianClaim'), hours(demands.medianHoursToClaim)],
              [t('volunteerStats.medianComplete'), hours(demands.medianHoursToComplete)],
              [
                t('volunteerStats.onTime'),
                demands.onTimePercent === null || demands.onTimePercent === undefined
                  ? t('volunteerStats.none')
                  : `${demands.onTimePercent}%`,
                t('volunteerStats.onTimeOf', { onTime: demands.completedOnTime, completed: demands.completed }),
              ],
              [
                t('volunteerStats.rating'),
                demands.averageRating === null || demands.averageRating === undefined
                  ? t('volunteerStats.none')
                  : t('volunteerStats.stars', { value: demands.averageRating }),
                t('volunteerStats.ratingOf', { count: demands.rated }),
              ],
              [t('volunteerStats.teams'), data.teams.teams],
              [
                t('volunteerStats.volunteers'),
                data.teams.volunteers,
                `${t('volunteerStats.memberVolunteers')} ${data.teams.memberVolunteers}`,
              ],
              [t('volunteerStats.served'), data.teams.served],
              [t('volunteerStats.activityHours'), hours(data.activityHours)],
              [t('volunteerStats.demandHours'), hours(data.demandHours)],
              [`${t('volunteerStats.wishes')} · ${t('volunteerStats.wishesPlaced')}`, data.wishes.placed],
              [`${t('volunteerStats.wishes')} · ${t('volunteerStats.wishesClaimed')}`, data.wishes.claimed],
              [`${t('volunteerStats.wishes')} · ${t('volunteerStats.wishesDelivered')}`, data.wishes.delivered],
              [`${t('volunteerStats.wishes')} · ${t('volunteerStats.wishesReceived')}`, data.wishes.received],
            ]}
          />
          {charts && (
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('volunteerStats.byState')}>
                  {demands.placed === 0 ? (
                    <Empty description={t('volunteerStats.noData')} />
                  ) : (
                    <Chart option={charts.byState} label={t('volunteerStats.byState')} height={300} />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('volunteerStats.byCategory')}>
                  {demands.placed === 0 ? (
                    <Empty description={t('volunteerStats.noData')} />
                  ) : (
                    <Chart option={charts.byCategory} label={t('volunteerStats.byCategory')} height={300} />
                  )}
                </Card>
              </Col>
              <Col xs={24}>
                <Card size="small" title={t('volunteerStats.hoursByMonth')}>
                  <Chart option={charts.hoursByMonth} label={t('volunteerStats.hoursByMonth')} height={300} />
                </Card>
              </Col>
            </Row>
          )}
        </>
      )}
    </>
  );
}

export default VolunteeringStatisticsPage;
