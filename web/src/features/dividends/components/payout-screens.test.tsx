import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { CollectiveDetailPage } from '@/features/dividends/components/collective-detail-page';
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

  it('offers reversal, re-issue and failed transfer by status, with If-Match, a key and refusals shown', async () => {
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

  it('lists the plan versions, each linking to its own page, with the reason of the revision', async () => {
    const version = (id: string, versionNo: number, stage: string, revisionReason: string | null) => ({
      id,
      versionNo,
      supersedesId: versionNo > 1 ? 'p0' : null,
      title: '收益分配方案',
      year: 2025,
      cutOffOn: '2025-12-31',
      stage,
      total: versionNo === 1 ? 900 : 1000.01,
      lineCount: 3,
      preparedByName: '周国庆',
      revisionReason,
      createdAt: `2026-1${versionNo}-01T08:00:00Z`,
    });
    mockApi({
      ...base(clerk),
      'GET /api/v1/dividends/plans/p1/versions': () => [
        version('p1', 2, 'Approved', '补录漏登成员王小明'),
        version('p0', 1, 'Superseded', null),
      ],
    });
    renderPlan();
    const section = await screen.findByRole('region', { name: '方案版本' }, { timeout: 15_000 });
    const older = await within(section).findByRole('link', { name: '第 1 版' });
    expect(older.getAttribute('href')).toBe('/dividends/plans/p0');
    expect(within(section).queryByRole('link', { name: '第 2 版' })).toBeNull();
    expect(within(section).getByText('当前查看')).toBeTruthy();
    expect(within(section).getByText('已被取代')).toBeTruthy();
    expect(within(section).getByText('修订原因：补录漏登成员王小明')).toBeTruthy();
    expect(within(section).getByText(/^900\.00 元/)).toBeTruthy();
  }, 60_000);

  it("opens a household's dividend statement from the register, by year with reversals negative", async () => {
    const member = {
      id: 'm1',
      name: '王建国',
      relation: 'Head',
      gender: 'M',
      birthDate: '1962-03-15',
      idNumberMasked: '230382********1142',
      bankAccountMasked: null,
      bankName: null,
      status: 'Active',
      statusOn: null,
      confirmationId: null,
      shares: [{ shareTypeId: 's1', quantity: 2 }],
    };
    const shareTypes = [{ id: 's1', name: '人口股', kind: 'Population', weight: 1, sortOrder: 1 }];
    const entry = (payoutId: string, year: number, amount: number, status: string, kind = 'Payout') => ({
      payoutId,
      planId: `plan${year}`,
      year,
      planTitle: `${year}年度收益分配方案`,
      versionNo: 1,
      partLabel: '分红',
      name: '王建国',
      kind,
      amount,
      status,
      method: status === 'Paid' ? 'Signature' : null,
      paidOn: status === 'Paid' ? `${year + 1}-01-10` : null,
      reference: null,
    });
    const requests = mockApi({
      'GET /api/v1/auth/me': () => clerk,
      'GET /api/v1/dividends/collectives/c1': () => ({
        collective: {
          id: 'c1',
          organizationId: 'o1',
          organizationName: '阳光社区委员会',
          name: '阳光社区股份经济合作社',
          kind: 'StockCooperative',
          creditCode: 'N2230300000000001X',
          landTransferredMu: 320.5,
          shareManagement: 'Static',
          establishedOn: '2019-06-01',
          households: 1,
          members: 1,
          version: 1,
        },
        shareTypes,
        confirmations: [],
      }),
      'GET /api/v1/dividends/collectives/c1/register': () => ({
        collectiveId: 'c1',
        collectiveName: '阳光社区股份经济合作社',
        creditCode: 'N2230300000000001X',
        kind: 'StockCooperative',
        shareManagement: 'Static',
        asOf: '2025-12-31',
        shareTypes,
        totals: [{ shareTypeId: 's1', quantity: 2 }],
        households: [
          {
            id: 'h1',
            number: 'A01',
            address: null,
            headMemberId: 'm1',
            headName: '王建国',
            splitFromId: null,
            createdOn: '2024-04-01',
            members: [member],
          },
        ],
      }),
      'GET /api/v1/dividends/households/h1/statement': () => ({
        householdId: 'h1',
        number: 'A01',
        headName: '王建国',
        collectiveId: 'c1',
        collectiveName: '阳光社区股份经济合作社',
        paid: 1400,
        unpaid: 0,
        years: [
          {
            year: 2025,
            paid: 700,
            unpaid: 0,
            failed: 0,
            entries: [entry('e1', 2025, 1400, 'Paid'), entry('e2', 2025, -700, 'Paid', 'Reversal')],
          },
          { year: 2024, paid: 700, unpaid: 0, failed: 0, entries: [entry('e3', 2024, 700, 'Paid')] },
        ],
      }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/dividends/collectives/:id" element={<CollectiveDetailPage />} />
      </Routes>,
      { route: '/dividends/collectives/c1?tab=register' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'A01 分红明细' }, { timeout: 15_000 }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('A01 户 王建国 分红明细');
    expect(within(drawer).getByText('已领取 1,400.00 元，未领取 0.00 元')).toBeTruthy();
    expect(within(drawer).getByText('2025 年度：已领取 700.00 元，未领取 0.00 元，转账失败 0.00 元')).toBeTruthy();
    expect(within(drawer).getByText('-700.00')).toBeTruthy();
    expect(within(drawer).getByText('冲正')).toBeTruthy();
    const link = within(drawer).getByRole('link', { name: '2024年度收益分配方案（第 1 版）' });
    expect(link.getAttribute('href')).toBe('/dividends/plans/plan2024');
    expect(requests.some((r) => r.url.endsWith('/households/h1/statement'))).toBe(true);
  }, 60_000);

  it('revises a noticed plan into a new version with the same parts and opens it; a refusal stays put', async () => {
    const part = {
      partNo: 1,
      kind: 'Dividend',
      label: '分红',
      method: 'ByShares',
      payeeUnit: 'Person',
      pool: 1000.01,
      amount: 0,
      weights: { s1: 1, s2: 0.5 },
      minAge: null,
      payees: 3,
    };
    const noticed = plan({ stage: 'Notice', payoutsCreated: false, approvedByName: null, parts: [part] });
    let refuse = true;
    const requests = mockApi({
      ...base(clerk),
      'GET /api/v1/dividends/plans/p1': () => noticed,
      'GET /api/v1/dividends/plans/p2': () => plan({ id: 'p2', versionNo: 3, stage: 'Review', parts: [part] }),
      'GET /api/v1/dividends/plans/p2/objections': () => [],
      'GET /api/v1/dividends/plans/p2/versions': () => [],
      'GET /api/v1/dividends/plans/p2/payouts': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /api/v1/dividends/plans/p1/revise': () =>
        refuse
          ? json({ status: 409, code: 'plan_payouts_exist', detail: '已生成发放清单的方案不能再修订。' }, 409)
          : plan({ id: 'p2', versionNo: 3, stage: 'Review', parts: [part] }),
    });
    renderPlan();
    fireEvent.click(await screen.findByRole('button', { name: '修订方案' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('分红 · 分配总额（元）'), { target: { value: '1200' } });
    fireEvent.change(within(dialog).getByLabelText('修订原因'), { target: { value: '补录漏登成员' } });
    fireEvent.click(within(dialog).getAllByRole('button', { name: '修订方案' }).at(-1)!);
    await within(dialog).findByText('已生成发放清单的方案不能再修订。');
    refuse = false;
    fireEvent.click(within(dialog).getAllByRole('button', { name: '修订方案' }).at(-1)!);
    await screen.findByText('第 3 版', {}, { timeout: 15_000 });
    const sent = requests.filter((r) => r.url.endsWith('/plans/p1/revise'));
    expect(sent).toHaveLength(2);
    expect(sent[0].headers.get('If-Match')).toBe('"9"');
    expect(sent[1].headers.get('Idempotency-Key')).toBe(sent[0].headers.get('Idempotency-Key'));
    expect(await sent[1].json()).toEqual({
      reason: '补录漏登成员',
      documentRef: null,
      terms: {
        collectiveId: 'c1',
        year: 2025,
        title: '收益分配方案',
        cutOffOn: '2025-12-31',
        parts: [
          {
            kind: 'Dividend',
            label: '分红',
            method: 'ByShares',
            payeeUnit: 'Person',
            pool: 1200,
            amount: null,
            weights: { s1: 1, s2: 0.5 },
            minAge: null,
          },
        ],
      },
    });
  }, 60_000);
});
