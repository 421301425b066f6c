import { describe, expect, it } from 'vitest';
import { packTar } from 'modern-tar';
import { tarSize, type ArcEntry } from '../../src/sim/shell/commands/docker/cpfs.ts';
import { createWorld } from '../../src/sim/index.ts';

const file = (name: string, size: number): ArcEntry => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size, data: new Uint8Array(size) });
const dir = (name: string): ArcEntry => ({ name, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 });

describe('docker cp archive size (what "Successfully copied" counts)', () => {
  it('is 512-byte headers, data padded to 512 and two zero blocks, as Go archive/tar writes', async () => {
    const cases: ArcEntry[][] = [
      [file('hostname', 13)],
      [dir('d/'), file('d/a', 2), dir('d/sub/'), file('d/sub/b', 700)],
      [file(`${'x'.repeat(60)}/${'y'.repeat(60)}`, 1)],
      [file('z'.repeat(120), 1)],
    ];
    for (const entries of cases) {
      const tar = await packTar(
        entries.map((e) =>
          e.type === 'dir'
            ? { header: { name: e.name, size: 0, type: 'directory' as const } }
            : { header: { name: e.name, size: e.size, type: 'file' as const }, body: e.data },
        ),
      );
      expect(tarSize(entries)).toBe(tar.length);
    }
    // docker/cli@v27.3.1:cli/command/container/cp.go prints units.HumanSizeWithPrecision(n, 3): one small file is 2.05kB.
    expect(tarSize([file('hostname', 13)])).toBe(2048);
  });
});

describe('docker cp moves real bytes', () => {
  it('host → container lands in the upperdir with the archive mode; container → host reads it back', async () => {
    const w = createWorld();
    for (const line of ['docker run -d --name web alpine sleep 300', 'printf "x\\ny\\n" > f.txt', 'chmod 600 f.txt', 'docker cp f.txt web:/tmp/f'])
      expect((await w.exec(line)).exitCode).toBe(0);
    expect((await w.exec('docker diff web')).stdout).toBe('C /tmp\nA /tmp/f\n');
    expect((await w.exec('docker exec web stat -c %a /tmp/f')).stdout).toBe('600\n');
    expect((await w.exec('docker cp web:/tmp/f /tmp/back && cat /tmp/back')).stdout).toBe('x\ny\n');
  });
});
