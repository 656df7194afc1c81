import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { VisitsPage } from '@/features/assistance/components/visits-page';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'demo-fund-manager',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write', 'organizations.read', 'members.read'],
};
const list = {
  id: 'l1',
  organizationId: 'o1',
  organizationName: '向阳社区党委',
  occasion: 'SpringFestival',
  year: 2026,
  occasionOn: '2026-02-17',
  windowOpensOn: '2026-01-18',
  total: 2,
  visited: 0,
  moneyGiven: 0,
  goodsValue: 0,
  createdByName: 'demo-fund-manager',
  version: 1,
};
const visit = (id: string, name: string, reasons: string[], status = 'Due') => ({
  id,
  listId: 'l1',
  organizationId: 'o1',
  memberId: 'm' + id,
  name,
  relation: null,
  reasons,
  age: 86,
  standingYears: 58,
  hardshipCategory: null,
  status,
  visitedOn: status === 'Visited' ? '2026-02-10' : null,
  visitors: status === 'Visited' ? '吴秀兰' : null,
  money: status === 'Visited' ? 500 : 0,
  fundId: null,
  ledgerEntryId: null,
  goods: null,
  goodsValue: 0,
  note: null,
  onTime: null,
  overdue: false,
  version: 1,
});
const fund = {
  id: 'f1',
  organizationId: 'o1',
  name: '鸡西市帮扶资金',
  balance: 9000,
  held: 0,
  available: 9000,
  version: 1,
};
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('VisitsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens a list and records a visit with money from a fund chosen by name', async () => {
    let recorded = false;
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/visit-lists': () => page([list]),
      'GET /api/v1/assistance/visit-lists/l1/visits': () =>
        page([
          visit('1', '张桂兰', ['Elderly', 'LongStanding'], recorded ? 'Visited' : 'Due'),
          visit('2', '李德福', ['InHardship']),
        ]),
      'GET /api/v1/assistance/funds': () => page([fund]),
      'POST /api/v1/assistance/visits/1/record': () => {
        recorded = true;
        return {};
      },
    });
    renderWithProviders(<VisitsPage />, { route: '/assistance/visits' });
    await screen.findByText('向阳社区党委');
    expect(screen.getByText('2026 春节')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看名单' }));
    await screen.findByText('张桂兰');
    expect(screen.getByText('80岁以上')).toBeTruthy();

    fireEvent.click(within(screen.getByText('张桂兰').closest('tr')!).getByRole('button', { name: '登记走访' }));
    const modal = await screen.findByRole('dialog');
    fireEvent.change(within(modal).getByLabelText('走访人'), { target: { value: '吴秀兰' } });
    fireEvent.change(within(modal).getByLabelText('慰问金（元）'), { target: { value: '500' } });
    fireEvent.mouseDown(within(modal).getByLabelText('支出资金'));
    expect(await screen.findByText('可用 9000.00 元')).toBeTruthy();
    fireEvent.click((await screen.findAllByText('鸡西市帮扶资金')).at(-1)!);
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(recorded).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"1"');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post.json()).toMatchObject({ visitors: '吴秀兰', money: 500, fundId: 'f1' });
    await waitFor(() => expect(screen.getAllByText('已走访').length).toBeGreaterThan(0));
  }, 60_000);
});
