import { processIO, type CliIO, type Subcommand } from './io.ts';

/**
 * Subcommands load lazily so `container-course ref` does not pay for the simulator.
 * Each module exports `run: Subcommand` and `summary: { en: string }`.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run: Subcommand }> }> = {
  shell: { summary: 'open the simulated host in this terminal, or run lines with -c', load: () => import('./shell.ts') },
  check: { summary: 'check Kubernetes manifests and Dockerfiles', load: () => import('./check.ts') },
  grade: { summary: 'grade submissions for an exercise (a classroom at once)', load: () => import('./grade.ts') },
  ref: { summary: 'parse and explain an image reference', load: () => import('./ref.ts') },
  exercises: { summary: 'list the exercises: files to submit, kind, points, titles; show one', load: () => import('./exercises.ts') },
  assignment: { summary: 'write a starter repository for an exercise (GitHub Classroom, GitLab CI)', load: () => import('./assignment.ts') },
  exercise: { summary: 'write your own exercise: scaffold one, validate a folder of them', load: () => import('./exercise.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: container-course <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'container-course <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr(`container-course: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const mod = await entry.load();
    return await mod.run(rest, io);
  } catch (err) {
    // A bug, not a user error: say so plainly, without a stack trace unless asked.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`container-course ${name}: internal error: ${message}\n`);
    if (process.env.CONTAINER_COURSE_DEBUG) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
    return 70;
  }
}
