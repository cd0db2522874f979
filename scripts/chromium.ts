/**
 * The headless Chromium every browser run here uses (tests and benches): Debian's build
 * (scripts/ensure-chromium.sh installs it) unless CHROME_PATH names another, with the
 * flags TOOLCHAIN.md found necessary on these machines — without the background-networking
 * ones, Chromium's own connections are refused by the closed network, many at a time.
 */
import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with those flags (e2e tests and benches), a fresh temporary profile per launch. */
export function launchChromium(viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    defaultViewport: { ...viewport, deviceScaleFactor: 1 },
  });
}
