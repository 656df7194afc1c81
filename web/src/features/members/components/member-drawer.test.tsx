import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { MemberDrawer } from '@/features/members/components/member-drawer';
import { json, mockApi } from '@/test/mock-api';
import { pickDate } from '@/test/pick-date';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'clerk',
  displayName: '干事',
  kind: 'User',
  roles: [],
  permissions: ['members.read', 'members.write'],
};
const member = {
  id: 'm1',
  organizationId: 'b1',
  organizationName: '中共某某村支部委员会',
  name: '王德福',
  gender: 'Male',
  ethnicity: '汉族',
  birthDate: '1940-01-01',
  age: 86,
  idNumber: '230302********0011',
  phone: null,
  education: null,
  occupation: null,
  category: 'Farmer',
  stage: 'Full',
  status: 'Active',
  diedOn: null,
  joinedOn: '1960-07-01',
  fullMemberOn: '1961-07-01',
  partyStandingYears: 64,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};

describe('MemberDrawer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('records a death with the version read, a refusal on its field, then shows the member as deceased', async () => {
    let current: object = member;
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/m1': () => json(current, 200, { ETag: `"${(current as { version: number }).version}"` }),
      'POST /api/v1/members/m1/death': async (request) => {
        const { diedOn } = (await request.json()) as { diedOn: string | null };
        if (!diedOn) {
          return json({ status: 400, title: '请求参数有误', errors: { diedOn: ['去世日期不能为空。'] } }, 400);
        }
        current = { ...member, status: 'Deceased', diedOn, version: 4 };
        return current;
      },
    });
    const onChanged = vi.fn(() => Promise.resolve());
    renderWithProviders(<MemberDrawer memberId="m1" onClose={vi.fn()} onChanged={onChanged} />, { route: '/members' });
    fireEvent.click(await screen.findByText('登记去世'));
    const dialog = (await screen.findByText(/档案和记录保留/)).closest<HTMLElement>('.ant-modal')!;
    fireEvent.click(within(dialog).getByText('登记去世', { selector: 'button span' }));
    await within(dialog).findByText('去世日期不能为空。');

    pickDate(within(dialog).getByLabelText('去世日期'), '2026-05-01');
    fireEvent.click(within(dialog).getByText('登记去世', { selector: 'button span' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    const death = requests.filter((r) => r.url.endsWith('/death')).at(-1)!;
    expect(death.headers.get('If-Match')).toBe('"3"');
    expect(await screen.findByText('已去世')).toBeTruthy();
    expect(screen.getByText(/2026-05-01/)).toBeTruthy();
    expect(screen.queryByText('登记去世')).toBeNull();
  }, 60_000);
});
