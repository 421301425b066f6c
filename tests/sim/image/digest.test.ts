import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { EMPTY_BLOB_DIGEST, canonicalJson, chainId, chainIds, isSha256Digest, sha256Digest, shortId, utf8 } from '../../../src/sim/image/digest.ts';

const nodeSha = (b: Uint8Array | string) => 'sha256:' + createHash('sha256').update(b).digest('hex');

describe('digest facts (FACTS §4)', () => {
  it('zero-length blob', async () => {
    expect(await sha256Digest(new Uint8Array())).toBe(EMPTY_BLOB_DIGEST);
    expect(EMPTY_BLOB_DIGEST).toBe(nodeSha(''));
    expect(EMPTY_BLOB_DIGEST).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('empty descriptor {} has size 2 and the spec digest', async () => {
    const bytes = utf8(canonicalJson({}));
    expect(bytes.length).toBe(2);
    expect(await sha256Digest(bytes)).toBe('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(Buffer.from(bytes).toString('base64')).toBe('e30=');
  });

  it('ChainID of sha256:a|b|c', async () => {
    const ids = await chainIds(['sha256:a', 'sha256:b', 'sha256:c']);
    expect(ids[0]).toBe('sha256:a');
    expect(ids[1]).toBe('sha256:970a948bffa8de94d6e22d747ba8c95030e6e546909f98f54e99a13005e173a8');
    expect(ids[2]).toBe('sha256:dee159b33409cefa3f6eda71539f006014283e9d9130c18a1dea7bd8a33c9b1b');
    expect(ids[1]).toBe(nodeSha('sha256:a sha256:b'));
    expect(ids[2]).toBe(nodeSha(`${ids[1]} sha256:c`));
    expect(await chainId([])).toBeUndefined();
  });

  it('agrees with node:crypto on arbitrary bytes', async () => {
    for (const s of ['a', 'hello docker!', 'é漢字', 'x'.repeat(10_000)]) {
      expect(await sha256Digest(s)).toBe(nodeSha(s));
    }
  });

  it('canonical JSON sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}');
  });

  it('digest syntax and short IDs', () => {
    expect(isSha256Digest(EMPTY_BLOB_DIGEST)).toBe(true);
    expect(isSha256Digest(EMPTY_BLOB_DIGEST.toUpperCase())).toBe(false);
    expect(isSha256Digest('sha256:abc')).toBe(false);
    expect(shortId(EMPTY_BLOB_DIGEST)).toBe('e3b0c44298fc');
  });
});
