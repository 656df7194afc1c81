import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { HardshipsPanel } from '@/features/members/components/hardships-panel';
import { shanghaiToday } from '@/lib/dates';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'clerk',
  displayName: '干事',
  kind: 'User',
  roles: [],
  permissions: ['members.read', 'members.write', 'members.reveal-pii'],
};
const open = {
  id: 'h2',
  memberId: 'm1',
  category: 'Illness',
  since: '2025-03-01',
  until: null,
  current: true,
  hasNotes: true,
  version: 3,
};
const ended = {
  id: 'h1',
  memberId: 'm1',
  category: 'LowIncome',
  since: '2020-01-01',
  until: '2021-06-30',
  current: false,
  hasNotes: false,
  version: 2,
};

function renderPanel() {
  renderWithProviders(<HardshipsPanel memberId="m1" />);
}

describe('HardshipsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the history with notes hidden, and ends the open entry with its version as If-Match', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/m1/hardships': () => [open, ended],
      'PUT /api/v1/members/m1/hardships/h2': () => ({ ...open, until: shanghaiToday(), version: 4 }),
    });
    renderPanel();
    await screen.findByText('因病致困');
    expect(screen.getByText('低收入')).toBeTruthy();
    // Notes there but not for this caller, and no notes at all, read differently.
    expect(screen.getByText('已填写（不公开）')).toBeTruthy();
    expect(screen.getByText('2021-06-30')).toBeTruthy();
    // Only the open entry can be ended.
    const endButtons = await screen.findAllByRole('button', { name: /结\s*束/ });
    expect(endButtons).toHaveLength(1);

    fireEvent.click(endButtons[0]);
    await screen.findByText(/结束困难登记/);
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toEqual({ until: shanghaiToday() });
  }, 60_000);

  it('reveals an entry’s notes only with a reason, naming the entry', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/m1/hardships': () => [open, ended],
      'POST /api/v1/members/m1/reveal': () => ({
        memberId: 'm1',
        field: 'HardshipNotes',
        value: '住院治疗，家庭收入下降',
      }),
    });
    renderPanel();
    fireEvent.click(await screen.findByText('查看完整信息'));
    fireEvent.change(await screen.findByLabelText('查看理由'), { target: { value: '核实帮扶对象情况' } });
    fireEvent.click(screen.getAllByText('查看完整信息').at(-1)!);
    await screen.findByText(/住院治疗，家庭收入下降/);
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ field: 'HardshipNotes', reason: '核实帮扶对象情况', hardshipId: 'h2' });
  });
});
