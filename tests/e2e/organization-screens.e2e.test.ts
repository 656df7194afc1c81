import type { Page } from 'playwright-core';
import { baseUrl, choose, screenshot } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

async function signedIn(user = 'admin') {
  page = await browser.open({ user });
}

const tree = () => page.getByRole('tree', { name: '组织树' });

async function openFromSearch(name: string) {
  await page.getByRole('searchbox', { name: '搜索党组织' }).fill(name.slice(-8));
  await page.getByRole('region', { name: '搜索结果' }).getByText(name, { exact: true }).click();
  await page.locator('.ant-card-head-title').getByText(name, { exact: true }).waitFor();
}

async function openTab(name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('organization screens', () => {
  it('finds an organization by name and opens the tree down to it', async () => {
    await signedIn();
    await openFromSearch('中共密山市知一镇和平村支部委员会');
    await tree().locator('.ant-tree-treenode-selected').getByText('中共密山市知一镇和平村支部委员会').waitFor();
    await tree().getByText('中共密山市委员会', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/organizations\/[0-9a-f-]{36}$/);
    await screenshot(page, 'organization-search');
  });

  it('shows subtree statistics as cards and a chart', async () => {
    await signedIn();
    await tree().getByText('中共鸡西市委员会', { exact: true }).click();
    const active = page.locator('.ant-statistic').filter({ hasText: '正常组织' });
    await active.waitFor();
    expect(
      Number((await active.locator('.ant-statistic-content-value').textContent())?.replace(/,/g, '')),
    ).toBeGreaterThan(10);
    // Two charts, each with its own legend: organizations by kind, and by the latest grading's level.
    await page.getByRole('img', { name: '组织类别分布' }).locator('canvas').waitFor();
    await page.getByRole('img', { name: /定级/ }).locator('canvas').waitFor();
    await page.locator('.ant-statistic').filter({ hasText: '整顿逾期' }).waitFor();
    await screenshot(page, 'organization-statistics');
  });

  it('records a grading and lists the lagging organizations of the subtree', async () => {
    await signedIn();
    await openFromSearch('中共鸡西市委组织部机关支部委员会');
    await openTab('分类定级');
    const history = page.locator('.ant-table').first();
    await history.getByRole('cell', { name: '2025', exact: true }).waitFor();
    await page.getByRole('button', { name: '登记定级' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年度').fill('2023');
    await dialog.getByLabel('等次').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^较好$/ })
      .click();
    await dialog.getByLabel('得分').fill('88');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await history.getByRole('cell', { name: '2023', exact: true }).waitFor();

    // Recording the same year again is refused with the server's message above the form.
    await page.getByRole('button', { name: '登记定级' }).click();
    await dialog.getByLabel('年度').fill('2023');
    await dialog.getByLabel('等次').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^好$/ }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByRole('alert').getByText(/2023/).waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await screenshot(page, 'organization-gradings');
  });

  it('highlights overdue rectifications and adds a progress note', async () => {
    await signedIn();
    await tree().getByText('中共鸡西市委员会', { exact: true }).click();
    await openTab('软弱涣散整顿');
    const overdueRow = page.locator('.ant-table-row').filter({ hasText: '中共密山市知一镇和平村支部委员会' });
    await overdueRow.getByText('已逾期').waitFor();
    await overdueRow.getByText(/逾期 \d+ 天/).waitFor();
    await screenshot(page, 'organization-rectifications');
    await overdueRow.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('整顿进展').waitFor();
    await drawer.getByRole('button', { name: '记录进展' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '进展情况' });
    await dialog.getByLabel('进展情况').fill('E2E：新任书记已到岗，恢复“三会一课”。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('E2E：新任书记已到岗，恢复“三会一课”。').waitFor();
    await screenshot(page, 'organization-rectification-notes');
  });

  it('lists pairings and the rule warnings of a subtree', async () => {
    await signedIn();
    await tree().getByText('中共敦化市委员会', { exact: true }).click();
    await openTab('结对共建');
    await page.getByRole('button', { name: '新建结对' }).waitFor();
    await screenshot(page, 'organization-pairings');
    await openTab('规则提醒');
    await page.getByRole('combobox', { name: '提醒类型' }).waitFor();
    await screenshot(page, 'organization-warnings');
  });

  it('creates a coalition with members chosen by name', async () => {
    await signedIn();
    await page.getByRole('menuitem', { name: /党建联合体/ }).click();
    await page.getByRole('cell', { name: '大连湾军警地企党建联合体' }).waitFor();
    await page.getByRole('button', { name: '新建党建联合体' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('E2E 城乡结对联盟');
    const members = page.getByLabel('成员组织');
    await choose(page, dialog, '成员组织', '和平村', '中共密山市知一镇和平村支部委员会');
    await dialog.getByLabel('名称').click();
    // One member is not a coalition: the server's message lands on the members field.
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: members })
      .getByText(/2 到 500/)
      .waitFor();
    await choose(page, dialog, '成员组织', '财政局', '中共敦化市财政局机关支部委员会');
    await dialog.getByLabel('名称').click(); // closes the options list, which covers the buttons
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').filter({ hasText: 'E2E 城乡结对联盟' });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await screenshot(page, 'coalitions');
  });

  it('shows a not-found page for an organization outside the user’s scope and for an unknown address', async () => {
    await signedIn('admin');
    const outside = await page.evaluate(async () => {
      const list = await (await fetch('/api/v1/organizations?depth=0&pageSize=50')).json();
      return list.items.find((o: { name: string }) => o.name === '中共大庆市委员会').id as string;
    });
    await page.context().close();
    await signedIn('demo-viewer');
    await page.goto(`${baseUrl()}/organizations/${outside}`);
    await page.getByText('页面或数据不存在，或不在您的管理范围内。').waitFor();
    await screenshot(page, 'not-found');
    await page.goto(`${baseUrl()}/no-such-page`);
    await page.getByText('404', { exact: true }).waitFor();
  });
});
