import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { FundPage } from '@/features/assistance/components/fund-page';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'fund',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write'],
};
const fund = {
  id: 'f1',
  organizationId: 'o1',
  name: '鸡西市党内关怀帮扶资金',
  parentFundId: null,
  balance: 9500,
  held: 500,
  available: 9000,
  version: 4,
};
const entry = (id: string, kind: string, source: string | null, amount: number) => ({
  id,
  fundId: 'f1',
  kind,
  source,
  purpose: kind === 'Income' ? '市管党费列支启动资金' : null,
  amount,
  occurredOn: '2026-06-01',
  counterEntryId: null,
  counterFundId: null,
  reversesEntryId: null,
  payeeMemberId: null,
  paymentKind: null,
  subjectId: null,
  reference: kind === 'Disbursement' ? 'ICBC-001' : null,
  reason: null,
  recordedByName: '吴秀兰',
  createdAt: '2026-06-01T02:00:00Z',
});

describe('FundPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the balance, what is held, and the ledger filtered by kind', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/funds': () => ({ items: [fund], total: 1, page: 1, pageSize: 200 }),
      'GET /api/v1/assistance/funds/f1': () => ({ fund }),
      'GET /api/v1/assistance/funds/f1/entries': (_, url) =>
        url.searchParams.get('kind') === 'Disbursement'
          ? { items: [entry('e2', 'Disbursement', null, -500)], total: 1, page: 1, pageSize: 20 }
          : {
              items: [entry('e1', 'Income', 'DuesShare', 10000), entry('e2', 'Disbursement', null, -500)],
              total: 2,
              page: 1,
              pageSize: 20,
            },
    });
    renderWithProviders(<FundPage />, { route: '/assistance/fund' });
    await screen.findByText('市管党费列支启动资金');
    await waitFor(() => expect(document.body.textContent).toContain('9,500.00'));
    expect(document.body.textContent).toContain('9,000.00');
    expect(screen.getByText('党费划拨')).toBeTruthy();
    expect(screen.getByText('-500.00')).toBeTruthy();

    fireEvent.mouseDown(screen.getByLabelText('类型'));
    fireEvent.click((await screen.findAllByText('帮扶支出')).at(-1)!);
    await waitFor(() =>
      expect(requests.some((r) => new URL(r.url).searchParams.get('kind') === 'Disbursement')).toBe(true),
    );
    await waitFor(() => expect(screen.queryByText('市管党费列支启动资金')).toBeNull());
  }, 60_000);

  it('says a failed ledger load failed instead of showing an empty ledger', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/funds': () => ({ items: [fund], total: 1, page: 1, pageSize: 200 }),
      'GET /api/v1/assistance/funds/f1': () => ({ fund }),
      'GET /api/v1/assistance/funds/f1/entries': () =>
        new Response(JSON.stringify({ status: 500, title: 'boom' }), {
          status: 500,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });
    renderWithProviders(<FundPage />, { route: '/assistance/fund' });
    expect(await screen.findByRole('alert', {}, { timeout: 12_000 })).toBeTruthy();
  }, 60_000);
});
