import { describe, expect, it } from 'vitest';
import type * as JB from 'just-bash';
import { CowEntries } from '../../src/sim/shell/cowentries.ts';
import { createWorld } from '../../src/sim/index.ts';

const T0 = new Date(1_000_000);
const OTHER = new Date(5_000_000);
const dir = (mtime: Date): JB.FsEntry => Object.freeze({ type: 'directory', mode: 0o755, mtime }) as JB.FsEntry;

function template(): Map<string, JB.FsEntry> {
  return new Map([
    ['/', dir(T0)],
    ['/a', dir(OTHER)],
    ['/b', dir(T0)],
    ['/c', dir(OTHER)],
  ]);
}

describe('a root sharing its template entries (cowentries.ts)', () => {
  it('keeps the order a copy would have: replaced in place, added last, removed and made again last', () => {
    const base = template();
    const m = new CowEntries(base, T0, T0);
    m.set('/d', dir(OTHER));
    m.set('/a', dir(T0));
    m.delete('/b');
    m.set('/b', dir(OTHER));
    expect([...m.keys()]).toEqual(['/', '/a', '/c', '/d', '/b']);
    expect(m.size).toBe(5);
    expect(m.has('/b') && m.has('/c') && !m.has('/x')).toBe(true);
    m.delete('/c');
    expect([...m.keys()]).toEqual(['/', '/a', '/d', '/b']);
    expect([...base.keys()]).toEqual(['/', '/a', '/b', '/c']);
  });

  it("reads the template's own time as the root's, and leaves the template unchanged when an entry is written", () => {
    const base = template();
    const mine = new Date(9_000_000);
    const m = new CowEntries(base, T0, mine);
    expect(m.get('/b')?.mtime).toBe(mine);
    expect(m.get('/a')?.mtime).toBe(OTHER);
    const e = m.writable('/a');
    expect(Object.isFrozen(e)).toBe(false);
    (e as { mode: number }).mode = 0o700;
    expect(m.get('/a')?.mode).toBe(0o700);
    expect(base.get('/a')?.mode).toBe(0o755);
    expect(base.get('/b')?.mtime).toBe(T0);
  });

  it('chmod and touch in one world do not reach the next world', async () => {
    const w1 = createWorld();
    await w1.exec('chmod 600 /etc/hostname && touch -d @0 /etc/os-release');
    expect((await w1.exec('stat -c %a /etc/hostname')).stdout).toBe('600\n');
    const w2 = createWorld();
    expect((await w2.exec('stat -c %a /etc/hostname')).stdout).toBe('644\n');
    expect((await w2.exec('stat -L -c %Y /etc/os-release')).stdout).not.toBe('0\n');
  });
});
