// Bytes a browser transfers (compressed, as on the wire, headers excluded) for the sign-in page and for the first
// screen after sign-in, measured in Debian's Chromium through the DevTools protocol. Usage:
//   node scripts/bench/transfer-size.mjs http://127.0.0.1:PORT [username] [password]
// Prints "sign-in <bytes>", "first-screen-after-sign-in <bytes>" and "first-screen-cold <bytes>".
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(resolve(import.meta.dirname, '..', '..', 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const [base, username = 'admin', password = 'jiceng-demo-2026'] = process.argv.slice(2);

const browser = await chromium.launch({
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

/** Counts the body bytes of every response the page receives from now on. */
async function meter(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const state = { bytes: 0 };
  const urls = new Map();
  cdp.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  cdp.on('Network.loadingFinished', (event) => {
    state.bytes += event.encodedDataLength;
    if (process.env.VERBOSE) console.log(`  ${event.encodedDataLength}\t${urls.get(event.requestId)}`);
  });
  return state;
}

/** Waits until nothing more has arrived for a second and a half (lazy chunks and API answers included). */
async function settle(state) {
  for (let last = -1; last !== state.bytes;) {
    last = state.bytes;
    await new Promise((done) => setTimeout(done, 1500));
  }
}

async function signIn(page) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const signInPage = await meter(page);
  await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle' });
  console.log(`sign-in ${signInPage.bytes}`);
  const before = signInPage.bytes;
  await signIn(page);
  await settle(signInPage);
  console.log(`first-screen-after-sign-in ${signInPage.bytes - before}`);

  // The same screen opened afresh by a signed-in user with nothing cached (a new tab after clearing the cache).
  const cold = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: await context.storageState(),
  });
  const coldPage = await cold.newPage();
  const coldMeter = await meter(coldPage);
  await coldPage.goto(page.url(), { waitUntil: 'networkidle' });
  await settle(coldMeter);
  console.log(`first-screen-cold ${coldMeter.bytes}`);
} finally {
  await browser.close();
}
