import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { ApplicationsPage } from '@/features/assistance/components/applications/applications-page';
import { AssistanceStatisticsPage } from '@/features/assistance/components/assistance-statistics-page';
import { FundPage } from '@/features/assistance/components/fund-page';
import { FundStatementPage } from '@/features/assistance/components/fund-statement-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'fund',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write'],
  scope: { id: 'o1', name: '鸡西市委组织部' },
};

const year = (y: number, moneyIn: number, moneyOut: number) => ({
  year: y,
  moneyIn,
  moneyOut,
  payments: 3,
  peopleHelped: 2,
  averagePerPerson: moneyOut / 2,
  visits: 4,
  pairsActive: 5,
  helpLogs: 6,
});

const statistics = {
  organizationId: 'o1',
  fromYear: null,
  toYear: null,
  totals: {
    moneyIn: 123456.78,
    inBySource: [
      { source: 'DuesShare', count: 2, amount: 100000 },
      { source: 'Donation', count: 1, amount: 23456.78 },
    ],
    moneyOut: 8600.5,
    outByKind: [
      { kind: 'Aid', count: 2, amount: 8000.5 },
      { kind: 'Condolence', count: 1, amount: 600 },
    ],
    aidByCategory: [{ category: 'Illness', count: 2, amount: 8000.5 }],
    aidByTier: [{ tier: 'District', count: 1, amount: 6000 }],
    payments: 3,
    peopleHelped: 2,
    averagePerPerson: 4300.25,
    averagePerPayment: 2866.83,
    visits: 4,
    pairsActive: 5,
    helpLogs: 6,
  },
  years: [year(2025, 100000, 600), year(2026, 23456.78, 8000.5)],
};

