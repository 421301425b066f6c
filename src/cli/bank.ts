/**
 * The exercise bank the CLI grades with, by rule-set version.
 *
 * - `current`: the exercises of this release (content/exercises). In the built bundle they
 *   are in bank.json beside it, validated at build time (scripts/build-cli.ts); from the sources they
 *   are read and validated at each start.
 * - a frozen version (`2026.12`, `2026.12.1`, content/rulesets/<version>.json): the exercises exactly
 *   as they were released, so a submission graded next term gets the same score. A second set
 *   frozen in the same month takes a revision number; versions sort numerically (2026.12 < 2026.12.1).
 *
 * `--rules` picks one; without it the `container-course.lock` of the working folder
 * decides, else `current`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadExercise, parseExercise } from '../checker/exercise/load.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { naturalCompare, readText, repoRoot } from './checker-io.ts';

/** The version the current exercises will be released as (and are, as long as they equal its frozen copy). */
export const NEWEST_RULES = '2026.12.6';

declare const __CC_VERSION__: string | undefined;

type Embedded = { current: unknown[]; frozen: Record<string, { version: string; exercises: unknown[] }> };
let embeddedBank: Promise<Embedded | undefined> | undefined;

/**
 * The built bundle's bank: bank.json beside it, written and validated by scripts/build-cli.ts.
 * Read on first use, so commands that grade nothing (`check`, `ref`) never parse it.
 */
function embedded(): Promise<Embedded | undefined> {
  embeddedBank ??=
    typeof __CC_VERSION__ === 'undefined'
      ? Promise.resolve(undefined)
      : readFile(new URL('./bank.json', import.meta.url), 'utf8').then((t) => JSON.parse(t) as Embedded);
  return embeddedBank;
}

export interface Bank {
  version: string;
  exercises: Exercise[];
  errors: string[];
}

async function readCurrent(): Promise<Bank> {
  const dir = join(repoRoot, 'content', 'exercises');
  const exercises: Exercise[] = [];
  const errors: string[] = [];
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.yaml')).sort(naturalCompare)) {
    const r = loadExercise(await readFile(join(dir, f), 'utf8'), `content/exercises/${f}`);
    if ('error' in r) errors.push(r.error);
    else exercises.push(r.exercise);
  }
  return { version: 'current', exercises, errors };
}

/** The bundle's current exercises: validated when it was built, parsed again here (parameters included). */
function embeddedCurrent(bank: Embedded): Bank {
  const exercises: Exercise[] = [];
  const errors: string[] = [];
  for (const [i, e] of bank.current.entries()) {
    const r = parseExercise(e, `bank.json: current[${i}]`);
    if ('exercise' in r) exercises.push(r.exercise);
    else errors.push(r.error);
  }
  return { version: 'current', exercises, errors };
}

/** The frozen rule-set versions this build knows, oldest first. */
export async function frozenVersions(): Promise<string[]> {
  const bank = await embedded();
  if (bank) return Object.keys(bank.frozen).sort(naturalCompare);
  const files = await readdir(join(repoRoot, 'content', 'rulesets')).catch(() => [] as string[]);
  return files
    .filter((f) => /^\d{4}\.\d{2}(\.\d+)?\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort(naturalCompare);
}

/**
 * The first rule set written for a node1 whose dockerd starts docker-proxy processes. The sets before it name PIDs of a
 * host without them (E1.1's 23890, E3.1's 23866): their shell goals are graded on such a host (--userland-proxy=false),
 * so a submission keeps the score it got when the set was released.
 */
const FIRST_WITH_PROXIES = '2026.12.5';
const beforeProxies = (version: string) => naturalCompare(version, FIRST_WITH_PROXIES) < 0;

async function readFrozen(version: string): Promise<Bank> {
  const bank = await embedded();
  const raw = bank
    ? bank.frozen[version]
    : (JSON.parse(await readFile(join(repoRoot, 'content', 'rulesets', `${version}.json`), 'utf8')) as { exercises: unknown[] });
  const exercises: Exercise[] = [];
  const errors: string[] = [];
  for (const [i, e] of (raw?.exercises ?? []).entries()) {
    // Parameters too, as loadExercise parses them: graded checks take parsed parameters.
    const r = parseExercise(e, `rule set ${version}: exercises[${i}]`);
    if ('exercise' in r)
      exercises.push(beforeProxies(version) && r.exercise.kind === 'shell-goal' ? { world: { userlandProxy: false }, ...r.exercise } : r.exercise);
    else errors.push(r.error);
  }
  return { version, exercises, errors };
}

export type BankChoice = { bank: Bank } | { error: string };

/** Loads the rule set `version` ('current', a frozen version, or undefined for the newest). */
export async function loadBank(version: string | undefined): Promise<BankChoice> {
  if (version === undefined || version === 'current') {
    const bank = await embedded();
    if (bank) return { bank: embeddedCurrent(bank) };
    return { bank: await readCurrent() };
  }
  const known = await frozenVersions();
  if (!known.includes(version)) return { error: `unknown rule set '${version}'; known: ${[...known, 'current'].join(', ')}` };
  return { bank: await readFrozen(version) };
}

/** Reads `container-course.lock` in `dir`: `{ "rules": "2026.12", ... }`. */
export async function readLock(dir: string): Promise<{ rules?: string; error?: string } | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'container-course.lock'), 'utf8');
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as { rules?: unknown };
    if (typeof j.rules !== 'string') return { error: 'container-course.lock: "rules" must be a string such as "2026.12"' };
    return { rules: j.rules };
  } catch (e) {
    return { error: `container-course.lock: not valid JSON: ${(e as Error).message}` };
  }
}

/** The rule set for a command: --rules, else the lock file's, else current. */
export async function chooseBank(rules: string | undefined, cwd: string): Promise<BankChoice> {
  if (rules !== undefined) return loadBank(rules);
  const lock = await readLock(cwd);
  if (lock?.error) return { error: lock.error };
  return loadBank(lock?.rules);
}

/** Teacher-authored exercises: every *.yaml in each folder, validated; an id may not clash with the bank's. */
export async function loadExtraExercises(dirs: string[], cwd: string, bank: Bank): Promise<{ exercises: Exercise[] } | { error: string }> {
  const known = new Map(bank.exercises.map((e) => [e.id, 'the course']));
  const out: Exercise[] = [];
  for (const d of dirs) {
    const abs = resolve(cwd, d);
    let files: string[];
    try {
      files = (await readdir(abs)).filter((f) => /\.ya?ml$/.test(f)).sort(naturalCompare);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { error: `--exercises ${d}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (e as Error).message}` };
    }
    if (!files.length) return { error: `--exercises ${d}: no exercise files (*.yaml) in the folder` };
    for (const f of files) {
      const shown = join(d, f);
      const r = await readText(join(abs, f), shown);
      if ('error' in r) return { error: r.error };
      const l = loadExercise(r.text, shown);
      if ('error' in l) return { error: l.error };
      const clash = known.get(l.exercise.id);
      if (clash) return { error: `${shown}: id: exercise ${l.exercise.id} is already defined by ${clash}` };
      known.set(l.exercise.id, shown);
      out.push(l.exercise);
    }
  }
  return { exercises: out };
}
