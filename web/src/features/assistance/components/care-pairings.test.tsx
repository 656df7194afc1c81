import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { CarePage } from '@/features/assistance/components/care-page';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'demo-fund-manager',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write', 'members.read', 'organizations.read'],
};
const pair = (id: string, helper: string, helped: string, stale: boolean) => ({
  id,
  organizationId: 'o1',
  helperMemberId: 'h' + id,
  helperName: helper,
  helperReported: true,
  helpedMemberId: 'd' + id,
  helpedName: helped,
  startedOn: '2025-09-01',
  endedOn: null,
  lastHelpOn: stale ? '2026-01-05' : '2026-11-20',
  helpCount: 3,
  stale,
  version: 2,
});
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('CarePage: 1+N pairings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists pairs with the stale ones marked, pairs members picked by name and logs help with If-Match', async () => {
    const posts: Request[] = [];
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/assistance/pairings': (_, url) =>
        url.searchParams.get('staleOnly') === 'true'
          ? page([pair('1', '刘建国', '张桂兰', true)])
          : page([pair('1', '刘建国', '张桂兰', true), pair('2', '陈桂芝', '李德福', false)]),
      'GET /api/v1/members': (_, url) =>
        url.searchParams.get('inHardship') === 'true'
          ? page([{ id: 'm9', organizationId: 'o1', organizationName: '向阳社区党支部', name: '赵大娘', age: 81 }])
          : page([{ id: 'm8', organizationId: 'o1', organizationName: '市财政局机关党支部', name: '孙志强', age: 38 }]),
      'POST /api/v1/assistance/pairings': (request) => {
        posts.push(request);
        return {};
      },
      'POST /api/v1/assistance/pairings/1/help-logs': (request) => {
        posts.push(request);
        return {};
      },
    });
    renderWithProviders(<CarePage area="pairings" />, { route: '/assistance/pairings' });
    await screen.findByText('李德福');
    expect(screen.getAllByText('久未帮扶')).toHaveLength(1);
    expect(screen.getAllByText('双报到')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: '新建结对' }));
    const modal = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(modal).getByLabelText('帮扶人'));
    fireEvent.click(await screen.findByText('孙志强（市财政局机关党支部，38岁）'));
    fireEvent.mouseDown(within(modal).getByLabelText('帮扶对象'));
    fireEvent.click(await screen.findByText('赵大娘（向阳社区党支部，81岁）'));
    fireEvent.click(within(modal).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(await posts[0].clone().json()).toMatchObject({ helperMemberId: 'm8', helpedMemberId: 'm9' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(within(screen.getByText('张桂兰').closest('tr')!).getByRole('button', { name: '记录帮扶' }));
    const log = await screen.findByRole('dialog');
    fireEvent.change(within(log).getByLabelText('帮扶内容'), { target: { value: '陪同就医，代购药品' } });
    fireEvent.click(within(log).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1].headers.get('If-Match')).toBe('"2"');
    expect(await posts[1].clone().json()).toMatchObject({ what: '陪同就医，代购药品' });

    fireEvent.click(screen.getByLabelText('只看三个月无帮扶记录'));
    await waitFor(() => expect(screen.queryByText('李德福')).toBeNull());
  }, 60_000);
});
