/** `container-course exercises`: list the exercise ids with their titles. */
import { loadAllExercises, parseCommandLine, type FlagDef } from './checker-io.ts';
import type { Subcommand } from './io.ts';

export const summary = { en: 'list the exercise ids with their titles' };

const USAGE = `Usage: container-course exercises [--json] [--locale en|zh-cn]

List the exercises: id, kind and title.

Options:
  --json                  print the list as JSON
  --locale en|zh-cn       language of the titles (default: en)
  -h, --help              show this help
`;

const flags: Record<string, FlagDef> = {
  json: { type: 'boolean' },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  help: { type: 'boolean', short: 'h' },
};

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('exercises', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  if (p.args.length) {
    io.stderr(`container-course exercises: unexpected argument '${p.args[0]}'\n\n${USAGE}`);
    return 2;
  }
  const locale = (p.flags.locale as 'en' | 'zh-cn' | undefined) ?? 'en';
  const { exercises, errors } = await loadAllExercises();
  for (const e of errors) io.stderr(`container-course exercises: ${e}\n`);
  if (p.flags.json) {
    io.stdout(`${JSON.stringify(exercises.map((e) => ({ id: e.id, kind: e.kind, lesson: e.lesson ?? null, title: e.title })), null, 2)}\n`);
  } else {
    const w = Math.max(...exercises.map((e) => e.id.length));
    const k = Math.max(...exercises.map((e) => e.kind.length));
    io.stdout(exercises.map((e) => `${e.id.padEnd(w)}  ${e.kind.padEnd(k)}  ${e.title[locale]}`).join('\n') + '\n');
  }
  return errors.length ? 1 : 0;
};
