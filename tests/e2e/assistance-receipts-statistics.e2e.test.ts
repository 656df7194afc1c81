import { request, type APIRequestContext } from 'playwright-core';
import { baseUrl, screenshot } from './browser';
import { desk, phone, useBrowser } from './fixture';

const browser = useBrowser();

async function session(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl() });
  const answer = await api.post('/api/v1/auth/sign-in', { data: { username, password: 'jiceng-demo-2026' } });
  expect(answer.ok()).toBe(true);
  return api;
}

interface Entry {
  amount: number;
  kind: string;
  payeeMemberId: string | null;
  createdAt: string;
}

/**
 * What the other browser tests of the run paid out of 鸡西's fund (they share one app): the disbursements created
 * after the demo seed, which ends before anyone signs in (the first SignIn of the audit log).
 */
async function paidByOtherTests(fundId: string): Promise<{ yuan: number; payees: number }> {
  const admin = await session('admin');
  const signIns = await (await admin.get('/api/v1/audit?action=SignIn&pageSize=1')).json();
  const first = await (await admin.get(`/api/v1/audit?action=SignIn&pageSize=1&page=${signIns.total}`)).json();
  const seeded = Date.parse(first.items[0].at);
  await admin.dispose();
  const manager = await session('demo-fund-manager');
  const newest: Entry[] = (
    await (
      await manager.get(`/api/v1/assistance/funds/${fundId}/entries?kind=Disbursement&sort=-createdAt&pageSize=200`)
    ).json()
  ).items;
  await manager.dispose();
  const later = newest.filter((e) => Date.parse(e.createdAt) > seeded);
  return {
    yuan: later.reduce((sum, e) => sum - Number(e.amount), 0),
    payees: new Set(later.map((e) => e.payeeMemberId)).size,
  };
}

describe('care fund receipt checks and statistics (回访抽查, 统计分析)', () => {
  it('draws paid applications for follow-up visits and records one as received in full', async () => {
    const page = await browser.open({ user: 'demo-fund-manager' });
    await page.goto(`${baseUrl()}/assistance/applications?inbox=followUp`);
    await page.getByRole('heading', { level: 1, name: '帮扶申请与审批' }).waitFor();
    await page.getByText(/按年度从已支付的帮扶中随机抽取/).waitFor();

    // The demo paid applications this year and drew none: three are drawn, each named in the message.
    await page.getByRole('button', { name: '随机抽取回访对象' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('抽取数量').fill('3');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('.ant-message')
      .getByText(/待抽帮扶中抽取了 3 笔/)
      .waitFor();
    const waiting = page.locator('.ant-table-row').filter({ hasText: '待回访' });
    await waiting.nth(2).waitFor();
    await screenshot(page, 'assistance-receipt-drawn');

    // The fund manager did not pay them (the cashier did), so may visit: the money arrived in full.
    const row = waiting.first();
    const name = (await row.getByRole('button').first().textContent())!.trim();
    await row.getByRole('button', { name }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('已抽查回访').first().waitFor();
    await drawer.getByRole('button', { name: '记录回访', exact: true }).click();
    const visit = page.locator('.ant-modal');
    await visit.getByRole('radio', { name: '已足额收到' }).check();
    await visit.getByLabel('回访情况').fill('入户回访，本人确认慰问金已足额到账');
    await visit.locator('.ant-modal-footer .ant-btn-primary').click();
    await visit.waitFor({ state: 'detached' });
    await drawer.getByText('已足额收到').first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'assistance-receipt-recorded');
    await page.locator('.ant-drawer-close').click();
    await page
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('button', { name }) })
      .getByText('已足额收到')
      .waitFor();

    await page.setViewportSize(phone);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'assistance-receipt-phone');
  });

  it.each([
    ['desk', desk],
    ['phone', phone],
  ])("shows 鸡西's figures on the statistics page (%s)", async (label, viewport) => {
    const page = await browser.open({ user: 'demo-fund-manager', viewport });
    const funds = await (await page.request.get(`${baseUrl()}/api/v1/assistance/funds?pageSize=200`)).json();
    const jixi = funds.items.find((f: { name: string }) => f.name === '鸡西市党内关怀帮扶专项资金');
    const others = await paidByOtherTests(jixi.id);
    await page.goto(`${baseUrl()}/assistance/statistics`);
    await page.getByRole('heading', { level: 1, name: '关怀帮扶统计分析' }).waitFor();

    // 2,259,000 yuan to 1,344 members in hardship over three years (and whatever the other tests paid today).
    const figure = (title: string) =>
      page.locator('.ant-statistic').filter({ has: page.getByText(title, { exact: true }) });
    const out = figure('资金支出（元）').locator('.ant-statistic-content');
    await out.getByText(/\d/).first().waitFor();
    const shown = Number((await out.textContent())!.replace(/[^\d.]/g, ''));
    expect(shown).toBe(2_259_000 + others.yuan);
    const people = Number(
      (await figure('帮扶人数').locator('.ant-statistic-content').textContent())!.replace(/\D/g, ''),
    );
    expect(people).toBeGreaterThanOrEqual(1344);
    expect(people).toBeLessThanOrEqual(1344 + others.payees);
    if (others.yuan === 0) {
      await figure('资金支出（元）')
        .getByText(/2,259,000/)
        .waitFor();
      expect(people).toBe(1344);
    }
    await page.locator('canvas').first().waitFor();
    // The charts animate in: the picture is taken once they stand still.
    await page.waitForTimeout(1000);
    await screenshot(page, `assistance-statistics-${label}`);
  });
});
