import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createdAgo, goFormatG, humanDuration, humanSize } from '../../../src/sim/image/units.ts';

describe('go-units', () => {
  it('HumanSizeWithPrecision(size, 3): decimal units, %.3g', () => {
    const cases: [number, string][] = [
      [0, '0B'],
      [2, '2B'],
      [999, '999B'],
      [1000, '1kB'],
      [1234, '1.23kB'],
      [78_123, '78.1kB'],
      [744_192, '744kB'],
      [7_377_954, '7.38MB'],
      [7_797_760, '7.8MB'],
      [116_540_001, '117MB'],
      [814_004_193, '814MB'],
      [1_100_000_000, '1.1GB'],
      [999_500, '1e+03kB'],
      [37_900_000, '37.9MB'],
      [2_010_039, '2.01MB'],
    ];
    for (const [n, s] of cases) expect(humanSize(n), String(n)).toBe(s);
  });

  it('%g agrees with a reference formatting on random values', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 999.99, noNaN: true }), (x) => {
        const s = goFormatG(x, 3);
        expect(Number(s)).toBeCloseTo(Number(x.toPrecision(3)), 10);
        expect(s).not.toMatch(/\.\d*0$|\.$/);
      }),
    );
  });

  it('HumanDuration', () => {
    const s = 1000;
    const cases: [number, string][] = [
      [500, 'Less than a second'],
      [s, '1 second'],
      [59 * s, '59 seconds'],
      [60 * s, 'About a minute'],
      [59 * 60 * s, '59 minutes'],
      [3600 * s, 'About an hour'],
      [47 * 3600 * s, '47 hours'],
      [13 * 86400 * s, '13 days'],
      [14 * 86400 * s, '2 weeks'],
      [59 * 86400 * s, '8 weeks'],
      [60 * 86400 * s, '2 months'],
      [729 * 86400 * s, '24 months'],
      [800 * 86400 * s, '2 years'],
    ];
    for (const [ms, text] of cases) expect(humanDuration(ms), String(ms)).toBe(text);
    expect(createdAgo(0, 3 * 86400 * s)).toBe('3 days ago');
  });
});
