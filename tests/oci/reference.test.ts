import { describe, expect, it } from 'vitest';
import {
  familiarString,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  validateDigest,
} from '../../src/oci/reference.ts';

const H = 'a'.repeat(64);
const D = `sha256:${H}`;

// input → [domain, path, tag, digest, familiar, normalized (TagNameOnly)]
const valid: [string, string, string, string, string, string, string][] = [
  ['alpine', 'docker.io', 'library/alpine', '', '', 'alpine', 'docker.io/library/alpine:latest'],
  ['alpine:3.18', 'docker.io', 'library/alpine', '3.18', '', 'alpine:3.18', 'docker.io/library/alpine:3.18'],
  ['cloudnatived/demo:hello', 'docker.io', 'cloudnatived/demo', 'hello', '', 'cloudnatived/demo:hello', 'docker.io/cloudnatived/demo:hello'],
  ['docker.io/cloudnatived/demo:hello', 'docker.io', 'cloudnatived/demo', 'hello', '', 'cloudnatived/demo:hello', 'docker.io/cloudnatived/demo:hello'],
  ['docker.io/ubuntu', 'docker.io', 'library/ubuntu', '', '', 'ubuntu', 'docker.io/library/ubuntu:latest'],
  ['index.docker.io/library/redis', 'docker.io', 'library/redis', '', '', 'redis', 'docker.io/library/redis:latest'],
  ['library/distros/ubuntu', 'docker.io', 'library/distros/ubuntu', '', '', 'library/distros/ubuntu', 'docker.io/library/distros/ubuntu:latest'],
  // registry:port with no tag: the ':5000' is a port, the reference is untagged
  ['registry:5000/app', 'registry:5000', 'app', '', '', 'registry:5000/app', 'registry:5000/app:latest'],
  ['localhost:5000/demo:1.3.0', 'localhost:5000', 'demo', '1.3.0', '', 'localhost:5000/demo:1.3.0', 'localhost:5000/demo:1.3.0'],
  ['localhost/demo', 'localhost', 'demo', '', '', 'localhost/demo', 'localhost/demo:latest'],
  ['myhost/app', 'docker.io', 'myhost/app', '', '', 'myhost/app', 'docker.io/myhost/app:latest'],
  [
    'gcr.io/distroless/static-debian12:nonroot',
    'gcr.io',
    'distroless/static-debian12',
    'nonroot',
    '',
    'gcr.io/distroless/static-debian12:nonroot',
    'gcr.io/distroless/static-debian12:nonroot',
  ],
  ['registry.k8s.io/pause:3.9', 'registry.k8s.io', 'pause', '3.9', '', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
  ['Example.COM/app', 'Example.COM', 'app', '', '', 'Example.COM/app', 'Example.COM/app:latest'],
  ['[::1]:5000/app:v1', '[::1]:5000', 'app', 'v1', '', '[::1]:5000/app:v1', '[::1]:5000/app:v1'],
  ['192.168.1.10:5000/team/app', '192.168.1.10:5000', 'team/app', '', '', '192.168.1.10:5000/team/app', '192.168.1.10:5000/team/app:latest'],
  [`nginx@${D}`, 'docker.io', 'library/nginx', '', D, `nginx@${D}`, `docker.io/library/nginx@${D}`],
  [`nginx:1.25@${D}`, 'docker.io', 'library/nginx', '1.25', D, `nginx:1.25@${D}`, `docker.io/library/nginx:1.25@${D}`],
  ['a__b/c--d/e.f_g:T_a.g-1', 'docker.io', 'a__b/c--d/e.f_g', 'T_a.g-1', '', 'a__b/c--d/e.f_g:T_a.g-1', 'docker.io/a__b/c--d/e.f_g:T_a.g-1'],
  [`x:${'t'.repeat(128)}`, 'docker.io', 'library/x', 't'.repeat(128), '', `x:${'t'.repeat(128)}`, `docker.io/library/x:${'t'.repeat(128)}`],
  // Go's ParseNormalizedNamed reads a bare digest as repository "sha256" with a tag
  [D, 'docker.io', 'library/sha256', H, '', `sha256:${H}`, `docker.io/library/sha256:${H}`],
];

const invalid: [string, string][] = [
  ['', 'invalid reference format'],
  ['Alpine', 'invalid reference format: repository name (library/Alpine) must be lowercase'],
  ['cloudnatived/Demo:hello', 'invalid reference format: repository name (cloudnatived/Demo) must be lowercase'],
  ['cloudnatived/demo :hello', 'invalid reference format'],
  ['nginx:', 'invalid reference format'],
  ['nginx@', 'invalid reference format'],
  [':tag', 'invalid reference format'],
  ['a___b', 'invalid reference format'],
  ['a..b', 'invalid reference format'],
  ['-a/b', 'invalid reference format'],
  ['a/b/', 'invalid reference format'],
  [`x:${'t'.repeat(129)}`, 'invalid reference format'],
  ['x:-tag', 'invalid reference format'],
  [H, `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`],
  [`nginx@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length'],
  [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
  [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
  [`nginx@sha256:${'a'.repeat(31)}`, 'invalid reference format'],
  [`a/${'b'.repeat(260)}`, 'repository name must not be more than 255 characters'],
  ['registry:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
];

describe('parseNormalizedNamed: valid references', () => {
  it.each(valid)('%s', (input, domain, path, tag, digest, familiar, normalized) => {
    const r = parseNormalizedNamed(input);
    expect(r).toEqual({ domain, path, tag, digest });
    expect(familiarString(r)).toBe(familiar);
    expect(referenceString(tagNameOnly(r))).toBe(normalized);
  });
});

describe('parseNormalizedNamed: Docker error messages', () => {
  it.each(invalid)('%j → %s', (input, error) => {
    expect(() => parseNormalizedNamed(input)).toThrowError(error);
    try {
      parseNormalizedNamed(input);
    } catch (e) {
      expect((e as Error).message).toBe(error);
    }
  });
});

describe('other entry points', () => {
  it('parse keeps a name without a domain as it is', () => {
    expect(parse('alpine:3')).toEqual({ domain: '', path: 'alpine', tag: '3', digest: '' });
  });
  it('parse of an empty string has no name component', () => {
    expect(() => parse('')).toThrowError('repository name must have at least one component');
  });
  it('parse reports uppercase names the way reference.Parse does', () => {
    expect(() => parse('alpine/Foo')).toThrowError('repository name must be lowercase');
  });
  it('parseAnyReference accepts an image ID and a bare digest', () => {
    expect(parseAnyReference(H)).toEqual({ domain: '', path: '', tag: '', digest: D });
    expect(parseAnyReference(D)).toEqual({ domain: '', path: '', tag: '', digest: D });
  });
  it('parseDockerRef drops the tag when a digest is present and adds latest otherwise', () => {
    expect(referenceString(parseDockerRef(`nginx:1.25@${D}`))).toBe(`docker.io/library/nginx@${D}`);
    expect(referenceString(parseDockerRef('registry:5000/app'))).toBe('registry:5000/app:latest');
  });
  it('validateDigest follows go-digest', () => {
    expect(validateDigest(D)).toBeNull();
    expect(validateDigest(':abc')).toBe('invalid checksum digest format');
    expect(validateDigest('sha256:')).toBe('invalid checksum digest format');
    expect(validateDigest(`sha512:${'0'.repeat(128)}`)).toBeNull();
  });
  it('stays fast on a pathological input', () => {
    const t = Date.now();
    expect(() => parseNormalizedNamed('a'.repeat(50000) + '!')).toThrowError('invalid reference format');
    expect(() => parseNormalizedNamed('a-'.repeat(20000) + '/')).toThrowError('invalid reference format');
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('ambiguous familiar names', () => {
  it('a first component with a dot is a registry host, as in Docker', () => {
    expect(parseNormalizedNamed('a.0/a')).toEqual({ domain: 'a.0', path: 'a', tag: '', digest: '' });
    expect(parseNormalizedNamed('docker.io/a.0/a')).toEqual({ domain: 'docker.io', path: 'a.0/a', tag: '', digest: '' });
  });
});
