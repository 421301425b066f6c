import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { labelsFor, type GlossaryTerm, type Labels, type Locale } from '../../src/sim/picture/index.ts';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export function glossaryTerms(): GlossaryTerm[] {
  return (parse(readFileSync(join(ROOT, 'content/glossary/terms.yaml'), 'utf8')) as { terms: GlossaryTerm[] }).terms;
}

export function labels(locale: Locale = 'en'): Labels {
  return labelsFor(locale, glossaryTerms());
}

/** A fresh world after `lines`, each of which must succeed. */
export async function worldAfter(...lines: string[]): Promise<World> {
  const w = createWorld();
  for (const line of lines) {
    const r = await w.exec(line);
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr}`);
  }
  return w;
}

export async function out(w: World, line: string): Promise<string> {
  const r = await w.exec(line);
  return r.stdout;
}
