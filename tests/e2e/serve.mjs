// The built site (dist/) served to the end-to-end tests: `node tests/e2e/serve.mjs PORT`. Issue #14: `astro preview`
// (Vite's preview server) spent about a seventh of a run's CPU: it gzipped every response of 1 KB or more again on
// each request (the browser then inflated it), looked each file up on disk again, and sent every file with
// `Cache-Control: no-cache`, so the hashed chunks under /_astro/ were asked for again by each worker and page of a
// context (kubectl.spec's laptop tests, one worker, load 17-22: the preview server took 2.46 s of CPU beside the
// browser's and Playwright's 16.3 s). Here the files are sent as they are, kept in memory after their first read;
// /_astro/'s names carry their content's hash, so they are cached for good (`immutable`, as a host serves them),
// the rest revalidated by ETag. What the pages see is the same as under `astro preview` for this static site: each
// page at its folder's URL with or without the trailing slash, 404.html with status 404 for anything else, the same
// Content-Type per extension (none for Pagefind's own files).
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const ROOT = normalize(join(import.meta.dirname, '../../dist'));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};

/** @type {Map<string, { key: string; body: Buffer }>} */
const files = new Map();

/** The file at `abs` (a file, not a folder), read once while its size and time stay the same; or null. */
function file(abs) {
  let st;
  try {
    st = statSync(abs);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const key = `${st.size.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}`;
  let f = files.get(abs);
  if (f?.key !== key) files.set(abs, (f = { key, body: readFileSync(abs) }));
  return { abs, etag: `W/"${key}"`, body: f.body };
}

/** The file for a URL path: the file itself, or the folder's index.html (with or without the slash), or null. */
function lookup(pathname) {
  const abs = normalize(join(ROOT, pathname));
  if (abs !== ROOT && !abs.startsWith(ROOT + sep)) return null;
  if (pathname.endsWith('/')) return file(join(abs, 'index.html'));
  return file(abs) ?? file(join(abs, 'index.html')) ?? file(`${abs}.html`);
}

const server = createServer((req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    pathname = '';
  }
  const found = pathname.startsWith('/') ? lookup(pathname) : null;
  const f = found ?? file(join(ROOT, '404.html'));
  if (!f) {
    res.writeHead(404).end();
    return;
  }
  const type = TYPES[extname(f.abs)];
  const headers = {
    ...(type && { 'Content-Type': type }),
    'Cache-Control': found && pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: f.etag,
  };
  if (found && req.headers['if-none-match'] === f.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(found ? 200 : 404, { ...headers, 'Content-Length': f.body.length });
  res.end(req.method === 'HEAD' ? undefined : f.body);
});

const port = Number(process.argv[2] ?? 4391);
server.listen(port, '127.0.0.1', () => console.log(`e2e: dist/ served at http://127.0.0.1:${port}/`));
