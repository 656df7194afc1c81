import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { ApplicationsPage } from '@/features/assistance/components/applications/applications-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const visitor = {
  id: 'u3',
  username: 'visitor',
  displayName: '孙立新',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write', 'members.read', 'organizations.read'],
};

const drawn = (id: string, memberName: string, followUp: string | null) => ({
  id,
  organizationId: 'o2',
  memberId: `m-${id}`,
  memberName,
  category: 'Hardship',
  amount: 800,
  year: 2026,
  status: 'Confirmed',
  tier: 'Street',
  repeatOfId: null,
  noticeTo: '2026-05-10',
  paidOn: '2026-05-20',
  sampled: true,
  followUp,
  version: 7,
});
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('Receipt checks (回访抽查)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws a sample, lists each drawn payment with its follow-up and records a visit on the field', async () => {
    const posts: Request[] = [];
    const requests = mockApi({
      'GET /api/v1/auth/me': () => visitor,
      'GET /api/v1/assistance/applications': (_, url) => {
        if (url.searchParams.get('pageSize') === '1') {
          return {
            items: [],
            total: url.searchParams.get('awaitingFollowUp') === 'true' ? 1 : 0,
            page: 1,
            pageSize: 1,
          };
        }
        return page(
          url.searchParams.get('sampled') === 'true'
            ? [drawn('a1', '王秀英', null), drawn('a2', '赵德明', 'ReceivedWithIssues')]
            : [],
        );
      },
      'POST /api/v1/assistance/receipt-samples': (request) => {
        posts.push(request);
        return { year: 2026, candidates: 12, drawn: [drawn('a1', '王秀英', null)] };
      },
      'GET /api/v1/assistance/applications/a1/documents': () => [],
      'GET /api/v1/assistance/applications/a1': () => ({
        ...drawn('a1', '王秀英', null),
        fundId: 'f1',
        reason: '生活困难',
        otherAid: null,
        otherAidAmount: null,
        applicantName: '吴秀兰',
        noticeFrom: '2026-05-04',
        paymentMethod: 'BankTransfer',
        paymentReference: 'YH-2026-0520',
        entryId: 'e1',
        confirmedOn: '2026-05-22',
        steps: [],
      }),
      'POST /api/v1/assistance/applications/a1/follow-up': (request) => {
        posts.push(request);
        return json({ status: 400, errors: { note: ['回访情况不能为空。'] } }, 400);
      },
    });
    renderWithProviders(<ApplicationsPage />, { route: '/assistance/applications?inbox=followUp' });
    await screen.findByText('王秀英');
    expect(screen.getByText('待回访')).toBeTruthy();
    expect(screen.getByText('收到但有问题')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('待办 1 件')).toBeTruthy());
    expect(requests.some((r) => new URL(r.url).searchParams.get('sampled') === 'true')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '随机抽取回访对象' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('抽取数量'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '随机抽取回访对象' }));
    await screen.findByText(/从 12 笔待抽帮扶中抽取了 1 笔：王秀英/);
    expect(await posts[0].clone().json()).toEqual({ year: new Date().getFullYear(), count: 3 });

    fireEvent.click(screen.getByRole('button', { name: '王秀英' }));
    const drawer = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(await within(drawer).findByRole('button', { name: '记录回访' }));
    const form = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(within(form).getByLabelText('未收到'));
    fireEvent.click(within(form).getByRole('button', { name: '记录回访' }));
    await within(form).findByText('回访情况不能为空。');
    expect(posts[1].headers.get('If-Match')).toBe('"7"');
    expect(await posts[1].clone().json()).toMatchObject({ outcome: 'NotReceived' });
  }, 60_000);
});
