// Walkthrough screenshots (not a test): node .shots.mjs BASE USER WIDTHxHEIGHT path...
import { chromium } from 'playwright-core';
const [base, user, size, ...paths] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
await page.goto(`${base}/sign-in`);
await page.getByLabel('用户名').fill(user);
await page.getByLabel('密码').fill('jiceng-demo-2026');
await page.getByRole('button', { name: /登\s*录/ }).click();
await page.waitForTimeout(2000);
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(1500);
  const name = `/tmp/shots/${user}-${width}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
  await page.screenshot({ path: name, fullPage: false });
  console.log(name);
}
await browser.close();
