import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { CollectiveDetailPage } from '@/features/dividends/components/collective-detail-page';
import { NoticeCheckPage } from '@/features/dividends/components/notice-check-page';
import { NoticeSheetPage } from '@/features/dividends/components/notice-sheet-page';
import { PlanPage } from '@/features/dividends/components/plan-page';
import { PlanWizardPage } from '@/features/dividends/components/plan-wizard-page';
import { formatFen, formatRate, sumFen } from '@/features/dividends/money';
import { json, mockApi } from '@/test/mock-api';
import { pickDate } from '@/test/pick-date';
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
const approver = me(['dividends.read', 'dividends.approve']);

const collective = {
  id: 'c1',
  organizationId: 'o1',
  organizationName: '阳光社区委员会',
  name: '阳光社区股份经济合作社',
  kind: 'StockCooperative',
  creditCode: 'N2230300000000001X',
  landTransferredMu: 320.5,
  shareManagement: 'Static',
  establishedOn: '2019-06-01',
  households: 2,
  members: 3,
  version: 1,
};
const shareTypes = [
  { id: 's1', name: '人口股', kind: 'Population', weight: 1, sortOrder: 1 },
  { id: 's2', name: '农龄股', kind: 'LabourAge', weight: 0.5, sortOrder: 2 },
];
const detail = { collective, shareTypes, confirmations: [] };
const register = {
  collectiveId: 'c1',
  collectiveName: collective.name,
  creditCode: collective.creditCode,
  kind: 'StockCooperative',
  shareManagement: 'Static',
  asOf: '2025-12-31',
  shareTypes,
  totals: [
    { shareTypeId: 's1', quantity: 3 },
    { shareTypeId: 's2', quantity: 30 },
  ],
  households: [
    {
      id: 'h1',
      number: 'A01',
      address: null,
      headMemberId: 'm1',
      headName: '王建国',
      splitFromId: null,
      createdOn: '2024-04-01',
      members: [
        {
          id: 'm1',
          name: '王建国',
          relation: 'Head',
          gender: 'M',
          birthDate: '1962-03-15',
          idNumberMasked: '230382********1142',
          bankAccountMasked: '6221********0115',
          bankName: '农村信用社',
          status: 'Active',
          statusOn: null,
          confirmationId: null,
          shares: [
            { shareTypeId: 's1', quantity: 2 },
            { shareTypeId: 's2', quantity: 30 },
          ],
        },
      ],
    },
  ],
};

const limits = {
  netIncome: 300000,
  afterLosses: 300000,
  reserveMinimum: 30000,
  distributable: 270000,
  dividendMaximum: 120000,
  dividendShareApplies: true,
  byVolumeMinimum: 0,
  rules: [{ name: 'reserveMinPercent', label: '公积公益金最低提取比例（%）', value: 10, source: '鸡西市农经站' }],
};

const timeline = (done: number) =>
  [
    ['branchProposal', '党支部提议', false],
    ['committeesDeliberation', '两委会商议', false],
    ['partyMembersReview', '党员大会审议', false],
    ['assemblyResolution', '成员（代表）大会决议', true],
    ['stationReview', '乡镇农经站审核', false],
    ['publicNotice', '公示', false],
    ['approval', '批准', false],
    ['payouts', '兑现', false],
  ].map(([step, label, vote], i) => ({ step, label, vote, done: i < done, record: null }));

const plan = (overrides: object = {}) => ({
  id: 'p1',
  planGroupId: 'g1',
  versionNo: 1,
  supersedesId: null,
  supersededById: null,
  collectiveId: 'c1',
  collectiveName: collective.name,
  year: 2025,
  title: '收益分配方案',
  cutOffOn: '2025-12-31',
  stage: 'Deliberation',
  nextStep: 'assemblyResolution',
  preparedByName: '周国庆',
  noticeStartsOn: null,
  noticeEndsOn: null,
  noticeDays: 7,
  noticeInWorkingDays: false,
  checkCode: null,
  total: 1000.01,
  lineCount: 3,
  openObjections: 0,
  approvedByName: null,
  approvedAt: null,
  payoutsCreated: false,
  parts: [
    {
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
    },
  ],
  timeline: timeline(3),
  version: 7,
  ...overrides,
});

