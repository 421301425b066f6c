/**
 * Issue #9: files stay small and cohesive. No hand-written source or style file under src/
 * is longer than 400 lines; only generated files (*.generated.ts) may be. A file that grows
 * past it is split along its seams, not added here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const MAX_LINES = 400;
const SOURCE = /\.(ts|tsx|js|mjs|astro|css)$/;
const GENERATED = /\.generated\.ts$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : SOURCE.test(p) ? [p] : [];
  });
}

/** Lines as `wc -l` counts them (a last line without a newline still counts). */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file size (issue #9)', () => {
  it(`no non-generated file under src/ is over ${MAX_LINES} lines`, () => {
    const all = files(join(ROOT, 'src'));
    expect(all.length).toBeGreaterThan(0);
    const long = all
      .filter((f) => !GENERATED.test(f))
      .map((f) => ({ file: relative(ROOT, f), lines: lineCount(readFileSync(f, 'utf8')) }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.file}: ${x.lines} lines`);
    expect(long).toEqual([]);
  });

  it('counts lines as wc -l does, and would catch a long file', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount(`${'x\n'.repeat(MAX_LINES + 1)}`) > MAX_LINES).toBe(true);
  });
});
