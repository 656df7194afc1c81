import { request, type APIRequestContext, type Page } from 'playwright-core';
import { baseUrl, choose, fillDate, screenshot, signIn } from './browser';
import { desk, phone, useBrowser, type Viewport } from './fixture';

const browser = useBrowser();

/** A day relative to today in China, as the API's dates are (yyyy-mm-dd). */
function day(offset: number): string {
  const now = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

async function session(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const answer = await api.post('/api/v1/auth/sign-in', { data: { username, password: 'jiceng-demo-2026' } });
  expect(answer.ok()).toBe(true);
  return api;
}

/**
 * What the flow needs besides the demo data: a care fund with money in the fund manager's region, and two more
 * fund staff (the branch's preparer and the cashier), since applicant, preparer, approver and payer are four
 * different people.
 */
async function setUp(): Promise<{ member: string; option: string }> {
  const manager = await session('demo-fund-manager');
  const scope = (await (await manager.get('/api/v1/auth/me')).json()).scope as { id: string };
  const funds = await (await manager.get('/api/v1/assistance/funds')).json();
  if (funds.total === 0) {
    const fund = await (
      await manager.post('/api/v1/assistance/funds', {
        data: { organizationId: scope.id, name: '鸡西市党内关怀帮扶专项资金' },
      })
    ).json();
    const income = await manager.post(`/api/v1/assistance/funds/${fund.id}/income`, {
      data: { source: 'DuesShare', amount: 1_000_000, purpose: '市管党费列支启动资金', occurredOn: day(-30) },
    });
    expect(income.ok()).toBe(true);
  }
  const member = (await (await manager.get('/api/v1/members?pageSize=1&status=Active&sort=name')).json()).items[0];
  await manager.dispose();

  const admin = await session('admin');
  for (const [username, displayName] of [
    ['e2e-branch-clerk', '刘建国'],
    ['e2e-fund-cashier', '陈桂芝'],
  ]) {
    const created = await admin.post('/api/v1/users', {
      data: {
        username,
        displayName,
        password: 'jiceng-demo-2026',
        roles: ['FundManager'],
        scopeOrganizationId: scope.id,
      },
    });
    expect([201, 409]).toContain(created.status());
  }
  await admin.dispose();
  return { member: member.name as string, option: `${member.name}（${member.organizationName}，${member.age}岁）` };
}

async function openInbox(page: Page, tab: RegExp) {
  await page.goto(`${baseUrl()}/assistance/applications`);
  await page.getByRole('heading', { level: 1, name: '帮扶申请与审批' }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

async function step(page: Page, name: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name, exact: true }).click();
  const dialog = page.locator('.ant-modal');
  await fill?.(dialog);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
}

async function signedIn(user: string, viewport: Viewport = desk): Promise<Page> {
  const page = await browser.open({ viewport });
  await signIn(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

describe('care fund applications (帮扶申请)', () => {
  it('goes from submission through review, approval and payment to confirmation, and the ledger shows it', async () => {
    const { member, option } = await setUp();

    // The fund manager applies for a member; an amount above the category's band is refused on the field.
    let page = await signedIn('demo-fund-manager');
    await page.getByRole('menuitem', { name: /关怀帮扶/ }).click();
    await page.getByRole('menuitem', { name: /帮扶申请审批/ }).click();
    await page.getByRole('heading', { level: 1, name: '帮扶申请与审批' }).waitFor();
    await page.getByRole('button', { name: '新建帮扶申请' }).click();
    const form = page.locator('.ant-modal');
    await choose(page, form, '帮扶对象', member, option);
    await form.getByLabel('帮扶类别').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '重大疾病' }).click();
    await form.getByText(/「重大疾病」单次 100–5000 元/).waitFor();
    await form.getByLabel('申请金额（元）').fill('9000');
    await form.getByLabel('申请理由').fill('患病住院治疗，医保报销后自付部分较多，家庭生活困难');
    await form.getByLabel('本年已获其他救助').fill('民政临时救助');
    await form.getByLabel('其他救助金额（元）').fill('500');
    await form.getByRole('button', { name: '提交申请' }).click();
    await form
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /100.00 元到 5000.00 元之间/ })
      .waitFor();
    await screenshot(page, 'assistance-application-band');
    await form.getByLabel('申请金额（元）').fill('1500');
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.waitFor({ state: 'detached' });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('待支部评议').first().waitFor();
    await drawer.getByText('提交申请', { exact: true }).waitFor();
    await page.context().close();

    // The branch's preparer reviews it; the notice ran last week, so approval may follow today.
    page = await signedIn('e2e-branch-clerk');
    await openInbox(page, /待支部评议/);
    await page.getByRole('button', { name: member }).first().click();
    await step(page, '支部评议', async (dialog) => {
      await fillDate(dialog.getByLabel('评议日期'), day(-8));
      await fillDate(dialog.getByLabel('公示开始'), day(-7));
      await fillDate(dialog.getByLabel('公示截止'), day(-1));
      await dialog.getByLabel('备注').fill('支委会讨论一致同意');
    });
    await page.locator('.ant-drawer').getByText('支部评议通过，党内公示').first().waitFor();
    await page.context().close();

    // The approver approves at the street's tier (1,500 yuan is within the street's limit).
    page = await signedIn('demo-fund-approver');
    await openInbox(page, /待街道审批/);
    await page
      .getByRole('tab', { name: /待街道审批/ })
      .locator('.ant-badge')
      .getByText(/^\d+$/)
      .waitFor();
    await screenshot(page, 'assistance-inbox-approver');
    await page.getByRole('button', { name: member }).first().click();
    await step(page, '街道审批', async (dialog) => {
      await dialog.getByLabel('备注').fill('同意，从市级帮扶资金列支');
    });
    await page.locator('.ant-drawer').getByText('已批准待支付').first().waitFor();
    await page.context().close();

    // The preparer may not pay what they prepared: the refusal says so.
    page = await signedIn('e2e-branch-clerk');
    await openInbox(page, /待支付/);
    await page.getByRole('button', { name: member }).first().click();
    await page
      .locator('.ant-drawer')
      .getByText(/您已在本申请中办理过「支部评议通过，党内公示」/)
      .waitFor();
    await step(page, '支付', async (dialog) => {
      await dialog.getByLabel('银行流水号').fill('ICBC20260101-0001');
    });
    await page
      .locator('.ant-modal')
      .getByRole('alert')
      .getByText(/同一人不能在同一申请中担任两个环节/)
      .waitFor();
    await screenshot(page, 'assistance-duties-refused');
    await page.context().close();

    // The cashier pays by bank transfer, then records the recipient's confirmation.
    page = await signedIn('e2e-fund-cashier');
    await openInbox(page, /待支付/);
    await page.getByRole('button', { name: member }).first().click();
    await step(page, '支付', async (dialog) => {
      await dialog.getByLabel('银行流水号').fill('ICBC20260101-0001');
    });
    await page.locator('.ant-drawer').getByText('已支付待确认').first().waitFor();
    await step(page, '确认收到');
    const done = page.locator('.ant-drawer');
    await done.getByText('已确认收到').first().waitFor();
    await done.getByText('本人确认收到').waitFor();
    await screenshot(page, 'assistance-application-confirmed');

    await page.goto(`${baseUrl()}/assistance/fund`);
    await page.getByRole('heading', { level: 1, name: '帮扶资金' }).waitFor();
    await page.getByLabel('类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '帮扶支出' }).click();
    const paid = page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name: 'ICBC20260101-0001' }) });
    await paid.getByRole('cell', { name: '-1,500.00' }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'assistance-fund-ledger');
  });

  it('shows the inbox and an application on a phone, and in English', async () => {
    const page = await signedIn('demo-fund-approver', phone);
    await page.goto(`${baseUrl()}/assistance/applications?inbox=all`);
    await page.getByRole('heading', { level: 1, name: '帮扶申请与审批' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'assistance-inbox-phone');
    await page.locator('.ant-table-row').first().getByRole('button').first().click();
    await page.locator('.ant-drawer').getByText('办理记录').waitFor();
    // The drawer slides in: the picture is taken once it stands still.
    await page.waitForTimeout(500);
    await screenshot(page, 'assistance-application-phone');
    await page.locator('.ant-drawer-close').click();
    await page.setViewportSize(desk);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications and approvals' }).waitFor();
    await screenshot(page, 'assistance-inbox-en');
  });
});
