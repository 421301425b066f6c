import { createWorld } from '../../src/sim/index.ts';
import type { ExecResult, World } from '../../src/sim/index.ts';

/** A fresh world with images already pulled, so outputs hold only what the test is about. */
export async function world(pull: string[] = ['alpine', 'debian', 'nginx']): Promise<World> {
  const w = createWorld();
  for (const img of pull) await w.exec(`docker run --rm ${img} true >/dev/null 2>&1`);
  return w;
}

/** Runs one line; returns what the terminal shows (stderr pull lines first) and the status. */
export async function sh(w: World, line: string): Promise<ExecResult & { out: string }> {
  let out = '';
  const r = await w.exec(line, { onOutput: (c) => (out += c.text) });
  return { ...r, out };
}
