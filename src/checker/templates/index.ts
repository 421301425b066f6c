/**
 * The template registry for manifests: rule data names a template by key. The Dockerfile and
 * cross-file templates are in dockerfile-index.ts, so checking manifests alone never loads them.
 */
import type { WorkloadTemplate } from '../rule.ts';
import * as course from './course.ts';
import * as pss from './pss.ts';
import * as restricted from './pss-restricted.ts';
import { strictFields } from './strict-fields.ts';

export const workloadTemplates: Record<string, WorkloadTemplate> = {
  'pod-booleans-false': pss.podBooleansFalse,
  'windows-host-process': pss.windowsHostProcess,
  'container-field-allowed': pss.containerFieldAllowed,
  'capabilities-add-allowed': pss.capabilitiesAddAllowed,
  'capabilities-drop-all': restricted.capabilitiesDropAll,
  'volume-types': restricted.volumeTypes,
  'host-ports': pss.hostPorts,
  apparmor: pss.appArmor,
  selinux: pss.seLinux,
  'seccomp-forbidden': pss.seccompForbidden,
  'seccomp-required': restricted.seccompRequired,
  sysctls: pss.sysctls,
  'probe-hosts': pss.probeHosts,
  'allow-privilege-escalation-false': restricted.allowPrivilegeEscalationFalse,
  'run-as-non-root': restricted.runAsNonRoot,
  'run-as-user-not-root': restricted.runAsUserNotRoot,
  'strict-fields': strictFields,
  'image-reference': course.imageReference,
  'pull-policy': course.pullPolicy,
  'effective-equals': course.effectiveEquals,
  'capabilities-course': course.capabilitiesCourse,
  'resources-set': course.resourcesSet,
  'resource-units': course.resourceUnits,
  'env-size': course.envSize,
  'probes-set': course.probesSet,
};
