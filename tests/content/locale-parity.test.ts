import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONTENT, exists, lessonDirs, outline, pageNames, readPage } from './helpers.ts';
import { LOCALES } from '../../src/content-ids.ts';

/** Pages that exist once for every locale (Starlight serves a single 404). */
const SINGLE_LOCALE_PAGES = new Set(['404']);

describe('every lesson exists in every locale with the same shape', () => {
  it('has at least one lesson', () => {
    expect(lessonDirs().length).toBeGreaterThan(0);
  });

  for (const dir of lessonDirs()) {
    describe(dir, () => {
      it('has a file per locale', () => {
        for (const locale of LOCALES) expect(exists(`lessons/${dir}/index.${locale}.mdx`), `${dir} (${locale})`).toBe(true);
      });

      const [en, zh] = LOCALES.map((l) => readPage(`lessons/${dir}/index.${l}.mdx`));

      it('has the same order, scenario, exercises and minutes', () => {
        for (const field of ['order', 'scenario', 'exercises', 'minutes', 'topics']) {
          expect(zh.frontmatter[field], `${field} differs between locales`).toEqual(en.frontmatter[field]);
        }
        expect((zh.frontmatter.objectives as unknown[]).length).toBe((en.frontmatter.objectives as unknown[]).length);
      });

      it('has the same sections, code blocks and components', () => {
        const a = outline(en.body);
        const b = outline(zh.body);
        expect(b.headings, 'heading levels, in order').toEqual(a.headings);
        expect(b.code, 'code blocks by language, in order').toEqual(a.code);
        expect(b.components, 'MDX components, in order').toEqual(a.components);
      });

      it('runs the same commands in both locales', () => {
        const commands = (body: string) => [...body.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
        expect(commands(zh.body)).toEqual(commands(en.body));
      });
    });
  }
});

describe('every page exists in every locale', () => {
  for (const name of pageNames().filter((n) => !SINGLE_LOCALE_PAGES.has(n))) {
    it(name, () => {
      for (const locale of LOCALES) expect(exists(`pages/${name}.${locale}.mdx`), `${name} (${locale})`).toBe(true);
      const [en, zh] = LOCALES.map((l) => readPage(`pages/${name}.${l}.mdx`));
      expect(outline(zh.body).components).toEqual(outline(en.body).components);
    });
  }
});

describe('UI strings and home copy', () => {
  const json = (l: string) => JSON.parse(readFileSync(join(CONTENT, `i18n/${l}.json`), 'utf8')) as Record<string, string>;
  it('the UI strings have the same keys in every locale', () => {
    const [en, zh] = LOCALES.map(json);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), k).not.toBe('');
  });

  it('the home page has the same structure in every locale', () => {
    const [en, zh] = LOCALES.map((l) => parse(readFileSync(join(CONTENT, `home/${l}.yaml`), 'utf8')));
    const shape = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(shape) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;
    expect(shape(zh)).toEqual(shape(en));
  });
});
