/**
 * The restricted Pod Security Standards checks, ported from
 * kubernetes/pod-security-admission@v0.37.0-alpha.2 (Kubernetes 1.37) policy/check_*.go.
 */
import { procMount, setters, validSeccomp } from './checks-baseline.ts';
import { bool, containers, int, isObj, joinQuote, list, obj, pluralize, sortedSet, str, strings, userNamespacePod, isWindows } from './pod.ts';
import type { Check, CheckFn } from './types.ts';
import { ALLOWED, v } from './types.ts';

/** From 1.25 a pod with `spec.os.name: windows` is exempt from a Linux-only control. */
const linuxOnly =
  (check: CheckFn): CheckFn =>
  (m, s) =>
    isWindows(s) ? ALLOWED : check(m, s);
/** From 1.35 a pod with `hostUsers: false` is exempt (policy/helpers.go relaxPolicyForUserNamespacePod). */
const relaxedForUserNamespace =
  (check: CheckFn): CheckFn =>
  (m, s) =>
    userNamespacePod(s) ? ALLOWED : check(m, s);

// policy/check_allowPrivilegeEscalation.go
const allowPrivilegeEscalation: CheckFn = (_m, spec) => {
  const bad = containers(spec)
    .filter((c) => bool(c.securityContext, 'allowPrivilegeEscalation') !== false)
    .map((c) => c.name);
  if (!bad.length) return ALLOWED;
  return {
    allowed: false,
    reason: 'allowPrivilegeEscalation != false',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
  };
};

// policy/check_capabilities_restricted.go: drop must contain "ALL" exactly; add only NET_BIND_SERVICE.
const capabilitiesRestricted: CheckFn = (_m, spec) => {
  const missingDrop: string[] = [];
  const adding: string[] = [];
  const forbidden: string[] = [];
  for (const c of containers(spec)) {
    const caps = obj(c.securityContext, 'capabilities');
    if (caps === undefined) {
      missingDrop.push(c.name);
      continue;
    }
    if (!strings(caps, 'drop').includes('ALL')) missingDrop.push(c.name);
    const extra = strings(caps, 'add').filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length) {
      adding.push(c.name);
      forbidden.push(...extra);
    }
  }
  const details: string[] = [];
  if (missingDrop.length) {
    details.push(`${pluralize('container', 'containers', missingDrop.length)} ${joinQuote(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (adding.length) {
    details.push(
      `${pluralize('container', 'containers', adding.length)} ${joinQuote(adding)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`,
    );
  }
  return details.length ? { allowed: false, reason: 'unrestricted capabilities', detail: details.join('; ') } : ALLOWED;
};

// policy/check_restrictedVolumes.go: the first set source decides the type, in Go's field order.
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const NAMED_VOLUMES: [string, string][] = [
  ['hostPath', 'hostPath'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['gitRepo', 'gitRepo'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['rbd', 'rbd'],
  ['flexVolume', 'flexVolume'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephfs'],
  ['flocker', 'flocker'],
  ['fc', 'fc'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['quobyte', 'quobyte'],
  ['azureDisk', 'azureDisk'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['scaleIO', 'scaleIO'],
  ['storageos', 'storageos'],
];
const VOLUME_SOURCES = [...ALLOWED_VOLUMES, ...NAMED_VOLUMES.map(([k]) => k)];
const restrictedVolumes: CheckFn = (_m, spec) => {
  const bad: string[] = [];
  const types: string[] = [];
  for (const vol of list(spec, 'volumes')) {
    const set = (key: string) => isObj(vol) && isObj(vol[key]) && Object.hasOwn(vol, key);
    // The API server defaults a volume with no known source to emptyDir (SetDefaults_Volume).
    if (ALLOWED_VOLUMES.some(set) || !VOLUME_SOURCES.some(set)) continue;
    bad.push(str(vol, 'name'));
    types.push(NAMED_VOLUMES.find(([k]) => set(k))?.[1] ?? 'unknown');
  }
  if (!bad.length) return ALLOWED;
  const distinct = sortedSet(types);
  return {
    allowed: false,
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', distinct.length)} ${joinQuote(distinct)}`,
  };
};

// policy/check_runAsNonRoot.go
const runAsNonRoot: CheckFn = (_m, spec) => {
  const pod = bool(obj(spec, 'securityContext'), 'runAsNonRoot');
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const val = bool(c.securityContext, 'runAsNonRoot');
    if (val === false) explicit.push(c.name);
    else if (val === undefined && pod !== true) implicit.push(c.name);
  }
  const who = setters(pod === false, explicit);
  if (who.length) return { allowed: false, reason: 'runAsNonRoot != true', detail: `${who.join(' and ')} must not set securityContext.runAsNonRoot=false` };
  if (implicit.length) {
    return {
      allowed: false,
      reason: 'runAsNonRoot != true',
      detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`,
    };
  }
  return ALLOWED;
};

// policy/check_runAsUser.go
const runAsUser: CheckFn = (_m, spec) => {
  const pod = int(obj(spec, 'securityContext'), 'runAsUser') === 0;
  const bad = containers(spec)
    .filter((c) => int(c.securityContext, 'runAsUser') === 0)
    .map((c) => c.name);
  const who = setters(pod, bad);
  return who.length ? { allowed: false, reason: 'runAsUser=0', detail: `${who.join(' and ')} must not set runAsUser=0` } : ALLOWED;
};

// policy/check_seccompProfile_restricted.go
const seccompRestricted: CheckFn = (_m, spec) => {
  const values: string[] = [];
  const podProfile = obj(obj(spec, 'securityContext'), 'seccompProfile');
  const podBad = podProfile !== undefined && !validSeccomp(str(podProfile, 'type'));
  const podSet = podProfile !== undefined && !podBad;
  if (podBad) values.push(str(podProfile, 'type'));
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const p = obj(c.securityContext, 'seccompProfile');
    if (p !== undefined) {
      if (!validSeccomp(str(p, 'type'))) {
        explicit.push(c.name);
        values.push(str(p, 'type'));
      }
    } else if (!podSet) implicit.push(c.name);
  }
  const who = setters(podBad, explicit);
  if (who.length) {
    return {
      allowed: false,
      reason: 'seccompProfile',
      detail: `${who.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`,
    };
  }
  if (implicit.length) {
    return {
      allowed: false,
      reason: 'seccompProfile',
      detail: `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  }
  return ALLOWED;
};

export const RESTRICTED_CHECKS: Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { min: v(8), run: allowPrivilegeEscalation },
      { min: v(25), run: linuxOnly(allowPrivilegeEscalation) },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { min: v(22), run: capabilitiesRestricted, overrides: ['capabilities_baseline'] },
      { min: v(25), run: linuxOnly(capabilitiesRestricted), overrides: ['capabilities_baseline'] },
    ],
  },
  // Its own check, so hostUsers: false does not relax it (unlike the baseline procMount from 1.35).
  { id: 'procMount_restricted', level: 'restricted', versions: [{ min: v(35), run: procMount, overrides: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ min: v(0), run: restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    versions: [
      { min: v(0), run: runAsNonRoot },
      { min: v(35), run: relaxedForUserNamespace(runAsNonRoot) },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    versions: [
      { min: v(23), run: runAsUser },
      { min: v(35), run: relaxedForUserNamespace(runAsUser) },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { min: v(19), run: seccompRestricted, overrides: ['seccompProfile_baseline'] },
      { min: v(25), run: linuxOnly(seccompRestricted), overrides: ['seccompProfile_baseline'] },
    ],
  },
];
