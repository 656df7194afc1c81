// Debian's Chromium, headless, never a downloaded browser; screenshots land in tests/e2e/artifacts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const artifacts = resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const baseUrl = () => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
export async function screenshotIfFailed(page: Page | undefined, task: { name: string; result?: { state?: string } }): Promise<void> {
  if (page && !page.isClosed() && task.result?.state === 'fail') {
    await screenshot(page, `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => {});
  }
}
