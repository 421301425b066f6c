/** The `course` rules on manifests: best practice from the seeds and the peers, as data. */
import type { RuleDef } from '../rule.ts';
import { FIELD_SUGGESTIONS, KNOWN_FIELDS } from './k8s-schema.ts';

export const courseRules: RuleDef[] = [
  {
    id: 'k8s-unknown-field', target: 'workload', template: 'strict-fields', params: { known: KNOWN_FIELDS, suggestions: FIELD_SUGGESTIONS },
    category: 'schema', severity: 'error',
    title: { en: 'Every field is one the API knows', 'zh-cn': '所有字段都是 API 认识的字段' },
    message: {
      en: '{kind} in version "{version}" cannot be handled as a {kind}: strict decoding error: unknown field "{field}"{hint}',
      'zh-cn': 'API 服务器会拒绝：{kind} in version "{version}" cannot be handled as a {kind}: strict decoding error: unknown field "{field}"{hint}',
    },
    remediation: { en: 'Check the spelling and the indentation: YAML nesting decides which object a field belongs to.', 'zh-cn': '检查拼写和缩进：YAML 的缩进决定字段属于哪个对象。' },
  },
  {
    id: 'image-valid', target: 'workload', template: 'image-reference', params: { require: 'valid' },
    category: 'image', severity: 'error',
    title: { en: 'Image references are valid', 'zh-cn': '镜像引用合法' },
    message: { en: 'container "{container}" {problem}', 'zh-cn': '容器 "{container}" {problem}' },
    remediation: { en: 'Write [registry[:port]/]repository[:tag][@sha256:digest] in lowercase, with no spaces. Try `container-course ref <image>`.', 'zh-cn': '按 [registry[:port]/]repository[:tag][@sha256:digest] 书写，全部小写、不含空格。可用 `container-course ref <镜像>` 检查。' },
  },
  {
    id: 'image-tag-pinned', target: 'workload', template: 'image-reference', params: { require: 'tag' },
    category: 'image', severity: 'error',
    title: { en: 'Images name an explicit tag that is not latest', 'zh-cn': '镜像使用明确且不是 latest 的标签' },
    message: { en: 'container "{container}" image "{value}" {problem}', 'zh-cn': '容器 "{container}" 的镜像 "{value}" {problem}' },
    remediation: { en: 'Name a version tag such as nginx:1.25, or pin a digest (name@sha256:…). Note that in registry:5000/app the ":5000" is a port, not a tag.', 'zh-cn': '写明版本标签（如 nginx:1.25），或用摘要固定（name@sha256:…）。注意 registry:5000/app 中的 ":5000" 是端口，不是标签。' },
  },
  {
    id: 'image-digest-pinned', target: 'workload', template: 'image-reference', params: { require: 'digest' },
    category: 'image', severity: 'info',
    title: { en: 'Images are pinned by digest', 'zh-cn': '镜像用摘要固定' },
    message: { en: 'container "{container}" image "{value}" is not pinned by digest; a tag can be moved to another image', 'zh-cn': '容器 "{container}" 的镜像 "{value}" 没有用摘要固定；标签可能被移到另一个镜像' },
    remediation: { en: 'Append @sha256:<digest> (see `docker images --digests`); the same digest always means the same content.', 'zh-cn': '追加 @sha256:<摘要>（见 `docker images --digests`）；同一摘要永远对应同一内容。' },
  },
  {
    id: 'image-pull-policy', target: 'workload', template: 'pull-policy', params: {},
    category: 'image', severity: 'warning',
    title: { en: 'imagePullPolicy fits the image reference', 'zh-cn': 'imagePullPolicy 与镜像引用相符' },
    message: { en: 'container "{container}" has imagePullPolicy: {value}, but {why}', 'zh-cn': '容器 "{container}" 的 imagePullPolicy 为 {value}，但{why}' },
    remediation: { en: 'Leave imagePullPolicy out: Kubernetes defaults to Always for latest or no tag, and IfNotPresent otherwise (including digests).', 'zh-cn': '省略 imagePullPolicy：标签为 latest 或无标签时 Kubernetes 默认 Always，其余（包括摘要）默认 IfNotPresent。' },
  },
  {
    id: 'read-only-root-fs', target: 'workload', template: 'effective-equals', params: { field: 'readOnlyRootFilesystem', equals: true },
    category: 'security', severity: 'warning',
    title: { en: 'The root filesystem is read-only', 'zh-cn': '根文件系统只读' },
    message: { en: 'container "{container}" has a writable root filesystem (readOnlyRootFilesystem: {value})', 'zh-cn': '容器 "{container}" 的根文件系统可写（readOnlyRootFilesystem: {value}）' },
    remediation: { en: 'Set readOnlyRootFilesystem: true in the container\'s securityContext and mount an emptyDir where the app must write (e.g. /tmp).', 'zh-cn': '在容器的 securityContext 中设置 readOnlyRootFilesystem: true，并在应用需要写入的位置（如 /tmp）挂载 emptyDir。' },
  },
  {
    id: 'run-as-non-root', target: 'workload', template: 'effective-equals', params: { field: 'runAsNonRoot', equals: true },
    category: 'security', severity: 'warning',
    title: { en: 'Containers must run as non-root', 'zh-cn': '容器必须以非 root 运行' },
    message: { en: 'container "{container}" may run as root (runAsNonRoot: {value})', 'zh-cn': '容器 "{container}" 可能以 root 运行（runAsNonRoot: {value}）' },
    remediation: { en: 'Set runAsNonRoot: true (pod level is enough; containers inherit it) and use an image with a numeric non-root USER, or set runAsUser.', 'zh-cn': '设置 runAsNonRoot: true（Pod 级即可，容器会继承），并使用带数字非 root USER 的镜像，或设置 runAsUser。' },
  },
  {
    id: 'no-privilege-escalation', target: 'workload', template: 'effective-equals', params: { field: 'allowPrivilegeEscalation', equals: false },
    category: 'security', severity: 'warning',
    title: { en: 'No privilege escalation', 'zh-cn': '禁止权限提升' },
    message: { en: 'container "{container}" allows privilege escalation (allowPrivilegeEscalation: {value})', 'zh-cn': '容器 "{container}" 允许权限提升（allowPrivilegeEscalation: {value}）' },
    remediation: { en: 'Set allowPrivilegeEscalation: false; setuid binaries then cannot gain privileges (NoNewPrivs: 1).', 'zh-cn': '设置 allowPrivilegeEscalation: false；setuid 程序就无法提升权限（NoNewPrivs: 1）。' },
  },
  {
    id: 'drop-all-capabilities', target: 'workload', template: 'capabilities-course', params: { mode: 'drop-all' },
    category: 'security', severity: 'warning',
    title: { en: 'All capabilities are dropped', 'zh-cn': '丢弃全部能力' },
    message: { en: 'container "{container}" does not drop ALL capabilities', 'zh-cn': '容器 "{container}" 没有丢弃全部能力（ALL）' },
    remediation: { en: 'Add capabilities: {drop: [ALL]} and add back only what the app needs.', 'zh-cn': '加入 capabilities: {drop: [ALL]}，只加回应用需要的能力。' },
  },
  {
    id: 'only-net-bind-service', target: 'workload', template: 'capabilities-course', params: { mode: 'add-allowed', allowedAdd: ['NET_BIND_SERVICE'] },
    category: 'security', severity: 'warning',
    title: { en: 'Only NET_BIND_SERVICE is added', 'zh-cn': '只添加 NET_BIND_SERVICE' },
    message: { en: 'container "{container}" adds capability "{value}"', 'zh-cn': '容器 "{container}" 添加了能力 "{value}"' },
    remediation: { en: 'Remove it. NET_BIND_SERVICE (ports below 1024) is the only capability a typical web app needs.', 'zh-cn': '删除它。一般的 Web 应用只需要 NET_BIND_SERVICE（绑定 1024 以下端口）。' },
  },
  {
    id: 'resources-set', target: 'workload', template: 'resources-set', params: { kinds: ['requests', 'limits'], resources: ['cpu', 'memory'] },
    category: 'resources', severity: 'warning',
    title: { en: 'CPU and memory requests and limits are set', 'zh-cn': '设置了 CPU 与内存的请求和限制' },
    message: { en: 'container "{container}" is missing {missing}', 'zh-cn': '容器 "{container}" 缺少 {missing}' },
    remediation: { en: 'Set resources.requests and resources.limits for cpu and memory, e.g. limits: {memory: 128Mi, cpu: 500m}.', 'zh-cn': '为 cpu 和 memory 设置 resources.requests 与 resources.limits，例如 limits: {memory: 128Mi, cpu: 500m}。' },
  },
  {
    id: 'resource-units', target: 'workload', template: 'resource-units', params: {},
    category: 'resources', severity: 'warning',
    title: { en: 'Resource quantities use the intended units', 'zh-cn': '资源数量使用了正确的单位' },
    message: { en: 'container "{container}": {problem}', 'zh-cn': '容器 "{container}"：{problem}' },
    remediation: { en: 'Use binary units for memory (Ki, Mi, Gi: 128Mi = 134217728 bytes) and m for CPU (500m = 0.5 core).', 'zh-cn': '内存使用二进制单位（Ki、Mi、Gi：128Mi = 134217728 字节），CPU 使用 m（500m = 0.5 核）。' },
  },
  {
    id: 'env-size', target: 'workload', template: 'env-size', params: { maxBytesPerVar: 131072, maxBytesTotal: 2097152 },
    category: 'reliability', severity: 'error',
    title: { en: 'The environment fits the kernel\'s limits', 'zh-cn': '环境变量不超过内核限制' },
    message: { en: 'container "{container}": {problem}; the container would fail with "argument list too long"', 'zh-cn': '容器 "{container}"：{problem}；容器会因 "argument list too long" 而启动失败' },
    remediation: { en: 'Put large data in a ConfigMap mounted as a file, not in an environment variable.', 'zh-cn': '把大数据放进以文件方式挂载的 ConfigMap，而不是环境变量。' },
  },
  {
    id: 'probes-set', target: 'workload', template: 'probes-set', params: { probes: ['readinessProbe', 'livenessProbe'], skipKinds: ['Job', 'CronJob', 'Pod'] },
    category: 'reliability', severity: 'info',
    title: { en: 'Long-running containers have probes', 'zh-cn': '长期运行的容器配置了探针' },
    message: { en: 'container "{container}" has no {missing}', 'zh-cn': '容器 "{container}" 没有 {missing}' },
    remediation: { en: 'Add a readinessProbe (traffic waits until ready) and a livenessProbe (restart when stuck).', 'zh-cn': '加入 readinessProbe（就绪前不接收流量）和 livenessProbe（卡住时重启）。' },
  },
  {
    id: 'host-namespaces', target: 'workload', template: 'pod-booleans-false', params: { fields: ['hostNetwork', 'hostPID', 'hostIPC'] },
    category: 'security', severity: 'error',
    title: { en: 'No host namespaces', 'zh-cn': '不共享主机命名空间' },
    message: { en: 'the pod sets {field}=true and shares the host\'s namespace', 'zh-cn': 'Pod 设置了 {field}=true，与主机共享该命名空间' },
    remediation: { en: 'Remove {field}. Containers in one pod already share net, uts and ipc with each other; use shareProcessNamespace to share PIDs.', 'zh-cn': '删除 {field}。同一 Pod 的容器本来就共享 net、uts 和 ipc；要共享 PID，请用 shareProcessNamespace。' },
  },
];
