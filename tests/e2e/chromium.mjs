// Finds the Chromium the end-to-end tests drive: CHROME_PATH, then Debian's
// /usr/bin/chromium, then a browser Playwright installed itself. No browser is
// downloaded here, so when none is found the run fails with the way to get one.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function findChromium() {
  const tried = [];
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'CHROME_PATH' };
    tried.push(`CHROME_PATH=${fromEnv} (no such file)`);
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'Debian chromium' };
  tried.push('/usr/bin/chromium (not installed)');
  try {
    const { chromium } = await import('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: "Playwright's browser" };
    tried.push(`${own} (Playwright's browser, not downloaded)`);
  } catch (err) {
    tried.push(`Playwright's browser (${err.message})`);
  }
  return { path: null, tried };
}

export function noChromiumAdvice(tried) {
  return [
    'No Chromium found for the end-to-end tests. Looked for:',
    ...tried.map((t) => `  - ${t}`),
    "Install Debian's Chromium with:  apt-get update && apt-get install -y chromium",
    'or point CHROME_PATH at a Chromium or Chrome binary.',
  ].join('\n');
}
