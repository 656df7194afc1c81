import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { ActivityDrawer } from '@/features/volunteering/components/volunteer-hours/activity-drawer';
import { VolunteerHoursPage } from '@/features/volunteering/components/volunteer-hours-page';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'coordinator',
  displayName: '协调员',
  kind: 'User',
  roles: [],
  permissions: ['volunteering.read', 'volunteering.write'],
};

const volunteer = {
  id: 'v1',
  organizationId: 'o1',
  organizationName: '幸福里社区党委',
  kind: 'Resident',
  memberId: null,
  name: '张秀英',
  phoneMasked: '139****5678',
  skills: ['理发'],
  totalHours: 100,
  starLevel: 1,
  version: 1,
};

const activity = {
  id: 'a1',
  organizationId: 'o1',
  organizationName: '幸福里社区党委',
  teamId: null,
  teamName: null,
  title: '敬老院义剪',
  place: '养老服务站',
  startsAt: '2026-06-16T01:00:00Z',
  endsAt: '2026-06-16T03:00:00Z',
  serviceDay: '2026-06-16',
  quota: 5,
  signedUp: 1,
  over: false,
  version: 1,
};

const session = {
  id: 's1',
  activityId: 'a1',
  activityTitle: '敬老院义剪',
  volunteerId: 'v1',
  volunteerName: '张秀英',
  state: 'CheckedIn',
  startsAt: activity.startsAt,
  endsAt: activity.endsAt,
  serviceDay: '2026-06-16',
  checkedInAt: '2026-06-16T01:05:00Z',
  checkInEvidence: 'SiteCode',
  checkedOutAt: null,
  checkOutEvidence: null,
  evidenceNote: null,
  creditedHours: 0,
  lateReason: null,
  decisionNote: null,
  allowedSteps: ['check-out'],
  version: 2,
};

describe('Volunteer hours', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists volunteers with their hours and star level, the phone masked', async () => {
    // A desk's width: on a phone the kind, organization and phone columns are hidden.
    const narrow = window.matchMedia;
    vi.stubGlobal('matchMedia', (query: string) => ({ ...narrow(query), matches: true }));
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/volunteers': () => ({ items: [volunteer], total: 1, page: 1, pageSize: 20 }),
    });
    renderWithProviders(<VolunteerHoursPage />, { route: '/volunteering/hours' });
    await screen.findByText('张秀英', {}, { timeout: 15_000 });
    expect(screen.getByText('139****5678')).toBeTruthy();
    expect(screen.getByText('★ 一星')).toBeTruthy();
    expect(screen.getByRole('button', { name: '出具服务证明' })).toBeTruthy();
  }, 60_000);

  it('checks a volunteer out with the evidence and the session version as If-Match', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/activities/a1': () => ({ activity, sessions: [session] }),
      'GET /api/v1/volunteering/activities/a1/site-code': () => ({
        code: '123456',
        validUntil: '2026-06-16T01:10:00Z',
      }),
      'GET /api/v1/volunteering/volunteers': () => ({ items: [volunteer], total: 1, page: 1, pageSize: 20 }),
      'POST /api/v1/volunteering/sessions/s1/check-out': () => ({
        ...session,
        state: 'Completed',
        creditedHours: 2,
        allowedSteps: [],
        version: 3,
      }),
    });
    renderWithProviders(<ActivityDrawer id="a1" onClose={() => {}} />);
    await screen.findByText(/现场动态码 123456/, {}, { timeout: 15_000 });
    fireEvent.click(await screen.findByRole('button', { name: /签\s*退/ }));
    fireEvent.click(await screen.findByRole('radio', { name: '服务对象确认' }));
    fireEvent.change(screen.getByLabelText('说明'), { target: { value: '王奶奶确认' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK|保\s*存/ }));
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/sessions/s1/check-out'))).toBe(true),
    );
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"2"');
    expect(await post.json()).toMatchObject({ evidence: 'ServedPerson', note: '王奶奶确认' });
  }, 60_000);
});
