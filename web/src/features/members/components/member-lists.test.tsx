import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { MemberLists } from '@/features/members/components/member-lists';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'clerk',
  displayName: '干事',
  kind: 'User',
  roles: [],
  permissions: ['members.read', 'members.write'],
};
const candidate = (medalYear: number | null) => ({
  id: 'm1',
  organizationId: 'b1',
  organizationName: '中共某某社区支部委员会',
  name: '王建国',
  gender: 'Male',
  age: 80,
  stage: 'Full',
  date: '1976-07-01',
  years: 50,
  newlyEligible: true,
  medalYear,
  medalAwardedBy: medalYear ? '中共鸡西市委员会' : null,
  version: 3,
});
const page = (items: object[], note: object | null = null) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 50,
  note,
});

function renderLists() {
  renderWithProviders(<MemberLists />);
}

describe('MemberLists', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks a medal candidate as given the medal, showing the server’s field errors first', async () => {
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    let given = false;
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/lists/PoliticalBirthdays': () => page([]),
      'GET /api/v1/members/lists/MedalCandidates': () => page([candidate(given ? 2026 : null)]),
      'POST /api/v1/members/m1/medal': async (request) => {
        const body = (await request.json()) as { awardedBy?: string | null };
        sent.push({ body, ifMatch: request.headers.get('If-Match') });
        if (!body.awardedBy) {
          return json({ status: 400, title: '请求有误', errors: { awardedBy: ['颁发单位不能为空。'] } }, 400);
        }
        given = true;
        return { id: 'm1', version: 4 };
      },
    });
    renderLists();
    fireEvent.click(await screen.findByText('光荣在党50年'));
    expect(await screen.findByText('当年新达到')).toBeTruthy();
    fireEvent.click(await screen.findByText('登记颁发'));
    const dialog = (await screen.findByText('登记颁发“光荣在党50年”纪念章 · 王建国')).closest<HTMLElement>(
      '.ant-modal',
    )!;
    fireEvent.click(within(dialog).getByRole('button', { name: /登记颁发/ }));
    expect(await within(dialog).findByText('颁发单位不能为空。')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('颁发单位'), { target: { value: '中共鸡西市委员会' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /登记颁发/ }));
    expect(await screen.findByText('2026 年已颁发（中共鸡西市委员会）')).toBeTruthy();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      body: { year: expect.any(Number) as number, awardedBy: '中共鸡西市委员会' },
      ifMatch: '"3"',
    });
  }, 60_000);

  it('says on the lost-contact list that dues are not counted yet', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/lists/PoliticalBirthdays': () => page([]),
      'GET /api/v1/members/lists/LostContact': () =>
        page([], { code: 'dues_not_recorded', text: 'Party dues are not recorded.' }),
    });
    renderLists();
    fireEvent.click(await screen.findByText('失联风险'));
    expect(await screen.findByText(/党费缴纳尚未纳入本系统/)).toBeTruthy();
  }, 60_000);
});
