import { expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

it('docker push --all-tags pushes every local tag of the repository under one header', async () => {
  const w = createWorld();
  await w.exec('docker run -d -p 5000:5000 --name registry registry:2 2>/dev/null');
  await w.exec('docker pull alpine >/dev/null 2>&1');
  await w.exec('docker tag alpine localhost:5000/demo:1.3.1');
  await w.exec('docker tag alpine localhost:5000/demo:1.3');
  const r = await w.exec('docker push --all-tags localhost:5000/demo');
  expect(r.exitCode).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines.filter((l) => l.startsWith('The push refers to repository'))).toEqual(['The push refers to repository [localhost:5000/demo]']);
  expect(lines.filter((l) => /: digest: /.test(l)).map((l) => l.split(':')[0])).toEqual(['1.3', '1.3.1']);
  expect(lines.some((l) => l.endsWith(': Layer already exists'))).toBe(true);
  const tags = w.snapshot().registry['localhost:5000/demo'] ?? {};
  expect(Object.keys(tags).sort()).toEqual(['1.3', '1.3.1']);
  expect(await w.exec('docker push -a localhost:5000/demo:1.3')).toEqual({ stdout: '', stderr: "tag can't be used with --all-tags/-a\n", exitCode: 1 });
});
