import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { MeetingsPanel } from '@/features/members/components/meetings-panel';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'clerk',
  displayName: '干事',
  kind: 'User',
  roles: [],
  permissions: ['members.read', 'members.write'],
};
const branch = {
  id: 'b1',
  parentId: 'c1',
  name: '中共某某机关支部委员会',
  shortName: null,
  kind: 'Branch',
  field: 'Government',
  secretaryName: null,
  depth: 1,
  status: 'Active',
  activeChildCount: 0,
  version: 1,
};
const member = (id: string, name: string) => ({
  id,
  organizationId: 'b1',
  organizationName: branch.name,
  name,
  gender: 'Male',
  age: 40,
  idNumber: '230302********0011',
  category: 'InService',
  stage: 'Full',
  status: 'Active',
  version: 1,
});
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('MeetingsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('records a meeting with attendees of the chosen organization only, then lists its meetings', async () => {
    let recorded: object | undefined;
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/organizations': () => page([branch]),
      'GET /api/v1/members': () => page([member('m1', '王建国'), member('m2', '李秀英'), member('m3', '张志强')]),
      'POST /api/v1/members/meetings': async (request) => {
        recorded = await request.json();
        return {
          id: 'x1',
          organizationId: 'b1',
          kind: 'GeneralMeeting',
          heldOn: '2026-01-10',
          topic: '学习党章',
          attendeeCount: 2,
        };
      },
      'GET /api/v1/members/meetings': () =>
        page(
          recorded
            ? [
                {
                  id: 'x1',
                  organizationId: 'b1',
                  kind: 'GeneralMeeting',
                  heldOn: '2026-01-10',
                  topic: '学习党章',
                  attendeeCount: 2,
                },
              ]
            : [],
        ),
    });
    renderWithProviders(<MeetingsPanel />);
    expect(screen.getByText('请选择党组织，查看其组织生活记录。')).toBeTruthy();

    fireEvent.click(await screen.findByText('记录组织生活'));
    const dialog = (await screen.findByText('主题')).closest<HTMLElement>('.ant-modal')!;
    // No organization yet: no attendees to choose from.
    expect(within(dialog).getByText('请先选择党组织')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('党组织'), { target: { value: '机关' } });
    fireEvent.click(await screen.findByTitle(branch.name));
    // The attendees are that organization's own active members, not its subtree's.
    fireEvent.click(await within(dialog).findByText('全选列出的 3 人'));
    const list = requests.find((r) => r.url.includes('/api/v1/members?'))!;
    expect(Object.fromEntries(new URL(list.url).searchParams)).toMatchObject({
      organizationId: 'b1',
      includeDescendants: 'false',
      status: 'Active',
    });

    fireEvent.change(within(dialog).getByLabelText('主题'), { target: { value: '学习党章' } });
    fireEvent.click(within(dialog).getByText(/保\s*存/));
    await waitFor(() => expect(recorded).toBeDefined());
    expect(recorded).toMatchObject({
      organizationId: 'b1',
      kind: 'GeneralMeeting',
      topic: '学习党章',
      attendeeIds: ['m1', 'm2', 'm3'],
    });

    // The list now shows the organization the meeting was recorded for, by name.
    await screen.findByText('学习党章');
    expect(screen.getByText('支部党员大会')).toBeTruthy();
    expect(screen.getAllByTitle(branch.name).length).toBeGreaterThan(0);
  }, 60_000);
});
