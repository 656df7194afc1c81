import type { Page } from 'playwright-core';
import { baseUrl, screenshot, signIn } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

// Each test signs in itself: the sign-in is what is tested here.
beforeEach(async () => {
  page = await browser.open();
});

describe('signing in and the organization tree', () => {
  it('refuses a wrong password with the server message', async () => {
    await signIn(page, 'admin', 'not-the-password');
    await page.getByRole('alert').getByText('用户名或密码不正确。').waitFor();
    await screenshot(page, 'sign-in-refused');
  });

  it('signs in, shows every region to the administrator and an organization’s details', async () => {
    await signIn(page, 'admin');
    await page.waitForURL('**/organizations');
    const tree = page.getByRole('tree');
    await tree.getByText('中共鸡西市委员会').waitFor();
    for (const region of ['中共大连市甘井子区委员会', '中共敦化市委员会', '中共大庆市委员会']) {
      await tree.getByText(region).waitFor();
    }
    await tree.getByText('中共鸡西市委员会').click();
    await page.getByRole('row').filter({ hasText: '类别' }).getByText('党委', { exact: true }).waitFor();
    await screenshot(page, 'organizations');
  });

  it('shows a scoped user only their own region and loads children on expanding', async () => {
    await signIn(page, 'demo-viewer');
    await page.waitForURL('**/organizations');
    const tree = page.getByRole('tree');
    await tree.getByText('中共鸡西市委员会').waitFor();
    expect(await tree.getByText('中共大庆市委员会').count()).toBe(0);
    await page.locator('.ant-tree-switcher').first().click();
    await tree.getByText(/虎林/).first().waitFor();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await signIn(page, 'admin');
    await page.waitForURL('**/organizations');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    // Roles in the user's language, the page's language for screen readers, the tab's title.
    await page.getByText('System administrator').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.title()).toBe('Organizations · Jiceng grassroots party building');
    await screenshot(page, 'organizations-english');
  });

  it('signs out, after which the app asks for sign-in again', async () => {
    await signIn(page, 'admin');
    await page.waitForURL('**/organizations');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${baseUrl()}/organizations`);
    await page.waitForURL('**/sign-in');
    const response = await page.request.get(`${baseUrl()}/api/v1/organizations`);
    expect(response.status()).toBe(401);
  });
});
