import type { Page } from 'playwright-core';
import { baseUrl, screenshot } from './browser';
import { phone, useBrowser } from './fixture';

const browser = useBrowser();

interface Volunteer {
  id: string;
  name: string;
  totalHours: number;
  starLevel: number;
}

/** The demo's volunteer one hour short of 一星, checked in at the activity running now (see the demo seeder). */
async function nearlyStar(page: Page): Promise<Volunteer> {
  const response = await page.request.get(baseUrl() + '/api/v1/volunteering/volunteers?pageSize=200');
  const items = (await response.json()).items as Volunteer[];
  const found = items.find((v) => v.totalHours === 99 && v.starLevel === 0);
  if (!found) {
    throw new Error('the demo has no volunteer at 99 hours');
  }
  return found;
}

/** Checks a session in or out from the activity's drawer, with the organizer's confirmation as evidence. */
async function attend(page: Page, volunteer: string, step: '签到' | '签退') {
  const drawer = page.locator('.ant-drawer');
  await drawer
    .locator('.ant-table-tbody tr', { hasText: volunteer })
    .getByRole('button', { name: step, exact: true })
    .click();
  const dialog = page.locator('.ant-modal').filter({ hasText: `${step}：${volunteer}` });
  await dialog.getByLabel('组织者确认').check();
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('volunteer hours (志愿服务时长)', () => {
  it('checks volunteers in and out at an activity; the hours credited give a star', async () => {
    const page = await browser.open({ user: 'demo-volunteer-coordinator' });
    const volunteer = await nearlyStar(page);
    await page.goto(baseUrl() + '/volunteering/hours?tab=activities');
    await page.getByRole('button', { name: /^党群服务中心志愿值守/ }).click();
    const drawer = page.locator('.ant-drawer');
    const row = (name: string) => drawer.locator('.ant-table-tbody tr', { hasText: name });
    await row(volunteer.name).getByText('已签到').waitFor();

    // The one signed up but not yet arrived checks in now.
    const waiting = drawer
      .locator('.ant-table-tbody tr', { has: page.locator('.ant-tag', { hasText: '已报名' }) })
      .first();
    const arriving = (await waiting.locator('td').first().textContent())!.trim();
    await attend(page, arriving, '签到');
    await row(arriving).getByText('已签到').waitFor();

    // The one who checked in half an hour after the start leaves: about two and a half hours are credited.
    await attend(page, volunteer.name, '签退');
    await row(volunteer.name).getByText('已完成').waitFor();
    const credited = Number(await row(volunteer.name).locator('td').nth(4).textContent());
    expect(credited).toBeGreaterThanOrEqual(2.5);
    await screenshot(page, 'volunteer-hours-checked-out');

    await page.goto(baseUrl() + '/volunteering/hours?tab=volunteers');
    await page.locator('input[aria-label="按姓名查找"]').fill(volunteer.name);
    await page.locator('input[aria-label="按姓名查找"]').press('Enter');
    const listed = page.locator('tr', { hasText: volunteer.name }).first();
    await listed.getByText('一星').waitFor();
    expect(await listed.textContent()).toContain(String(99 + credited));
    await screenshot(page, 'volunteer-hours-star');

    await page.context().close();
    const small = await browser.open({ user: 'demo-volunteer-coordinator', viewport: phone });
    await small.goto(baseUrl() + '/volunteering/hours?tab=volunteers');
    await small.locator('input[aria-label="按姓名查找"]').fill(volunteer.name);
    await small.locator('input[aria-label="按姓名查找"]').press('Enter');
    await small.locator('tr', { hasText: volunteer.name }).first().getByText('一星').waitFor();
    await small.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await screenshot(small, 'volunteer-hours-star-phone');
  }, 120_000);
});
