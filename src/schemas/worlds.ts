/**
 * The named start states of the simulated host: content/world/<name>.json, each a fixture that
 * src/sim/fixture.ts WORLDS loads. A lesson's or a shell exercise's `scenario:` names one (the lesson
 * and exercise schemas take only these names); tests/content/worlds.test.ts holds the three lists equal.
 */
export const WORLD_NAMES = ['node1'] as const;
export type WorldName = (typeof WORLD_NAMES)[number];
