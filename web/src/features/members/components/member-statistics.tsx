import { Card, Col, InputNumber, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberStatistics } from '@/features/members/api/yearly-lists';
import { Chart, type ChartOption } from '@/components/chart';
import { OrganizationSelect } from '@/components/organization-select';
import { QueryFailure } from '@/components/query-view';
import { shanghaiYear } from '@/lib/dates';

const bands = ['30-', '31-35', '36-45', '46-55', '56-60', '61-70', '71+'];

/** The register in figures: cards, a year's admissions, and the age and education make-up as a chart. */
export function MemberStatisticsPanel() {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string>();
  const [year, setYear] = useState(shanghaiYear());
  const stats = useMemberStatistics(organizationId, year);
  const data = stats.data;
  // Two charts, each with its own legend and colours: a bar per age band, a pie slice per education level.
  const charts = useMemo<{ byAge: ChartOption; byEducation: ChartOption } | undefined>(() => {
    if (!data) {
      return undefined;
    }
    const count = (key: string) => data.byAgeBand.find((b) => b.key === key)?.count ?? 0;
    return {
      byAge: {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 24, bottom: 32 },
        xAxis: {
          type: 'category',
          data: bands.map((band) => t(`memberStats.bands.${band}`)),
          axisLabel: { interval: 0 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: t('memberStats.byAge'),
            data: bands.map(count),
            barMaxWidth: 32,
            itemStyle: { color: '#b80000' },
          },
        ],
      },
      byEducation: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            name: t('memberStats.byEducation'),
            radius: ['30%', '60%'],
            center: ['50%', '42%'],
            label: { show: false },
            data: data.byEducation.map((e) => ({
              name: e.key === 'Unknown' ? t('memberStats.unknown') : t(`members.educations.${e.key}`),
              value: e.count,
            })),
          },
        ],
      },
    };
  }, [data, t]);
  const of = (list: { key: string; count: number }[] | undefined, key: string) =>
    list?.find((c) => c.key === key)?.count ?? 0;
  const share = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value}%`);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <div className="filter-field" style={{ width: 380 }}>
          <OrganizationSelect
            aria-label={t('members.organization')}
            value={organizationId}
            onChange={(value) => setOrganizationId((value as string) || undefined)}
          />
        </div>
        <InputNumber
          aria-label={t('memberStats.admittedYear')}
          addonBefore={t('memberStats.admittedYear')}
          min={1921}
          max={9998}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
      </Space>
      {stats.isError ? (
        <QueryFailure error={stats.error} onRetry={stats.refetch} retrying={stats.isFetching} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {[
              [t('memberStats.members'), data.members],
              [t('members.stages.Full'), of(data.byStage, 'Full')],
              [t('members.stages.Probationary'), of(data.byStage, 'Probationary')],
              [
                t('memberStats.pipeline'),
                of(data.byStage, 'Applicant') + of(data.byStage, 'Activist') + of(data.byStage, 'Candidate'),
              ],
              [t('members.genders.Female'), of(data.byGender, 'Female')],
              [t('memberStats.admitted', { year: data.admissions.year }), data.admissions.admitted],
            ].map(([title, value]) => (
              <Col key={String(title)} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
            <Col xs={24}>
              <Typography.Text type="secondary">
                {t('memberStats.sharesOf', { year: data.admissions.year })}
              </Typography.Text>
            </Col>
            {[
              [t('memberStats.under35'), share(data.admissions.aged35OrUnderShare)],
              [t('memberStats.college'), share(data.admissions.collegeShare)],
              [t('memberStats.frontLine'), share(data.admissions.frontLineShare)],
            ].map(([title, value]) => (
              <Col key={String(title)} xs={12} md={8}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          {charts && (
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('memberStats.byAge')}>
                  <Chart option={charts.byAge} label={t('memberStats.byAge')} height={300} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('memberStats.byEducation')}>
                  <Chart option={charts.byEducation} label={t('memberStats.byEducation')} height={300} />
                </Card>
              </Col>
            </Row>
          )}
        </>
      )}
    </>
  );
}
