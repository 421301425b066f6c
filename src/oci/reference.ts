/**
 * Image references, parsed exactly as github.com/distribution/reference does
 * (reference.go, normalize.go, regexp.go) and with go-digest's digest validation.
 * Docker, containerd and the kubelet all use this grammar, so the simulator, the
 * checker and `container-course ref` agree with them on every input.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] remote-name
 *
 * Pure TypeScript: no DOM, no Node built-ins.
 */

// ---- regexp.go, built from the same pieces --------------------------------
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = new RegExp(`^${identifier}$`);
const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);

export const RepositoryNameTotalLengthMax = 255;
const defaultDomain = 'docker.io';
const legacyDefaultDomain = 'index.docker.io';
const officialRepoPrefix = 'library/';
const defaultTag = 'latest';

/** Error texts, word for word as Go's reference and go-digest packages print them. */
export const ReferenceErrors = {
  invalidFormat: 'invalid reference format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${RepositoryNameTotalLengthMax} characters`,
  digestInvalidFormat: 'invalid checksum digest format',
  digestInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
} as const;

/** Digest algorithms Docker registers (crypto/sha256 and crypto/sha512), with their hex lengths. */
const digestAlgorithms: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export class ImageReferenceError extends Error {
  override name = 'ImageReferenceError';
}

export interface ParsedReference {
  /** Registry host, with port when given; '' only for the non-normalized {@link parse}. */
  domain: string;
  /** Repository path inside the registry, e.g. `library/alpine`. */
  path: string;
  /** '' when the reference names no tag. */
  tag: string;
  /** '' when the reference names no digest. */
  digest: string;
}

/** go-digest `Digest.Validate`. Returns the error text or null. */
export function validateDigest(d: string): string | null {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return ReferenceErrors.digestInvalidFormat;
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const size = Object.hasOwn(digestAlgorithms, algorithm) ? digestAlgorithms[algorithm] : undefined;
  if (size === undefined) {
    return anchoredDigestRegexp.test(d) ? ReferenceErrors.digestUnsupported : ReferenceErrors.digestInvalidFormat;
  }
  if (encoded.length !== size) return ReferenceErrors.digestInvalidLength;
  return /^[a-f0-9]+$/.test(encoded) ? null : ReferenceErrors.digestInvalidFormat;
}

/**
 * `reference.Parse`: the raw grammar, no defaulting. Throws {@link ImageReferenceError}.
 * A digest-only string (`sha256:…`) yields an empty domain and path.
 */
export function parse(s: string): ParsedReference {
  if (s === '') throw new ImageReferenceError(ReferenceErrors.nameEmpty);
  const m = referenceRegexp.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    if (lower !== s && referenceRegexp.test(lower)) throw new ImageReferenceError(ReferenceErrors.nameContainsUppercase);
    throw new ImageReferenceError(ReferenceErrors.invalidFormat);
  }
  const name = m[1]!;
  const nm = anchoredNameRegexp.exec(name);
  const domain = nm ? (nm[1] ?? '') : '';
  const path = nm ? nm[2]! : name;
  if (path.length > RepositoryNameTotalLengthMax) throw new ImageReferenceError(ReferenceErrors.nameTooLong);
  const digest = m[3] ?? '';
  if (digest) {
    const err = validateDigest(digest);
    if (err) throw new ImageReferenceError(err);
  }
  return { domain, path, tag: m[2] ?? '', digest };
}

/** normalize.go `splitDockerDomain`. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [defaultDomain, officialRepoPrefix + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === legacyDefaultDomain) [domain, remote] = [defaultDomain, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [defaultDomain, name];
  if (domain === defaultDomain && !remote.includes('/')) remote = officialRepoPrefix + remote;
  return [domain, remote];
}

/**
 * `reference.ParseNormalizedNamed`: what `docker pull`, `docker run` and the kubelet accept.
 * `alpine` → domain docker.io, path library/alpine. Throws {@link ImageReferenceError} with Docker's text.
 */
export function parseNormalizedNamed(s: string): ParsedReference {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new ImageReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ImageReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const ref = parse(`${domain}/${remainder}`);
  if (ref.path === '' && ref.domain === '') throw new ImageReferenceError(`reference ${ref.digest} has no name`);
  return ref;
}

/** The full name: `docker.io/library/alpine`. */
export function fullName(r: ParsedReference): string {
  return r.domain ? `${r.domain}/${r.path}` : r.path;
}

/** `reference.String()`: name, then `:tag`, then `@digest`, as present. */
export function referenceString(r: ParsedReference): string {
  return fullName(r) + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '');
}

/** `reference.FamiliarName`: docker.io and library/ dropped, as the docker CLI prints names. */
export function familiarName(r: ParsedReference): string {
  if (r.domain !== defaultDomain) return fullName(r);
  if (r.path.startsWith(officialRepoPrefix)) {
    const rest = r.path.slice(officialRepoPrefix.length);
    if (!rest.includes('/')) return rest;
  }
  return r.path;
}

/** `reference.FamiliarString`. */
export function familiarString(r: ParsedReference): string {
  return familiarName(r) + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '');
}

/** `reference.TagNameOnly`: adds `latest` when there is neither tag nor digest. */
export function tagNameOnly(r: ParsedReference): ParsedReference {
  return !r.tag && !r.digest ? { ...r, tag: defaultTag } : r;
}

/** `reference.ParseDockerRef`: normalized; a tag+digest reference keeps only the digest. */
export function parseDockerRef(s: string): ParsedReference {
  const r = parseNormalizedNamed(s);
  if (r.tag && r.digest) return { ...r, tag: '' };
  return tagNameOnly(r);
}

/** `reference.ParseAnyReference`: a 64-hex ID, a bare digest, or a familiar name. */
export function parseAnyReference(s: string): ParsedReference {
  if (anchoredIdentifierRegexp.test(s)) return { domain: '', path: '', tag: '', digest: `sha256:${s}` };
  if (validateDigest(s) === null) return { domain: '', path: '', tag: '', digest: s };
  return parseNormalizedNamed(s);
}
