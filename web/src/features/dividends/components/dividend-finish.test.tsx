import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { CollectiveDetailPage } from '@/features/dividends/components/collective-detail-page';
import { DividendStatisticsPage } from '@/features/dividends/components/dividend-statistics-page';
import { ShareCertificatePage } from '@/features/dividends/components/share-certificate-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'demo-collective-accountant',
  displayName: '周国庆',
  kind: 'User',
  roles: [],
  permissions: ['dividends.read', 'dividends.write'],
  scope: { id: 'o1', name: '三海社区党委' },
};

const shareTypes = [
  { id: 's1', name: '人口股', kind: 'Population', weight: 1, sortOrder: 1 },
  { id: 's2', name: '农龄股', kind: 'LabourAge', weight: 0.5, sortOrder: 2 },
];
const collective = {
  id: 'c1',
  organizationId: 'o1',
  organizationName: '三海社区党委',
  name: '三海社区股份经济合作社',
  kind: 'StockCooperative',
  creditCode: 'N2230300000000001X',
  landTransferredMu: 320.5,
  shareManagement: 'Static',
  establishedOn: '2019-06-01',
  households: 1,
  members: 2,
  version: 1,
};

const certificate = {
  certificateNo: 'N2230300000000001X-A01',
  collectiveId: 'c1',
  collectiveName: '三海社区股份经济合作社',
  creditCode: 'N2230300000000001X',
  shareManagement: 'Static',
  householdId: 'h1',
  householdNumber: 'A01',
  address: '三海社区 3 组 12 号',
  headName: '王建国',
  asOf: '2025-12-31',
  members: [
    {
      memberId: 'm1',
      name: '王建国',
      idNumberMasked: '230382********1142',
      shares: [
        { shareTypeId: 's1', shareTypeName: '人口股', quantity: 1 },
        { shareTypeId: 's2', shareTypeName: '农龄股', quantity: 30 },
      ],
    },
    {
      memberId: 'm2',
      name: '李秀英',
      idNumberMasked: '230382********2248',
      shares: [{ shareTypeId: 's1', shareTypeName: '人口股', quantity: 1 }],
    },
  ],
  totals: [
    { shareTypeId: 's1', shareTypeName: '人口股', quantity: 2 },
    { shareTypeId: 's2', shareTypeName: '农龄股', quantity: 30 },
  ],
};

const statistics = {
  organizationId: 'o1',
  counts: {
    collectives: 3,
    cooperatives: 2,
    households: 520,
    members: 1550,
    landTransferredMu: 35065,
    operatingIncomeReported: 1,
    weakCollectives: 2,
    distributionPlans: 1,
    distributedFen: 124_420_000,
    paidOutFen: 124_420_000,
  },
  reportedOperatingIncome: 200000,
  weakCollectiveBelow: 50000,
  years: [
    {
      year: 2023,
      plans: 1,
      lines: 1948,
      distributed: 1244200,
      paidOut: 1244200,
      unpaid: 0,
      paidOutPercent: 100,
      parts: [
        { kind: 'Dividend', payees: 1550, amount: 1085000 },
        { kind: 'Pension', payees: 398, amount: 159200 },
      ],
    },
    {
      year: 2022,
      plans: 1,
      lines: 10,
      distributed: 1000.01,
      paidOut: 500,
      unpaid: 500.01,
      paidOutPercent: 50,
      parts: [{ kind: 'Dividend', payees: 10, amount: 1000.01 }],
    },
  ],
};

function at(path: string, route: string, element: React.ReactElement) {
  return renderWithProviders(
    <Routes>
      <Route path={path} element={element} />
    </Routes>,
    { route },
  );
}

