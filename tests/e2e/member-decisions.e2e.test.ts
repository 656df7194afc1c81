// A clerk (the demo member manager) withdraws a transfer letter and converts a probationary member through the
// screens; the people they act on are registered through the API first, so the test owns them.
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, screenshot, screenshotIfFailed, signIn } from './browser';

let browser: Browser;
let page: Page;

const desk = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task);
  await page.context().close();
});

async function openAsClerk(viewport: { width: number; height: number }) {
  const touch = viewport.width < 500;
  const context = await browser.newContext({ locale: 'zh-CN', viewport, isMobile: touch, hasTouch: touch });
  page = await context.newPage();
  await signIn(page, 'demo-member-manager');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A GB 11643 number: the 17 digits given and their check character, computed as the server does. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Today in China, as the API counts days, moved by whole months. */
function shanghaiDay(monthsBack = 0): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(year, month - 1 - monthsBack, day)).toISOString().slice(0, 10);
}

/** Registers a person in the clerk's organization-department branch through the API, as the test's own. */
async function register(body: Record<string, unknown>): Promise<string> {
  const directory = await page.request.get(`${baseUrl()}/api/v1/organizations/directory?q=组织部机关`);
  const branch = ((await directory.json()) as { id: string; name: string }[]).find(
    (o) => o.name === '中共鸡西市委组织部机关支部委员会',
  )!;
  const created = await page.request.post(`${baseUrl()}/api/v1/members`, {
    data: { organizationId: branch.id, category: 'InService', ...body },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Finds a person in the register by name and opens their record. */
async function openMember(name: string) {
  await page.goto(`${baseUrl()}/members`);
  await page.getByRole('searchbox', { name: '按姓名搜索' }).fill(name);
  await page.getByRole('searchbox', { name: '按姓名搜索' }).press('Enter');
  await page.locator('.ant-table-row').filter({ hasText: name }).getByRole('button', { name }).click();
  return page.locator('.ant-drawer');
}

describe('a clerk decides on transfers and probations', () => {
  it('withdraws a transfer letter with a reason: an empty reason is refused on its field', async () => {
    await openAsClerk(desk);
    const name = 'E2E 撤回转接';
    await register({
      name,
      idNumber: idNumber('23030219800505003'),
      stage: 'Full',
      joinedOn: '2005-07-01',
      fullMemberOn: '2006-07-01',
    });
    const drawer = await openMember(name);
    await drawer.getByRole('button', { name: '转出组织关系' }).click();
    const letter = page.locator('.ant-modal').filter({ hasText: '介绍信编号' });
    await letter.getByLabel('转入单位（本系统外）').fill('北京市某街道党工委');
    await letter.getByLabel('介绍信编号').fill('鸡组转〔2026〕撤回号');
    await letter.getByRole('button', { name: /保\s*存/ }).click();
    await letter.waitFor({ state: 'hidden' });
    await page.locator('.ant-drawer-close').click();

    await page.getByRole('tab', { name: '组织关系转接' }).click();
    await page.getByText('转出', { exact: true }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '鸡组转〔2026〕撤回号' });
    await row.getByText('待回执').waitFor();
    await row.getByRole('button', { name: '撤回' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '撤回理由' });
    await dialog.getByRole('button', { name: /撤\s*回/ }).click();
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('撤回理由') })
      .waitFor();
    await screenshot(page, 'transfer-withdraw-refused');

    await dialog.getByLabel('撤回理由').fill('接收单位填写有误，重新开具');
    await dialog.getByRole('button', { name: /撤\s*回/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('已撤回').waitFor();
    await expect(row.getByRole('button', { name: '撤回' }).count()).resolves.toBe(0);
    await screenshot(page, 'transfer-withdrawn');
    await page.setViewportSize(phone);
    await row.getByText('E2E 撤回转接').waitFor();
    await screenshot(page, 'transfer-withdrawn-phone');
  });

  it('converts a probationary member: the approval is asked for, and full membership dates from the end', async () => {
    await openAsClerk(desk);
    const name = 'E2E 按期转正';
    const joinedOn = shanghaiDay(13);
    const endsOn = shanghaiDay(1);
    await register({ name, idNumber: idNumber('23030219950606004'), stage: 'Probationary', joinedOn });
    const drawer = await openMember(name);
    await drawer.getByRole('tab', { name: '发展进程' }).click();
    await drawer.getByRole('button', { name: '转正' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '支部大会日期' });
    await dialog.getByLabel('有表决权的正式党员人数', { exact: true }).fill('12');
    await dialog.getByLabel('实到会有表决权的正式党员人数').fill('10');
    await dialog.getByLabel('赞成票').fill('9');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('审批党组织') })
      .getByText(/审批的党组织/)
      .waitFor();
    await screenshot(page, 'conversion-approval-refused');

    await dialog.getByLabel('审批党组织').fill('中共鸡西市委组织部');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const timeline = drawer.locator('.ant-timeline');
    await timeline.getByText(/转为正式党员/).waitFor();
    await timeline.getByText(new RegExp(`转正日期 ${endsOn}`)).waitFor();
    await timeline.getByText(/应到 12 人，实到 10 人，赞成 9 票/).waitFor();
    await screenshot(page, 'conversion-recorded');
  });

  it('shows the conversion form on a phone', async () => {
    await openAsClerk(phone);
    const name = 'E2E 手机转正';
    await register({
      name,
      idNumber: idNumber('23030219960707005'),
      stage: 'Probationary',
      joinedOn: shanghaiDay(12),
    });
    const drawer = await openMember(name);
    await drawer.getByRole('tab', { name: '发展进程' }).click();
    await drawer.getByRole('button', { name: '转正' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '支部大会日期' });
    await dialog.getByLabel('审批党组织').waitFor();
    // The dialog zooms in; the picture is taken once it stands still.
    await page.locator('.ant-modal').evaluate((modal) => Promise.all(modal.getAnimations().map((a) => a.finished)));
    await screenshot(page, 'conversion-form-phone');
  });
});
