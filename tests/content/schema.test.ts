import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonSchema } from '../../src/schemas/lesson.ts';
import { homeSchema } from '../../src/schemas/home.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { parseData, ContentError } from '../../src/content-data.ts';
import { entryIdFor, baseIdOf, localeOf } from '../../src/content-ids.ts';
import { CONTENT, lessonDirs, readPage } from './helpers.ts';

describe('lesson frontmatter schema', () => {
  it('accepts every lesson in the course', () => {
    for (const dir of lessonDirs()) {
      for (const l of ['en', 'zh-cn']) {
        const { frontmatter } = readPage(`lessons/${dir}/index.${l}.mdx`);
        const r = lessonSchema.safeParse(frontmatter);
        expect(r.success, `${dir} (${l}): ${r.success ? '' : r.error.message}`).toBe(true);
        expect(typeof frontmatter.title).toBe('string');
        expect(frontmatter.order, `${dir}: lessons need an order`).toBeTypeOf('number');
      }
    }
  });

  it('rejects a bad order, an empty objective and a malformed exercise id', () => {
    expect(lessonSchema.safeParse({ order: 0 }).success).toBe(false);
    expect(lessonSchema.safeParse({ order: 1, objectives: [''] }).success).toBe(false);
    expect(lessonSchema.safeParse({ order: 1, exercises: ['E1 1'] }).success).toBe(false);
    expect(lessonSchema.parse({ order: 2 })).toMatchObject({ order: 2, objectives: [], exercises: [] });
  });
});

describe('content ids', () => {
  it('maps files to locale-prefixed ids', () => {
    expect(entryIdFor('lessons/01-x/index.en.mdx')).toBe('lessons/01-x');
    expect(entryIdFor('lessons/01-x/index.zh-cn.mdx')).toBe('zh-cn/lessons/01-x');
    expect(entryIdFor('pages/index.en.mdx')).toBe('index');
    expect(entryIdFor('pages/index.zh-cn.mdx')).toBe('zh-cn');
    expect(entryIdFor('pages/glossary.zh-cn.mdx')).toBe('zh-cn/glossary');
    expect(baseIdOf('zh-cn/lessons/01-x')).toBe('lessons/01-x');
    expect(localeOf('zh-cn')).toBe('zh-cn');
    expect(localeOf('lessons/01-x')).toBe('en');
  });

  it('names the expected file layout when a file is misplaced', () => {
    expect(() => entryIdFor('lessons/01-x/intro.mdx')).toThrow(/lessons\/<NN-slug>\/index\.<locale>\.mdx/);
    expect(() => entryIdFor('pages/about.fr.mdx')).toThrow(/locale en or zh-cn/);
  });
});

describe('data files', () => {
  it('the home copy is valid in both locales', () => {
    for (const l of ['en', 'zh-cn']) {
      const text = readFileSync(join(CONTENT, `home/${l}.yaml`), 'utf8');
      expect(() => parseData(`content/home/${l}.yaml`, text, homeSchema)).not.toThrow();
    }
  });

  it('reports the file and the field path of a bad data file', () => {
    const bad = 'terms:\n  - {id: Bad Id, en: x, zh: y}\n';
    expect(() => parseData('content/glossary/terms.yaml', bad, glossarySchema)).toThrow(ContentError);
    expect(() => parseData('content/glossary/terms.yaml', bad, glossarySchema)).toThrow(/terms\.0\.id/);
    expect(() => parseData('f.yaml', 'a: [', glossarySchema)).toThrow(/^f\.yaml: /);
    expect(() => parseData('f.yaml', 'a: 1\na: 2\n', homeSchema)).toThrow(/f\.yaml: .*[Dd]uplicate|unique/);
  });
});
