// `npm run typecheck`: each layer's tsc (its own lib and types: src/sim sees no DOM, src/k8s no Node),
// then `astro check` over the rest of the project. They are independent, so they run side by side, as many
// at once as the machine has cores; each one's output is printed whole when it ends.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

// astro check reads tsconfig.check.json: the root config without the four layers' folders, which their own tsc
// checks with the same strictness and a narrower lib (ES2023). It checked them a second time, src/sim's 60,000
// lines among them; the files the rest imports from them are still read for their types, and the tests,
// scripts, pages and src/ui keep their check (issue #14).
const CHECKS = [
  ['astro check', 'npx', ['astro', 'check', '--minimumSeverity', 'error', '--tsconfig', 'tsconfig.check.json']],
  ...['k8s', 'sim', 'checker', 'cli'].map((layer) => [`tsc ${layer}`, 'npx', ['tsc', '-p', `src/${layer}/tsconfig.json`]]),
];

const run = ([name, cmd, args]) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => resolve({ name, ok: false, out: `${e.message}\n`, s: 0 }));
    child.on('close', (code) => resolve({ name, ok: code === 0, out, s: (Date.now() - started) / 1000 }));
  });

const queue = [...CHECKS];
const results = [];
await Promise.all(
  Array.from({ length: Math.max(1, Math.min(queue.length, availableParallelism())) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const r = await run(next);
      process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.s.toFixed(1)} s)\n${r.ok ? '' : r.out}`);
      results.push(r);
    }
  }),
);
process.exit(results.every((r) => r.ok) ? 0 : 1);
