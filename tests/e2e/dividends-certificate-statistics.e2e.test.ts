import type { Page } from 'playwright-core';
import { baseUrl, chooseFilter, screenshot } from './browser';
import { desk, phone, useBrowser, type Viewport } from './fixture';

const browser = useBrowser();

/** The demo's 三海 collective (scripts/seed/demo-dividends.json) and its first household's named head. */
const sanhai = '鹤壁市城乡一体化示范区朝阳街道三海社区股份经济合作社';
const sanhaiCommunity = '中共鹤壁市城乡一体化示范区朝阳街道三海社区委员会';
const head = '崔新贵';

/**
 * 三海 lies in the 鹤壁 demo region; the demo collective accountant is scoped to the first region (鸡西) and never
 * sees it, so an inspector of the whole tree (the demo auditor, read only) opens it, as one from the 组织部 would.
 */
const inspector = 'demo-auditor';

/** Words that must never reach the screen: the API's enum names and codes. */
const rawCodes =
  /\b(Static|Dynamic|Population|LabourAge|StockCooperative|Head|Spouse|Child|Dividend|Pension|Approved)\b/;

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function collectiveId(page: Page): Promise<string> {
  const found = await page.request.get(`${baseUrl()}/api/v1/dividends/collectives?q=${encodeURIComponent('三海')}`);
  expect(found.status()).toBe(200);
  const items = ((await found.json()) as { items: { id: string; name: string }[] }).items;
  const collective = items.find((c) => c.name === sanhai);
  expect(collective, JSON.stringify(items)).toBeDefined();
  return collective!.id;
}

/** From the register, through the household's own link, to its certificate; back with the certificate's text. */
async function openCertificate(page: Page, viewport: Viewport): Promise<string> {
  const id = await collectiveId(page);
  await page.goto(`${baseUrl()}/dividends/collectives/${id}?tab=register`);
  await page.getByLabel('搜索户号或姓名').fill(head);
  await page.getByLabel('搜索户号或姓名').press('Enter');
  const row = page.getByRole('row').filter({ hasText: head });
  await row.first().waitFor();
  await row
    .first()
    .getByRole('link', { name: /打印股权证/ })
    .click();
  await page.waitForURL(/\/dividends\/households\/[^/]+\/certificate/);
  const sheet = page.getByRole('article', { name: `${sanhai}股权证` });
  await sheet.waitFor();
  expect(await page.getByRole('button', { name: /打\s*印/ }).isEnabled()).toBe(true);
  // Past the button's colour transition from disabled (while loading) to enabled.
  await page.waitForTimeout(400);
  await screenshot(page, `dividends-certificate-${viewport.width}`);
  return sheet.innerText();
}

describe('Dividends: the share certificate and the statistics of 三海', () => {
  it('prints a household’s 股权证 from the register with its head and shares, at a desk and on a phone', async () => {
    for (const viewport of [desk, phone]) {
      const page = await browser.open({ user: inspector, viewport });
      const text = await openCertificate(page, viewport);
      const sheet = page.getByRole('article', { name: `${sanhai}股权证` });
      const facts = Object.fromEntries(
        await sheet
          .locator('.certificate-facts > div')
          .evaluateAll((items) =>
            items.map((item) => [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent]),
          ),
      ) as Record<string, string>;
      // Each member holds one 人口股 (demo-dividends.json): the household's total is its number of members.
      const rows = sheet.locator('tbody tr');
      const members = await rows.count();
      const shares = await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent?.trim()));
      const total = await sheet.locator('tfoot td').last().innerText();
      expect(facts['户主']).toBe(head);
      expect(facts['户号']).toMatch(/^SH\d+$/);
      expect(facts['股权管理方式']).toBe('静态管理');
      expect(facts['统一社会信用代码']).toBe('N2410611MF5K3T82XQ');
      expect(members).toBeGreaterThan(0);
      expect(await sheet.locator('thead th').allInnerTexts()).toEqual(['序号', '姓名', '身份证号', '人口股']);
      expect(await rows.first().locator('td').nth(1).innerText()).toBe(head);
      expect(shares).toEqual(Array.from({ length: members }, () => '1'));
      expect(total).toBe(String(members));
      // ID numbers masked; no enum names or codes on the sheet; nothing cut off or scrolling sideways on a phone.
      for (const number of await rows.locator('td:nth-child(3)').allInnerTexts()) {
        expect(number).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      }
      expect(text).not.toMatch(rawCodes);
      expect(await fitsWidth(page), `the certificate fits ${viewport.width} px`).toBe(true);
      await page.context().close();
    }
  });

  it('shows 三海’s 2023 figures: 1,085,000 yuan of dividends to 1,550 people, 159,200 of pension to 398', async () => {
    for (const viewport of [desk, phone]) {
      const page = await browser.open({ user: inspector, viewport });
      await page.goto(`${baseUrl()}/dividends/statistics`);
      await page.getByText('请选择要统计的组织').waitFor();
      await chooseFilter(page, '统计范围', '三海社区', sanhaiCommunity);
      const figures = page.getByRole('main');
      await figures.getByText('分红 1,085,000.00 元，1,550 人；养老金 159,200.00 元，398 人').first().waitFor();
      const text = await figures.innerText();
      expect(text).toContain('1,244,200.00');
      expect(text).toContain('100.0%');
      expect(text).toContain('1,550');
      expect(text).not.toContain('1550');
      expect(text).toContain('2023 年');
      expect(text).not.toMatch(rawCodes);
      // The table's year row: its lines (a desk shows them), total, paid share.
      const row = (await page.getByRole('row').filter({ hasText: '2023 年' }).first().innerText()).trim();
      expect(row).toMatch(viewport === desk ? /1,948\s+1,244,200\.00/ : /1,244,200\.00\s+100%$/);
      await page.waitForTimeout(500);
      await screenshot(page, `dividends-statistics-${viewport.width}`);
      expect(await fitsWidth(page), `the statistics fit ${viewport.width} px`).toBe(true);
      if (viewport === phone) {
        // And in English, the same figures in its words.
        await page.getByRole('button', { name: 'English' }).click();
        await page
          .getByText('Dividend 1,085,000.00 yuan to 1,550 people; Pension 159,200.00 yuan to 398 people')
          .first()
          .waitFor();
        // The charts redraw in the new words with an animation.
        await page.waitForTimeout(1500);
        await screenshot(page, 'dividends-statistics-390-en');
        expect(await fitsWidth(page), 'the English statistics fit 390 px').toBe(true);
      }
      await page.context().close();
    }
  });
});
