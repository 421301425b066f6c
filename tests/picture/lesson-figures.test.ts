/**
 * The <Figure/>s of lessons 5, 9, 12 and 13 draw, in both locales, and show the values
 * the lesson's own text prints beside them (the figure states replay the lesson's commands).
 */
import { describe, expect, it } from 'vitest';
import type { WorldSnapshot } from '../../src/sim/api.ts';
import { picture, type Focus, type ViewName } from '../../src/sim/picture/index.ts';
import { worldFor } from '../../src/sim/picture/states.ts';
import { readPage } from '../content/helpers.ts';
import { labels } from './helpers.ts';

interface Fig {
  view: ViewName;
  state: string;
  focus: Focus;
}

/** The <Figure …/> tags of a page, with their string attributes. */
function figures(rel: string): Fig[] {
  return [...readPage(rel).body.matchAll(/<Figure\s([^>]*?)\/>/g)].map((m) => {
    const a = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    return {
      view: a.view as ViewName,
      state: a.state!,
      focus: { ...(a.container ? { container: a.container } : {}), ...(a.image ? { image: a.image } : {}), ...(a.pod ? { pod: a.pod } : {}) },
    };
  });
}

const worlds = new Map<string, Promise<WorldSnapshot>>();
const snap = (state: string) => {
  if (!worlds.has(state))
    worlds.set(
      state,
      worldFor(state).then((w) => w.snapshot()),
    );
  return worlds.get(state)!;
};

const LESSONS: [string, number, string[]][] = [
  // The inodes and PID of `sudo lsns -t uts -t ipc | grep pause`, and the NSpid 7 and 8 of `ps ax` with shareProcessNamespace.
  ['05-pods-and-shared-namespaces', 2, ['4026532193', '4026532194', '23918 (23918 1) /pause', ' 7) sleep 3600', ' 8) memcached']],
  ['09-writing-dockerfiles', 2, ['COPY /out/hello /hello # buildkit', '2.41MB', 'image golang:1.22-alpine']],
  ['12-security-context', 1, ['[demo/demo]: sleep 3600', 'CapBnd bit 21 cap_sys_admin: not in the set (dropped from the bounding set)']],
  ['13-beyond-the-defaults', 1, ['000001ffffffffff', 'CapBnd bit 40 cap_checkpoint_restore: in the set']],
];

describe('lesson figures', () => {
  for (const [dir, count, facts] of LESSONS) {
    for (const locale of ['en', 'zh-cn'] as const) {
      it(`${dir} (${locale}) draws ${count} figure(s) showing what the lesson prints`, async () => {
        const figs = figures(`lessons/${dir}/index.${locale}.mdx`);
        expect(figs).toHaveLength(count);
        let svgs = '';
        for (const f of figs) svgs += picture(await snap(f.state), f.view, labels(locale), { idPrefix: 'f', focus: f.focus }).svg;
        if (locale === 'en') for (const fact of facts) expect(svgs).toContain(fact);
      }, 120_000);
    }
  }
});
