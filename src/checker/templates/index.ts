/** The template registry: rule data names a template by key. */
import type { CrossTemplate, DockerfileTemplate, WorkloadTemplate } from '../rule.ts';
import * as course from './course.ts';
import * as cross from './cross.ts';
import * as df from './dockerfile.ts';
import * as pss from './pss.ts';
import { strictFields } from './strict-fields.ts';

export const workloadTemplates: Record<string, WorkloadTemplate> = {
  'pod-booleans-false': pss.podBooleansFalse,
  'windows-host-process': pss.windowsHostProcess,
  'container-field-allowed': pss.containerFieldAllowed,
  'capabilities-add-allowed': pss.capabilitiesAddAllowed,
  'capabilities-drop-all': pss.capabilitiesDropAll,
  'volume-types': pss.volumeTypes,
  'host-ports': pss.hostPorts,
  apparmor: pss.appArmor,
  selinux: pss.seLinux,
  'seccomp-forbidden': pss.seccompForbidden,
  'seccomp-required': pss.seccompRequired,
  sysctls: pss.sysctls,
  'probe-hosts': pss.probeHosts,
  'allow-privilege-escalation-false': pss.allowPrivilegeEscalationFalse,
  'run-as-non-root': pss.runAsNonRoot,
  'run-as-user-not-root': pss.runAsUserNotRoot,
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

export const dockerfileTemplates: Record<string, DockerfileTemplate> = {
  'from-pinned': df.fromPinned,
  'last-user-non-root': df.lastUserNonRoot,
  'exec-form': df.execForm,
  'apt-update-install': df.aptUpdateInstall,
  'apt-lists-cleaned': df.aptListsCleaned,
  'later-layer-delete': df.laterLayerDelete,
  'deps-before-source': df.depsBeforeSource,
  'final-stage-minimal': df.finalStageMinimal,
  'copy-not-add': df.copyNotAdd,
  'workdir-absolute': df.workdirAbsolute,
  'no-secrets-in-arg-env': df.noSecretsInArgEnv,
  'heredoc-terminated': df.heredocTerminated,
};

export const crossTemplates: Record<string, CrossTemplate> = {
  'root-image-vs-run-as-non-root': cross.rootImageVsRunAsNonRoot,
  'expose-vs-container-port': cross.exposeVsContainerPort,
  'read-only-vs-writes': cross.readOnlyVsWrites,
};
