import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

export type UiLocale = 'zh-CN' | 'en';

/**
 * Chromium's fake camera and microphone, granted without a prompt, and WebRTC over loopback: CI's
 * sandbox has only a loopback interface, and without these two switches the peers stay 'new'.
 */
const MEDIA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

export async function launch(opts: { media?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.media ? MEDIA_ARGS : []),
    ],
  });
}

/** A browser context that may reach only the app under test: any other request fails the journey. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: { locale?: UiLocale; mobile?: boolean } = {},
): Promise<BrowserContext & { offsite: string[] }> {
  const locale = opts.locale ?? 'zh-CN';
  const context = (await browser.newContext({
    baseURL,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    deviceScaleFactor: 1,
    isMobile: !!opts.mobile,
    hasTouch: !!opts.mobile,
  })) as BrowserContext & { offsite: string[] };
  context.offsite = [];
  const origin = new URL(baseURL).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    context.offsite.push(url);
    return route.abort();
  });
  await context.addInitScript((l) => window.localStorage.setItem('hewei.locale', l), locale);
  return context;
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function signIn(page: Page, username: string, password = 'hewei-demo'): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
