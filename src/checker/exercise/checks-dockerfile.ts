/** Exercise checks on Dockerfiles and on the text of submitted files. Pure functions; each declares its parameters. */
import { finalChain, KEYWORDS, runCommands } from '../parse/dockerfile-model.ts';
import type { Zod } from '../rule.ts';
import { regex, regexList } from '../schema-parts.ts';
import { defineCheck, type CheckTemplate } from './check.ts';

const keyword = (z: Zod) => z.enum(KEYWORDS as [string, ...string[]]).describe('A Dockerfile instruction, in capitals (COPY, RUN, ENTRYPOINT …).');
const instruction = (z: Zod) =>
  z.object({ keyword: keyword(z), matches: regex(z).default('').describe('Regular expression its arguments must match.') }).strict();

export const dockerfileChecks: Record<string, CheckTemplate> = {
  /** At least `min` stages. */
  'df-stages': defineCheck({
    params: (z) => z.object({ min: z.number().int().min(1).describe('The fewest stages (FROM lines) allowed.') }).strict(),
    test: (ctx, p) => (ctx.dockerfiles[0]?.stages.length ?? 0) >= p.min,
  }),

  /** The first or last stage's FROM image matches; `alias: true` demands AS <name>. */
  'df-from': defineCheck({
    params: (z) =>
      z
        .object({
          stage: z
            .enum(['first', 'last', 'final-base'])
            .default('last')
            .describe('first, last, or final-base (the stage the final image is built on, following FROM <stage>).'),
          matches: regex(z).describe("Regular expression the stage's FROM image must match."),
          alias: z.boolean().default(false).describe('The stage must be named (FROM … AS name).'),
        })
        .strict(),
    test: (ctx, p) => {
      const df = ctx.dockerfiles[0];
      if (!df?.stages.length) return false;
      const s = p.stage === 'first' ? df.stages[0]! : p.stage === 'final-base' ? finalChain(df)[0]! : df.stages[df.stages.length - 1]!;
      return new RegExp(p.matches).test(s.image) && (!p.alias || s.alias !== null);
    },
  }),

  /**
   * Some instruction `keyword` (in the last stage if `stage: last`) has arguments matching `matches` (an exec form is
   * matched as compact JSON: ["/bin/sh","-c","…"]); with `flag`, it has that flag (--chmod), whose value matches
   * `flagMatches` if given.
   */
  'df-instruction': defineCheck({
    params: (z) =>
      z
        .object({
          keyword: keyword(z),
          stage: z.literal('last').optional().describe('last: only the last stage counts (default: every stage).'),
          matches: regex(z).default('').describe('Regular expression the arguments must match (an exec form as compact JSON).'),
          flag: z.string().min(1).optional().describe('A flag the instruction must have, without dashes (chmod, from).'),
          flagMatches: regex(z).optional().describe("Regular expression the flag's value must match."),
          min: z.number().int().nonnegative().default(1).describe('At least this many such instructions.'),
          max: z.number().int().nonnegative().optional().describe('At most this many.'),
        })
        .strict(),
    test: (ctx, p) => {
      const df = ctx.dockerfiles[0];
      if (!df?.stages.length) return false;
      const pool = p.stage === 'last' ? df.stages[df.stages.length - 1]!.instructions : df.instructions;
      const re = new RegExp(p.matches);
      const flagRe = p.flagMatches === undefined ? null : new RegExp(p.flagMatches);
      const flagOk = (v: string | undefined) => !p.flag || (v !== undefined && (!flagRe || flagRe.test(v)));
      const n = pool.filter((i) => i.keyword === p.keyword && re.test(i.json ? JSON.stringify(i.json) : i.args) && flagOk(i.flags[String(p.flag)])).length;
      return n >= p.min && (p.max === undefined || n <= p.max);
    },
  }),

  /** One RUN contains every pattern in `all`. */
  'df-same-run': defineCheck({
    params: (z) => z.object({ all: regexList(z).min(1).describe('Regular expressions one RUN must match, every one.') }).strict(),
    test: (ctx, p) => {
      const df = ctx.dockerfiles[0];
      return !!df && df.instructions.some((i) => i.keyword === 'RUN' && p.all.every((re) => new RegExp(re).test(i.args)));
    },
  }),

  /** At most `max` RUN instructions that run a command. */
  'df-run-count': defineCheck({
    params: (z) => z.object({ max: z.number().int().nonnegative().describe('The most RUN instructions allowed.') }).strict(),
    test: (ctx, p) => {
      const df = ctx.dockerfiles[0];
      return !!df && df.instructions.filter((i) => i.keyword === 'RUN' && runCommands(i).length > 0).length <= p.max;
    },
  }),

  /** The first instruction matching `first` comes before the first matching `then`. */
  'df-before': defineCheck({
    params: (z) =>
      z
        .object({
          first: instruction(z).describe('The instruction that must come first: { keyword, matches }.'),
          then: instruction(z).describe('The instruction that must come after it: { keyword, matches }.'),
        })
        .strict(),
    test: (ctx, p) => {
      const df = ctx.dockerfiles[0];
      if (!df) return false;
      const find = (q: { keyword: string; matches: string }) => df.instructions.find((i) => i.keyword === q.keyword && new RegExp(q.matches).test(i.args));
      const a = find(p.first);
      const b = find(p.then);
      return !!a && !!b && a.index < b.index;
    },
  }),

  /** A submitted file matches `matches`; `line: last-command` tests only its last non-empty, non-comment line. */
  text: defineCheck({
    params: (z) =>
      z
        .object({
          file: z.string().min(1).describe("The submitted file's name."),
          matches: regex(z).describe('Regular expression (multiline) the text must match.'),
          line: z
            .enum(['first', 'last-command'])
            .optional()
            .describe('first: only the first line; last-command: only the last non-empty line that is not a comment.'),
          negate: z.boolean().default(false).describe('Pass when the text does NOT match.'),
        })
        .strict(),
    test: (ctx, p) => {
      const t = ctx.files[p.file];
      if (t === undefined) return false;
      let subject = t;
      if (p.line === 'last-command')
        subject =
          t
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
            .pop() ?? '';
      if (p.line === 'first') subject = t.split('\n')[0] ?? '';
      return new RegExp(p.matches, 'm').test(subject) !== p.negate;
    },
  }),
};
