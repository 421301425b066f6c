import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeCsp } from '../../src/integrations/csp-inline.mjs';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe("completeCsp (the built pages' policy)", () => {
  const inline = "\n  document.documentElement.dataset.x = '1';\n";
  const page =
    `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>t</title>` +
    `<script>${inline}</script>` +
    `<script id="d" type="application/json">{"a":1}</script>` +
    `<script type="module" src="/_astro/a.js"></script>` +
    `<script type="module">var a=1</script>` +
    `<meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src 'self' ${sha('var a=1')}; style-src 'self' 'unsafe-inline' ;">` +
    `</head><body><script aria-hidden="true">f()</script></body></html>`;

  it('hashes every inline script, not data blocks or src scripts, and keeps the existing hashes', () => {
    const { html, added } = completeCsp(page);
    expect(added).toBe(2);
    const policy = /content-security-policy" content="([^"]*)"/.exec(html)![1];
    expect(policy).toBe(
      `default-src 'self'; object-src 'none'; script-src 'self' ${sha('var a=1')} ${sha(inline)} ${sha('f()')}; style-src 'self' 'unsafe-inline'`,
    );
    expect(policy).not.toContain(sha('{"a":1}'));
  });

  it('moves the policy to just after <meta charset>, before every script', () => {
    const { html } = completeCsp(page);
    expect(html.indexOf('<meta http-equiv="content-security-policy"')).toBe(html.indexOf('<meta charset="utf-8"/>') + '<meta charset="utf-8"/>'.length);
    expect(html.match(/content-security-policy/g)).toHaveLength(1);
  });

  it('leaves a page without a policy as it is, and is idempotent', () => {
    expect(completeCsp('<html><head><script>x()</script></head></html>')).toEqual({ html: '<html><head><script>x()</script></head></html>', added: 0 });
    const once = completeCsp(page).html;
    expect(completeCsp(once)).toEqual({ html: once, added: 0 });
  });

  it('names the problem when the policy has no script-src', () => {
    expect(() => completeCsp(`<head><meta http-equiv="content-security-policy" content="default-src 'self'"></head>`)).toThrow('has no script-src directive');
  });
});
