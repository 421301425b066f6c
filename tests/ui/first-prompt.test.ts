/**
 * The prompt the lesson terminal draws before its simulated host is up (src/ui/terminal/first-prompt.ts,
 * early-prompt.ts) is the host's own first prompt, for every start state and every lesson's scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { FIRST_PROMPTS } from '../../src/ui/terminal/first-prompt.ts';

const worlds = readdirSync(new URL('../../content/world/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));
const lessonsDir = new URL('../../content/lessons/', import.meta.url);
const scenarios = readdirSync(lessonsDir)
  .filter((d) => /^\d{2}-/.test(d))
  .flatMap((d) => readdirSync(new URL(`${d}/`, lessonsDir)).map((f) => readFileSync(new URL(`${d}/${f}`, lessonsDir), 'utf8')))
  .map((text) => /^scenario:\s*(\S+)/m.exec(text)?.[1])
  .filter((s): s is string => s !== undefined);

describe('the first prompt drawn before the simulated host is up', () => {
  it.each(Object.entries(FIRST_PROMPTS))('%s: is the fresh world’s prompt', (world, prompt) => {
    expect(worlds).toContain(world);
    expect(createWorld(undefined, { world }).prompt()).toBe(prompt);
  });

  it('every lesson’s scenario has one', () => {
    expect(scenarios.length).toBeGreaterThan(10);
    for (const s of new Set(scenarios)) expect(FIRST_PROMPTS[s], s).toBeDefined();
  });
});
