// The web app's shared pieces as users feel them: accessibility at a desk and on a phone, the keyboard, failures
// that say so, and a branch secretary's tasks at 390 px.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { baseUrl, choose, screenshot, signIn } from './browser';
import { desk, phone, useBrowser, type Viewport } from './fixture';

const browser = useBrowser();
let page: Page;

async function open(viewport: Viewport, user?: string): Promise<void> {
  page = await browser.open({ viewport, user });
}

/** WCAG 2.1 A and AA, every rule: the list of what fails, empty when the screen passes. */
async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsTheScreen(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

const screens = [
  ['/organizations', '党组织'],
  ['/coalitions', '党建联合体'],
  ['/members', '党员信息库'],
  ['/members?tab=board', '党员信息库'],
  ['/members?tab=transfers', '党员信息库'],
  ['/members?tab=communityReports', '党员信息库'],
  ['/members?tab=meetings', '党员信息库'],
  ['/members?tab=lists', '党员信息库'],
  ['/members?tab=stats', '党员信息库'],
  ['/calendar', '节假日安排'],
] as const;

describe('the shared pieces', () => {
  for (const [name, viewport] of [
    ['1440', desk],
    ['390', phone],
  ] as const) {
    it(`passes an accessibility check (axe-core, WCAG 2.1 AA) on every main screen at ${name} px`, async () => {
      await open(viewport);
      await page.goto(`${baseUrl()}/sign-in`);
      await page.getByLabel('用户名').waitFor();
      const found: string[] = (await violations()).map((v) => `/sign-in: ${v}`);
      await signIn(page, 'admin');
      await page.waitForURL('**/organizations');
      for (const [path, heading] of screens) {
        await page.goto(`${baseUrl()}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        // Lists and charts have drawn (their loading indicators are gone).
        await page
          .locator('.ant-spin-spinning, .ant-skeleton-active')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => {});
        await page.waitForTimeout(300);
        found.push(...(await violations()).map((v) => `${path}: ${v}`));
        expect(await fitsTheScreen(), `${path} fits ${name} px`).toBe(true);
      }
      // An organization open, with its tabs and statistics.
      await page.goto(`${baseUrl()}/organizations`);
      await page.getByRole('tree').getByText('中共鸡西市委员会').click();
      await page.getByRole('tab', { name: '概况' }).waitFor();
      await page.waitForTimeout(500);
      found.push(...(await violations()).map((v) => `organization: ${v}`));
      await screenshot(page, `organization-${name}`);
      expect(found).toEqual([]);
    });
  }

  it('lets a keyboard user sign in and reach the register and its first member', async () => {
    await open(desk);
    await page.goto(`${baseUrl()}/sign-in`);
    // The username field has focus on arrival.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sign-in-username');
    await page.keyboard.type('demo-member-manager');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jiceng-demo-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/organizations');
    await page.getByRole('heading', { level: 1, name: '党组织' }).waitFor();

    // The first Tab stop is the skip link; the menu's items are Tab stops of their own and open with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    const focused = async () => page.evaluate(() => document.activeElement?.textContent?.trim());
    for (let i = 0; i < 6 && (await focused()) !== '党员'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('党员');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/members');

    // Focus moves to the new screen's heading; the first member is a few Tab stops past the filters.
    await page.getByRole('heading', { level: 1, name: '党员信息库' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.locator('.ant-table-row').first().waitFor();
    let presses = 0;
    while (!(await page.evaluate(() => !!document.activeElement?.closest('.ant-table-row'))) && presses < 30) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(30);
    await page.keyboard.press('Enter');
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('tab', { name: '基本信息' }).waitFor();
    // Closing the drawer gives focus back to the name that opened it.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.ant-table-row'))).toBe(true);
  });

  it('shows a failed load as a failure with a retry, not as an empty list', async () => {
    await open(desk, 'demo-member-manager');
    await page.route('**/api/v1/members?*', (route) => route.abort('connectionrefused'));
    await page.goto(`${baseUrl()}/members`);
    const failure = page.getByRole('main').getByRole('alert').filter({ hasText: '无法连接服务器' });
    await failure.waitFor();
    expect(await page.getByText('暂无数据').count()).toBe(0);
    await screenshot(page, 'members-failed-load');
    await page.unroute('**/api/v1/members?*');
    await failure.getByRole('button', { name: /重\s*试/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await failure.count()).toBe(0);
  });

  it("does a branch secretary's tasks on a phone: find a member, record a meeting, see who is due", async () => {
    await open(phone, 'demo-member-manager');
    await page.goto(`${baseUrl()}/members`);
    // The menu is a drawer behind a button.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '党员' }).waitFor();
    await page.keyboard.press('Escape');
    // The closing drawer hands focus back to its button when its animation ends: wait for that before typing,
    // and press Enter in the search box itself, or the Enter may open the menu again.
    await page.getByRole('navigation', { name: '功能菜单' }).waitFor({ state: 'hidden' });

    const search = page.getByRole('searchbox', { name: '按姓名搜索' });
    await search.fill('刘');
    await search.press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').first().textContent(), { timeout: 10_000 }).toContain('刘');
    expect(await fitsTheScreen()).toBe(true);
    await screenshot(page, 'phone-members-found');

    await page.getByRole('tab', { name: '组织生活' }).click();
    await page.getByRole('button', { name: '记录组织生活' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '参会党员' });
    await choose(page, dialog, '党组织', '组织部机关', '中共鸡西市委组织部机关支部委员会');
    await dialog.getByLabel('会议类型').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^主题党日$/ })
      .click();
    await dialog.getByLabel('主题').fill('E2E 手机上记录的主题党日');
    await dialog.getByRole('button', { name: /^全选列出的 \d+ 人$/ }).click();
    expect(
      await page.evaluate(() => {
        const box = document.querySelector('.ant-modal')?.getBoundingClientRect();
        return !!box && box.left >= 0 && box.right <= window.innerWidth;
      }),
      'the dialog fits the screen',
    ).toBe(true);
    await screenshot(page, 'phone-meeting-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: 'E2E 手机上记录的主题党日' }).waitFor();

    // What is due: probationary members whose year ends soon, on the yearly lists.
    await page.getByRole('tab', { name: '年度名单' }).click();
    await page.getByRole('tab', { name: '预备期将满' }).click();
    await page.locator('.ant-table-row, .ant-empty').first().waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await screenshot(page, 'phone-due');
  });
});
