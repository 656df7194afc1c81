import { Card, Col, Row, Select, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { OrganizationSelect } from '@/components/organization-select';

/** One figure of a statistics page: what it counts, its value, and an optional line under it. */
export type FigureItem = [title: string, value: string | number, note?: string];

/** The figures of a statistics page as cards, four across on a wide screen and two on a phone. */
export function FigureGrid({ figures }: { figures: FigureItem[] }) {
  return (
    <Row gutter={[12, 12]}>
      {figures.map(([title, value, note]) => (
        <Col key={title} xs={12} md={8} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={title} value={value} />
            {note && <div style={{ color: '#595959', fontSize: 12, marginTop: 4 }}>{note}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The organization picker of a statistics page, as wide as a phone allows. */
export function StatisticsOrganization({
  label,
  value,
  known,
  onChange,
}: {
  label: string;
  value: string | undefined;
  known?: { id: string; name: string }[];
  onChange: (organizationId: string | undefined) => void;
}) {
  return (
    <div className="filter-field" style={{ width: 'min(380px, calc(100vw - 48px))' }}>
      <OrganizationSelect
        aria-label={label}
        value={value}
        known={known}
        onChange={(picked) => onChange((picked as string) || undefined)}
      />
    </div>
  );
}

/**
 * The filter bar of a module's statistics: the subtree, one year or all of them (newest first), and what else the page
 * offers (its export buttons). Picking another organization goes back to all years: its years are not the same.
 */
export function StatisticsFilters({
  labels,
  organizationId,
  known,
  onOrganization,
  year,
  years,
  onYear,
  children,
}: {
  labels: { organization: string; year: string; allYears: string; yearLabel: (year: number) => string };
  organizationId: string | undefined;
  known?: { id: string; name: string }[];
  onOrganization: (organizationId: string | undefined) => void;
  year: number | undefined;
  years: number[];
  onYear: (year: number | undefined) => void;
  children?: ReactNode;
}) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <StatisticsOrganization
        label={labels.organization}
        value={organizationId}
        known={known}
        onChange={(picked) => {
          onOrganization(picked);
          onYear(undefined);
        }}
      />
      <Select<number | 'all'>
        aria-label={labels.year}
        style={{ width: 140 }}
        value={year ?? 'all'}
        onChange={(value) => onYear(value === 'all' ? undefined : value)}
        options={[
          { value: 'all', label: labels.allYears },
          ...[...new Set(years)].sort((a, b) => b - a).map((y) => ({ value: y, label: labels.yearLabel(y) })),
        ]}
      />
      {children}
    </Space>
  );
}
