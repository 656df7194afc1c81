import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { PipelinePanel } from '@/features/members/components/pipeline-panel';
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
const probationary = {
  memberId: 'm2',
  name: '王预备',
  stage: 'Probationary',
  status: 'Active',
  appliedOn: '2022-01-10',
  talkOn: '2022-01-20',
  talkDueBy: null,
  activistOn: '2022-07-10',
  candidateOn: '2023-08-01',
  noticeEndsOn: '2023-08-10',
  joinedOn: '2025-06-01',
  extensionMonths: null,
  probationEndsOn: '2026-06-01',
  fullMemberOn: null,
  steps: [],
  next: { step: 'Conversion', earliestOn: '2026-06-01', rule: '预备期一年' },
  daysUntilNext: 0,
};

describe('PipelinePanel: decisions on a probation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the meeting, vote and approval; a refusal lands on its field; a failed vote is reported', async () => {
    let current: object = probationary;
    const sent: Record<string, unknown>[] = [];
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/members/m2/pipeline': () => current,
      'POST /api/v1/members/m2/pipeline/conversion': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (!body.approvedBy) {
          return json(
            { status: 400, errors: { approvedBy: ['决议通过后须经上级党委审批，请填写审批的党组织。'] } },
            400,
          );
        }
        current = {
          ...probationary,
          steps: [
            {
              step: 'ConversionRejected',
              occurredOn: '2026-06-10',
              details: { meetingOn: '2026-06-10', entitledVoters: 10, attended: 6, votesFor: 5, carried: false },
              overrideReason: null,
              recordedAt: '2026-06-10T00:00:00Z',
            },
          ],
        };
        return current;
      },
    });
    renderWithProviders(<PipelinePanel memberId="m2" />);
    fireEvent.click(await screen.findByRole('button', { name: /^转\s*正$/ }));
    const dialog = (await screen.findByLabelText('审批党组织')).closest<HTMLElement>('.ant-modal')!;
    expect(within(dialog).queryByLabelText('理由')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('有表决权的正式党员人数'), { target: { value: '10' } });
    fireEvent.change(within(dialog).getByLabelText('实到会有表决权的正式党员人数'), { target: { value: '6' } });
    fireEvent.change(within(dialog).getByLabelText('赞成票'), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByText(/保\s*存/));
    await within(dialog).findByText('决议通过后须经上级党委审批，请填写审批的党组织。');

    fireEvent.change(within(dialog).getByLabelText('审批党组织'), { target: { value: '中共某区委组织部' } });
    fireEvent.click(within(dialog).getByText(/保\s*存/));
    await waitFor(() => expect(screen.queryByLabelText('审批党组织')).toBeNull());
    expect(await screen.findByText('表决未通过，已记入发展进程；此人仍为预备党员。')).toBeTruthy();
    expect(await screen.findByText(/应到 10 人，实到 6 人，赞成 5 票/)).toBeTruthy();
    expect(sent.at(-1)).toMatchObject({
      entitledVoters: 10,
      attended: 6,
      votesFor: 5,
      approvedBy: '中共某区委组织部',
    });
    expect(typeof sent.at(-1)?.meetingOn).toBe('string');
  }, 60_000);
});
