import { screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { MemberLedgerPage } from '@/features/assistance/components/member-ledger-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'demo-auditor',
  displayName: '冯玉梅',
  kind: 'User',
  roles: ['Auditor'],
  permissions: ['funds.read'],
};
const ledger = {
  memberId: 'm1',
  name: '张桂兰',
  organizationId: 'o1',
  hardships: [{ id: 'h1', category: 'Illness', since: '2024-03-01', until: null, current: true, version: 1 }],
  rechecks: [
    {
      id: 'r1',
      memberId: 'm1',
      hardshipId: 'h1',
      checkedOn: '2025-03-02',
      outcome: 'Continues',
      note: '仍在治疗',
      checkedByName: 'demo-fund-manager',
    },
  ],
  payments: [
    {
      entryId: 'e1',
      fundId: 'f1',
      kind: 'Disbursement',
      paymentKind: 'Aid',
      amount: 1500,
      occurredOn: '2025-05-12',
      reference: 'ICBC-0001',
    },
  ],
  visits: [
    {
      id: 'v1',
      listId: 'l1',
      occasion: 'SpringFestival',
      year: 2026,
      visitedOn: '2026-02-10',
      visitors: '吴秀兰',
      money: 500,
      goods: '米面油',
      goodsValue: 200,
    },
  ],
  help: [{ pairingId: 'p1', helperName: '刘建国', helpedOn: '2026-03-15', what: '代购药品，打扫卫生' }],
  paidTotal: 2000,
};
const route = (ui: React.ReactElement) => (
  <Routes>
    <Route path="/assistance/ledger/:memberId" element={ui} />
  </Routes>
);

describe('MemberLedgerPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts hardship, rechecks, payments, visits and helper visits on one time line, newest first', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/hardship-ledger/m1': () => ledger,
      'GET /api/v1/assistance/applications': (_, url) => {
        expect(url.searchParams.get('memberId')).toBe('m1');
        return {
          items: [
            {
              id: 'a1',
              organizationId: 'o1',
              memberId: 'm1',
              memberName: '张桂兰',
              category: 'Illness',
              amount: 1500,
              year: 2025,
              status: 'Confirmed',
              tier: 'Street',
              repeatOfId: null,
              noticeTo: '2025-05-01',
              paidOn: '2025-05-12',
              sampled: false,
              version: 6,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 100,
        };
      },
    });
    renderWithProviders(route(<MemberLedgerPage />), { route: '/assistance/ledger/m1' });
    await screen.findByRole('heading', { name: '张桂兰 · 帮扶台账' });
    expect(screen.getByText('困难党员（因病致困），2024-03-01 起')).toBeTruthy();
    expect(screen.getByText('2,000.00')).toBeTruthy();
    const lines = [...document.querySelectorAll('.ant-timeline-item')].map((item) => item.textContent ?? '');
    expect(lines[0]).toContain('结对帮扶：刘建国');
    expect(lines[1]).toContain('2026 春节走访慰问');
    expect(lines[1]).toContain('米面油（200.00 元）');
    expect(lines[2]).toContain('帮扶救助 1,500.00 元');
    expect(lines[3]).toContain('年度复核');
    expect(lines[4]).toContain('纳入困难党员台账（因病致困）');
    expect(await screen.findByText('已确认收到')).toBeTruthy();
  }, 60_000);

  it('says the ledger failed to load rather than showing an empty one', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/hardship-ledger/m1': () => json({ status: 500, title: 'boom' }, 500),
      'GET /api/v1/assistance/applications': () => ({ items: [], total: 0, page: 1, pageSize: 100 }),
    });
    renderWithProviders(route(<MemberLedgerPage />), { route: '/assistance/ledger/m1' });
    expect(await screen.findByRole('alert', {}, { timeout: 12_000 })).toBeTruthy();
    expect(screen.queryByText('尚无帮扶记录')).toBeNull();
  }, 60_000);
});
