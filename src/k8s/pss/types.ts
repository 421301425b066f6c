/**
 * Pod Security Standards: levels, versions and check results, as
 * kubernetes/pod-security-admission api/helpers.go and policy/checks.go define them.
 */
import type { Obj } from './pod.ts';

export type Level = 'privileged' | 'baseline' | 'restricted';

/** A policy version: `v1.<minor>`, or `latest` (newer than every numbered version). */
export type Version = { latest: true } | { latest: false; minor: number };

export const LATEST: Version = { latest: true };
export const v = (minor: number): Version => ({ latest: false, minor });

/** api.Version.String(). */
export const versionString = (ver: Version): string => (ver.latest ? 'latest' : `v1.${ver.minor}`);

/** api.Version.Older(). */
export const older = (a: Version, b: Version): boolean => (a.latest ? false : b.latest ? true : a.minor < b.minor);

/**
 * api.ParseVersion(): "latest" or "v1.x". The error text is the API's own
 * (`must be "latest" or "v1.x"`).
 */
export function parseVersion(text: string): { version: Version } | { error: string } {
  if (text === 'latest') return { version: LATEST };
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(text);
  if (!m) return { error: 'must be "latest" or "v1.x"' };
  return { version: v(Number(m[1])) };
}

/** api.ParseLevel(). */
export function parseLevel(text: string): { level: Level } | { error: string } {
  if (text === 'privileged' || text === 'baseline' || text === 'restricted') return { level: text };
  return { error: 'must be one of privileged, baseline, restricted' };
}

export interface CheckResult {
  allowed: boolean;
  /** ForbiddenReason, e.g. "allowPrivilegeEscalation != false". */
  reason?: string;
  /** ForbiddenDetail, e.g. `container "demo" must set securityContext.allowPrivilegeEscalation=false`. */
  detail?: string;
}

export const ALLOWED: CheckResult = Object.freeze({ allowed: true });

export type CheckFn = (podMeta: Obj, podSpec: Obj) => CheckResult;

export interface VersionedCheck {
  min: Version;
  run: CheckFn;
  /** Baseline checks this restricted check replaces from this version on. */
  overrides?: string[];
}

export interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
}
