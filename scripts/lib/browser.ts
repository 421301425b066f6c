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

/** Counts the JavaScript a page fetches from now until `until` resolves (raw and gzip -9 sizes). */
export async function countJs(page: Page, until: () => Promise<unknown>): Promise<JsBytes> {
  const seen = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  const onResponse = (r: import('playwright-core').Response) => {
    const url = r.url();
    const type = r.request().resourceType();
    const isJs = type === 'script' || /\.m?js(\?|$)/.test(url) || (r.headers()['content-type'] ?? '').includes('javascript');
    if (!isJs || seen.has(url) || r.status() >= 300) return;
    seen.set(url, Buffer.alloc(0));
    pending.push(
      r.body().then(
        (b) => void seen.set(url, b),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  await until();
  await Promise.all(pending);
  page.off('response', onResponse);
  let raw = 0;
  let gzip = 0;
  for (const body of seen.values()) {
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: seen.size, raw, gzip };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
