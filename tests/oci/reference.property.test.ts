/** Property tests: generated references round-trip, and the parser never throws anything but its own errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImageReferenceError, familiarString, parseNormalizedNamed, referenceString } from '../../src/oci/reference.ts';

const alnum = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const component = fc
  .tuple(alnum, fc.array(fc.tuple(fc.constantFrom('.', '_', '__', '-', '--'), alnum), { maxLength: 2 }))
  .map(([a, rest]) => a + rest.map(([s, b]) => s + b).join(''));
const path = fc.array(component, { minLength: 1, maxLength: 3 }).map((c) => c.join('/'));
const domain = fc.constantFrom('docker.io', 'gcr.io', 'localhost:5000', 'registry.example.com:443', '10.0.0.1:5000', 'my-registry.local');
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
const digest = fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`);

describe('reference properties', () => {
  it('a fully qualified reference parses back to its parts and prints unchanged', () => {
    fc.assert(
      fc.property(domain, path, fc.option(tag), fc.option(digest), (d, p, t, g) => {
        const fullPath = d === 'docker.io' && !p.includes('/') ? `library/${p}` : p;
        const s = `${d}/${fullPath}${t ? `:${t}` : ''}${g ? `@${g}` : ''}`;
        const r = parseNormalizedNamed(s);
        expect(r).toEqual({ domain: d, path: fullPath, tag: t ?? '', digest: g ?? '' });
        expect(referenceString(r)).toBe(s);
        // A familiar name whose first component looks like a host (a.0/a) is read as one: that is Docker's rule too.
        const fam = familiarString(r);
        const first = fam.split('/')[0]!;
        if (!(fam.includes('/') && (/[.:]/.test(first) || first === 'localhost'))) expect(referenceString(parseNormalizedNamed(fam))).toBe(s);
      }),
    );
  });
  it('any string either parses or fails with a reference error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parseNormalizedNamed(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ImageReferenceError);
        }
      }),
    );
  });
});
