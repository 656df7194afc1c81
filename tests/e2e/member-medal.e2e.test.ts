import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

// Every test starts on the yearly lists of the member register, signed in as the administrator.
beforeEach(async () => {
  page = await browser.open({ user: 'admin' });
  await page.getByRole('menuitem', { name: /党员/ }).click();
  await page.getByRole('tab', { name: '年度名单' }).click();
});

describe('光荣在党50年 and lost contact', () => {
  it('records a medal from the list: an empty giver is refused on its field, then the row is marked', async () => {
    await page.getByRole('tab', { name: '光荣在党50年' }).click();
    const panel = page.getByRole('tabpanel', { name: '光荣在党50年' });
    const row = panel.locator('.ant-table-row').filter({ has: page.getByRole('button', { name: '登记颁发' }) });
    await row.first().waitFor();
    const name = (await row.first().locator('td').first().textContent())!;
    await row.first().getByRole('button', { name: '登记颁发' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`登记颁发“光荣在党50年”纪念章 · ${name}`).waitFor();
    await dialog.getByRole('button', { name: /登记颁发/ }).click();
    await dialog.getByText('颁发单位不能为空。').waitFor();
    await screenshot(page, 'member-medal-refused');

    await dialog.getByLabel('颁发单位').fill('中共鸡西市委员会');
    await dialog.getByRole('button', { name: /登记颁发/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const marked = panel.locator('.ant-table-row').filter({ hasText: name });
    await marked.getByText(/年已颁发（中共鸡西市委员会）/).waitFor();
    await screenshot(page, 'member-medal-given');
  });

  it('says on the lost-contact list that dues are not counted yet', async () => {
    await page.getByRole('tab', { name: '失联风险' }).click();
    await page.getByText(/党费缴纳尚未纳入本系统/).waitFor();
    await screenshot(page, 'member-lost-contact-note');
  });
});
