import type { Page } from 'playwright-core';
import { fillDate, screenshot } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await browser.open({ user: 'admin' });
  await page.getByRole('menuitem', { name: /节假日安排/ }).click();
  await page.getByRole('heading', { level: 1, name: '节假日安排' }).waitFor();
});

describe('the holiday calendar', () => {
  it('shows the latest year as the notice sets it, periods and make-up working days', async () => {
    await page.getByText('春节：2026-02-15 – 2026-02-23（9 天）').waitFor();
    await page.getByText('2026-02-28 春节调休').waitFor();
    await page.getByRole('button', { name: '2025', exact: true }).click();
    await page.getByText('国庆节、中秋节：2025-10-01 – 2025-10-08（8 天）').waitFor();
    await screenshot(page, 'calendar');
  });

  it('enters next year: a weekday as a make-up working day is refused on its list, then it is saved', async () => {
    const next = new Date().getFullYear() + 1;
    await page.getByRole('button', { name: `录入 ${next} 年` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('节假日安排通知').fill(`国务院办公厅关于${next}年部分节假日安排的通知（测试）`);
    await dialog.getByLabel('名称').first().fill('元旦');
    await fillDate(dialog.getByLabel('起').first(), `${next}-01-01`);
    await fillDate(dialog.getByLabel('止').first(), `${next}-01-03`);
    await dialog.getByRole('button', { name: '添加调休上班日' }).click();
    await dialog.getByLabel('名称').nth(1).fill('元旦调休');
    // The first Wednesday of the year, whatever the year: a weekday is already a working day.
    const wednesday = new Date(Date.UTC(next, 0, 1));
    while (wednesday.getUTCDay() !== 3) wednesday.setUTCDate(wednesday.getUTCDate() + 1);
    await fillDate(dialog.getByLabel('日期', { exact: true }), wednesday.toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('调休上班日须是周六或周日').waitFor();
    await screenshot(page, 'calendar-field-error');

    const saturday = new Date(wednesday);
    saturday.setUTCDate(saturday.getUTCDate() + 3);
    await fillDate(dialog.getByLabel('日期', { exact: true }), saturday.toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: String(next), exact: true }).waitFor();
    await page.getByText(`元旦：${next}-01-01 – ${next}-01-03（3 天）`).waitFor();
    expect(await page.getByRole('button', { name: `录入 ${next} 年` }).count()).toBe(0);
  });
});
