import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { DemandsPage } from '@/features/volunteering/components/demands-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'coordinator',
  displayName: '孙晓燕',
  kind: 'User',
  roles: ['VolunteerCoordinator'],
  permissions: ['organizations.read', 'volunteering.read', 'volunteering.write', 'volunteering.reveal-pii'],
};

const demand = {
  id: 'd1',
  organizationId: 'o1',
  organizationName: '辛寨子社区党委',
  category: '助老助残',
  description: '独居老人家中水管漏水',
  requesterName: '王**',
  requesterPhone: '138****5678',
  beneficiaryMemberId: null,
  beneficiaryName: null,
  urgency: 'Urgent',
  wishedOn: null,
  channel: 'Staff',
  state: 'Submitted',
  submittedOn: '2026-06-10',
  deadlines: { acceptBy: '2026-06-11', assignBy: null, completeBy: null },
  dueOn: '2026-06-11',
  daysLate: 2,
  claimant: null,
  assignment: null,
  assignedAt: null,
  workDone: null,
  serviceHours: null,
  value: null,
  stars: null,
  ratingComment: null,
  reason: null,
  followedUpAt: null,
  allowedSteps: ['Accept', 'Reject', 'Cancel'],
  version: 3,
  createdAt: '2026-06-10T02:00:00Z',
  updatedAt: '2026-06-10T02:00:00Z',
  steps: [
    {
      step: 'Submit',
      state: 'Submitted',
      note: null,
      details: null,
      recordedBy: '孙晓燕',
      at: '2026-06-10T02:00:00Z',
    },
  ],
  helpers: [],
};

const columns = ['Submitted', 'Accepted', 'Open', 'Assigned', 'InService', 'Completed', 'Rated', 'Closed'].map(
  (state) => ({ state, count: state === 'Submitted' ? 1 : 0, overdue: state === 'Submitted' ? 1 : 0 }),
);

describe('DemandsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the board with the late deadline in red, and accepts from the drawer with If-Match', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/demands/board': () => ({ columns, total: 1, overdue: 1 }),
      'GET /api/v1/volunteering/demands': () => ({ items: [demand], total: 1, page: 1, pageSize: 200 }),
      'GET /api/v1/volunteering/demands/d1': () => demand,
      'POST /api/v1/volunteering/demands/d1/accept': () => ({
        ...demand,
        state: 'Accepted',
        version: 4,
        allowedSteps: ['Dispatch', 'Open', 'Cancel'],
      }),
    });
    renderWithProviders(<DemandsPage />);
    expect(await screen.findByText('待受理 · 1', {}, { timeout: 10_000 })).toBeTruthy();
    const card = await screen.findByRole('button', { name: /助老助残 独居老人家中水管漏水/ }, { timeout: 10_000 });
    expect(within(card).getByText('超期 2 天')).toBeTruthy();
    expect(within(card).getByText(/王\*\*/)).toBeTruthy();

    fireEvent.click(card);
    const accept = await screen.findByRole('button', { name: '受理' }, { timeout: 10_000 });
    expect(await screen.findByText('孙晓燕 · 2026/6/10 10:00:00')).toBeTruthy();
    fireEvent.click(accept);
    const dialog = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(within(dialog).getByRole('button', { name: '受理' }));
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/demands/d1/accept'))).toBe(true),
    );
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"3"');
  }, 60_000);

  it("shows a column's newest eight cards and the rest on request", async () => {
    const rated = Array.from({ length: 11 }, (_, i) => ({
      ...demand,
      id: `r${i}`,
      description: `已评价的需求 ${i + 1}`,
      state: 'Rated',
      daysLate: 0,
    }));
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/demands/board': () => ({
        columns: columns.map((c) => (c.state === 'Rated' ? { ...c, count: 11 } : c)),
        total: 12,
        overdue: 1,
      }),
      'GET /api/v1/volunteering/demands': () => ({ items: rated, total: 11, page: 1, pageSize: 200 }),
    });
    renderWithProviders(<DemandsPage />);
    await screen.findByText('已评价的需求 8', {}, { timeout: 10_000 });
    expect(screen.queryByText('已评价的需求 9')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '展开其余 3 条' }));
    expect(await screen.findByText('已评价的需求 11')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    await waitFor(() => expect(screen.queryByText('已评价的需求 11')).toBeNull());
  }, 60_000);

  it('puts a refusal of the server on its field in Chinese', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/demands/board': () => ({ columns, total: 1, overdue: 1 }),
      'GET /api/v1/volunteering/demands': () => ({ items: [demand], total: 1, page: 1, pageSize: 200 }),
      'GET /api/v1/volunteering/demands/d1': () => demand,
      'POST /api/v1/volunteering/demands/d1/reject': () =>
        json({ status: 400, title: '请求无效', errors: { reason: ['理由不能为空。'] } }, 400),
    });
    renderWithProviders(<DemandsPage />);
    fireEvent.click(await screen.findByRole('button', { name: /助老助残 独居老人家中水管漏水/ }, { timeout: 10_000 }));
    fireEvent.click(await screen.findByRole('button', { name: '不予受理' }, { timeout: 10_000 }));
    const dialog = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(await within(dialog).findByRole('button', { name: '不予受理' }, { timeout: 10_000 }));
    expect(await screen.findByText('理由不能为空。', {}, { timeout: 10_000 })).toBeTruthy();
  }, 60_000);
});
