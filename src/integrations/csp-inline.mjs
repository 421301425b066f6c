// @ts-check
/**
 * Completes the Content-Security-Policy that Astro's `security.csp` writes into each built page.
 *
 * Astro (7.3) hashes the scripts it bundles and hoists, but not `<script is:inline>` blocks:
 * Starlight's theme provider, its mobile-menu and sidebar scripts, and the course's own
 * scripts in src/components/Head.astro. It also renders the `<meta http-equiv>` at the end of
 * `<head>`, after those scripts, and a policy in a <meta> only governs what follows it.
 * After the build, this integration, for every HTML file:
 * 1. adds the SHA-256 of every inline script (no `src`, not a JSON data block) to `script-src`;
 * 2. moves the policy's <meta> to just after `<meta charset>`, before any script.
 *
 * Script elements are found with a pattern, not an HTML parser: a hash must be taken over the
 * exact characters between `<script …>` and `</script>`, and HTML ends a script's text at the
 * first `</script` whatever it contains, which is what the pattern does.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/;
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/** @param {string} attrs */
function isInlineCode(attrs) {
  if (/\ssrc\s*=/i.test(attrs)) return false;
  const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const t = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  // Classic and module scripts execute; a data block (application/json, ld+json …) does not.
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

/**
 * The page with its policy completed and moved; unchanged if it has no policy <meta>.
 * @param {string} html
 * @returns {{ html: string, added: number }}
 */
export function completeCsp(html) {
  const meta = META.exec(html);
  if (!meta) return { html, added: 0 };
  const directives = meta[1]
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const at = directives.findIndex((d) => /^script-src\s/.test(d) || d === 'script-src');
  if (at < 0) throw new Error(`the page's Content-Security-Policy has no script-src directive: ${meta[1]}`);
  const sources = directives[at].split(/\s+/);
  let added = 0;
  for (const s of html.matchAll(SCRIPT)) {
    if (!isInlineCode(s[1])) continue;
    const hash = `'sha256-${createHash('sha256').update(s[2], 'utf8').digest('base64')}'`;
    if (!sources.includes(hash)) {
      sources.push(hash);
      added++;
    }
  }
  directives[at] = sources.join(' ');
  const tag = `<meta http-equiv="content-security-policy" content="${directives.join('; ')}">`;
  let out = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const charset = CHARSET.exec(out);
  const head = /<head\b[^>]*>/i.exec(out);
  const insertAt = charset ? charset.index + charset[0].length : head ? head.index + head[0].length : -1;
  if (insertAt < 0) throw new Error('a page with a Content-Security-Policy has no <head>');
  out = out.slice(0, insertAt) + tag + out.slice(insertAt);
  return { html: out, added };
}

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** @returns {import('astro').AstroIntegration} */
export function cspInlineScripts() {
  return {
    name: 'container-course:csp-inline-scripts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        let hashes = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const before = await readFile(file, 'utf8');
          const { html, added } = completeCsp(before);
          if (html === before) continue;
          await writeFile(file, html);
          pages++;
          hashes += added;
        }
        logger.info(`Content-Security-Policy completed on ${pages} pages (${hashes} inline-script hashes added)`);
      },
    },
  };
}
