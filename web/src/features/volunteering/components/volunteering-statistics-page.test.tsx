import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { ChartProps } from '@/components/chart';
import { VolunteeringStatisticsPage } from '@/features/volunteering/components/volunteering-statistics-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

// jsdom draws no canvas: the chart shows what it was given, so the test reads its labels and figures.
vi.mock('@/components/chart', () => ({
  Chart: ({ option, label }: ChartProps) => <div role="img" aria-label={label} data-option={JSON.stringify(option)} />,
}));

const me = {
  id: 'u1',
  username: 'coordinator',
  displayName: '协调员',
  kind: 'User',
  roles: [],
  permissions: ['volunteering.read'],
};

const states = ['Submitted', 'Accepted', 'Open', 'Assigned', 'InService', 'Completed', 'Rated', 'Closed'];

const statistics = {
  organizationId: null,
  descendants: true,
  year: 2026,
  demands: {
    placed: 4,
    claimed: 2,
    done: 2,
    byState: [
      ...states.map((state) => ({ state, count: state === 'Rated' ? 2 : state === 'Submitted' ? 1 : 0 })),
      { state: 'Rejected', count: 1 },
      { state: 'Cancelled', count: 0 },
    ],
    byCategory: [
      { category: '助老助残', count: 3 },
      { category: '环境整治', count: 1 },
    ],
    medianHoursToAccept: 4,
    medianHoursToClaim: 3,
    medianHoursToComplete: 41,
    completed: 2,
    completedOnTime: 1,
    onTimePercent: 50,
    rated: 2,
    averageRating: 4,
  },
  wishes: { placed: 2, claimed: 1, delivered: 1, received: 0 },
  teams: { teams: 1, volunteers: 3, memberVolunteers: 2, served: 1 },
  activityHours: 2,
  demandHours: 3.5,
  hoursByMonth: Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    activityHours: i === 5 ? 2 : 0,
    demandHours: i === 5 ? 3.5 : 0,
  })),
};

function option(label: string) {
  return JSON.parse(screen.getByRole('img', { name: label }).getAttribute('data-option')!);
}

describe('Volunteering statistics', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the year in figures and charts, states in words, and asks again for another year', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/statistics': () => statistics,
    });
    renderWithProviders(<VolunteeringStatisticsPage />, { route: '/volunteering/statistics' });
    await screen.findByText('受理用时（中位数）', {}, { timeout: 15_000 });
    expect(screen.getByText('4 小时')).toBeTruthy();
    expect(screen.getByText('41 小时')).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getByText('1 / 2 件按期')).toBeTruthy();
    expect(screen.getByText('4 星')).toBeTruthy();
    const byState = option('点单办理状态');
    expect(byState.yAxis.data).toEqual(['待受理', '已评价', '不予受理']);
    expect(byState.series[0].data).toEqual([1, 2, 1]);
    expect(option('点单服务类别').series[0].data).toEqual([
      { name: '助老助残', value: 3 },
      { name: '环境整治', value: 1 },
    ]);
    const hours = option('每月服务时长（小时）');
    expect(hours.xAxis.data[5]).toBe('6月');
    expect(hours.series.map((s: { data: number[] }) => s.data[5])).toEqual([2, 3.5]);
    expect(screen.queryByText(/Rated|Submitted/)).toBeNull();

    fireEvent.change(screen.getByRole('spinbutton', { name: '年度' }), { target: { value: '2025' } });
    await waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get('year') === '2025')).toBe(true));
    const url = new URL(requests.filter((r) => r.url.includes('/statistics')).at(-1)!.url);
    expect(url.searchParams.get('descendants')).toBe('true');
  });

  it('says a failed load is a failure, not an empty year', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/statistics': () => json({ status: 500, title: 'boom' }, 500),
    });
    renderWithProviders(<VolunteeringStatisticsPage />, { route: '/volunteering/statistics' });
    await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
    expect(screen.queryByText('本年度暂无数据')).toBeNull();
  });
});
