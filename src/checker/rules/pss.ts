/**
 * The Pod Security Standards (latest), one rule per control, as data.
 * Source: kubernetes/pod-security-admission policy/check_*.go and
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/.
 */
import { BASELINE_CAPABILITIES, safeSysctls } from '../../k8s/pss/checks-baseline.ts';
import { MAX_VERSION } from '../../k8s/pss/index.ts';
import type { RuleDef } from '../rule.ts';

// One Kubernetes brain: the allow-lists are src/k8s/pss's (latest), the ones admission uses.
const BASELINE_CAPS = BASELINE_CAPABILITIES;
const SAFE_SYSCTLS = safeSysctls(MAX_VERSION.latest ? 0 : MAX_VERSION.minor);
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

export const pssRules: RuleDef[] = [
  {
    id: 'pss-host-process', target: 'workload', template: 'windows-host-process', params: {},
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'windowsHostProcess', control: 'HostProcess' },
    title: { en: 'No Windows HostProcess containers', 'zh-cn': '禁止 Windows HostProcess 容器' },
    message: { en: '{where} sets securityContext.windowsOptions.hostProcess=true', 'zh-cn': '{where} 设置了 securityContext.windowsOptions.hostProcess=true' },
    remediation: { en: 'Remove windowsOptions.hostProcess: a HostProcess container has full access to the Windows host.', 'zh-cn': '删除 windowsOptions.hostProcess：HostProcess 容器可以完全访问 Windows 主机。' },
  },
  {
    id: 'pss-host-namespaces', target: 'workload', template: 'pod-booleans-false', params: { fields: ['hostNetwork', 'hostPID', 'hostIPC'] },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'hostNamespaces', control: 'Host Namespaces' },
    title: { en: 'No host namespaces', 'zh-cn': '不共享主机命名空间' },
    message: { en: 'the pod sets {field}=true and shares the host\'s namespace', 'zh-cn': 'Pod 设置了 {field}=true，与主机共享该命名空间' },
    remediation: { en: 'Remove {field} (or set it to false). The pod then gets its own network, PID or IPC namespace.', 'zh-cn': '删除 {field}（或设为 false），Pod 才会拥有自己的网络、PID 或 IPC 命名空间。' },
  },
  {
    id: 'pss-privileged', target: 'workload', template: 'container-field-allowed', params: { field: 'privileged', allowed: [false] },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'privileged', control: 'Privileged Containers' },
    title: { en: 'No privileged containers', 'zh-cn': '禁止特权容器' },
    message: { en: 'container "{container}" sets securityContext.privileged=true', 'zh-cn': '容器 "{container}" 设置了 securityContext.privileged=true' },
    remediation: { en: 'Remove privileged: it gives every capability, all devices and no seccomp or AppArmor confinement.', 'zh-cn': '删除 privileged：它会授予全部能力（capability）、全部设备，并取消 seccomp 与 AppArmor 限制。' },
  },
  {
    id: 'pss-capabilities-baseline', target: 'workload', template: 'capabilities-add-allowed', params: { allowed: BASELINE_CAPS },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'capabilities_baseline', control: 'Capabilities' },
    title: { en: 'Only default capabilities may be added', 'zh-cn': '只能添加默认能力' },
    message: { en: 'container "{container}" adds the non-default capability "{value}"', 'zh-cn': '容器 "{container}" 添加了非默认能力（capability）"{value}"' },
    remediation: { en: 'Remove "{value}" from capabilities.add. Baseline allows adding only: ' + BASELINE_CAPS.join(', ') + '.', 'zh-cn': '从 capabilities.add 中删除 "{value}"。Baseline 只允许添加：' + BASELINE_CAPS.join(', ') + '。' },
  },
  {
    id: 'pss-host-path', target: 'workload', template: 'volume-types', params: { forbidden: ['hostPath'] },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'hostPathVolumes', control: 'HostPath Volumes' },
    title: { en: 'No hostPath volumes', 'zh-cn': '禁止 hostPath 卷' },
    message: { en: 'volume "{volume}" is a hostPath volume', 'zh-cn': '卷 "{volume}" 是 hostPath 卷' },
    remediation: { en: 'Use an emptyDir, configMap, secret or persistentVolumeClaim instead of mounting a host directory.', 'zh-cn': '改用 emptyDir、configMap、secret 或 persistentVolumeClaim，不要挂载主机目录。' },
  },
  {
    id: 'pss-host-ports', target: 'workload', template: 'host-ports', params: {},
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'hostPorts', control: 'Host Ports' },
    title: { en: 'No host ports', 'zh-cn': '禁止主机端口' },
    message: { en: 'container "{container}" uses hostPort {value}', 'zh-cn': '容器 "{container}" 使用了 hostPort {value}' },
    remediation: { en: 'Remove hostPort and expose the pod through a Service.', 'zh-cn': '删除 hostPort，改用 Service 暴露 Pod。' },
  },
  {
    id: 'pss-apparmor', target: 'workload', template: 'apparmor',
    params: { allowedTypes: ['RuntimeDefault', 'Localhost'], annotationPrefix: 'container.apparmor.security.beta.kubernetes.io/' },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'appArmorProfile', control: 'AppArmor' },
    title: { en: 'AppArmor is not disabled or overridden', 'zh-cn': '不禁用或覆盖 AppArmor' },
    message: { en: '{where} sets the forbidden AppArmor profile "{value}"', 'zh-cn': '{where} 设置了被禁止的 AppArmor 配置 "{value}"' },
    remediation: { en: 'Use appArmorProfile.type RuntimeDefault or Localhost (annotations: runtime/default or localhost/<profile>).', 'zh-cn': '使用 appArmorProfile.type RuntimeDefault 或 Localhost（注解：runtime/default 或 localhost/<配置名>）。' },
  },
  {
    id: 'pss-selinux', target: 'workload', template: 'selinux',
    params: { allowedTypes: ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'] },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'seLinuxOptions', control: 'SELinux' },
    title: { en: 'No custom SELinux user, role or type', 'zh-cn': '不设置自定义 SELinux 用户、角色或类型' },
    message: { en: 'seLinuxOptions.{field} is set to "{value}"', 'zh-cn': 'seLinuxOptions.{field} 被设置为 "{value}"' },
    remediation: { en: 'Leave seLinuxOptions.user and role empty; type may only be container_t, container_init_t, container_kvm_t or container_engine_t.', 'zh-cn': 'seLinuxOptions.user 和 role 必须留空；type 只能是 container_t、container_init_t、container_kvm_t 或 container_engine_t。' },
  },
  {
    id: 'pss-proc-mount', target: 'workload', template: 'container-field-allowed', params: { field: 'procMount', allowed: ['Default'], userNamespaceExempt: true },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'procMount', control: '/proc Mount Type' },
    title: { en: 'The default /proc masks stay on', 'zh-cn': '保留默认的 /proc 屏蔽' },
    message: { en: 'container "{container}" sets securityContext.procMount to "{value}"', 'zh-cn': '容器 "{container}" 将 securityContext.procMount 设为 "{value}"' },
    remediation: { en: 'Remove procMount (or set "Default"). Unmasked is allowed only in a user namespace (hostUsers: false).', 'zh-cn': '删除 procMount（或设为 "Default"）。只有在用户命名空间中（hostUsers: false）才允许 Unmasked。' },
  },
  {
    id: 'pss-seccomp-baseline', target: 'workload', template: 'seccomp-forbidden', params: { forbidden: ['Unconfined'] },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'seccompProfile_baseline', control: 'Seccomp' },
    title: { en: 'Seccomp is not turned off', 'zh-cn': '不关闭 seccomp' },
    message: { en: '{where} sets seccompProfile.type to "Unconfined"', 'zh-cn': '{where} 将 seccompProfile.type 设为 "Unconfined"' },
    remediation: { en: 'Use seccompProfile.type: RuntimeDefault (or Localhost with a profile).', 'zh-cn': '使用 seccompProfile.type: RuntimeDefault（或带配置文件的 Localhost）。' },
  },
  {
    id: 'pss-sysctls', target: 'workload', template: 'sysctls', params: { allowed: SAFE_SYSCTLS },
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'sysctls', control: 'Sysctls' },
    title: { en: 'Only safe sysctls', 'zh-cn': '只使用安全的 sysctl' },
    message: { en: 'the pod sets the forbidden sysctl "{value}"', 'zh-cn': 'Pod 设置了被禁止的 sysctl "{value}"' },
    remediation: { en: 'Remove it. Allowed: ' + SAFE_SYSCTLS.join(', ') + '.', 'zh-cn': '删除它。允许的有：' + SAFE_SYSCTLS.join(', ') + '。' },
  },
  {
    id: 'pss-host-probes', target: 'workload', template: 'probe-hosts', params: {},
    category: 'pss-baseline', severity: 'error', pss: { level: 'baseline', check: 'hostProbesAndHostLifecycle', control: 'Host Probes / Lifecycle Hooks' },
    title: { en: 'Probes and lifecycle hooks stay on the pod', 'zh-cn': '探针和生命周期回调只访问 Pod 自身' },
    message: { en: 'container "{container}" {handler} uses host "{value}"', 'zh-cn': '容器 "{container}" 的 {handler} 使用了 host "{value}"' },
    remediation: { en: 'Remove the host field; the kubelet then probes the pod\'s own IP.', 'zh-cn': '删除 host 字段，kubelet 会探测 Pod 自己的 IP。' },
  },
  {
    id: 'pss-volume-types', target: 'workload', template: 'volume-types', params: { allowed: RESTRICTED_VOLUMES },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'restrictedVolumes', control: 'Volume Types' },
    title: { en: 'Only restricted volume types', 'zh-cn': '只使用受限卷类型' },
    message: { en: 'volume "{volume}" uses the restricted volume type "{type}"', 'zh-cn': '卷 "{volume}" 使用了受限的卷类型 "{type}"' },
    remediation: { en: 'Use one of: ' + RESTRICTED_VOLUMES.join(', ') + '.', 'zh-cn': '改用以下之一：' + RESTRICTED_VOLUMES.join(', ') + '。' },
  },
  {
    id: 'pss-privilege-escalation', target: 'workload', template: 'allow-privilege-escalation-false', params: { windowsExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'allowPrivilegeEscalation', control: 'Privilege Escalation' },
    title: { en: 'allowPrivilegeEscalation is false', 'zh-cn': 'allowPrivilegeEscalation 为 false' },
    message: { en: 'container "{container}" must set securityContext.allowPrivilegeEscalation=false', 'zh-cn': '容器 "{container}" 必须设置 securityContext.allowPrivilegeEscalation=false' },
    remediation: { en: 'Add allowPrivilegeEscalation: false to the container\'s securityContext (it is not a pod-level field).', 'zh-cn': '在容器的 securityContext 中加入 allowPrivilegeEscalation: false（它不是 Pod 级字段）。' },
  },
  {
    id: 'pss-run-as-non-root', target: 'workload', template: 'run-as-non-root', params: { userNamespaceExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'runAsNonRoot', control: 'Running as Non-root' },
    title: { en: 'runAsNonRoot is true', 'zh-cn': 'runAsNonRoot 为 true' },
    message: { en: '{detail}', 'zh-cn': '{detail}' },
    remediation: { en: 'Set runAsNonRoot: true in the pod securityContext (containers inherit it) or in every container.', 'zh-cn': '在 Pod 的 securityContext 中设置 runAsNonRoot: true（容器会继承），或在每个容器中设置。' },
  },
  {
    id: 'pss-run-as-user', target: 'workload', template: 'run-as-user-not-root', params: { userNamespaceExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'runAsUser', control: 'Running as Non-root user' },
    title: { en: 'runAsUser is not 0', 'zh-cn': 'runAsUser 不为 0' },
    message: { en: '{where} must not set runAsUser=0', 'zh-cn': '{where} 不得设置 runAsUser=0' },
    remediation: { en: 'Use a non-zero UID such as 1000, or remove runAsUser and let the image\'s non-root USER apply.', 'zh-cn': '使用非 0 的 UID（例如 1000），或删除 runAsUser，使用镜像中的非 root USER。' },
  },
  {
    id: 'pss-seccomp-restricted', target: 'workload', template: 'seccomp-required', params: { allowed: ['RuntimeDefault', 'Localhost'], windowsExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'seccompProfile_restricted', control: 'Seccomp' },
    title: { en: 'A seccomp profile is set', 'zh-cn': '设置了 seccomp 配置' },
    message: { en: '{detail}', 'zh-cn': '{detail}' },
    remediation: { en: 'Set seccompProfile: {type: RuntimeDefault} in the pod securityContext; every container inherits it.', 'zh-cn': '在 Pod 的 securityContext 中设置 seccompProfile: {type: RuntimeDefault}，所有容器都会继承。' },
  },
  {
    id: 'pss-capabilities-restricted', target: 'workload', template: 'capabilities-drop-all', params: { windowsExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'capabilities_restricted', control: 'Capabilities' },
    title: { en: 'All capabilities are dropped', 'zh-cn': '丢弃全部能力' },
    message: { en: 'container "{container}" must set securityContext.capabilities.drop=["ALL"]{note}', 'zh-cn': '容器 "{container}" 必须设置 securityContext.capabilities.drop=["ALL"]{note}' },
    remediation: { en: 'Add capabilities: {drop: ["ALL"]} to the container\'s securityContext; add back only NET_BIND_SERVICE if needed.', 'zh-cn': '在容器的 securityContext 中加入 capabilities: {drop: ["ALL"]}；如有需要，只加回 NET_BIND_SERVICE。' },
  },
  {
    id: 'pss-capabilities-restricted-add', target: 'workload', template: 'capabilities-add-allowed', params: { allowed: ['NET_BIND_SERVICE'], windowsExempt: true },
    category: 'pss-restricted', severity: 'error', pss: { level: 'restricted', check: 'capabilities_restricted', control: 'Capabilities' },
    title: { en: 'Only NET_BIND_SERVICE may be added', 'zh-cn': '只能添加 NET_BIND_SERVICE' },
    message: { en: 'container "{container}" must not include "{value}" in securityContext.capabilities.add', 'zh-cn': '容器 "{container}" 的 securityContext.capabilities.add 中不得包含 "{value}"' },
    remediation: { en: 'Restricted allows adding only NET_BIND_SERVICE.', 'zh-cn': 'Restricted 只允许添加 NET_BIND_SERVICE。' },
  },
];
