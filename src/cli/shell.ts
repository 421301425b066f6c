import type { CliIO, Subcommand } from './io.ts';

const USAGE = `Usage: container-course shell [-c '<lines>']

Open the simulated host (node1) in this terminal.

Options:
  -c <lines>   run the lines (separated by newlines or ';' as a shell would) and exit
               with the status of the last command
  -h, --help   show this help
`;

/**
 * Splits -c text into the lines a learner would type: one per newline (a trailing backslash
 * continues the line). `;`, `&&` and `||` stay inside a line for the shell to handle.
 */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let acc = '';
  for (const raw of text.split('\n')) {
    if (raw.endsWith('\\')) {
      acc += `${raw.slice(0, -1)} `;
      continue;
    }
    out.push(acc + raw);
    acc = '';
  }
  if (acc) out.push(acc);
  return out.filter((l) => l.trim() !== '');
}

async function runLines(text: string, io: CliIO): Promise<number> {
  const { createWorld } = await import('../sim/index.ts');
  const world = createWorld(undefined, { clock: 'virtual' });
  let status = 0;
  for (const line of splitLines(text)) {
    const r = await world.exec(line, { onOutput: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text) });
    status = r.exitCode;
  }
  return status;
}

async function repl(io: CliIO): Promise<number> {
  const [{ createWorld }, readline] = await Promise.all([import('../sim/index.ts'), import('node:readline')]);
  const world = createWorld(undefined, { clock: 'realtime' });
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  let running: AbortController | undefined;
  let status = 0;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      io.stdout('^C\n');
      rl.setPrompt(world.prompt());
      rl.prompt();
    }
  });
  let closed = false;
  let quit = false;
  // Lines typed (or pasted) while a command runs wait their turn, as in a real terminal.
  let queue: Promise<void> = Promise.resolve();
  const runLine = async (line: string) => {
    if (quit) return;
    if (/^\s*(exit|logout)(\s+\d+)?\s*$/.test(line) && world.prompt().startsWith('root@node1:')) {
      const n = /\d+/.exec(line);
      status = n ? Number(n[0]) : status;
      quit = true;
      rl.close();
      return;
    }
    running = new AbortController();
    const r = await world.exec(line, {
      signal: running.signal,
      columns: process.stdout.columns ?? 80,
      rows: process.stdout.rows ?? 24,
      onOutput: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text),
    });
    running = undefined;
    status = r.exitCode;
    if (closed) return;
    rl.setPrompt(world.prompt());
    rl.prompt();
  };
  return new Promise<number>((resolve) => {
    rl.on('close', () => {
      closed = true;
      void queue.then(() => resolve(status));
    });
    rl.setPrompt(world.prompt());
    rl.prompt();
    rl.on('line', (line) => {
      queue = queue.then(() => runLine(line));
    });
  });
}

export const run: Subcommand = async (argv, io) => {
  let lines: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-h' || a === '--help') {
      io.stdout(USAGE);
      return 0;
    }
    if (a === '-c') {
      if (i + 1 >= argv.length) {
        io.stderr(`container-course shell: option -c needs an argument\n\n${USAGE}`);
        return 2;
      }
      lines = argv[++i] as string;
      continue;
    }
    io.stderr(`container-course shell: unknown option '${a}'\n\n${USAGE}`);
    return 2;
  }
  if (lines !== undefined) return runLines(lines, io);
  if (!io.isTTY) return runLines(await io.readStdin(), io);
  return repl(io);
};

export const summary = { en: 'open the simulated host in this terminal, or run lines with -c' };
