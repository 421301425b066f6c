import { createWorld, type World } from '../../../src/sim/index.ts';

export { sh } from '../helpers.ts';

/** A fresh world with images pulled without starting anything on a bridge (so ifindex and IPs start fresh). */
export async function netWorld(images: string[] = ['alpine', 'nginx:1.25']): Promise<World> {
  const w = createWorld();
  for (const img of images) await w.exec(`docker create --name pre ${img} >/dev/null 2>&1; docker rm pre >/dev/null`);
  return w;
}