const statement = {
  fundId: 'f1',
  fundName: '鸡西市党内关怀帮扶资金',
  organizationId: 'o1',
  organizationName: '鸡西市委组织部',
  year: 2026,
  from: '2026-01-01',
  to: '2026-12-31',
  openingBalance: 1000,
  moneyIn: [{ source: 'SpecialDues', count: 1, amount: 5000 }],
  totalIn: 5000,
  moneyOut: [
    { kind: 'Aid', category: 'Hardship', count: 1, amount: 1200 },
    { kind: 'Visit', category: null, count: 1, amount: 300 },
  ],
  totalOut: 1500,
  allocatedDown: { count: 1, amount: 2000 },
  reversals: { count: 0, amount: 0 },
  adjustments: { count: 0, amount: 0 },
  closingBalance: 2500,
  peopleHelped: 2,
  payments: [
    { paidOn: '2026-03-02', name: '王*明', kind: 'Aid', category: 'Hardship', amount: 1200, reversed: false },
    { paidOn: '2026-09-30', name: '李*', kind: 'Visit', category: null, amount: 300, reversed: false },
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

const enumNames = ['DuesShare', 'Donation', 'Illness', 'Condolence', 'District', 'Hardship', 'SpecialDues', 'Visit'];

describe('Assistance statistics and the yearly statement', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("exports the fund's ledger with the kind chosen on screen and links to the yearly statement", async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const fund = { id: 'f1', organizationId: 'o1', name: '鸡西市党内关怀帮扶资金', parentFundId: null };
    const money = { balance: 100, held: 0, available: 100, version: 1 };
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/funds': () => ({ items: [{ ...fund, ...money }], total: 1, page: 1, pageSize: 200 }),
      'GET /api/v1/assistance/funds/f1': () => ({ fund: { ...fund, ...money } }),
      'GET /api/v1/assistance/funds/f1/entries': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /api/v1/assistance/funds/f1/entries/export': () =>
        new Response('x', { headers: { 'Content-Disposition': 'attachment; filename="ledger.csv"' } }),
    });
    renderWithProviders(<FundPage />, { route: '/assistance/fund' });
    const link = await screen.findByRole('link', { name: /年度收支公开表/ }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toMatch(/^\/assistance\/funds\/f1\/statement\?year=\d{4}$/);
    fireEvent.mouseDown(screen.getByLabelText('类型'));
    fireEvent.click((await screen.findAllByText('帮扶支出')).at(-1)!);
    fireEvent.click(screen.getByRole('button', { name: /CSV/ }));
    await waitFor(() => {
      const exported = requests.find((r) => r.url.includes('/entries/export'));
      expect(exported && new URL(exported.url).searchParams.get('kind')).toBe('Disbursement');
    });
    const exported = new URL(requests.find((r) => r.url.includes('/entries/export'))!.url);
    expect(exported.searchParams.get('format')).toBe('Csv');
  }, 60_000);

  it('exports the applications of the inbox on screen with its filter', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/applications': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /api/v1/assistance/applications/export': () => new Response('x'),
    });
    renderWithProviders(<ApplicationsPage />, { route: '/assistance/applications?inbox=street' });
    fireEvent.click(await screen.findByRole('button', { name: /Excel/ }, { timeout: 15_000 }));
    await waitFor(() => expect(requests.some((r) => r.url.includes('/applications/export'))).toBe(true));
    const exported = new URL(requests.find((r) => r.url.includes('/applications/export'))!.url);
    expect(exported.searchParams.get('awaiting')).toBe('Street');
    expect(exported.searchParams.get('format')).toBe('Xlsx');
  }, 60_000);

  it("shows the scope's figures with sources, kinds, categories and tiers in words, and filters by year", async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/organizations/o1': () => ({ id: 'o1', name: '鸡西市委组织部' }),
      'GET /api/v1/assistance/statistics': (_, url) =>
        url.searchParams.get('year') === '2025'
          ? { ...statistics, totals: { ...statistics.totals, moneyIn: 100000 }, years: [year(2025, 100000, 600)] }
          : statistics,
    });
    at('/assistance/statistics', '/assistance/statistics', <AssistanceStatisticsPage />);
    await screen.findByText('123,456.78', {}, { timeout: 15_000 });
    expect(requests.some((r) => r.url.includes('/assistance/statistics?organizationId=o1'))).toBe(true);
    expect(screen.getByText('4,300.25')).toBeTruthy();
    expect(screen.getAllByText('党费划拨').length).toBeGreaterThan(0);
    expect(screen.getAllByText('捐赠').length).toBeGreaterThan(0);
    expect(screen.getAllByText('帮扶救助').length).toBeGreaterThan(0);
    expect(screen.getAllByText('抚恤慰问金').length).toBeGreaterThan(0);
    expect(screen.getAllByText('重大疾病').length).toBeGreaterThan(0);
    expect(screen.getAllByText('区（县）委组织部').length).toBeGreaterThan(0);
    expect(screen.getAllByText('历年收支').length).toBeGreaterThan(0);
    for (const name of enumNames) {
      expect(document.body.textContent).not.toContain(name);
    }

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年度' }));
    fireEvent.click(await screen.findByTitle('2025年'));
    await waitFor(() => expect(screen.queryByText('123,456.78')).toBeNull());
    expect(requests.some((r) => new URL(r.url).searchParams.get('year') === '2025')).toBe(true);
    expect((await screen.findAllByText('100,000.00', {}, { timeout: 15_000 })).length).toBeGreaterThan(0);
  }, 60_000);

  it('says a refused load is a failure, not an empty page', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/organizations/o1': () => ({ id: 'o1', name: '鸡西市委组织部' }),
      'GET /api/v1/assistance/statistics': () => json({ status: 400, title: '所选组织不在您的管理范围内。' }, 400),
    });
    at('/assistance/statistics', '/assistance/statistics', <AssistanceStatisticsPage />);
    await screen.findAllByText(/所选组织不在您的管理范围内/, {}, { timeout: 15_000 });
    expect(screen.queryByText('资金收入（元）')).toBeNull();
  }, 60_000);

  it('prints the fund statement of the year: in, out, balances and payments with masked names', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/funds/f1/statement': () => statement,
    });
    at('/assistance/funds/:id/statement', '/assistance/funds/f1/statement?year=2026', <FundStatementPage />);
    const sheet = await screen.findByRole('article', {}, { timeout: 15_000 });
    expect(requests.some((r) => new URL(r.url).searchParams.get('year') === '2026')).toBe(true);
    const text = sheet.textContent ?? '';
    expect(text).toContain('鸡西市党内关怀帮扶资金 2026 年度党内关怀帮扶资金收支情况公开表');
    expect(text).toContain('1,000.00');
    expect(text).toContain('2,500.00');
    expect(within(sheet).getByText('特殊党费')).toBeTruthy();
    expect(within(sheet).getAllByText('帮扶救助（生活困难）').length).toBe(2);
    expect(within(sheet).getAllByText('走访慰问金').length).toBe(2);
    expect(within(sheet).getByText('向下级下拨')).toBeTruthy();
    expect(within(sheet).getByText('王*明')).toBeTruthy();
    expect(within(sheet).getByText('李*')).toBeTruthy();
    for (const name of enumNames) {
      expect(text).not.toContain(name);
    }
    expect(screen.getByRole('button', { name: /打\s?印/ }).hasAttribute('disabled')).toBe(false);
  }, 60_000);
});
