/**
 * Issue #14: Starlight's list-spacing rule without :has() (src/ui/terminal/vite-list-rule.mjs). With
 * the rule, each character xterm's DOM renderer measured (a span's offsetWidth) cost Chromium a
 * whole-page style recalc.
 * These tests catch a Starlight update that changes the rule before a build ships it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starlightListRule, withoutHasListRule } from '../../src/ui/terminal/vite-list-rule.mjs';

const FILE = join(import.meta.dirname, '../../node_modules/@astrojs/starlight/dist/style/markdown.css');
const css = readFileSync(FILE, 'utf8');

/** The text of every .md and .mdx file under `dir`. */
function mdxUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mdxUnder(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : [],
  );
}

describe("Starlight's list-spacing rule", () => {
  it('is replaced by one without :has() that spaces the last block child of each item (@astrojs/starlight 0.42.4 dist/style/markdown.css)', () => {
    const flat = (t: string) => t.replace(/\/\*(?:[^*]|\*(?!\/))*\*\//g, '').replace(/\s+/g, '');
    expect(flat(css)).toContain(
      '.sl-markdown-content:is(ol,ul):has(>li>:not(a,strong,em,del,span,input,code,br,script,ol,ul))>li>:is(:last-child:not(a,strong,em,del,span,input,code,br,script,:where(.not-content*)),:not(script):has(~script:last-child):not(:has(~:not(script)))){margin-bottom:1.25rem;}',
    );
    const out = withoutHasListRule(css, FILE);
    expect(flat(out)).not.toContain(':is(ol,ul):has(');
    expect(flat(out)).toContain(
      '.sl-markdown-contentli>:last-child:not(a,strong,em,del,span,input,code,br,script,:where(.not-content*)){margin-bottom:1.25rem;}',
    );
    // Nothing else changes: the other rules are all there.
    expect(flat(out).length).toBeGreaterThan(flat(css).length - 200);
    expect(flat(out)).toContain('.sl-markdown-contentdt:not(:where(.not-content*)){font-weight:700;}');
  });

  it('the plugin transforms only that file, and names it when the rule is not there', () => {
    const plugin = starlightListRule() as { transform: (code: string, id: string) => { code: string } | null };
    expect(plugin.transform(css, FILE)?.code).toBe(withoutHasListRule(css, FILE));
    expect(plugin.transform(css, '/x/src/styles/course.css')).toBeNull();
    expect(() => plugin.transform('.a{}', FILE)).toThrow(`${FILE}: Starlight's list-spacing rule changed`);
  });

  it('no lesson list item ends in a script, so the script branch is not needed', () => {
    // Lesson and glossary MDX are the markdown content; a list item with a script would need raw HTML.
    const dirs = ['content/lessons', 'content/glossary'].map((d) => join(import.meta.dirname, '../..', d));
    const texts = dirs.flatMap((d) => mdxUnder(d));
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => /<script/i.test(t))).toEqual([]);
  });
});
