/**
 * Builds the command-line tool into one JavaScript bundle (build/cli/), so it runs on any
 * Node >= 20 from any folder with no TypeScript at run time. The exercises (current and
 * every frozen rule set) are validated here and embedded. `npm run build:cli`; `prepare`
 * runs it on `npm install` and before `npm pack`.
 */
import { build, type Plugin } from 'esbuild';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadExercise, parseExercise } from '../src/checker/exercise/load.ts';
import { ALL_RULES } from '../src/checker/rules/index.ts';
import { ruleTableModule } from '../src/ui/editor/vite-rule-table.mjs';
import { zodEnglishOnlyEsbuild } from '../src/ui/editor/vite-zod-english.mjs';
import { NODE_BUNDLE } from './lib/node-bundle.ts';

const root = join(import.meta.dirname, '..');
// CC_CLI_OUT: build somewhere else (tests build their own copy so they never race `npm pack`).
const out = process.env.CC_CLI_OUT ?? join(root, 'build', 'cli');
const numeric = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

const exDir = join(root, 'content', 'exercises');
const current = [];
for (const f of (await readdir(exDir)).filter((x) => x.endsWith('.yaml')).sort(numeric)) {
  const r = loadExercise(await readFile(join(exDir, f), 'utf8'), `content/exercises/${f}`);
  if ('error' in r) {
    console.error(`build:cli: ${r.error}`);
    process.exit(1);
  }
  current.push(r.exercise);
}
const frozen: Record<string, { version: string; exercises: unknown[] }> = {};
const rsDir = join(root, 'content', 'rulesets');
for (const f of (await readdir(rsDir)).filter((x) => /^\d{4}\.\d{2}(\.\d+)?\.json$/.test(x))) {
  const doc = JSON.parse(await readFile(join(rsDir, f), 'utf8'));
  for (const [i, e] of doc.exercises.entries()) {
    const r = parseExercise(e, `content/rulesets/${f}: exercises[${i}]`);
    if ('error' in r) {
      console.error(`build:cli: ${r.error}`);
      process.exit(1);
    }
  }
  frozen[f.slice(0, -5)] = doc;
}
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// The rule table, parsed here (importing rules/index.ts above parsed every rule's parameters
// against its template's schema, and threw naming the rule on a mistake). The bundle holds it as
// data in place of rules/index.ts, so `check` neither loads zod nor builds a schema at start
// (the site's build does the same: src/ui/editor/vite-rule-table.mjs).
let tableModule: string;
try {
  tableModule = ruleTableModule(ALL_RULES);
} catch (e) {
  console.error(`build:cli: ${(e as Error).message}`);
  process.exit(1);
}
const parsedRuleTable: Plugin = {
  name: 'parsed-rule-table',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]checker[\\/]rules[\\/]index\.ts$/ }, () => ({ loader: 'js', contents: tableModule }));
  },
};

await rm(out, { recursive: true, force: true });
const t0 = performance.now();
const result = await build({
  entryPoints: { 'container-course': join(root, 'src/cli/entry.ts'), 'grade-worker': join(root, 'src/cli/grade-worker.ts') },
  outdir: out,
  ...NODE_BUNDLE,
  sourcemap: false,
  legalComments: 'linked',
  chunkNames: 'chunk-[name]-[hash]',
  define: {
    __CC_VERSION__: JSON.stringify(pkg.version),
  },
  metafile: true,
  plugins: [parsedRuleTable, zodEnglishOnlyEsbuild()],
});
// CC_CLI_META: also write esbuild's metafile there (the chunk graph; tests/cli/bundle.test.ts reads it).
if (process.env.CC_CLI_META) await writeFile(process.env.CC_CLI_META, JSON.stringify(result.metafile));
// The exercise bank goes beside the code, read only by the commands that grade (src/cli/bank.ts).
await writeFile(join(out, 'bank.json'), JSON.stringify({ current, frozen }));
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `build:cli: ${out} ${(bytes / 1024).toFixed(0)} KB in ${Object.keys(result.metafile.outputs).length} files, ${current.length} exercises, rule sets: ${Object.keys(frozen).join(', ') || 'none'} (${Math.round(performance.now() - t0)} ms)`,
);
