/**
 * Issue #9: `scenario:` is not a dead label. It names a start state, content/world/<name>.json, which the
 * lesson and exercise schemas accept by name (src/schemas/worlds.ts), the simulator loads (src/sim/fixture.ts
 * WORLDS) and the terminal and the shell-exercise replay boot (createWorld's `world` option).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORLD_NAMES } from '../../src/schemas/worlds.ts';
import { createWorld } from '../../src/sim/index.ts';
import { WORLDS, worldFixture } from '../../src/sim/fixture.ts';
import { lessonSchema } from '../../src/schemas/lesson.ts';

describe('named start states (content/world/)', () => {
  it('the schemas, the simulator and the folder name the same start states', () => {
    const files = readdirSync('content/world')
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    expect([...WORLD_NAMES].sort()).toEqual(files);
    expect(Object.keys(WORLDS).sort()).toEqual(files);
  });

  it('a lesson names one by its file name; any other value is refused where the lesson is read', () => {
    expect(lessonSchema.safeParse({ scenario: 'node1' }).success).toBe(true);
    const bad = lessonSchema.safeParse({ scenario: 'l2' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['scenario']);
  });

  it('createWorld boots the start state its world option names, and names an unknown one', async () => {
    const w = createWorld(undefined, { clock: 'virtual', world: 'node1' });
    expect((await w.exec('hostname')).stdout).toBe(`${worldFixture('node1').hostname}\n`);
    expect(() => createWorld(undefined, { world: 'l2' })).toThrow('no start state named "l2" (content/world/l2.json); known: node1');
  });
});
