/**
 * The CLI bundle's chunks (issue #14): `check` of a manifest loads neither the Dockerfile
 * parser nor zod, nor the grader, the simulator or the classroom code; a Dockerfile still
 * loads the Dockerfile chunk and is checked. Two views: esbuild's chunk graph (the metafile
 * the build writes with CC_CLI_META) and the modules a real run loads (a loader hook).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers.ts';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

const repo = join(import.meta.dirname, '../..');
const ex = parse(readFileSync(join(repo, 'content/exercises/e11.1.yaml'), 'utf8')) as { solution: Record<string, string> };
const dockerfile = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 1000\nCMD ["sh"]\n';
/** What `check` of a manifest must not load: the Dockerfile checker, zod, the grader, the simulator, the classroom code. */
const NOT_FOR_A_MANIFEST = [
  /^node_modules\/dockerfile-ast\//,
  /^node_modules\/zod\//,
  /^src\/checker\/parse\/dockerfile\.ts$/,
  /^src\/checker\/templates\/dockerfile\.ts$/,
  /^src\/checker\/grade\.ts$/,
  /^src\/checker\/exercise\//,
  /^src\/sim\//,
  /^src\/cli\/(grade|assignment|exercise|shell)/,
  /^node_modules\/just-bash\//,
];

describe('the CLI bundle loads only what a command uses', () => {
  let out = '';
  let meta: Metafile;
  let work = '';
  beforeAll(() => {
    // The run's own build (tests/global-setup.ts), so it never races the pack test's `npm pack` rebuilding build/cli.
    out = inject('cliBundleDir');
    meta = JSON.parse(readFileSync(inject('cliMetaPath'), 'utf8')) as Metafile;
    work = mkdtempSync(join(tmpdir(), 'cc-bundle-'));
    writeFileSync(join(work, 'one.yaml'), ex.solution['pod.yaml']!);
    writeFileSync(join(work, 'Dockerfile'), dockerfile);
  });

  /** The sources in an output file and every file it imports statically (what loading it loads). */
  function staticInputs(output: string): Set<string> {
    const seen = new Set<string>();
    const inputs = new Set<string>();
    const visit = (o: string) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of Object.keys(meta.outputs[o]!.inputs)) inputs.add(i);
      for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(output);
    return inputs;
  }
  const outputOf = (entry: string) => Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry)![0];

  it('the chunk graph: the entry and the check chunk hold none of the Dockerfile checker, zod, the grader or the simulator', () => {
    const check = new Set([...staticInputs(outputOf('src/cli/entry.ts')), ...staticInputs(outputOf('src/cli/check.ts'))]);
    expect(check.has('src/checker/engine-core.ts')).toBe(true);
    expect([...check].filter((i) => NOT_FOR_A_MANIFEST.some((re) => re.test(i)))).toEqual([]);
    // The Dockerfile half is one dynamic import away, and it holds the parser.
    expect(staticInputs(outputOf('src/checker/engine.ts')).has('node_modules/dockerfile-ast/lib/main.js')).toBe(true);
  });

  /** Runs the bundle under a loader hook; returns its output and the sources of the chunks it loaded. */
  function run(args: string[]) {
    const log = join(work, `loaded-${args.join('-').replace(/\W+/g, '_')}.json`);
    const probe = join(work, 'probe.mjs');
    writeFileSync(
      probe,
      `import module from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('exit', () => writeFileSync(${JSON.stringify(log)}, JSON.stringify(loaded)));
`,
    );
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, join(out, 'container-course.mjs'), ...args], { cwd: work, encoding: 'utf8' });
    const byName = new Map(Object.entries(meta.outputs).map(([k, o]) => [k.split('/').pop()!, o]));
    const files = (JSON.parse(readFileSync(log, 'utf8')) as string[]).filter((u) => u.startsWith(`${pathToFileURL(out).href}/`));
    const inputs = new Set(files.flatMap((u) => Object.keys(byName.get(u.split('/').pop()!)!.inputs)));
    return { ...r, inputs };
  }

  it('a run of check one.yaml loads none of them, and prints what the sources print', async () => {
    const r = run(['check', 'one.yaml']);
    expect(r.stderr).toBe('');
    expect(r.inputs.has('src/checker/engine-core.ts')).toBe(true);
    expect([...r.inputs].filter((i) => NOT_FOR_A_MANIFEST.some((re) => re.test(i)))).toEqual([]);
    // The rule table the bundle holds (parsed at build time) gives the findings the sources give.
    const src = await runCli(['check', 'one.yaml'], { cwd: work });
    expect(r.stdout).toBe(src.stdout);
    expect(r.status).toBe(src.code);
  });

  it('a run of check with a Dockerfile loads the Dockerfile chunk and checks it against the manifest', async () => {
    const r = run(['check', 'one.yaml', 'Dockerfile']);
    expect(r.stderr).toBe('');
    expect(r.inputs.has('node_modules/dockerfile-ast/lib/main.js')).toBe(true);
    expect(r.inputs.has('node_modules/zod/v4/core/core.js')).toBe(false);
    const src = await runCli(['check', 'one.yaml', 'Dockerfile'], { cwd: work });
    expect(r.stdout).toBe(src.stdout);
    expect(r.stdout).toMatch(/^Dockerfile:1:1: /m);
  });
});
