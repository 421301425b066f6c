/**
 * The lessons' `sh` blocks are click-to-run: they must run in the simulated host, in
 * page order, and print what the lesson's following `text` block says they print.
 * Values a real host makes random (container ids, names, digests, ages) and the
 * lesson's own elisions (…) are matched loosely; everything else must agree.
 *
 * Steps that need node1's Kubernetes cluster (kubectl, crictl, ctr, or the host's view
 * of a pod sandbox) are replayed only once the simulator has kubectl; until then they
 * are listed as skipped, so lessons 5 and 12 can be written to the cluster's real output.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { LOCALES } from '../../src/content-ids.ts';
import { lessonDirs, readPage } from './helpers.ts';

interface Step {
  command: string;
  expected: string | null;
}

function steps(body: string): Step[] {
  const blocks = [...body.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1], text: m[2] }));
  return blocks.flatMap((b, i) => (b.lang === 'sh' ? [{ command: b.text.trim(), expected: blocks[i + 1]?.lang === 'text' ? blocks[i + 1].text : null }] : []));
}

/** A step that needs the cluster: a Kubernetes client, or the host's view of a pod's pause container. */
const CLUSTER_STEP = /\b(?:kubectl|crictl|ctr)\b|\| grep pause$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for the lesson's text: random values and elisions become wildcards, column padding is flexible. */
function pattern(expected: string): RegExp {
  const WILD: [RegExp, string][] = [
    [/sha256:(?:[0-9a-f]{64}|…)/g, 'sha256:[0-9a-f]{64}'],
    [/\b[0-9a-f]{64}\b/g, '[0-9a-f]{64}'],
    [/\b[0-9a-f]{12}\b/g, '[0-9a-f]{12}'],
    [/\b(?:\d+|About an?|Less than a) (?:seconds?|minutes?|hours?|second) ago\b/g, '(?:\\d+|About an?|Less than a) \\w+ ago'],
    [/\bUp (?:\d+|About an?|Less than a) \w+\b/g, 'Up (?:\\d+|About an?|Less than a) \\w+'],
    [/\b[a-z]+_[a-z]+\b(?=\s*$)/gm, '[a-z]+_[a-z]+'],
  ];
  const marks: string[] = [];
  let text = expected.trimEnd();
  for (const [re, rx] of WILD) text = text.replace(re, () => `\u0000${marks.push(rx) - 1}\u0000`);
  const source = text
    .split('…')
    .map((part) =>
      part
        .split(/( {2,})/)
        .map((chunk) => (/^ {2,}$/.test(chunk) ? ' +' : escapeRe(chunk)))
        .join(''),
    )
    .join('[\\s\\S]*?')
    .replace(/\u0000(\d+)\u0000/g, (_, i) => marks[Number(i)]);
  return new RegExp(`^${source.replace(/ \+/g, ' +')}\\s*$`);
}

/** Asked of a world of its own, so that the lesson's world and clock start exactly as before. */
const hasCluster = createWorld(undefined, { clock: 'virtual' })
  .exec('command -v kubectl')
  .then((r) => r.exitCode === 0);

describe('lesson commands run in the simulator and print what the lesson says', () => {
  for (const dir of lessonDirs()) {
    for (const locale of LOCALES) {
      it(`${dir} (${locale})`, async () => {
        const cluster = await hasCluster;
        const world = createWorld(undefined, { clock: 'virtual' });
        const problems: string[] = [];
        for (const step of steps(readPage(`lessons/${dir}/index.${locale}.mdx`).body)) {
          if (!cluster && CLUSTER_STEP.test(step.command)) continue;
          let shown = '';
          const r = await world.exec(step.command, { onOutput: (c) => void (shown += c.text) });
          if (!shown) shown = r.stdout + r.stderr;
          if (step.expected === null) continue;
          const afterPrompt = world.prompt().trim();
          const ok = pattern(step.expected).test(shown.trimEnd()) || (shown.trim() === '' && step.expected.trim() === afterPrompt);
          if (!ok) problems.push(`$ ${step.command}\n--- lesson says:\n${step.expected}--- simulator printed:\n${shown}`);
        }
        expect(problems.join('\n'), 'commands whose output differs from the lesson').toBe('');
      });
    }
  }
});
