import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { PlanPage } from '@/features/dividends/components/plan-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = (permissions: string[]) => ({
  id: 'u1',
  username: 'demo-collective-accountant',
  displayName: '周国庆',
  kind: 'User',
  roles: [],
  permissions,
});
const accountant = me(['dividends.read', 'dividends.write', 'dividends.reveal-pii']);
const clerk = me(['dividends.read', 'dividends.write']);

const plan = (overrides: object = {}) => ({
  id: 'p1',
  planGroupId: 'g1',
  versionNo: 2,
  supersedesId: 'p0',
  supersededById: null,
  collectiveId: 'c1',
  collectiveName: '阳光社区股份经济合作社',
  year: 2025,
  title: '收益分配方案',
  cutOffOn: '2025-12-31',
  stage: 'Approved',
  nextStep: null,
  preparedByName: '周国庆',
  noticeStartsOn: '2026-11-01',
  noticeEndsOn: '2026-11-07',
  noticeDays: 7,
  noticeInWorkingDays: false,
  checkCode: 'YPRTZYWQCM',
  total: 1000.01,
  lineCount: 3,
  openObjections: 0,
  approvedByName: '李书记',
  approvedAt: '2026-11-09T08:00:00Z',
  payoutsCreated: true,
  parts: [],
  timeline: [],
  version: 9,
  ...overrides,
});

const payout = (id: string, lineNo: number, name: string, overrides: object) => ({
  id,
  lineNo,
  householdId: 'h1',
  name,
  idNumberMasked: `230382********114${lineNo}`,
  bankName: null,
  bankAccountMasked: null,
  kind: 'Payout',
  amount: 333.34,
  status: 'Unpaid',
  method: null,
  paidOn: null,
  reference: null,
  failureReason: null,
  version: lineNo + 2,
  ...overrides,
});
const paid = payout('y1', 1, '王建国', { status: 'Paid', method: 'Signature', paidOn: '2026-11-10' });
const failed = payout('y2', 2, '李秀英', {
  status: 'Failed',
  bankName: '农村信用社',
  bankAccountMasked: '6221********0115',
  failureReason: '账户已销户',
});
const unpaid = payout('y3', 3, '王小明', { amount: 333.33, bankName: '农村信用社', bankAccountMasked: '6221****0116' });
const reversal = payout('y4', 4, '王建国', { kind: 'Reversal', status: 'Paid', amount: -333.34 });

const base = (who: object) => ({
  'GET /api/v1/auth/me': () => who,
  'GET /api/v1/dividends/plans/p1': () => plan(),
  'GET /api/v1/dividends/plans/p1/objections': () => [],
  'GET /api/v1/dividends/plans/p1/versions': () => [],
  'GET /api/v1/dividends/plans/p1/payouts': () => ({
    items: [paid, failed, unpaid, reversal],
    total: 4,
    page: 1,
    pageSize: 20,
  }),
});

function renderPlan() {
  return renderWithProviders(
    <Routes>
      <Route path="/dividends/plans/:id" element={<PlanPage />} />
    </Routes>,
    { route: '/dividends/plans/p1' },
  );
}

const rowOf = (name: string, index = 0) =>
  screen.getAllByRole('row').filter((r) => within(r).queryByText(name))[index] as HTMLElement;

