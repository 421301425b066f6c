/**
 * One vocabulary, learner-facing: the Chinese text uses the glossary's terms and never
 * their rejected variants, and no page shows the planning jargon ("seed", "S0", "种子文章").
 * Code blocks are skipped (terminal output stays English), and so are the lesson
 * frontmatter's `topics:` (planning metadata the site never renders).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT, lessonDirs } from './helpers.ts';

/** The variant → the glossary term to use instead (CONTENT review §4). */
const REJECTED_ZH: [RegExp, string][] = [
  [/(?<!宿)(?<!服务)(?<!Linux )主机(?!名)/, '宿主机 (host); 主机名 stays for hostname; "Linux 主机" (a Linux machine) is fine'],
  [/评分程序/, '检查器 (checker)'],
  [/开机时钟/, '启动时钟 (CLOCK_BOOTTIME)'],
  [/墙上时钟/, '系统实时时钟（CLOCK_REALTIME）'],
  [/注册表/, '镜像仓库服务 (registry)'],
  [/白障/, 'whiteout（删除标记）文件'],
  [/种子/, 'a real source, named on the Sources page'],
];
const REJECTED_ANY: [RegExp, string][] = [
  [/\bseed (?:article|text)s?\b/i, 'a real source, named on the Sources page'],
  [/\bS[0-4]\b(?!:)/, 'a real source, named on the Sources page'],
];

/** Prose of a Markdown/MDX text: fenced code and the `topics:` frontmatter line removed. */
function prose(text: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      lines.push('');
      continue;
    }
    lines.push(fenced || /^topics:/.test(line) ? '' : line);
  }
  return lines;
}

/** Every string value of a YAML document, with its path, for exercise and glossary files. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value))
    value.forEach((v, i) => {
      strings(v, `${path}[${i}]`, out);
    });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'solution' && k !== 'start' && k !== 'files') strings(v, `${path}.${k}`, out);
  return out;
}

function problems(where: string, text: string, zh: boolean): string[] {
  const found: string[] = [];
  for (const [re, use] of [...(zh ? REJECTED_ZH : []), ...REJECTED_ANY]) {
    const m = re.exec(text);
    if (m) found.push(`${where}: "${m[0]}" in «${text.slice(Math.max(0, m.index - 12), m.index + 16)}» — use ${use}`);
  }
  return found;
}

describe('one vocabulary in learner-facing text', () => {
  for (const dir of lessonDirs()) {
    for (const locale of ['en', 'zh-cn'] as const) {
      it(`lessons/${dir} (${locale})`, () => {
        const text = readFileSync(join(CONTENT, 'lessons', dir, `index.${locale}.mdx`), 'utf8');
        const found = prose(text).flatMap((line, i) => problems(`line ${i + 1}`, line, locale === 'zh-cn'));
        expect(found).toEqual([]);
      });
    }
  }

  it('pages', () => {
    const found = readdirSync(join(CONTENT, 'pages')).flatMap((f) =>
      prose(readFileSync(join(CONTENT, 'pages', f), 'utf8')).flatMap((line, i) => problems(`pages/${f}:${i + 1}`, line, f.includes('zh-cn'))),
    );
    expect(found).toEqual([]);
  });

  it('exercises (titles, tasks, hints, feedback)', () => {
    const found = readdirSync(join(CONTENT, 'exercises'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        strings(parse(readFileSync(join(CONTENT, 'exercises', f), 'utf8')), f).flatMap(([path, s]) =>
          problems(path, s, /zh-cn|\.zh\b|note_zh/.test(path) || /[\u4e00-\u9fff]/.test(s)),
        ),
      );
    expect(found).toEqual([]);
  });

  it('glossary, home page and UI strings', () => {
    const glossary = strings(parse(readFileSync(join(CONTENT, 'glossary/terms.yaml'), 'utf8')), 'glossary');
    const home = ['en', 'zh-cn'].flatMap((l) => strings(parse(readFileSync(join(CONTENT, `home/${l}.yaml`), 'utf8')), `home/${l}`));
    const ui = ['en', 'zh-cn'].flatMap((l) =>
      Object.entries(JSON.parse(readFileSync(join(CONTENT, `i18n/${l}.json`), 'utf8')) as Record<string, string>).map(
        ([k, v]) => [`i18n/${l}:${k}`, v] as [string, string],
      ),
    );
    const found = [...glossary, ...home, ...ui].flatMap(([path, s]) => problems(path, s, /[\u4e00-\u9fff]/.test(s)));
    expect(found).toEqual([]);
  });
});

describe('model answers', () => {
  it('name capabilities exactly as Pod Security compares them (ALL, not all)', () => {
    const found = readdirSync(join(CONTENT, 'exercises'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => {
        const ex = parse(readFileSync(join(CONTENT, 'exercises', f), 'utf8')) as { solution?: Record<string, string> };
        return Object.entries(ex.solution ?? {}).flatMap(([file, text]) =>
          [...String(text).matchAll(/\b(?:drop|add):\s*\[([^\]]*)\]/g)]
            .filter((m) => /"?[a-z_]+"?/.test(m[1] as string) && (m[1] as string) !== (m[1] as string).toUpperCase())
            .map((m) => `${f} ${file}: ${m[0]}`),
        );
      });
    expect(found).toEqual([]);
  });
});
