import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { MembersPage } from '@/features/members/components/members-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const member = {
  id: 'm1',
  organizationId: 'b1',
  organizationName: '中共某某机关支部委员会',
  name: '王建国',
  gender: 'Male',
  age: 40,
  idNumber: '230302********0011',
  category: 'InService',
  stage: 'Full',
  status: 'Active',
  joinedOn: '2000-07-01',
  version: 1,
};
const me = (permissions: string[]) => ({
  id: 'u1',
  username: 'clerk',
  displayName: '干事',
  kind: 'User',
  roles: [],
  permissions,
});
const csv = () =>
  new Response('姓名\n王建国\n', {
    headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename=members-20260615.csv' },
  });

function renderPage() {
  renderWithProviders(<MembersPage />, { route: '/members' });
}

describe('MembersPage exports', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('exports the register masked as filtered on screen, in full only with a reason the server accepts', async () => {
    const saved: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me(['members.read', 'members.reveal-pii']),
      'GET /api/v1/members': () => ({ items: [member], total: 1, page: 1, pageSize: 20 }),
      'GET /api/v1/members/export': (_, url) => {
        const reason = url.searchParams.get('revealReason');
        return reason !== null && reason.trim().length < 5
          ? json(
              {
                status: 400,
                title: 'One or more validation errors occurred.',
                errors: { revealReason: ['请填写 5 到 200 字的查看理由。'] },
              },
              400,
            )
          : csv();
      },
    });
    renderPage();
    await screen.findByText('王建国');

    fireEvent.click(screen.getByText('导出 CSV'));
    await waitFor(() => expect(saved).toEqual(['members-20260615.csv']));
    const masked = new URL(requests.filter((r) => r.url.includes('/members/export'))[0].url).searchParams;
    expect(Object.fromEntries(masked)).toEqual({
      includeDescendants: 'true',
      status: 'Active',
      sort: 'name',
      format: 'Csv',
    });

    fireEvent.click(screen.getByText('完整导出'));
    const dialog = (await screen.findByText('导出完整公民身份号码和联系电话')).closest<HTMLElement>('.ant-modal')!;
    // A blank reason is sent, so the server refuses it on the field instead of exporting masked.
    fireEvent.click(within(dialog).getByText(/导\s*出/, { selector: 'button span' }));
    await within(dialog).findByText('请填写 5 到 200 字的查看理由。');
    expect(saved).toHaveLength(1);

    fireEvent.change(within(dialog).getByLabelText('查看理由'), { target: { value: '年度党员信息采集核对' } });
    fireEvent.click(within(dialog).getByText('CSV'));
    fireEvent.click(within(dialog).getByText(/导\s*出/, { selector: 'button span' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    const whole = new URL(requests.filter((r) => r.url.includes('/members/export')).at(-1)!.url).searchParams;
    expect(whole.get('revealReason')).toBe('年度党员信息采集核对');
    expect(whole.get('format')).toBe('Csv');
    await waitFor(() => expect(screen.queryByText('导出完整公民身份号码和联系电话')).toBeNull());
  }, 60_000);

  it('offers no export in full to a caller who may not reveal', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me(['members.read']),
      'GET /api/v1/members': () => ({ items: [member], total: 1, page: 1, pageSize: 20 }),
    });
    renderPage();
    await screen.findByText('王建国');
    expect(screen.getByText('导出 Excel')).toBeTruthy();
    expect(screen.queryByText('完整导出')).toBeNull();
  });
});