describe('Dividend payout follow-ups and bank files', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('offers reversal, re-issue and failed transfer by status, with If-Match, a key and the refusals shown', async () => {
    const requests = mockApi({
      ...base(accountant),
      'POST /api/v1/dividends/payouts/y1/reverse': () =>
        json({ status: 409, code: 'payout_already_handled', detail: '这笔款项已冲正，不能重复冲正。' }, 409),
      'POST /api/v1/dividends/payouts/y2/reissue': () => ({ ...failed, id: 'y5', kind: 'Reissue', status: 'Unpaid' }),
      'POST /api/v1/dividends/payouts/y3/fail': () =>
        json({ status: 400, title: '请求有误', errors: { reason: ['请填写银行退回原因。'] } }, 400),
    });
    renderPlan();
    await screen.findByText('账户已销户', {}, { timeout: 15_000 });
    // Each status gets its own follow-up; a reversal has none.
    expect(within(rowOf('王建国')).getByRole('button', { name: /冲\s*正/ })).toBeTruthy();
    expect(within(rowOf('李秀英')).getByRole('button', { name: '重新发放' })).toBeTruthy();
    expect(within(rowOf('王小明')).getByRole('button', { name: '标记转账失败' })).toBeTruthy();
    expect(within(rowOf('王建国', 1)).queryByRole('button')).toBeNull();

    fireEvent.click(within(rowOf('王建国')).getByRole('button', { name: /冲\s*正/ }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '重复发放' } });
    fireEvent.click(
      within(dialog)
        .getAllByRole('button', { name: /冲\s*正/ })
        .at(-1)!,
    );
    await within(dialog).findByText('这笔款项已冲正，不能重复冲正。');
    const reverse = requests.find((r) => r.url.endsWith('/payouts/y1/reverse'))!;
    expect(reverse.headers.get('If-Match')).toBe('"3"');
    expect(reverse.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await reverse.json()).toMatchObject({ reason: '重复发放', reversedOn: expect.stringMatching(/^\d{4}-/) });
    fireEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(within(rowOf('李秀英')).getByRole('button', { name: '重新发放' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('备注'), { target: { value: '已更换账户' } });
    fireEvent.click(within(dialog).getAllByRole('button', { name: '重新发放' }).at(-1)!);
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/payouts/y2/reissue'))).toBe(true));
    const reissue = requests.find((r) => r.url.endsWith('/payouts/y2/reissue'))!;
    expect(reissue.headers.get('If-Match')).toBe('"4"');
    expect(await reissue.json()).toEqual({ note: '已更换账户' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(within(rowOf('王小明')).getByRole('button', { name: '标记转账失败' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getAllByRole('button', { name: '标记转账失败' }).at(-1)!);
    await within(dialog).findByText('请填写银行退回原因。');
    const fail = requests.find((r) => r.url.endsWith('/payouts/y3/fail'))!;
    expect(fail.headers.get('If-Match')).toBe('"5"');
  }, 60_000);

  it('downloads the bank batch file with a reason and format, and hides it without reveal permission', async () => {
    const saved: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const requests = mockApi({
      ...base(accountant),
      'POST /api/v1/dividends/plans/p1/payouts/bank-file': async (request) => {
        const body = (await request.clone().json()) as { reason: string };
        return body.reason.length < 5
          ? json({ status: 400, title: '请求有误', errors: { reason: ['请填写 5 到 200 字的查看理由。'] } }, 400)
          : new Response('付款编号,序号', {
              headers: { 'Content-Disposition': 'attachment; filename="bank-batch-20261201.csv"' },
            });
      },
    });
    const view = renderPlan();
    fireEvent.click(await screen.findByRole('button', { name: '银行代发文件' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('查看理由'), { target: { value: '代发' } });
    fireEvent.click(within(dialog).getByLabelText('CSV'));
    fireEvent.click(within(dialog).getByRole('button', { name: /下\s*载/ }));
    await within(dialog).findByText('请填写 5 到 200 字的查看理由。');
    fireEvent.change(within(dialog).getByLabelText('查看理由'), { target: { value: '2025 年度分红一卡通代发' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /下\s*载/ }));
    await waitFor(() => expect(saved).toEqual(['bank-batch-20261201.csv']));
    await waitFor(() => expect(screen.queryByText('下载银行代发文件')).toBeNull());
    const sent = requests.filter((r) => r.url.endsWith('/payouts/bank-file'));
    expect(sent).toHaveLength(2);
    expect(await sent[1].json()).toEqual({ reason: '2025 年度分红一卡通代发', format: 'Csv' });
    view.unmount();
    vi.unstubAllGlobals();

    mockApi(base(clerk));
    renderPlan();
    await screen.findByRole('button', { name: '导入银行回盘' }, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: '银行代发文件' })).toBeNull();
  }, 60_000);

  it('uploads the bank result file once with an Idempotency-Key and shows the report line by line', async () => {
    const requests = mockApi({
      ...base(clerk),
      'POST /api/v1/dividends/plans/p1/payouts/bank-result': () => ({
        rows: 3,
        paid: 1,
        failed: 1,
        unchanged: 0,
        unknown: 1,
        invalid: 0,
        paidTotal: 333.33,
        lines: [
          { row: 2, payoutId: 'y3', name: '王小明', outcome: 'Paid', message: '已确认发放，流水号 A001' },
          { row: 3, payoutId: 'y2', name: '李秀英', outcome: 'Failed', message: '账户已销户' },
          { row: 4, payoutId: null, name: null, outcome: 'Unknown', message: '本方案中没有该笔款项' },
        ],
      }),
    });
    renderPlan();
    fireEvent.click(await screen.findByRole('button', { name: '导入银行回盘' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['付款编号,处理结果'], 'result.csv')] } });
    await within(dialog).findByText('result.csv');
    fireEvent.click(within(dialog).getByRole('button', { name: /导\s*入/ }));
    await within(dialog).findByText(/确认发放 1 笔，合计 333\.33 元；转账失败 1 笔/);
    expect(within(dialog).getByText('已确认发放')).toBeTruthy();
    expect(within(dialog).getByText('未匹配')).toBeTruthy();
    expect(within(dialog).getByText('已确认发放，流水号 A001')).toBeTruthy();
    const upload = requests.find((r) => r.url.endsWith('/payouts/bank-result'))!;
    expect(upload.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ((await upload.formData()).get('file') as Blob).text()).toBe('付款编号,处理结果');
  }, 60_000);
});
