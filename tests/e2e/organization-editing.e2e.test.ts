import type { Page } from 'playwright-core';
import { baseUrl, screenshot } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await browser.open({ user: 'admin' });
});

async function select(name: string) {
  await page.getByRole('tree', { name: '组织树' }).getByText(name, { exact: true }).click();
  // The panel of the chosen organization, not the one shown before, which has the same buttons.
  await page.locator('.ant-card-head-title').getByText(name, { exact: true }).waitFor();
  await page.getByRole('button', { name: /^编\s*辑$/ }).waitFor();
}

async function openCreate(parent: string) {
  await select(parent);
  await page.getByRole('button', { name: '新建下级组织' }).click();
  await page.getByRole('dialog').waitFor();
}

describe('editing organizations', () => {
  it('creates an organization under a demo node and finds it in the tree', async () => {
    await openCreate('中共大庆市委员会');
    await page.getByLabel('名称').fill('E2E 新建党支部');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('tree', { name: '组织树' }).getByText('E2E 新建党支部').waitFor();
    await screenshot(page, 'organization-created');
  });

  it('shows the server’s message on the field it belongs to', async () => {
    await openCreate('中共敦化市委员会');
    await page.getByLabel('名称').fill('某党支部');
    await page.getByLabel('简称').fill('简'.repeat(51));
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const error = page
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('简称') })
      .locator('.ant-form-item-explain-error');
    await error.waitFor();
    // In the user's words: the field's name, never its code name (shortName).
    expect(await error.textContent()).toContain('简称');
    expect(await error.textContent()).not.toContain('shortName');
    await screenshot(page, 'organization-field-error');
  });

  it('says the organization was changed by someone else when the ETag is stale', async () => {
    await select('中共大连市甘井子区委员会');
    await page.getByRole('button', { name: /^编\s*辑$/ }).click();
    await page.getByRole('dialog').waitFor();
    // Someone else saves first, through the API with the same session.
    const id =
      new URL(page.url()).pathname &&
      (await page.evaluate(async () => {
        const list = await (await fetch('/api/v1/organizations?depth=0&pageSize=50')).json();
        return list.items.find((o: { name: string }) => o.name === '中共大连市甘井子区委员会').id as string;
      }));
    const current = await page.request.get(`${baseUrl()}/api/v1/organizations/${id}`);
    const body = await current.json();
    const changed = await page.request.put(`${baseUrl()}/api/v1/organizations/${id}`, {
      headers: { 'If-Match': current.headers()['etag'] },
      data: { name: body.name, kind: body.kind, field: body.field, description: '别人刚刚改过' },
    });
    expect(changed.status()).toBe(200);
    await page.getByLabel('说明').fill('我的修改');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('dialog').getByRole('alert').getByText('数据已被他人修改，请刷新后重试。').waitFor();
    await screenshot(page, 'organization-conflict');
  });

  it('moves a node under another parent chosen in the tree picker', async () => {
    await openCreate('中共鹤壁市城乡一体化示范区工作委员会');
    await page.getByLabel('名称').fill('E2E 待移动党支部');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await select('E2E 待移动党支部');
    await page.getByRole('button', { name: /^移\s*动$/ }).click();
    const picker = page.getByRole('dialog').getByRole('tree');
    await picker.getByText('中共敦化市委员会', { exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /移\s*动/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // The tree opens down to the moved node in its new place, and the details name its new parents.
    const moved = page.getByRole('tree', { name: '组织树' }).locator('.ant-tree-treenode-selected');
    await moved.getByText('E2E 待移动党支部').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '上级组织' })
      .getByText(/中共敦化市委员会$/)
      .waitFor();
    await screenshot(page, 'organization-moved');

    // Moving 敦化 under its own new child would make a cycle: the server's message shows in the dialog.
    await select('中共敦化市委员会');
    await page.getByRole('button', { name: /^移\s*动$/ }).click();
    await page.getByRole('dialog').getByRole('tree').getByText('E2E 待移动党支部', { exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /移\s*动/ })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('alert')
      .getByText('不能把党组织移动到它自己或它的下级组织之下。')
      .waitFor();
    await screenshot(page, 'organization-move-cycle');
  });
});
