import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, screenshotIfFailed, signIn } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, 'admin');
  await page.waitForURL('**/organizations');
  await page.getByRole('menuitem', { name: /党员/ }).click();
  await page.getByRole('table').getByText(/230302\*{8}/).first().waitFor();
});

afterEach(async ({ task }) => {
  await screenshotIfFailed(page, task);
  await page.context().close();
});

// 1990-03-15, female; its GB 11643 check character is computed here like the server does.
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('the member register', () => {
  it('lists demo members masked and filters by stage on the server', async () => {
    await page.getByRole('combobox', { name: '发展阶段' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^入党申请人$/ }).click();
    const rows = page.locator('.ant-table-row');
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-table-row')].every((row) => row.textContent?.includes('入党申请人')));
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'members');
  });

  it('registers a member: an invalid ID number is refused on its field, then the record opens masked', async () => {
    await page.getByRole('button', { name: '登记党员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('所在党组织').fill('组织部机关');
    await page.locator('.ant-select-item-option').filter({ hasText: '中共鸡西市委组织部机关支部委员会' }).click();
    await dialog.getByLabel('姓名').fill('E2E 林晓');
    const id = dialog.getByLabel('身份证号码');
    const valid = idNumber('23030219900315002');
    await id.fill(valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0'));
    await dialog.getByLabel('联系电话').fill('13912345678');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-form-item-has-error').filter({ has: page.getByLabel('身份证号码') }).getByText(/GB 11643/).waitFor();
    await screenshot(page, 'member-id-refused');

    await id.fill(valid);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('E2E 林晓 · 入党申请人').waitFor();
    await drawer.getByText('230302********' + valid.slice(-4)).waitFor();
    await drawer.getByText('139****5678').waitFor();

    // Showing the whole number takes a reason, and the server audits it.
    await drawer.getByRole('button', { name: '查看完整信息' }).first().click();
    const reveal = page.getByRole('dialog').filter({ hasText: '查看理由' });
    await reveal.getByLabel('查看理由').fill('核对入党申请材料');
    await reveal.getByRole('button', { name: '查看完整信息' }).click();
    await drawer.getByRole('alert').getByText(valid).waitFor();
    await screenshot(page, 'member-revealed');
  });
});
