import type { Page } from 'playwright-core';
import { baseUrl, choose, screenshot } from './browser';
import { desk, phone, useBrowser } from './fixture';

const browser = useBrowser();

/** The demo region the wish is placed in, and one of its communities (scripts/seed/demo-organizations.json). */
const region = '中共鸡西市委员会';
const community = '中共密山市中心街道阳光社区委员会';

async function regionId(page: Page): Promise<string> {
  const roots = await page.request.get(`${baseUrl()}/api/v1/organizations?depth=0&pageSize=50`);
  const body = (await roots.json()) as { items: { id: string; name: string; depth: number }[] };
  return body.items.find((o) => o.name === region && o.depth === 0)!.id;
}

describe('Micro-wishes', () => {
  it('a wish is placed, claimed and delivered, and the public wall shows it without the resident', async () => {
    const page = await browser.open({ user: 'admin' });
    const description = `一套绘本 ${Date.now() % 100000}`;
    await page.goto(`${baseUrl()}/volunteering/wishes`);
    await page.getByRole('heading', { name: '微心愿' }).waitFor();

    await page.getByRole('button', { name: '登记心愿' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, '社区（党组织）', '阳光社区委员会', community);
    await dialog.getByLabel('心愿内容').fill(description);
    await dialog.getByLabel('心愿价值（元）').fill('68');
    await dialog.getByLabel('心愿人姓名').fill('王小丫');
    await dialog.getByLabel('心愿人电话').fill('13912345678');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.locator('.ant-card-small').filter({ hasText: description });
    await card.getByText('王** · 139****5678').waitFor();
    await card.getByText('待认领').waitFor();
    await screenshot(page, 'micro-wishes-placed');

    await card.getByRole('button', { name: /认\s*领/ }).click();
    const claim = page.getByRole('dialog');
    await choose(page, claim, '认领方', '阳光社区委员会', community);
    await claim.getByRole('button', { name: /保\s*存/ }).click();
    await claim.waitFor({ state: 'hidden' });
    await card.getByText('已认领', { exact: true }).waitFor();

    await card.getByRole('button', { name: /送\s*达/ }).click();
    const deliver = page.getByRole('dialog');
    await deliver.getByLabel('送达说明').fill('送到孩子手中');
    await deliver.getByRole('button', { name: /保\s*存/ }).click();
    await deliver.waitFor({ state: 'hidden' });
    await card.getByText('已送达', { exact: true }).waitFor();
    await screenshot(page, 'micro-wishes-delivered');

    await page.locator('.ant-segmented-item').filter({ hasText: '表格' }).click();
    await page.locator('.ant-table-row').filter({ hasText: description }).waitFor();
    await screenshot(page, 'micro-wishes-table');

    // The public wall: no sign-in, no names or phones, the community and the state.
    const id = await regionId(page);
    for (const viewport of [desk, phone]) {
      const visitor = await browser.open({ viewport });
      await visitor.goto(`${baseUrl()}/public/wishes/${id}`);
      const item = visitor.locator('.wish-wall-card').filter({ hasText: description });
      await item.waitFor();
      await item.getByText('已送达').waitFor();
      await item.getByText(community).waitFor();
      const text = await visitor.locator('main').textContent();
      expect(text).not.toContain('王小丫');
      expect(text).not.toContain('王**');
      expect(text).not.toContain('139');
      await screenshot(visitor, `micro-wishes-public-${viewport.width}`);
      await visitor.context().close();
    }
  });
});
