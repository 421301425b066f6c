import { describe, expect, it } from 'vitest';
import { normPath } from '../../src/sim/image/tree.ts';
import { isNormalPath, normalizePath } from '../../src/sim/path.ts';

describe('normalizePath (src/sim/path.ts, the one lexical normalizer)', () => {
  it('gives a normal path back as it is', () => {
    for (const p of ['/', '/etc', '/etc/passwd', '/a/.b/..c/b..']) {
      expect(isNormalPath(p)).toBe(true);
      expect(normalizePath(p)).toBe(p);
    }
  });
  it('drops empty and `.` components and a trailing slash, resolves `..` (none above the root)', () => {
    expect(normalizePath('//etc///passwd')).toBe('/etc/passwd');
    expect(normalizePath('/etc/./x/../passwd/')).toBe('/etc/passwd');
    expect(normalizePath('/../../tmp/')).toBe('/tmp');
    expect(normalizePath('/.')).toBe('/');
    expect(normalizePath('/..')).toBe('/');
  });
  it('reads a relative path (or none) from the root', () => {
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('null')).toBe('/null');
    expect(normalizePath('a/../b')).toBe('/b');
    expect(isNormalPath('etc')).toBe(false);
  });
  it("image/tree.ts normPath still refuses a relative path (a tree's paths are absolute)", () => {
    expect(() => normPath('etc/passwd')).toThrow('path must be absolute: "etc/passwd"');
    expect(normPath('/etc//passwd/')).toBe('/etc/passwd');
  });
});
