import type { CliIO, Subcommand } from './io.ts';

const USAGE = `Usage: container-course shell [-c '<lines>']

Open the simulated host (node1) in this terminal.

Options:
  -c <lines>   run the lines (separated by newlines or ';' as a shell would) and exit
               with the status of the last command
  -h, --help   show this help
`;

/**
 * Runs -c text as bash reads a script: line by line, a command that goes on over lines (a trailing
 * backslash, a here-document, an open quote, `for … do`) gathered first and run as one
 * (src/sim/shell/continuation.ts). `;`, `&&` and `||` stay inside a line for the shell to handle.
 */
async function runLines(text: string, io: CliIO): Promise<number> {
  const { createWorld } = await import('../sim/index.ts');
  const world = createWorld(undefined, { clock: 'virtual' });
  const lines = text.split('\n');
  let status = 0;
  for (let i = 0; i < lines.length; i++) {
    let command = lines[i]!;
    if (command.trim() === '') continue;
    while (i + 1 < lines.length && (await world.needsMore(command))) command += `\n${lines[++i]}`;
    const r = await world.exec(command, { onOutput: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text) });
    status = r.exitCode;
  }
  return status;
}

async function repl(io: CliIO): Promise<number> {
  const [{ createWorld }, readline] = await Promise.all([import('../sim/index.ts'), import('node:readline')]);
  const world = createWorld(undefined, { clock: 'realtime' });
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  let running: AbortController | undefined;
  // The lines of a command still open (PS2), joined by newlines.
  let pending: string | undefined;
  let status = 0;
  rl.on('SIGINT', () => {
    // The first Ctrl-C aborts the line's signal; after a command that caught it (watch, top), World.interrupt is the next.
    if (running?.signal.aborted) world.interrupt();
    else if (running) running.abort();
    else {
      pending = undefined;
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
    if (pending === undefined && /^\s*(exit|logout)(\s+\d+)?\s*$/.test(line) && world.prompt().startsWith('root@node1:')) {
      const n = /\d+/.exec(line);
      status = n ? Number(n[0]) : status;
      quit = true;
      rl.close();
      return;
    }
    // A line that leaves the command open (a here-document, a quote, `for … do`) asks for more with PS2, as bash does.
    pending = pending === undefined ? line : `${pending}\n${line}`;
    if (await world.needsMore(pending)) {
      if (closed) return;
      rl.setPrompt('> ');
      rl.prompt();
      return;
    }
    const command = pending;
    pending = undefined;
    running = new AbortController();
    const r = await world.exec(command, {
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
      // At the end of input a command still open runs as it stands, as bash runs a here-document cut off by end-of-file.
      void queue
        .then(async () => {
          if (pending !== undefined)
            status = (await world.exec(pending, { onOutput: (c) => (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text) })).exitCode;
        })
        .then(() => resolve(status));
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
