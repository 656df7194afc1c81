import type { Page } from 'playwright-core';
import { baseUrl, choose, screenshot } from './browser';
import { phone, useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

/** A party member registered as a volunteer in the demo, to serve the demand (the coordinator picks them by name). */
async function someMemberVolunteer(page: Page): Promise<{ name: string; memberId: string; organizationName: string }> {
  const response = await page.request.get(baseUrl() + '/api/v1/volunteering/volunteers?kind=Member&pageSize=1');
  return (await response.json()).items[0];
}

async function step(page: Page, name: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: name }) });
  await fill?.(dialog);
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('residents’ demands (群众点单)', () => {
  it('places a demand, accepts, dispatches, completes and rates it; a second claim is refused', async () => {
    page = await browser.open({ user: 'admin' });
    const { name: volunteer, memberId, organizationName } = await someMemberVolunteer(page);
    await page.getByRole('menuitem', { name: /志愿服务/ }).click();
    await page.getByRole('menuitem', { name: /群众点单/ }).click();
    await page.getByRole('heading', { level: 1, name: '群众点单' }).waitFor();

    await page.getByRole('button', { name: '点单', exact: true }).click();
    const form = page.locator('.ant-modal');
    await choose(page, form, '所在社区', '组织部机关', '中共鸡西市委组织部机关支部委员会');
    await form.getByLabel('服务类别').fill('助老助残');
    await form.getByLabel('需求内容').fill('独居老人家中水管漏水，需要上门维修');
    await form.getByLabel('点单人姓名').fill('王秀兰');
    await form.getByLabel('点单人联系电话').fill('1381234567');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    await form.getByText('请填写 11 位手机号码或带区号的固定电话。').waitFor();
    await form.getByLabel('点单人联系电话').fill('13812345678');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    await form.waitFor({ state: 'detached' });

    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('王** 138****5678').waitFor();
    await step(page, '受理');
    // The volunteer is picked with choose(), which checks the click took: the options are fetched as one types,
    // and a click on an option that is being replaced is lost.
    // The picker shows a volunteer as 姓名（支部）.
    const option = `${volunteer}（${organizationName}）`;
    await step(page, '派单', (dialog) => choose(page, dialog, '承接方', volunteer, option, { exact: true }));
    await step(page, '开始服务');
    await step(page, '服务完成', async (dialog) => {
      await dialog.getByLabel('服务内容').fill('更换水管接头');
      await dialog.getByLabel('姓名').fill('张师傅');
    });
    await step(page, '评单', async (dialog) => {
      await dialog.locator('.ant-rate-star').nth(4).click();
    });
    await drawer.getByText('已评价').first().waitFor();
    await drawer.getByText('★★★★★').waitFor();
    await screenshot(page, 'volunteering-demand-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await page.getByText(/已评价 · \d+/).waitFor();
    await screenshot(page, 'volunteering-demand-board');

    // A second demand opened for claiming: the first claim wins, the second is refused.
    const placed = await (
      await page.request.post(baseUrl() + '/api/v1/volunteering/demands', {
        data: {
          organizationId: (await (await page.request.get(baseUrl() + '/api/v1/volunteering/demands?pageSize=1')).json())
            .items[0].organizationId,
          category: '邻里互助',
          description: '帮忙取药',
          requesterName: '刘桂芳',
          requesterPhone: '13900001111',
        },
      })
    ).json();
    let version = placed.version as number;
    for (const route of ['accept', 'open']) {
      const answer = await page.request.post(`${baseUrl()}/api/v1/volunteering/demands/${placed.id}/${route}`, {
        data: {},
        headers: { 'If-Match': `"${version}"` },
      });
      version = (await answer.json()).version;
    }
    const claim = { claimant: { kind: 'Member', id: memberId } };
    const headers = { 'If-Match': `"${version}"` };
    const first = await page.request.post(`${baseUrl()}/api/v1/volunteering/demands/${placed.id}/claim`, {
      data: claim,
      headers,
    });
    const second = await page.request.post(`${baseUrl()}/api/v1/volunteering/demands/${placed.id}/claim`, {
      data: claim,
      headers,
    });
    expect(first.status()).toBe(200);
    expect(second.status()).toBe(409);
    expect((await second.json()).code).toBe('demand_already_claimed');
  });

  it('shows the board on a phone', async () => {
    page = await browser.open({ user: 'admin', viewport: phone });
    await page.goto(`${baseUrl()}/volunteering/demands`);
    await page.getByRole('heading', { level: 1, name: '群众点单' }).waitFor();
    await page.getByText(/待受理 · \d+/).waitFor();
    await screenshot(page, 'volunteering-demands-phone');
  });
});