describe('Dividends share certificate and statistics', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('prints a household share certificate with masked ID numbers, share types as columns and the totals', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/dividends/households/h1/certificate': () => certificate,
    });
    at('/dividends/households/:id/certificate', '/dividends/households/h1/certificate', <ShareCertificatePage />);
    const sheet = await screen.findByRole('article', {}, { timeout: 15_000 });
    expect(within(sheet).getByText('230382********1142')).toBeTruthy();
    expect(within(sheet).getByRole('columnheader', { name: '农龄股' })).toBeTruthy();
    expect(within(sheet).getByText('全户合计')).toBeTruthy();
    expect(within(sheet).getByText('静态管理')).toBeTruthy();
    // 李秀英 holds no 农龄股: a 0, not an empty cell; the household's 人口股 total is 2.
    const second = within(sheet).getByText('李秀英').closest('tr')!;
    expect(
      within(second)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '李秀英', '230382********2248', '1', '0']);
    expect(sheet.textContent).not.toContain('m1');
    expect(sheet.textContent).not.toContain('s1');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('三海社区股份经济合作社股权证');
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: /打\s*印/ }));
    expect(print).toHaveBeenCalled();
    expect(requests.some((r) => r.url.includes('/households/h1/certificate'))).toBe(true);
  }, 60_000);

  it('reaches the certificate from each household of the register', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/dividends/collectives/c1': () => ({ collective, shareTypes, confirmations: [] }),
      'GET /api/v1/dividends/collectives/c1/register': () => ({
        collectiveId: 'c1',
        collectiveName: collective.name,
        creditCode: collective.creditCode,
        kind: 'StockCooperative',
        shareManagement: 'Static',
        asOf: '2025-12-31',
        shareTypes,
        totals: [{ shareTypeId: 's1', quantity: 1 }],
        households: [
          {
            id: 'h1',
            number: 'A01',
            address: null,
            headMemberId: 'm1',
            headName: '王建国',
            splitFromId: null,
            createdOn: '2024-04-01',
            members: [
              {
                id: 'm1',
                name: '王建国',
                relation: 'Head',
                gender: 'M',
                birthDate: '1962-03-15',
                idNumberMasked: '230382********1142',
                bankAccountMasked: null,
                bankName: null,
                status: 'Active',
                statusOn: null,
                confirmationId: null,
                shares: [{ shareTypeId: 's1', quantity: 1 }],
              },
            ],
          },
        ],
      }),
    });
    at('/dividends/collectives/:id', '/dividends/collectives/c1?tab=register', <CollectiveDetailPage />);
    const link = await screen.findByRole('link', { name: 'A01 打印股权证' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/dividends/households/h1/certificate');
  }, 60_000);

  it("shows the scope's figures, 三海's dividend and pension, charts, and filters by year", async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/organizations/o1': () => ({ id: 'o1', name: '三海社区党委' }),
      'GET /api/v1/dividends/statistics': () => statistics,
    });
    at('/dividends/statistics', '/dividends/statistics', <DividendStatisticsPage />);
    await screen.findByText('集体经济组织成员', {}, { timeout: 15_000 });
    expect(requests.some((r) => r.url.includes('/dividends/statistics?organizationId=o1'))).toBe(true);
    expect(screen.getByText('经营收入超过 200,000 元')).toBeTruthy();
    expect(screen.getByText('经营收入低于 50,000 元（薄弱）')).toBeTruthy();
    // All years: 1,244,200.00 + 1,000.01, exact to the 分.
    expect(screen.getByText('1,245,200.01')).toBeTruthy();
    expect(screen.getByText(/分红 1,086,000\.01 元，1,560 人/)).toBeTruthy();
    // 1,244,700.00 of 1,245,200.01 paid: 99.96% is not yet all of it, so it shows as 99.9%, never 100.0%.
    expect(screen.getByText('99.9%')).toBeTruthy();
    expect(screen.getAllByText('历年分配金额').length).toBeGreaterThan(0);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年度' }));
    fireEvent.click(await screen.findByTitle('2023 年'));
    await waitFor(() => expect(screen.queryByText('1,245,200.01')).toBeNull());
    expect(screen.getAllByText('1,244,200.00').length).toBeGreaterThan(0);
    expect(screen.getByText('分红 1,085,000.00 元，1,550 人；养老金 159,200.00 元，398 人')).toBeTruthy();
    expect(screen.getByText('100.0%')).toBeTruthy();
  }, 60_000);

  it('asks the whole-tree user to pick an organization first', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => ({ ...me, scope: undefined }) });
    at('/dividends/statistics', '/dividends/statistics', <DividendStatisticsPage />);
    await screen.findByText('请选择要统计的组织，统计范围包括其下级组织。', {}, { timeout: 15_000 });
  }, 60_000);

  it('says a refused load is a failure, not an empty page', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/organizations/o1': () => ({ id: 'o1', name: '三海社区党委' }),
      'GET /api/v1/dividends/statistics': () => json({ status: 400, title: '所选组织不在您的管理范围内。' }, 400),
    });
    at('/dividends/statistics', '/dividends/statistics', <DividendStatisticsPage />);
    await screen.findByText(/所选组织不在您的管理范围内/, {}, { timeout: 15_000 });
    expect(screen.queryByText('集体经济组织成员')).toBeNull();
  }, 60_000);
});
