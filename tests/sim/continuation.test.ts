/**
 * When the terminal waits at bash's continuation prompt (`> `) instead of running a line:
 * world.needsMore, decided by the parser that runs the command. A Run block with a
 * here-document arrives line by line and runs as one command.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

describe('needsMore: bash reads on after…', () => {
  const w = createWorld();
  it.each([
    ["cat > f <<'EOF'", true],
    ["cat > f <<'EOF'\nFROM alpine:3.20", true],
    ["cat > f <<'EOF'\nFROM alpine:3.20\n\nEOF", false],
    ['cat <<-END\n\tx\n\tEND', false],
    ["cat <<'EOF' | tr a b\nxa", true],
    ["echo 'abc", true],
    ['echo "abc', true],
    ['echo $(ls', true],
    ['for i in 1 2; do', true],
    ['f() {', true],
    ['echo a \\', true],
    ['echo a \\\\', false],
    ["echo 'a<<b'", false],
    ['docker run -d --name web -p 8080:80 nginx', false],
    ['echo )', false],
  ] as const)('%j → %s', async (text, more) => {
    expect(await w.needsMore(text)).toBe(more);
  });
});

it('the lines of a here-document, run as one command, write the file', async () => {
  const w = createWorld();
  const text = 'cat > /root/Dockerfile <<\'EOF\'\nFROM alpine:3.20\nCMD ["echo", "$HOME"]\nEOF';
  expect(await w.needsMore(text.split('\n').slice(0, 3).join('\n'))).toBe(true);
  expect(await w.needsMore(text)).toBe(false);
  expect((await w.exec(text)).exitCode).toBe(0);
  expect((await w.exec('cat /root/Dockerfile')).stdout).toBe('FROM alpine:3.20\nCMD ["echo", "$HOME"]\n');
  expect(w.history()).toEqual([text, 'cat /root/Dockerfile']);
});
