import { createHash } from 'node:crypto';
import { afterEach, expect, it, vi } from 'vitest';
import { sha256Digest } from '../../../src/sim/image/digest.ts';

afterEach(() => vi.unstubAllGlobals());

it('hashes without Web Crypto (an insecure http origin), with the same digests', async () => {
  vi.stubGlobal('crypto', {});
  for (const text of ['', '{}', 'x'.repeat(100_000)]) {
    expect(await sha256Digest(text)).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  }
  expect(await sha256Digest('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});
