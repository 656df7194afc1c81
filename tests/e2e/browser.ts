// Debian's Chromium, headless, never a downloaded browser; screenshots land in tests/e2e/artifacts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const artifacts = resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const baseUrl = () => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, username: string, password = 'jiceng-demo-2026'): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** For afterEach: a failed test leaves a screenshot of where it stopped, named after the test. */
export async function screenshotIfFailed(
  page: Page | undefined,
  task: { name: string; result?: { state?: string } },
): Promise<void> {
  if (page && !page.isClosed() && task.result?.state === 'fail') {
    await screenshot(page, `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => {});
  }
}

/**
 * Types into an Ant Design select's search (the field labelled `label` inside `scope`, e.g. a dialog), picks
 * the option, and checks the choice took: a click that lands while the option list re-renders (results
 * arriving) can be lost, so it tries again, up to three times.
 */
export async function choose(
  page: Page,
  scope: Locator,
  label: string,
  search: string,
  option: string,
  { exact = false }: { exact?: boolean } = {},
): Promise<void> {
  const field = scope.getByLabel(label, { exact });
  // The chosen label shows inside the field's form item (the option list lives elsewhere, in a popup).
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact }) });
  for (let attempt = 1; ; attempt++) {
    await field.fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    try {
      await item.getByText(option, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

/**
 * choose() for a select outside a form, e.g. a list's filter (the select labelled `label` on the page): the
 * chosen label shows inside the select itself. Tries again like choose() when a click is lost in a re-render.
 */
export async function chooseFilter(page: Page, label: string, search: string, option: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  const select = page.locator('.ant-select').filter({ has: field });
  for (let attempt = 1; ; attempt++) {
    await field.fill(search);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    try {
      await select.getByText(option, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

/** Types a day into a date field (Ant Design's picker) and leaves it with Tab, as a keyboard user does. */
export async function fillDate(field: Locator, day: string): Promise<void> {
  await field.click();
  await field.fill(day);
  await field.press('Tab');
}
