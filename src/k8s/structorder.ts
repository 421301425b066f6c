/**
 * Go's field order for the objects kubectl's generators build (create deployment|namespace|configmap|secret|service|job,
 * run, expose) and prints with --dry-run=client: `-o json` there is encoding/json of the typed struct, whose fields come
 * in declaration order, where an object read from a file or the server is a map (keys sorted). Maps stay sorted
 * (encoding/json sorts map keys). The orders are k8s.io/api@v0.30.5's types.go (core/v1, apps/v1, batch/v1) and
 * k8s.io/apimachinery@v0.30.5:pkg/apis/meta/v1/types.go; checked against a real kubectl v1.30.13's output.
 */

/**
 * Each struct: its JSON fields in declaration order, a field's type after `:` when it is a struct, a list of structs
 * (`[]T`) or a map (`map`, whose keys encoding/json sorts).
 */
const META = 'kind apiVersion metadata:ObjectMeta';
const SHAPES: Record<string, string> = {
  ObjectMeta:
    'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels:map annotations:map ownerReferences:[]OwnerReference finalizers managedFields',
  OwnerReference: 'apiVersion kind name uid controller blockOwnerDeletion',
  LabelSelector: 'matchLabels:map matchExpressions:[]LabelSelectorRequirement',
  LabelSelectorRequirement: 'key operator values',
  // apps/v1
  Deployment: `${META} spec:DeploymentSpec status:DeploymentStatus`,
  DeploymentSpec:
    'replicas selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds',
  DeploymentStrategy: 'type rollingUpdate:RollingUpdateDeployment',
  RollingUpdateDeployment: 'maxUnavailable maxSurge',
  DeploymentStatus: 'observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas conditions collisionCount',
  // core/v1
  PodTemplateSpec: 'metadata:ObjectMeta spec:PodSpec',
  Pod: `${META} spec:PodSpec status:PodStatus`,
  PodSpec:
    'volumes initContainers:[]Container containers:[]Container ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector:map serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead:map topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims',
  Container:
    'name image command args workingDir ports:[]ContainerPort envFrom env:[]EnvVar resources:ResourceRequirements resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  ContainerPort: 'name hostPort containerPort protocol hostIP',
  EnvVar: 'name value valueFrom',
  ResourceRequirements: 'limits:map requests:map claims',
  PodStatus:
    'phase conditions message reason nominatedNodeName hostIP hostIPs podIP podIPs startTime initContainerStatuses containerStatuses qosClass ephemeralContainerStatuses resize resourceClaimStatuses',
  Namespace: `${META} spec:NamespaceSpec status:NamespaceStatus`,
  NamespaceSpec: 'finalizers',
  NamespaceStatus: 'phase conditions',
  ConfigMap: `${META} immutable data:map binaryData:map`,
  Secret: `${META} immutable data:map stringData:map type`,
  Service: `${META} spec:ServiceSpec status:ServiceStatus`,
  ServiceSpec:
    'ports:[]ServicePort selector:map clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy',
  ServicePort: 'name protocol appProtocol port targetPort nodePort',
  ServiceStatus: 'loadBalancer:LoadBalancerStatus conditions',
  LoadBalancerStatus: 'ingress',
  // batch/v1
  Job: `${META} spec:JobSpec status:JobStatus`,
  JobSpec:
    'parallelism completions activeDeadlineSeconds podFailurePolicy successPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector:LabelSelector manualSelector template:PodTemplateSpec ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy',
  JobStatus: 'conditions startTime completionTime active succeeded failed terminating completedIndexes failedIndexes uncountedTerminatedPods ready',
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ordered(v: unknown, type: string | undefined): unknown {
  if (type?.startsWith('[]')) return Array.isArray(v) ? v.map((x) => ordered(x, type.slice(2))) : v;
  if (!isObj(v)) return v;
  if (type === 'map')
    return Object.fromEntries(
      Object.keys(v)
        .sort(byteOrder)
        .map((k) => [k, v[k]]),
    );
  const shape = type ? SHAPES[type] : undefined;
  if (!shape) return v;
  const out: Record<string, unknown> = {};
  for (const word of shape.split(' ')) {
    const [field, t] = word.split(':') as [string, string | undefined];
    if (Object.hasOwn(v, field)) out[field] = ordered(v[field], t);
  }
  // A field this table lacks keeps its place after the known ones (none of the generators' objects has one).
  for (const k of Object.keys(v)) if (!Object.hasOwn(out, k)) out[k] = v[k];
  return out;
}

/** `obj` (an object of one of the kinds above, or a v1 List of them) with its keys in Go's struct order; others unchanged. */
export function structOrdered(obj: unknown): unknown {
  if (!isObj(obj)) return obj;
  if (obj.kind === 'List' && Array.isArray(obj.items)) return { ...obj, items: obj.items.map(structOrdered) };
  return typeof obj.kind === 'string' && SHAPES[obj.kind] ? ordered(obj, obj.kind) : obj;
}
