import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { ApplicationsPage } from '@/features/assistance/components/applications/applications-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const manager = {
  id: 'u1',
  username: 'fund',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write', 'members.read', 'organizations.read'],
};
const approver = { ...manager, id: 'u2', displayName: '郑海波', permissions: ['funds.read', 'funds.approve'] };

const summary = (status: string) => ({
  id: 'a1',
  organizationId: 'o2',
  memberId: 'm1',
  memberName: '王秀英',
  category: 'Illness',
  amount: 1500,
  year: 2026,
  status,
  tier: 'Street',
  repeatOfId: null,
  noticeTo: '2026-05-10',
  paidOn: null,
  sampled: false,
  version: 3,
});
const application = (status: string, steps: object[]) => ({
  ...summary(status),
  fundId: 'f1',
  reason: '住院治疗，自付费用较高',
  otherAid: '民政临时救助',
  otherAidAmount: 500,
  applicantName: '吴秀兰',
  noticeFrom: '2026-05-04',
  paymentMethod: null,
  paymentReference: null,
  entryId: null,
  confirmedOn: null,
  followUp: null,
  steps,
});
const submitted = { step: 'Submitted', actorName: '吴秀兰', at: '2026-05-01T02:00:00Z', details: { amount: 1500 } };
const reviewed = {
  step: 'Reviewed',
  actorName: '李建华',
  at: '2026-05-03T02:00:00Z',
  details: { reviewedOn: '2026-05-03', noticeFrom: '2026-05-04', noticeTo: '2026-05-10', note: '支委会一致同意' },
};
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('ApplicationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts each inbox, opens an application with its steps and shows a separation-of-duties refusal', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => approver,
      'GET /api/v1/assistance/applications': (_, url) => {
        if (url.searchParams.get('pageSize') === '1') {
          return { items: [], total: url.searchParams.get('awaiting') === 'Street' ? 3 : 0, page: 1, pageSize: 1 };
        }
        return page(url.searchParams.get('awaiting') === 'Street' ? [summary('Reviewed')] : []);
      },
      'GET /api/v1/assistance/applications/a1/documents': () => [],
      'GET /api/v1/assistance/applications/a1': () => application('Reviewed', [submitted, reviewed]),
      'POST /api/v1/assistance/applications/a1/approval': () =>
        json(
          {
            status: 409,
            code: 'duties_not_separated',
            detail: '同一人不能在同一申请中担任两个环节（申请、经办、各级审批、支付须由不同人员办理）。',
            role: 'approver',
          },
          409,
        ),
    });
    renderWithProviders(<ApplicationsPage />, { route: '/assistance/applications?inbox=street' });
    await screen.findByText('王秀英');
    await waitFor(() => expect(screen.getByLabelText('待办 3 件')).toBeTruthy());
    expect(screen.getByText('公示中/待审批')).toBeTruthy();
    expect(screen.getByText('1,500.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '王秀英' }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('支部评议通过，党内公示');
    expect(within(drawer).getByText(/支委会一致同意/)).toBeTruthy();
    expect(within(drawer).getByText('民政临时救助（500.00 元）')).toBeTruthy();

    fireEvent.click(within(drawer).getByRole('button', { name: '街道审批' }));
    const modal = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(within(modal).getByRole('button', { name: '审批通过' }));
    expect((await screen.findByRole('alert')).textContent).toContain('同一人不能在同一申请中担任两个环节');
    const approval = requests.find((r) => r.method === 'POST');
    expect(approval?.headers.get('If-Match')).toBe('"3"');
  }, 60_000);

  it('submits an application for a member picked by name and shows the yearly cap on the amount', async () => {
    const posts: Request[] = [];
    mockApi({
      'GET /api/v1/auth/me': () => manager,
      'GET /api/v1/assistance/applications': () => page([]),
      'GET /api/v1/members': () =>
        page([{ id: 'm1', organizationId: 'o2', organizationName: '向阳社区党支部', name: '王秀英', age: 67 }]),
      'GET /api/v1/organizations/o2': () => ({ id: 'o2', regionRootId: 'r1', ancestors: [] }),
      'GET /api/v1/rule-sets': () => page([{ id: 's1', regionRootId: 'r1', name: '鸡西' }]),
      'GET /api/v1/rule-sets/s1': () => ({
        id: 's1',
        document: {
          assistance: {
            minimumAmountYuan: { value: 100 },
            illnessMaxYuan: { value: 5000 },
            yearlyCapPerPersonYuan: { value: 5000 },
            streetApprovalUpToYuan: { value: 2000 },
          },
        },
      }),
      'POST /api/v1/assistance/applications': (request) => {
        posts.push(request);
        return json(
          {
            status: 409,
            code: 'yearly_cap_exceeded',
            detail: '超过每人每年帮扶上限 5000.00 元：本年已获帮扶 4000.00 元，最多还可申请 1000.00 元。',
            field: 'amount',
          },
          409,
        );
      },
    });
    renderWithProviders(<ApplicationsPage />, { route: '/assistance/applications' });
    fireEvent.click(await screen.findByRole('button', { name: '新建帮扶申请' }, { timeout: 10_000 }));
    const modal = await screen.findByRole('dialog');
    const picker = within(modal).getByLabelText('帮扶对象');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '王' } });
    fireEvent.click(await screen.findByText('王秀英（向阳社区党支部，67岁）'));
    fireEvent.mouseDown(within(modal).getByLabelText('帮扶类别'));
    fireEvent.click((await screen.findAllByText('重大疾病')).at(-1)!);
    await within(modal).findByText(/「重大疾病」单次 100–5000 元/);
    fireEvent.change(within(modal).getByLabelText('申请金额（元）'), { target: { value: '2000' } });
    fireEvent.change(within(modal).getByLabelText('申请理由'), { target: { value: '住院治疗' } });
    fireEvent.click(within(modal).getByRole('button', { name: '提交申请' }));
    await within(modal).findByText(/最多还可申请 1000.00 元/);
    const body = (await posts[0].clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ memberId: 'm1', category: 'Illness', amount: 2000, reason: '住院治疗' });
    const key = posts[0].headers.get('Idempotency-Key');
    expect(key).toBeTruthy();

    // The same attempt sent again carries the same key: the server creates one application.
    fireEvent.click(within(modal).getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1].headers.get('Idempotency-Key')).toBe(key);
  }, 60_000);

  it('pays an approved application with its evidence, If-Match and an Idempotency-Key', async () => {
    const posts: Request[] = [];
    let paid = false;
    mockApi({
      'GET /api/v1/auth/me': () => ({ ...manager, displayName: '刘会计' }),
      'GET /api/v1/assistance/applications': () => page([summary('Approved')]),
      'GET /api/v1/assistance/applications/a1/documents': () => [],
      'GET /api/v1/assistance/applications/a1': () =>
        paid
          ? {
              ...application('Paid', [submitted, reviewed]),
              paidOn: '2026-05-12',
              paymentMethod: 'Cash',
              paymentReference: 'SQ-0012',
            }
          : application('Approved', [submitted, reviewed]),
      'POST /api/v1/assistance/applications/a1/disbursement': (request) => {
        posts.push(request);
        paid = true;
        return application('Paid', []);
      },
    });
    renderWithProviders(<ApplicationsPage />, { route: '/assistance/applications?inbox=payment&id=a1' });
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(await within(drawer).findByRole('button', { name: '支付' }));
    const modal = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(within(modal).getByLabelText('现金（本人签收）'));
    fireEvent.change(await within(modal).findByLabelText('签收单编号'), { target: { value: 'SQ-0012' } });
    fireEvent.click(within(modal).getByRole('button', { name: '支付' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].headers.get('If-Match')).toBe('"3"');
    expect(posts[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(await posts[0].clone().json()).toMatchObject({ method: 'Cash', reference: 'SQ-0012' });
    await within(drawer).findByText(/SQ-0012/);
  }, 60_000);
});
