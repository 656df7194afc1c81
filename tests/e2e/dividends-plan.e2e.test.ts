import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts, baseUrl, fillDate, screenshot } from './browser';
import { desk, phone, useBrowser } from './fixture';

const browser = useBrowser();

/** The demo community the collective belongs to (scripts/seed/demo-organizations.json). */
const community = '阳光社区';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 that passes GB 32100's check character, unique per run. */
function creditCode(seed: number): string {
  const first = `N2230300${String(seed).padStart(9, '0')}`.slice(0, 17);
  const sum = [...first].reduce((s, c, i) => s + alphabet.indexOf(c) * creditWeights[i], 0);
  const check = 31 - (sum % 31);
  return first + alphabet[check === 31 ? 0 : check];
}

/** A 公民身份号码 with its check digit (GB 11643). */
function idNumber(birth: string, sequence: number): string {
  const first = `230382${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first + '10X98765432'[sum % 11];
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A collective with two share types, a membership confirmation and three households, through the API. */
async function setUpCollective(page: Page): Promise<{ id: string; name: string; ids: string[] }> {
  const post = async <T>(path: string, data: object): Promise<T> => {
    const answer = await page.request.post(`${baseUrl()}${path}`, {
      data,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(answer.status(), `${path}: ${await answer.text()}`).toBeLessThan(300);
    return (await answer.json()) as T;
  };
  const found = await page.request.get(`${baseUrl()}/api/v1/organizations?q=${encodeURIComponent(community)}`);
  const organization = ((await found.json()) as { items: { id: string }[] }).items[0];
  const seed = Date.now() % 1_000_000_000;
  const name = `阳光社区股份经济合作社${seed % 10000}`;
  const { id } = await post<{ id: string }>('/api/v1/dividends/collectives', {
    organizationId: organization.id,
    name,
    kind: 'StockCooperative',
    creditCode: creditCode(seed),
    landTransferredMu: 320.5,
    shareManagement: 'Static',
    establishedOn: '2019-06-01',
  });
  const population = await post<{ id: string }>(`/api/v1/dividends/collectives/${id}/share-types`, {
    name: '人口股',
    kind: 'Population',
    weight: 1,
  });
  const labour = await post<{ id: string }>(`/api/v1/dividends/collectives/${id}/share-types`, {
    name: '农龄股',
    kind: 'LabourAge',
    weight: 0.5,
  });
  const confirmation = await post<{ id: string }>(`/api/v1/dividends/collectives/${id}/confirmations`, {
    noticeFrom: '2024-03-01',
    noticeTo: '2024-03-07',
    assemblyOn: '2024-03-10',
    assemblyKind: 'Members',
    entitled: 12,
    present: 10,
    votesFor: 9,
    votesAgainst: 1,
    documentRef: '阳股合〔2024〕1号',
  });
  const households: [string, [string, string, string, number, number][]][] = [
    [
      'A01',
      [
        ['王建国', 'Head', '1962-03-15', 2, 30],
        ['李秀英', 'Spouse', '1965-07-21', 1, 25],
        ['王小明', 'Child', '1990-01-09', 1, 0],
      ],
    ],
    [
      'A02',
      [
        ['张德明', 'Head', '1958-11-02', 1, 35],
        ['张丽', 'Child', '1988-05-30', 1, 5],
      ],
    ],
    ['A03', [['刘桂兰', 'Head', '1949-09-12', 1, 40]]],
  ];
  const ids: string[] = [];
  let sequence = 100 + (seed % 800);
  for (const [number, members] of households) {
    await post(`/api/v1/dividends/collectives/${id}/households`, {
      number,
      address: `阳光社区${number}号`,
      sharesFrom: '2024-04-01',
      confirmationId: confirmation.id,
      members: members.map(([memberName, relation, birth, people, years]) => {
        const idNo = idNumber(birth, sequence++);
        ids.push(idNo);
        return {
          name: memberName,
          relation,
          idNumber: idNo,
          bankName: '农村信用社',
          bankAccount: `6221${String(sequence).padStart(12, '0')}`,
          shares: [
            { shareTypeId: population.id, quantity: people },
            ...(years ? [{ shareTypeId: labour.id, quantity: years }] : []),
          ],
        };
      }),
    });
  }
  return { id, name, ids };
}

async function save(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Records the step the timeline offers (its button names it) with a document reference. */
async function recordStep(page: Page, step: string, documentRef: string, day?: string): Promise<void> {
  await page.getByRole('button', { name: `登记 ${step}` }).click();
  const dialog = page.getByRole('dialog');
  if (day) {
    await fillDate(dialog.locator('input[id="startsOn"]'), day);
  }
  await dialog.getByLabel('文件或会议记录编号').fill(documentRef);
  return save(page);
}

describe('Dividends', () => {
  it('a plan goes from preview to approval to a confirmed payout, and its 公示 sheet prints to PDF', async () => {
    const page = await browser.open({ user: 'demo-collective-accountant' });
    const collective = await setUpCollective(page);

    // The register as the accountant sees it: masked ID numbers, shares per type.
    await page.goto(`${baseUrl()}/dividends/collectives/${collective.id}?tab=register`);
    await page.getByRole('cell', { name: '王建国' }).waitFor();
    await screenshot(page, 'dividends-register');

    // The wizard: terms, a dividend by shares and a pension per person aged 60, the preview and its exact sum.
    await page.goto(`${baseUrl()}/dividends/collectives/${collective.id}?tab=plans`);
    await page.getByRole('button', { name: '编制分配方案' }).click();
    await page.getByLabel('方案名称').fill('收益分配方案');
    await fillDate(page.getByLabel('股权登记截止日'), '2025-12-31');
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('分配总额（元）').fill('10000');
    await page.getByLabel('项目名称').first().fill('分红');
    await page.getByRole('button', { name: /增加一项/ }).click();
    await page.getByLabel('项目名称').nth(1).fill('养老金');
    await page.getByLabel('定额（元）').fill('400');
    await page.getByLabel('年满（周岁）').nth(1).fill('60');
    await page.getByRole('button', { name: '计算预览' }).click();
    // 10,000.00 by shares plus 400 for each of the four aged 60 or more.
    await page.getByText('各户（人）金额合计 11,600.00 元，与分配总额一致（精确到分）').waitFor();
    await screenshot(page, 'dividends-plan-preview');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.waitForURL(/\/dividends\/plans\//);
    const planUrl = page.url();

    // 四议: the branch proposes, the two committees deliberate, party members review, the assembly resolves.
    await recordStep(page, '党支部提议', '阳支〔2026〕1号');
    await recordStep(page, '两委会商议', '阳两委〔2026〕1号');
    await recordStep(page, '党员大会审议', '阳党〔2026〕1号');
    await page.getByRole('button', { name: '登记 成员（代表）大会决议' }).click();
    const vote = page.getByRole('dialog');
    await vote.getByLabel('文件或会议记录编号').fill('阳股合〔2026〕2号');
    await vote.getByLabel('应到人数').fill('6');
    await vote.getByLabel('实到人数').fill('5');
    await vote.getByLabel('赞成', { exact: true }).fill('5');
    await vote.getByLabel('反对', { exact: true }).fill('0');
    await save(page);
    await page.getByText('到会 5/6，赞成 5，反对 0，弃权 0').waitFor();

    // The township station reviews (the preparer cannot).
    const reviewer = await browser.open({ user: 'demo-rural-economy-reviewer' });
    await reviewer.goto(planUrl);
    await recordStep(reviewer, '乡镇农经站审核', '农经站审〔2026〕1号');

    // The notice ran for the region's days, ending before today; an objection is recorded, answered, closed.
    await page.reload();
    await recordStep(page, '公示', '阳股合公示〔2026〕1号', daysAgo(20));
    await page.getByRole('button', { name: '登记异议' }).click();
    const objection = page.getByRole('dialog');
    await objection.getByLabel('提出人').fill('张德明');
    await objection.getByLabel('异议内容').fill('农龄股计算年限有误');
    await save(page);
    await page.getByText('仍有 1 条异议未办结', { exact: false }).waitFor();
    await page.getByRole('button', { name: /答\s*复/ }).click();
    await page.getByRole('dialog').getByLabel('答复内容').fill('经核对台账，年限无误，已当面说明');
    await save(page);
    await page.getByRole('button', { name: /办\s*结/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /办\s*结/ })
      .click();
    await page.getByText('已办结').waitFor();
    await screenshot(page, 'dividends-plan-notice');

    // The 公示 sheet printed to PDF: A4, names and amounts, ID numbers masked, the check code.
    await page.goto(`${planUrl}/notice-sheet`);
    await page.locator('.plan-sheet').waitFor();
    const sheetText = (await page.locator('.plan-sheet').textContent()) ?? '';
    expect(sheetText).toMatch(/230382\*{8}\d{3}[\dX]/);
    for (const id of collective.ids) {
      expect(sheetText).not.toContain(id);
    }
    expect(sheetText).toContain('王建国');
    const code = (await page.locator('.sheet-code').textContent())!.trim();
    expect(code.length).toBeGreaterThan(4);
    await page.emulateMedia({ media: 'print' });
    const pdf = join(artifacts, 'dividends-notice-sheet.pdf');
    const bytes = await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'dividends-notice-sheet');

    // Approval by the approver, then the payout list and one payout signed for.
    await reviewer.goto(planUrl);
    await recordStep(reviewer, '批准', '阳股合批〔2026〕1号');
    await reviewer.getByText('已批准').first().waitFor();
    await page.goto(planUrl);
    await page.getByRole('button', { name: '生成发放清单' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '刘桂兰' }).first();
    await row.getByRole('button', { name: '确认领取' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByLabel('凭证号').fill('签领表第1页');
    await save(page);
    await row.getByText('已领取').waitFor();
    await screenshot(page, 'dividends-payouts');

    // The 签领表 and the public check page (no sign-in), at a desk and on a phone.
    await page.goto(`${planUrl}/sign-sheet`);
    await page.locator('.plan-sheet').getByText('刘桂兰').first().waitFor();
    await screenshot(page, 'dividends-sign-sheet');
    for (const viewport of [desk, phone]) {
      const visitor = await browser.open({ viewport });
      await visitor.goto(`${baseUrl()}/dividend-check/${encodeURIComponent(code)}`);
      await visitor.getByText('核验结果：此公示表真实有效').waitFor();
      await visitor.getByText(collective.name).waitFor();
      const text = (await visitor.locator('main').textContent()) ?? '';
      expect(text).not.toContain('王建国');
      await screenshot(visitor, `dividends-check-${viewport.width}`);
    }

    // The plan on a phone, and in English.
    const small = await browser.open({ user: 'demo-collective-accountant', viewport: phone });
    await small.goto(planUrl);
    await small.getByText('审批流程').waitFor();
    await screenshot(small, 'dividends-plan-390');
    await small.getByRole('button', { name: 'English' }).click();
    await small.getByText('Approval steps').waitFor();
    await screenshot(small, 'dividends-plan-390-en');
  }, 300_000);
});
