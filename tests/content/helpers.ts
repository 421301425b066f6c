import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const CONTENT = join(import.meta.dirname, '../../content');

export interface Page {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function readPage(rel: string): Page {
  const text = readFileSync(join(CONTENT, rel), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`content/${rel}: no frontmatter block`);
  return { file: rel, frontmatter: parse(m[1]) ?? {}, body: m[2] };
}

export function lessonDirs(): string[] {
  return readdirSync(join(CONTENT, 'lessons'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
}

export function pageNames(): string[] {
  return [
    ...new Set(
      readdirSync(join(CONTENT, 'pages'))
        .filter((f) => !f.startsWith('_'))
        .map((f) => f.replace(/\.(en|zh-cn)\.mdx?$/, '')),
    ),
  ].sort();
}

export const exists = (rel: string) => existsSync(join(CONTENT, rel));

/** The outline of an MDX body: headings by level, code blocks by language, components used. */
export function outline(body: string) {
  const lines = body.split('\n');
  const headings: number[] = [];
  const code: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const f = /^(\s*)(`{3,}|~{3,})(\S*)/.exec(line);
    if (f) {
      if (fence === null) {
        fence = f[2];
        code.push(f[3] || 'plain');
      } else if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^(#{2,6})\s/.exec(line);
    if (h) headings.push(h[1].length);
  }
  const components = [...body.matchAll(/<([A-Z][A-Za-z]+)[\s/>]/g)].map((m) => m[1]);
  return { headings, code, components };
}
