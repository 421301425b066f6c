/**
 * Content addressing: sha256 digests, canonical JSON, ChainIDs.
 *
 * Decision (documented in README.md of this folder): hashing returns a Promise.
 * Blobs go to Web Crypto (`globalThis.crypto.subtle.digest`), IDs and other short
 * inputs to @noble/hashes on the calling thread (SYNC_BYTES). No sha256 is
 * hand-written. Because the tar writer (`modern-tar`'s `packTar`) is async as well,
 * the whole image store is async: every function that creates content returns a
 * Promise. Reads (lookups, listings, formatting) stay synchronous.
 *
 * Pure TS: no DOM lib, no Node built-ins. Web globals are reached through
 * `globalThis` with local types so that no ambient declaration is needed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import canonicalize from 'canonicalize';

/** `sha256:` followed by 64 lower-case hex digits. */
export type Digest = `sha256:${string}`;

interface WebGlobals {
  crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string) => { decode(b: Uint8Array): string };
}
const web = globalThis as unknown as WebGlobals;
const encoder = new web.TextEncoder();
const decoder = new web.TextDecoder('utf-8');

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** A string from UTF-8 bytes. */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function toHex(buf: ArrayBuffer): string {
  const b = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

/**
 * Lower-case hex sha256 of bytes (or of the UTF-8 bytes of a string).
 * Short inputs are hashed synchronously (see SYNC_BYTES); the result is still a Promise, as
 * for a blob, so that callers do not care which.
 */
export function sha256Hex(content: Uint8Array | string): Promise<string> {
  if (typeof content !== 'string' || content.length > MEMO_CHARS) return digestHex(content);
  // Short strings (IDs derived from IDs: ChainIDs, overlay2 cache and link names) come back
  // again and again, every `docker run` of the same image; each digest is a round trip.
  let p = memo.get(content);
  if (!p) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    p = digestHex(content);
    memo.set(content, p);
  }
  return p;
}

/** Strings up to this long have their digests remembered, at most MEMO_ENTRIES of them. */
const MEMO_CHARS = 256;
const MEMO_ENTRIES = 4096;
const memo = new Map<string, Promise<string>>();

/**
 * Inputs up to this many bytes are hashed here, synchronously, by @noble/hashes (audited, 4 KB): Web Crypto's digest is
 * a round trip through another thread (Node's crypto pool, the browser's), which on a busy machine cost a `docker run`
 * milliseconds of waiting for a 77-byte ID (issue #10's p99). Larger inputs (layer tars, blobs) go to Web Crypto, whose
 * native code is faster on megabytes; without it (a page served over plain http from a LAN address has no
 * `crypto.subtle`) they are hashed here too.
 */
const SYNC_BYTES = 64 * 1024;

async function digestHex(content: Uint8Array | string): Promise<string> {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  const subtle = web.crypto?.subtle;
  if (subtle && bytes.length > SYNC_BYTES) return toHex(await subtle.digest('SHA-256', bytes));
  return toHex(sha256(bytes).buffer as ArrayBuffer);
}

/** `sha256:<hex>` of bytes, as the OCI descriptor spec defines a digest. */
export async function sha256Digest(content: Uint8Array | string): Promise<Digest> {
  return `sha256:${await sha256Hex(content)}`;
}

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** True for a well-formed sha256 digest (upper case is invalid, per the spec). */
export function isSha256Digest(s: string): s is Digest {
  return DIGEST_RE.test(s);
}

/** The 64 hex digits of a digest. */
export function hexOf(d: Digest): string {
  return d.slice('sha256:'.length);
}

/** Docker's short ID: the first 12 hex digits (stringid.TruncateID). */
export function shortId(d: string): string {
  const hex = d.startsWith('sha256:') ? d.slice(7) : d;
  return hex.slice(0, 12);
}

/** Canonical JSON (RFC 8785 / JCS via `canonicalize`): sorted keys, no insignificant whitespace. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('canonical JSON: value cannot be serialised');
  return s;
}

/** Canonical JSON bytes of a value. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

/**
 * ChainID per image-spec config.md: ChainID(L0) = DiffID(L0);
 * ChainID(L0|…|Ln) = sha256(ChainID(L0|…|Ln-1) + " " + DiffID(Ln)).
 * Returns one ChainID per prefix (index i = ChainID of layers 0..i).
 */
export async function chainIds(diffIds: readonly string[]): Promise<Digest[]> {
  const out: Digest[] = [];
  let prev: string | undefined;
  for (const d of diffIds) {
    const next = prev === undefined ? (d as Digest) : await sha256Digest(`${prev} ${d}`);
    out.push(next);
    prev = next;
  }
  return out;
}

/** ChainID of the whole stack (undefined for an empty stack, like `scratch`). */
export async function chainId(diffIds: readonly string[]): Promise<Digest | undefined> {
  const all = await chainIds(diffIds);
  return all[all.length - 1];
}

/** sha256 of the empty blob (FACTS §4). */
export const EMPTY_BLOB_DIGEST: Digest = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
