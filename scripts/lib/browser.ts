/** Shared by `npm run bench`, `npm run lighthouse` and the budget tests: Chromium, a preview server, JS byte counts. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, noChromiumAdvice } from '../../tests/e2e/chromium.mjs';

export { CHROMIUM_ARGS };

export async function chromiumPath(): Promise<string> {
  const found = await findChromium();
  if (!found.path) throw new Error(noChromiumAdvice(found.tried));
  return found.path;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

/** Builds the site if there is no build yet, and serves it with `astro preview`. */
export async function preview(port: number): Promise<{ url: string; stop: () => void }> {
  // CC_PREVIEW_URL: a preview of this build that is already running (astro preview serves one per
  // checkout at a time, so a second one cannot start while the e2e tests' server is up).
  const running = process.env.CC_PREVIEW_URL;
  if (running) return { url: running.replace(/\/$/, ''), stop: () => undefined };
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (!existsSync('dist/index.html')) {
    await new Promise<void>((resolve, reject) => {
      const b = spawn('npx', ['astro', 'build'], { stdio: 'inherit', env });
      b.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
    });
  }
  const server: ChildProcess = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
    stdio: 'ignore',
    env,
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url + '/')).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`astro preview did not answer on ${url} within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

export interface JsBytes {
  files: number;
  raw: number;
  gzip: number;
}

const isJsUrl = (url: string) => /\.m?js(\?|$)/.test(url);

/** The JavaScript files the page's document has fetched so far (its resource timing entries). */
const scriptEntries = (page: Page): Promise<string[]> =>
  page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(e.name)).map((e) => e.name)`);

/**
 * Counts the JavaScript a page fetches from now until `until` resolves (raw and gzip -9 sizes).
 * Two witnesses, so that no file escapes: the page's responses, and the document's resource
 * timing entries (a file only the entries name, or whose body could not be read from its
 * response, is fetched again here).
 */
export async function countJs(page: Page, until: () => Promise<unknown>): Promise<JsBytes> {
  const seen = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  const onResponse = (r: import('playwright-core').Response) => {
    const url = r.url();
    const type = r.request().resourceType();
    const isJs = type === 'script' || isJsUrl(url) || (r.headers()['content-type'] ?? '').includes('javascript');
    if (!isJs || seen.has(url) || r.status() >= 300) return;
    seen.set(url, Buffer.alloc(0));
    pending.push(
      r.body().then(
        (b) => void seen.set(url, b),
        () => undefined,
      ),
    );
  };
  const before = new Set(await scriptEntries(page).catch(() => []));
  page.on('response', onResponse);
  await until();
  // `networkidle` alone can come before the module scripts are even requested when the
  // machine is busy (a page then seemed to ship 2 of its 5 files): the load event waits for
  // them and their static imports, and a second quiet network for what they load at once.
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', onResponse);
  for (const url of await scriptEntries(page)) {
    if (before.has(url) || !url.startsWith('http')) continue;
    if (!seen.get(url)?.length) seen.set(url, await page.request.get(url).then((r) => r.body()));
  }
  let raw = 0;
  let gzip = 0;
  for (const body of seen.values()) {
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: seen.size, raw, gzip };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Resolves when the page has started the manifest editor's YAML worker (schema hover and
 * completion), the editor's last chunk: it starts after the first findings are painted
 * (src/ui/exercise/text-area.ts), so an editor's bytes are counted once it has been created
 * (then countJs waits for a quiet network, and its script is among the document's entries).
 * Call it before the click that opens the editor.
 */
export function yamlWorkerStarted(page: Page, timeout = 90_000): Promise<unknown> {
  return page.waitForEvent('worker', { predicate: (w) => /\/yaml\.worker-[\w-]+\.js(\?|$)/.test(w.url()), timeout });
}
