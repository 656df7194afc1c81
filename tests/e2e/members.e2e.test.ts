import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { choose, chooseFilter, fillDate, screenshot } from './browser';
import { useBrowser } from './fixture';

const browser = useBrowser();
let page: Page;

/**
 * Closes the member's drawer. The click is sent to the button itself: a success message can sit over it, and the
 * pointer resting on the message keeps it from going away.
 */
async function closeDrawer() {
  await page.locator('.ant-drawer-close').dispatchEvent('click');
}

// Every test starts on the member register, signed in as the administrator.
beforeEach(async () => {
  page = await browser.open({ user: 'admin' });
  await page.getByRole('menuitem', { name: /党员/ }).click();
  // Masked ID numbers: the area code of the member's district, eight stars, the last four.
  await page
    .getByRole('table')
    .getByText(/^\d{6}\*{8}\d{3}[\dX]$/)
    .first()
    .waitFor();
});

// 1990-03-15, female; its GB 11643 check character is computed here like the server does.
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('the member register', () => {
  it('lists demo members masked and filters by stage on the server', async () => {
    await page.getByRole('combobox', { name: '发展阶段' }).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^入党申请人$/ })
      .click();
    const rows = page.locator('.ant-table-row');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-table-row')].every((row) => row.textContent?.includes('入党申请人')),
    );
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, 'members');
  });

  it('registers a member: an invalid ID number is refused on its field, then the record opens masked', async () => {
    await page.getByRole('button', { name: '登记党员' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, '所在党组织', '组织部机关', '中共鸡西市委组织部机关支部委员会');
    await dialog.getByLabel('姓名').fill('E2E 林晓');
    const id = dialog.getByLabel('公民身份号码');
    const valid = idNumber('23030219900315002');
    await id.fill(valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0'));
    await dialog.getByLabel('联系电话').fill('13912345678');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('公民身份号码') })
      .getByText(/GB 11643/)
      .waitFor();
    await screenshot(page, 'member-id-refused');

    await id.fill(valid);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('E2E 林晓 · 入党申请人').waitFor();
    await drawer.getByText('230302********' + valid.slice(-4)).waitFor();
    await drawer.getByText('139****5678').waitFor();

    // Showing the whole number takes a reason, and the server audits it.
    await drawer.getByRole('button', { name: '查看完整信息' }).first().click();
    const reveal = page.locator('.ant-modal').filter({ hasText: '查看理由' });
    await reveal.getByLabel('查看理由').fill('核对入党申请材料');
    await reveal.getByRole('button', { name: '查看完整信息' }).click();
    await drawer.getByRole('alert').getByText(valid).waitFor();
    await screenshot(page, 'member-revealed');
  });

  it('refuses a step before its earliest date, saying it, and advances an applicant whose time has come', async () => {
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const monthsAgo = (months: number) =>
      iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate())));

    async function register(name: string, first17: string, appliedOn: string) {
      await page.getByRole('button', { name: '登记党员' }).click();
      const dialog = page.getByRole('dialog');
      await choose(page, dialog, '所在党组织', '组织部机关', '中共鸡西市委组织部机关支部委员会');
      await dialog.getByLabel('姓名').fill(name);
      await dialog.getByLabel('公民身份号码').fill(idNumber(first17));
      await fillDate(dialog.getByLabel('申请入党日期'), appliedOn);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText(`${name} · 入党申请人`).waitFor();
      await drawer.getByRole('tab', { name: '发展进程' }).click();
      return drawer;
    }

    // Applied today: becoming an activist today is six months early, and the refusal names the earliest date.
    let drawer = await register('E2E 新申请人', '23030219950101003', iso(today));
    await drawer.getByText(/下一步：确定为入党积极分子/).waitFor();
    await drawer.getByRole('button', { name: '确定为入党积极分子' }).click();
    let dialog = page.locator('.ant-modal').filter({ hasText: '培养联系人' });
    await dialog.getByLabel('培养联系人').fill('刘丽华');
    await dialog.getByLabel('培养联系人').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // The refusal names its date field (409 with `field`), so it shows on that field.
    await dialog
      .locator('.ant-form-item-explain-error')
      .getByText(new RegExp(`最早 ${monthsAgo(-6)}`))
      .waitFor();
    await screenshot(page, 'member-step-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await closeDrawer();

    // Applied seven months ago: the step is due, and the timeline shows it.
    drawer = await register('E2E 老申请人', '23030219960202004', monthsAgo(7));
    await drawer.getByText('已可办理').waitFor();
    await drawer.getByRole('button', { name: '确定为入党积极分子' }).click();
    dialog = page.locator('.ant-modal').filter({ hasText: '培养联系人' });
    await dialog.getByLabel('培养联系人').fill('张晓东');
    await dialog.getByLabel('培养联系人').press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer
      .locator('.ant-timeline')
      .getByText(/确定为入党积极分子/)
      .waitFor();
    await drawer.getByText(/下一步：确定为发展对象/).waitFor();
    await screenshot(page, 'member-pipeline');
  });

  it('shows the pipeline board, the yearly lists ready to print, and the statistics', async () => {
    await page.getByRole('tab', { name: '发展看板' }).click();
    await page.locator('.ant-card').filter({ hasText: '入党申请人' }).locator('.ant-list-item').first().waitFor();
    await screenshot(page, 'members-board');
    await page.getByRole('tab', { name: '年度名单' }).click();
    await page.getByRole('tab', { name: '光荣在党50年' }).click();
    await page.getByRole('columnheader', { name: '转正日期' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'members-medal-list');
    await page.getByRole('tab', { name: '统计分析' }).click();
    await page.locator('.ant-statistic').filter({ hasText: '党员总数' }).waitFor();
    await page.getByRole('img', { name: '年龄结构' }).locator('canvas').waitFor();
    await page.getByRole('img', { name: '学历结构' }).locator('canvas').waitFor();
    await screenshot(page, 'members-statistics');
  });

  it('transfers a member to another region, which confirms receipt in its inbox', async () => {
    await page.getByRole('searchbox', { name: '按姓名搜索' }).fill('E2E 林晓');
    await page.getByRole('searchbox', { name: '按姓名搜索' }).press('Enter');
    await page
      .locator('.ant-table-row')
      .filter({ hasText: 'E2E 林晓' })
      .getByRole('button', { name: 'E2E 林晓' })
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '转出组织关系' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '介绍信编号' });
    await choose(page, dialog, '转入党组织（本系统内）', '敦化市财政局', '中共敦化市财政局机关支部委员会');
    await dialog.getByLabel('介绍信编号').fill('鸡组转〔2026〕E2E号');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await closeDrawer();

    await page.getByRole('tab', { name: '组织关系转接' }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '鸡组转〔2026〕E2E号' });
    await row.getByText('待回执').waitFor();
    await screenshot(page, 'member-transfers');
    await row.getByRole('button', { name: '确认接收' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText('已回执').waitFor();
  });
});

