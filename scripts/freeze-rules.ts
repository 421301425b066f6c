/**
 * Freezes the current exercises as a released rule set: content/rulesets/<VERSION>.json.
 * A frozen set never changes (a second set in the same month is YYYY.MM.1, and so on); `grade --rules VERSION` (or a container-course.lock) grades
 * with it, so the same submission keeps its score. Usage: npm run rules:freeze -- 2026.12
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercise } from '../src/checker/exercise/load.ts';
import { RULES_BY_ID } from '../src/checker/rules/index.ts';

const version = process.argv[2] ?? '';
// YYYY.MM, or YYYY.MM.N for a further set in the same month (a set, once frozen, never changes).
if (!/^\d{4}\.\d{2}(\.\d+)?$/.test(version)) {
  console.error('usage: npm run rules:freeze -- YYYY.MM[.N]');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
const target = join(root, 'content', 'rulesets', `${version}.json`);
if (existsSync(target) && !process.argv.includes('--force')) {
  console.error(`rules:freeze: ${version} is already frozen (content/rulesets/${version}.json); a released rule set never changes`);
  process.exit(2);
}
const dir = join(root, 'content', 'exercises');
const exercises = [];
for (const f of (await readdir(dir)).filter((x) => x.endsWith('.yaml')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
  const r = loadExercise(await readFile(join(dir, f), 'utf8'), `content/exercises/${f}`);
  if ('error' in r) {
    console.error(`rules:freeze: ${r.error}`);
    process.exit(1);
  }
  exercises.push(r.exercise);
}
const rules = [...RULES_BY_ID.values()].map((r) => ({ id: r.id, severity: r.severity })).sort((a, b) => a.id.localeCompare(b.id));
await writeFile(target, `${JSON.stringify({ version, frozen: new Date().toISOString().slice(0, 10), rules, exercises }, null, 1)}\n`);
console.log(`rules:freeze: content/rulesets/${version}.json: ${exercises.length} exercises, ${rules.length} rules`);