const line = (lineNo: number, name: string, amount: number, remainder = 0) => ({
  lineNo,
  partNo: 1,
  payeeId: `m${lineNo}`,
  payeeUnit: 'Person',
  householdId: 'h1',
  name,
  idNumberMasked: `230382********114${lineNo}`,
  units: '1',
  rate: '33333.666667',
  exact: '33333.666667',
  base: amount - remainder,
  remainder,
  amount,
});
const preview = {
  parts: [{ partNo: 1, label: '分红', method: 'ByShares', pool: 1000.01, sum: 1000.01, payees: 3 }],
  total: 1000.01,
  lineCount: 3,
  lines: [line(1, '王建国', 333.34, 0.01), line(2, '李秀英', 333.34, 0.01), line(3, '王小明', 333.33)],
};

function at(path: string, route: string, element: React.ReactElement) {
  return renderWithProviders(
    <Routes>
      <Route path={path} element={element} />
    </Routes>,
    { route },
  );
}

describe('Dividends screens', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sums money exactly in 分 and shows yuan', () => {
    expect(sumFen([0.1, 0.2, 0.3])).toBe(60);
    expect(formatFen(108_500_000)).toBe('1,085,000.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatRate('13422.818791')).toBe('134.2282');
  }, 60_000);

  it('shows the register as of a chosen day with masked ID numbers and a column per share type', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/collectives/c1': () => detail,
      'GET /api/v1/dividends/collectives/c1/register': () => register,
    });
    at('/dividends/collectives/:id', '/dividends/collectives/c1?tab=register', <CollectiveDetailPage />);
    await screen.findByText('230382********1142', {}, { timeout: 15_000 });
    expect(screen.getByRole('columnheader', { name: '农龄股' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '30' })).toBeTruthy();
    pickDate(screen.getByLabelText('台账日期'), '2024-12-31');
    await waitFor(() => expect(requests.some((r) => r.url.includes('/register?asOf=2024-12-31'))).toBe(true));
  }, 60_000);

  it('checks the income figures as they are typed: the distributable amount, each limit and its source', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/collectives/c1': () => detail,
      'GET /api/v1/dividends/collectives/c1/incomes': () => [],
      'POST /api/v1/dividends/collectives/c1/incomes/check': () => ({
        limits,
        breaches: [
          {
            code: 'dividends_above_share',
            field: 'memberDividends',
            entered: 150000,
            bound: 120000,
            rule: '成员分红不超过净收益 10 万元以上部分的 60%',
            message: '成员分红超过上限',
          },
        ],
      }),
      'PUT /api/v1/dividends/collectives/c1/incomes/2025': () =>
        json(
          {
            status: 409,
            code: 'dividends_above_share',
            field: 'memberDividends',
            detail: '成员分红 150,000.00 元超过上限 120,000.00 元',
          },
          409,
        ),
    });
    at('/dividends/collectives/:id', '/dividends/collectives/c1?tab=income', <CollectiveDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '录入年度收益' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('年度'), { target: { value: '2025' } });
    for (const [label, value] of [
      ['经营收入', '400000'],
      ['成本费用', '100000'],
      ['提取公积公益金', '30000'],
      ['成员分红', '150000'],
    ]) {
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    }
    await within(dialog).findByText('不符合以下规定，不能保存', {}, { timeout: 5000 });
    expect(within(dialog).getByText('270,000.00')).toBeTruthy();
    expect(within(dialog).getByText('鸡西市农经站')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await within(dialog).findByText('成员分红 150,000.00 元超过上限 120,000.00 元');
  }, 60_000);

  it('previews the payouts with their sum equal to the pool and saves once with an Idempotency-Key', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/collectives/c1': () => detail,
      'POST /api/v1/dividends/plans/preview': () => preview,
      'POST /api/v1/dividends/plans': () => json(plan(), 201),
      'GET /api/v1/dividends/plans/p1': () => plan(),
      'GET /api/v1/dividends/plans/p1/versions': () => [],
    });
    renderWithProviders(
      <Routes>
        <Route path="/dividends/collectives/:id/plans/new" element={<PlanWizardPage />} />
        <Route path="/dividends/plans/:id" element={<p>plan page</p>} />
      </Routes>,
      { route: '/dividends/collectives/c1/plans/new' },
    );
    fireEvent.change(await screen.findByLabelText('方案名称', {}, { timeout: 15_000 }), {
      target: { value: '收益分配方案' },
    });
    pickDate(screen.getByLabelText('股权登记截止日'), '2025-12-31');
    fireEvent.click(screen.getByRole('button', { name: /下一步/ }));
    fireEvent.change(await screen.findByLabelText('分配总额（元）'), { target: { value: '1000.01' } });
    fireEvent.click(screen.getByRole('button', { name: '计算预览' }));
    await screen.findByText('各户（人）金额合计 1,000.01 元，与分配总额一致（精确到分）');
    const sent = JSON.parse(await requests.find((r) => r.url.endsWith('/plans/preview'))!.text()) as {
      cutOffOn: string;
      parts: { pool: number; weights: Record<string, number>; amount: null }[];
    };
    expect(sent.cutOffOn).toBe('2025-12-31');
    expect(sent.parts[0]).toMatchObject({ pool: 1000.01, weights: { s1: 1, s2: 0.5 }, amount: null });
    fireEvent.click(screen.getByRole('button', { name: '保存方案' }));
    await screen.findByText('plan page');
    const saved = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/dividends/plans'))!;
    expect(saved.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('offers the pending step of the timeline and records the assembly vote with If-Match', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/plans/p1': () => plan(),
      'GET /api/v1/dividends/plans/p1/versions': () => [],
      'POST /api/v1/dividends/plans/p1/steps': () => json({ status: 409, detail: '实到人数未超过应到人数的一半' }, 409),
    });
    at('/dividends/plans/:id', '/dividends/plans/p1', <PlanPage />);
    fireEvent.click(await screen.findByRole('button', { name: '登记 成员（代表）大会决议' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('文件或会议记录编号'), { target: { value: '阳股合〔2026〕2号' } });
    for (const [label, value] of [
      ['应到人数', '100'],
      ['实到人数', '40'],
      ['赞成', '40'],
      ['反对', '0'],
    ]) {
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    }
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await within(dialog).findByText('实到人数未超过应到人数的一半');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"7"');
    expect(await post.json()).toMatchObject({
      step: 'assemblyResolution',
      documentRef: '阳股合〔2026〕2号',
      vote: { body: 'Members', entitled: 100, present: 40, inFavour: 40, against: 0 },
    });
  }, 60_000);

  it('lets an approver approve after the notice, and the accountant confirm a payout once', async () => {
    const noticed = plan({
      stage: 'Notice',
      nextStep: 'approval',
      noticeStartsOn: '2026-11-01',
      noticeEndsOn: '2026-11-07',
      checkCode: 'YPRTZYWQCM',
      timeline: timeline(6),
    });
    const requests = mockApi({
      'GET /api/v1/auth/me': () => approver,
      'GET /api/v1/dividends/plans/p1': () => noticed,
      'GET /api/v1/dividends/plans/p1/versions': () => [],
      'GET /api/v1/dividends/plans/p1/objections': () => [],
      'POST /api/v1/dividends/plans/p1/approve': () => noticed,
    });
    const view = at('/dividends/plans/:id', '/dividends/plans/p1', <PlanPage />);
    await screen.findByText('公示期间未收到异议', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: '登记异议' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: '登记 批准' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('文件或会议记录编号'), { target: { value: '批〔2026〕1号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/plans/p1/approve'))).toBe(true));
    const approve = requests.find((r) => r.url.endsWith('/plans/p1/approve'))!;
    expect(approve.headers.get('If-Match')).toBe('"7"');
    view.unmount();
    vi.unstubAllGlobals();

    const payout = {
      id: 'y1',
      lineNo: 1,
      householdId: 'h1',
      name: '王建国',
      idNumberMasked: '230382********1142',
      bankName: null,
      bankAccountMasked: null,
      kind: 'Payout',
      amount: 333.34,
      status: 'Unpaid',
      method: null,
      paidOn: null,
      reference: null,
      failureReason: null,
      version: 3,
    };
    const paid = mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/plans/p1': () => plan({ stage: 'Approved', payoutsCreated: true, timeline: timeline(7) }),
      'GET /api/v1/dividends/plans/p1/versions': () => [],
      'GET /api/v1/dividends/plans/p1/objections': () => [],
      'GET /api/v1/dividends/plans/p1/payouts': () => ({ items: [payout], total: 1, page: 1, pageSize: 20 }),
      'POST /api/v1/dividends/payouts/y1/confirm': () => ({ ...payout, status: 'Paid' }),
    });
    at('/dividends/plans/:id', '/dividends/plans/p1', <PlanPage />);
    fireEvent.click(await screen.findByRole('button', { name: '确认领取' }, { timeout: 15_000 }));
    const confirm = await screen.findByRole('dialog');
    fireEvent.change(within(confirm).getByLabelText('凭证号'), { target: { value: '签领表第1页' } });
    fireEvent.click(within(confirm).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(paid.some((r) => r.url.endsWith('/payouts/y1/confirm'))).toBe(true));
    const post = paid.find((r) => r.url.endsWith('/payouts/y1/confirm'))!;
    expect(post.headers.get('If-Match')).toBe('"3"');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post.json()).toMatchObject({ method: 'Signature', reference: '签领表第1页' });
  }, 60_000);

  it('prints the 公示 sheet with masked ID numbers, the total and the check code', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => accountant,
      'GET /api/v1/dividends/plans/p1': () =>
        plan({ stage: 'Notice', noticeStartsOn: '2026-11-01', noticeEndsOn: '2026-11-07', checkCode: 'YPRTZYWQCM' }),
      'GET /api/v1/dividends/plans/p1/notice-sheet': () => ({
        planId: 'p1',
        collectiveName: collective.name,
        year: 2025,
        title: '收益分配方案',
        versionNo: 1,
        stage: 'Notice',
        noticeStartsOn: '2026-11-01',
        noticeEndsOn: '2026-11-07',
        checkCode: 'YPRTZYWQCM',
        checkPath: '/api/v1/public/dividends/notices/YPRTZYWQCM',
        parts: [{ partNo: 1, label: '分红' }],
        rows: preview.lines.map((l, i) => ({
          no: i + 1,
          householdNumber: `00${i + 1}`,
          name: l.name,
          idNumberMasked: l.idNumberMasked,
          amounts: [l.amount],
          total: l.amount,
        })),
        total: 1000.01,
      }),
    });
    at('/dividends/plans/:id/notice-sheet', '/dividends/plans/p1/notice-sheet', <NoticeSheetPage />);
    const sheet = await screen.findByRole('article', {}, { timeout: 15_000 });
    expect(within(sheet).getByText('YPRTZYWQCM')).toBeTruthy();
    expect(within(sheet).getByText('230382********1141')).toBeTruthy();
    expect(within(sheet).getByText('1,000.01')).toBeTruthy();
    expect(within(sheet).getByText('公示期：2026-11-01 至 2026-11-07')).toBeTruthy();
  }, 60_000);

  it('checks a printed code on the public page, and says so plainly when the code is unknown', async () => {
    mockApi({
      'GET /api/v1/public/dividends/notices/YPRTZYWQCM': () => ({
        collectiveName: collective.name,
        year: 2025,
        title: '收益分配方案',
        versionNo: 1,
        stage: 'Notice',
        noticeStartsOn: '2026-11-01',
        noticeEndsOn: '2026-11-07',
        total: 1000.01,
        lineCount: 3,
        currentVersion: true,
      }),
      'GET /api/v1/public/dividends/notices/WRONG': () => json({ status: 404, title: 'Not found' }, 404),
    });
    const view = at('/dividend-check/:code?', '/dividend-check/YPRTZYWQCM', <NoticeCheckPage />);
    await screen.findByText('核验结果：此公示表真实有效', {}, { timeout: 15_000 });
    expect(screen.getByText('1,000.01 元')).toBeTruthy();
    view.unmount();
    at('/dividend-check/:code?', '/dividend-check/WRONG', <NoticeCheckPage />);
    await screen.findByText('未找到此核验码，请核对后重新输入');
  }, 60_000);
});
