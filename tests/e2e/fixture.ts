// The set-up every browser-test file shares: one browser per file, a fresh page per test in its own context
// (no cookies carried over), signed in when asked, and after each test a screenshot if it failed, then closed.
import type { Browser, Page } from 'playwright-core';
import { launch, screenshotIfFailed, signIn } from './browser';

export interface Viewport {
  width: number;
  height: number;
}

/** The two sizes the screens are checked at: a desk and a phone. */
export const desk: Viewport = { width: 1440, height: 900 };
export const phone: Viewport = { width: 390, height: 844 };

export interface PageOptions {
  /** A desk unless said otherwise; below 500 px wide the page is a touch phone. */
  viewport?: Viewport;
  /** Signs in as this demo user and waits until the app has left the sign-in page. */
  user?: string;
}

export interface BrowserFixture {
  /** A new page in Chinese for the current test; it is closed after the test. */
  open(options?: PageOptions): Promise<Page>;
}

/** Registers the file's hooks (call it once at the top of a test file) and opens its pages. */
export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async ({ task }) => {
    await screenshotIfFailed(page, task);
    await page?.context().close();
    page = undefined;
  });

  return {
    async open({ viewport = desk, user }: PageOptions = {}) {
      if (!browser) {
        throw new Error('useBrowser() opens pages inside tests and their beforeEach only.');
      }
      const touch = viewport.width < 500;
      const context = await browser.newContext({ locale: 'zh-CN', viewport, isMobile: touch, hasTouch: touch });
      page = await context.newPage();
      if (user) {
        await signIn(page, user);
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      }
      return page;
    },
  };
}
