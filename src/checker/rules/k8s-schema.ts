/** Known fields of the core/v1 types the workload rule checks: the generated schema's (src/k8s/schema), shared with the API server's strict decoding. */
import { fieldsOf } from '../../k8s/schema/index.ts';

export const KNOWN_FIELDS: Record<string, string[]> = {
  podSpec: fieldsOf('V1PodSpec'),
  podSecurityContext: fieldsOf('V1PodSecurityContext'),
  container: fieldsOf('V1Container'),
  ephemeralContainer: fieldsOf('V1EphemeralContainer'),
  securityContext: fieldsOf('V1SecurityContext'),
  capabilities: fieldsOf('V1Capabilities'),
};

const under = (en: string, zh: string) => ({ en, 'zh-cn': zh });

/** Targeted hints for the misplacements learners make (a widely read tutorial has the first two). */
export const FIELD_SUGGESTIONS = [
  {
    level: 'securityContext',
    field: 'drop',
    text: under(
      ' — "drop" belongs under "capabilities:". Indent it two more spaces so it sits inside capabilities (a widely read tutorial has this indentation bug).',
      ' —— "drop" 应位于 "capabilities:" 之下。再缩进两个空格，放进 capabilities 里（一篇流传很广的教程正有这个缩进错误）。',
    ),
  },
  {
    level: 'securityContext',
    field: 'add',
    text: under(
      ' — "add" belongs under "capabilities:". Indent it two more spaces so it sits inside capabilities.',
      ' —— "add" 应位于 "capabilities:" 之下。再缩进两个空格，放进 capabilities 里。',
    ),
  },
  {
    level: 'podSecurityContext',
    field: 'capabilities',
    text: under(
      " — capabilities exist only in a container's securityContext, not in the pod's.",
      ' —— capabilities 只存在于容器的 securityContext 中，Pod 级没有。',
    ),
  },
  {
    level: 'podSecurityContext',
    field: 'allowPrivilegeEscalation',
    text: under(
      " — allowPrivilegeEscalation is a container-level field; move it into each container's securityContext.",
      ' —— allowPrivilegeEscalation 是容器级字段，请移到每个容器的 securityContext 中。',
    ),
  },
  {
    level: 'podSecurityContext',
    field: 'readOnlyRootFilesystem',
    text: under(
      " — readOnlyRootFilesystem is a container-level field; move it into each container's securityContext.",
      ' —— readOnlyRootFilesystem 是容器级字段，请移到每个容器的 securityContext 中。',
    ),
  },
  { level: 'podSecurityContext', field: 'privileged', text: under(' — privileged is a container-level field.', ' —— privileged 是容器级字段。') },
  ...['runAsUser', 'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'capabilities', 'privileged', 'seccompProfile'].map(
    (f) => ({
      level: 'container',
      field: f,
      text: under(
        ` — "${f}" belongs under the container's "securityContext:"; indent it there.`,
        ` —— "${f}" 应位于容器的 "securityContext:" 之下，请缩进到那里。`,
      ),
    }),
  ),
  ...['runAsUser', 'runAsNonRoot', 'securityContext', 'image'].map((f) => ({
    level: 'podSpec',
    field: f,
    text: under(
      ` — "${f}" at this level is a typo or misplaced indentation; check where it belongs.`,
      ` —— "${f}" 放在这一层是拼写或缩进错误，请检查它应在的位置。`,
    ),
  })),
];