describe('hardship, 双报到 and organization life', () => {
  // The forms propose today in China, as the API counts days.
  const today = () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());

  /** Filters the register by a select's option and waits until every row shows it. */
  async function filterRegister(label: string, option: string) {
    await page.getByRole('combobox', { name: label }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await page.waitForFunction((text) => {
      const rows = [...document.querySelectorAll('.ant-table-row')];
      return rows.length > 0 && rows.every((row) => row.textContent?.includes(text));
    }, option);
  }

  /** Opens the register's first row; the name comes from the drawer's title ("name · stage"). */
  async function openFirstMember(): Promise<{ name: string; drawer: Locator }> {
    await page.locator('.ant-table-row').first().getByRole('button').first().click();
    const drawer = page.locator('.ant-drawer');
    const title = drawer.locator('.ant-drawer-title').getByText(/ · /);
    await title.waitFor();
    return { name: (await title.textContent())!.split(' · ')[0], drawer };
  }

  it('records a hardship for a demo member, sees it in the history, and ends it', async () => {
    await filterRegister('发展阶段', '正式党员');
    const { drawer } = await openFirstMember();
    await drawer.getByRole('tab', { name: '困难登记' }).click();
    await drawer.getByRole('button', { name: '登记困难党员' }).click();
    // The drawer is a dialog too, and its history table names the same fields: take the modal.
    const dialog = page.locator('.ant-modal').filter({ hasText: '困难情况' });
    // A click that lands while the option list is still opening can be lost: try again until the choice shows.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await dialog.getByLabel('困难类别').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^因病致困$/ })
        .click();
      const field = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('困难类别') });
      if ((await field.innerText()).includes('因病致困')) {
        break;
      }
    }
    await dialog.getByLabel('困难情况').fill('E2E：住院治疗，家庭收入下降');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = drawer.locator('.ant-table-row').filter({ hasText: '因病致困' });
    await row.getByText('在册').waitFor();
    await row.getByRole('cell', { name: today(), exact: true }).waitFor();
    await screenshot(page, 'member-hardship');

    // The notes are not in the list; reading them takes a reason, like an ID number.
    await row.getByText('已填写（不公开）').waitFor();
    await row.getByRole('button', { name: '查看完整信息' }).click();
    const reveal = page.locator('.ant-modal').filter({ hasText: '查看理由' });
    await reveal.getByLabel('查看理由').fill('核实帮扶对象情况');
    await reveal.getByRole('button', { name: '查看完整信息' }).click();
    await drawer
      .getByRole('alert')
      .getByText(/E2E：住院治疗，家庭收入下降/)
      .waitFor();

    // Ending it sends the entry's version as If-Match; the end date (today, proposed) joins the start in the row.
    await row.getByRole('button', { name: /结\s*束/ }).click();
    const end = page.locator('.ant-modal').filter({ hasText: '结束困难登记' });
    await end.getByRole('button', { name: /保\s*存/ }).click();
    await end.waitFor({ state: 'hidden' });
    await row.getByRole('cell', { name: today(), exact: true }).nth(1).waitFor();
  });

  it('reports an in-service member to a community found by name; the community’s 双报到 tab lists them', async () => {
    await filterRegister('人员类别', '在职');
    const { name, drawer } = await openFirstMember();
    await drawer.getByRole('button', { name: '到社区报到' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '报到日期' });
    await choose(page, dialog, '社区党组织', '新城社区', '中共密山市中心街道新城社区支部委员会');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await closeDrawer();

    await page.getByRole('tab', { name: '双报到' }).click();
    await chooseFilter(page, '社区党组织', '新城社区', '中共密山市中心街道新城社区支部委员会');
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await row.getByText('报到中').waitFor();
    await row.getByRole('cell', { name: today(), exact: true }).waitFor();
    await screenshot(page, 'member-community-reports');
  });

  it('records a meeting with two attendees of a branch and lists it for that branch', async () => {
    await page.getByRole('tab', { name: '组织生活' }).click();
    await page.getByRole('button', { name: '记录组织生活' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '参会党员' });
    await choose(page, dialog, '党组织', '组织部机关', '中共鸡西市委组织部机关支部委员会');
    await dialog.getByLabel('会议类型').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^党课$/ })
      .click();
    await dialog.getByLabel('主题').fill('E2E 学习新修订的党章');

    // The branch's members have loaded once "select all" offers them; then pick the first two.
    await dialog.getByRole('button', { name: /^全选列出的 \d+ 人$/ }).waitFor();
    const attendees = dialog.getByLabel('参会党员');
    await attendees.click();
    // The meeting-type list may still be fading out: its options are not attendees.
    const options = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasNotText: /^(支部党员大会|支委会|党小组会|党课|主题党日)$/ });
    for (const i of [0, 1]) {
      // The list can still be sliding in, or re-render as the branch's members arrive: try again rather than wait.
      for (let attempt = 1; ; attempt++) {
        const chosen = options.nth(i).and(page.locator('.ant-select-item-option-selected'));
        try {
          if (!(await chosen.isVisible())) {
            await options.nth(i).click({ timeout: 5000 });
          }
          await chosen.waitFor({ timeout: 5000 });
          break;
        } catch (error) {
          if (attempt === 3) {
            throw error;
          }
          if (!(await options.first().isVisible())) {
            await attendees.click();
          }
        }
      }
    }
    expect(await options.and(page.locator('.ant-select-item-option-selected')).count()).toBe(2);
    await dialog.getByLabel('主题').click(); // closes the options list, which covers the buttons
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The list switches to the branch the meeting was recorded for.
    const row = page.locator('.ant-table-row').filter({ hasText: 'E2E 学习新修订的党章' });
    await row.getByRole('cell', { name: '党课', exact: true }).waitFor();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await screenshot(page, 'member-meetings');
  });

  it('imports a file: a bad row is shown by row and column, nothing written; the corrected file imports', async () => {
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '批量导入党员' });
    await chooseFilter(page, '导入到的党组织', '组织部机关', '中共鸡西市委组织部机关支部委员会');
    const suffix = String(Date.now() % 1000).padStart(3, '0');
    const good = [idNumber(`23039919700101${suffix}`.slice(0, 17)), idNumber(`23039919750505${suffix}`.slice(0, 17))];
    const header = '姓名,公民身份号码,人员类别,发展阶段,入党日期,转正日期';
    const rows = [
      `E2E 导入甲,${good[0]},在职,正式党员,2000-07-01,2001-07-01`,
      `E2E 导入乙,${good[1]},农民,预备党员,2026-01-10,`,
    ];
    // Row 4 (as Excel numbers it): joined at 15.
    const bad = `E2E 导入丙,${idNumber(`23039920000101${suffix}`.slice(0, 17))},学生,正式党员,2015-07-01,2016-07-01`;
    const input = dialog.locator('input[type=file]');
    await input.setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows, bad].join('\n'), 'utf8'),
    });
    await dialog.getByRole('button', { name: '检查文件' }).click();
    const problem = dialog.locator('.ant-table-row').filter({ hasText: '入党日期' });
    await problem.getByRole('cell', { name: '4', exact: true }).waitFor();
    await problem.getByText(/18/).waitFor();
    expect(await dialog.getByRole('button', { name: /^导入 \d+ 人$/ }).isDisabled()).toBe(true);
    await screenshot(page, 'member-import-refused');

    await input.setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows].join('\n'), 'utf8'),
    });
    await dialog.getByRole('button', { name: '检查文件' }).click();
    await dialog.getByText('检查通过，可以导入 2 人。').waitFor();
    await dialog.getByRole('button', { name: '导入 2 人' }).click();
    await page.getByText('已导入 2 名党员').waitFor();
    await page.getByLabel('按姓名搜索').fill('E2E 导入');
    await page.getByLabel('按姓名搜索').press('Enter');
    await page.locator('.ant-table-row').filter({ hasText: 'E2E 导入乙' }).waitFor();
    expect(await page.locator('.ant-table-row').filter({ hasText: 'E2E 导入丙' }).count()).toBe(0);
  });

  it('exports the register in full only with a reason, and a yearly list as it is filtered', async () => {
    await page.getByLabel('按姓名搜索').fill('王春');
    await page.getByLabel('按姓名搜索').press('Enter');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-table-row')].every((row) => row.textContent?.includes('王')),
    );
    await page.getByRole('button', { name: '完整导出' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '导出完整公民身份号码和联系电话' });
    await dialog.getByRole('button', { name: /导\s*出/ }).click();
    await dialog
      .locator('.ant-form-item-has-error')
      .filter({ has: page.getByLabel('查看理由') })
      .getByText(/5 到 200/)
      .waitFor();

    await dialog.getByLabel('查看理由').fill('年度党员信息采集核对');
    await dialog.getByText('CSV', { exact: true }).click();
    const [whole] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /导\s*出/ }).click(),
    ]);
    expect(whole.suggestedFilename()).toMatch(/^members-\d{8}\.csv$/);
    const lines = readFileSync((await whole.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('公民身份号码');
    expect(lines.length).toBeGreaterThan(1);
    // Only the members on screen (the name filter), each with the whole number, none masked.
    expect(
      lines.slice(1).every((line) => line.includes('王') && /,\d{17}[\dX],/.test(line) && !line.includes('********')),
    ).toBe(true);
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '年度名单' }).click();
    await page.getByRole('tab', { name: '光荣在党50年' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const panel = page.getByRole('tabpanel', { name: '光荣在党50年' });
    const shown = Number(/\d+/.exec((await panel.locator('.ant-pagination-total-text').textContent()) ?? '')?.[0]);
    const [list] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(list.suggestedFilename()).toMatch(/^fifty-years-in-the-party-\d{8}\.csv$/);
    const rows = readFileSync((await list.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe('姓名,性别,年龄,所在党组织,发展阶段,转正日期,党龄（年）,当年新达到,颁发单位');
    // The whole list, however many pages the screen shows.
    expect(rows.length - 1).toBe(shown);
  });
});
