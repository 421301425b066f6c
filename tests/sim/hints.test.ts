import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/sim/shell/commands/registry.ts';
import { HINTS } from '../../src/sim/shell/hints.ts';
import { HOST_ABSENT } from '../../src/sim/shell/rootfs.ts';

describe('command-not-found hints', () => {
  it('name no command the simulator has (a hint for an existing command is stale)', () => {
    // A command only images have (HOST_ABSENT: busybox's netstat in alpine) still gets the host's hint.
    const have = new Set(COMMANDS.map((c) => c.name).filter((n) => !HOST_ABSENT.has(n)));
    expect(Object.keys(HINTS).filter((k) => have.has(k))).toEqual([]);
  });

  it('give every note in both locales', () => {
    for (const [name, h] of Object.entries(HINTS)) {
      expect(h.en, name).not.toBe('');
      expect(h.zh, name).not.toBe('');
    }
  });
});
