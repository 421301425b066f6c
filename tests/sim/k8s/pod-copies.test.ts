/**
 * The kubelet's pod copies (apiserver/copies.ts): made again only when the stored pod's resourceVersion moved, never
 * the stored object itself, so a sync with nothing new copies nothing and the store stays the kubelet's to read only.
 */
import { describe, expect, it } from 'vitest';
import { Copies } from '../../../src/sim/k8s/apiserver/copies.ts';
import type { KObject } from '../../../src/sim/k8s/types.ts';

describe('Copies', () => {
  it('one copy per resourceVersion, distinct from the stored object', () => {
    const stored = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a', resourceVersion: '7' },
      spec: { containers: [{ name: 'c' }] },
    } as unknown as KObject;
    const copies = new Copies();
    const first = copies.of(stored);
    expect(first).toEqual(stored);
    expect(first).not.toBe(stored);
    expect((first.spec as { containers: unknown[] }).containers).not.toBe((stored.spec as { containers: unknown[] }).containers);
    expect(copies.of(stored)).toBe(first);
    stored.metadata.resourceVersion = '8';
    stored.status = { phase: 'Running' };
    const second = copies.of(stored);
    expect(second).not.toBe(first);
    expect(second.status).toEqual({ phase: 'Running' });
  });
});
