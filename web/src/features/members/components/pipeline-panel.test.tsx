import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { PipelinePanel } from '@/features/members/components/pipeline-panel';
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
const applicant = {
  memberId: 'm1',
  name: '李申请',
  stage: 'Applicant',
  status: 'Active',
  appliedOn: '2020-01-10',
  talkOn: null,
  talkDueBy: '2020-02-10',
  activistOn: null,
  candidateOn: null,
  noticeEndsOn: null,
  joinedOn: null,
  extensionMonths: null,
  probationEndsOn: null,
  fullMemberOn: null,
  steps: [
    {
      step: 'Application',
      occurredOn: '2020-01-10',
      details: {},
      overrideReason: null,
      recordedAt: '2020-01-10T00:00:00Z',
    },
  ],
  next: { step: 'Activist', earliestOn: '2020-07-10', rule: '满 6 个月' },
  daysUntilNext: 0,
};

describe('PipelinePanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an overdue talk and records it, showing a late talk’s refusal on its date', async () => {
    let current: object = applicant;
    let sent: Record<string, unknown> | undefined;
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/m1/pipeline': () => current,
      'POST /api/v1/members/m1/pipeline/talk': async (request) => {
        sent = (await request.json()) as Record<string, unknown>;
        if (sent.talkOn !== '2020-02-01') {
          return json(
            {
              status: 409,
              code: 'talk_too_late',
              detail: '应在收到入党申请书后一个月内谈话，最晚 2020-02-10；补记须说明理由。',
              field: 'talkOn',
              latestOn: '2020-02-10',
            },
            409,
          );
        }
        current = {
          ...applicant,
          talkOn: '2020-02-01',
          talkDueBy: null,
          steps: [
            ...applicant.steps,
            {
              step: 'Talk',
              occurredOn: '2020-02-01',
              details: { talkedBy: '王书记' },
              overrideReason: null,
              recordedAt: '2020-02-01T00:00:00Z',
            },
          ],
        };
        return current;
      },
    });
    renderWithProviders(<PipelinePanel memberId="m1" />);
    expect(await screen.findByText('谈话已逾期（应于 2020-02-10 前）')).toBeTruthy();

    fireEvent.click(screen.getByText('记录谈话'));
    const dialog = (await screen.findByLabelText('谈话人')).closest<HTMLElement>('.ant-modal')!;
    fireEvent.change(within(dialog).getByLabelText('谈话人'), { target: { value: '王书记' } });
    fireEvent.click(within(dialog).getByText(/保\s*存/));
    // Today is after the deadline: the refusal lands on the date.
    await within(dialog).findByText(/最晚 2020-02-10/);
    pickDate(within(dialog).getByLabelText('谈话日期'), '2020-02-01');
    fireEvent.click(within(dialog).getByText(/保\s*存/));
    await waitFor(() => expect(screen.queryByLabelText('谈话人')).toBeNull());
    expect(sent).toMatchObject({ talkOn: '2020-02-01', talkedBy: '王书记' });
    expect(await screen.findByText('已于 2020-02-01 谈话')).toBeTruthy();
    expect(screen.getByText('2020-02-01 · 入党谈话')).toBeTruthy();
    expect(screen.queryByText('记录谈话')).toBeNull();
  }, 60_000);
});
