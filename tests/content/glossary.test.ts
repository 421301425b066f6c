import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { parseData } from '../../src/content-data.ts';
import { CONTENT } from './helpers.ts';

const glossary = parseData('content/glossary/terms.yaml', readFileSync(join(CONTENT, 'glossary/terms.yaml'), 'utf8'), glossarySchema);

/** Rows of CURRICULUM §4's table that the glossary must keep word for word. */
const REQUIRED: [string, string][] = [
  ['container', '容器'],
  ['image', '镜像'],
  ['layer', '镜像层'],
  ['repository', '仓库'],
  ['tag', '标签'],
  ['digest', '摘要'],
  ['control group (cgroup)', '控制组'],
  ['CPU throttling', 'CPU 限流'],
  ['bounding set', '边界集'],
  ['security context', '安全上下文'],
  ['copy-on-write', '写时复制'],
  ['veth pair', '虚拟以太网设备对'],
  ['CRI', '容器运行时接口'],
  ['build cache', '构建缓存'],
  ['multi-stage build', '多阶段构建'],
  ['admission controller', '准入控制器'],
];

describe('glossary data (CURRICULUM §4)', () => {
  it('is valid and has every row of the table', () => {
    expect(glossary.terms.length).toBeGreaterThanOrEqual(54); // 27 rows × 2 columns in §4;
    for (const [en, zh] of REQUIRED) {
      const term = glossary.terms.find((t) => t.en === en);
      expect(term, `missing term "${en}"`).toBeDefined();
      expect(term?.zh).toBe(zh);
    }
  });

  it('qualifies the homonyms the curriculum names', () => {
    const byEn = (s: string) => glossary.terms.find((t) => t.en.toLowerCase().includes(s));
    expect(byEn('namespace (linux)')?.note_zh).toMatch(/K8s 命名空间|Kubernetes 命名空间/);
    expect(byEn('registry')?.zh).toContain('镜像仓库服务');
    expect(byEn('capability')?.zh).toMatch(/能力/);
  });

  it('has the seed corrections in both locales', () => {
    expect(glossary.notes.length).toBeGreaterThan(0);
  });

  it('has unique ids usable as anchors', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
