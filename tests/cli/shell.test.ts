import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.ts';
import { run } from '../../src/cli/shell.ts';

function io(stdin = '') {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), readStdin: async () => stdin, isTTY: false, cwd: '/' };
  return { out, cli };
}

describe('container-course shell', () => {
  it('runs -c lines and exits with the last status', async () => {
    const { out, cli } = io();
    const code = await run(['-c', "docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1\ndocker inspect -f '{{.State.Pid}}' web; false"], cli);
    expect(out.stdout).toBe('23827\n');
    expect(code).toBe(1);
  });
  it('prints the OOM exit status like the terminal', async () => {
    const { out, cli } = io();
    const code = await run(['-c', "docker run --name oom --memory=100m alpine sh -c 'tail /dev/zero' 2>/dev/null; echo $?"], cli);
    expect(out.stdout).toBe('137\n');
    expect(code).toBe(0);
  });
  it('joins backslash-continued lines and keeps ; inside a line', async () => {
    const { out, cli } = io();
    const code = await run(['-c', 'echo a; echo b \\\n  c\nuname -r'], cli);
    expect(out.stdout).toBe('a\nb c\n6.8.0-45-generic\n');
    expect(code).toBe(0);
  });
  it('runs a command written over lines as one, as bash reads a script: a here-document, a for loop', async () => {
    // The here-document keeps its blank line and its "#" line: they are text, not a comment (bash@bash-5.2:parse.y).
    const { out, cli } = io();
    const code = await run(['-c', "cat <<'EOF' > /tmp/x\nfirst\n\n# kept\nEOF\ncat /tmp/x | wc -l\nfor i in 1 2\ndo echo $i\ndone"], cli);
    expect(out.stdout).toBe('3\n1\n2\n');
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
  });
  it('reads a here-document from stdin when not on a terminal', async () => {
    const { out, cli } = io('cat <<X\nhello\nX\n');
    expect(await run([], cli)).toBe(0);
    expect(out.stdout).toBe('hello\n');
  });

  it('prints usage for --help', async () => {
    const { out, cli } = io();
    expect(await run(['--help'], cli)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: container-course shell/);
  });
  it('rejects unknown flags with exit 2', async () => {
    const { out, cli } = io();
    expect(await run(['--nope'], cli)).toBe(2);
    expect(out.stderr).toMatch(/^container-course shell: unknown option '--nope'\n\nUsage:/);
  });
  it('reads lines from stdin when not on a terminal', async () => {
    const { out, cli } = io('uname -r\n');
    expect(await run([], cli)).toBe(0);
    expect(out.stdout).toBe('6.8.0-45-generic\n');
  });
});
