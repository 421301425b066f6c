/**
 * What node1's API server (kube-apiserver v1.30, kubeadm's defaults: GA groups only, no CRDs — flannel brings none) lists
 * in discovery: each preferred group/version's resources with their short names, scope, kind, verbs and categories, as
 * kubernetes/kubernetes:api/discovery/*.json records them (api__v1.json, apis__admissionregistration.k8s.io__v1.json, …;
 * the copies read here are later than v1.30, so the kinds added since — MutatingAdmissionPolicy, pods/checkpoint … — are
 * left out, and v1.30's defaults serve no beta or alpha group). Subresources are left out as
 * discovery.ServerPreferredResources leaves them out. The simulator serves fewer kinds (resources.ts): this is the list
 * `kubectl api-resources` prints, not what `get` can fetch.
 */
export interface Discovered {
  name: string;
  shortNames: string;
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string;
  categories: string;
}

const STD = 'create,delete,deletecollection,get,list,patch,update,watch';
const NS_VERBS = 'create,delete,get,list,patch,update,watch';

/** [name, shortNames, namespaced, kind, verbs, categories] per group/version, in discovery's (name) order. */
const GROUPS: [string, [string, string, boolean, string, string?, string?][]][] = [
  [
    'v1',
    [
      ['bindings', '', true, 'Binding', 'create'],
      ['componentstatuses', 'cs', false, 'ComponentStatus', 'get,list'],
      ['configmaps', 'cm', true, 'ConfigMap'],
      ['endpoints', 'ep', true, 'Endpoints'],
      ['events', 'ev', true, 'Event'],
      ['limitranges', 'limits', true, 'LimitRange'],
      ['namespaces', 'ns', false, 'Namespace', NS_VERBS],
      ['nodes', 'no', false, 'Node'],
      ['persistentvolumeclaims', 'pvc', true, 'PersistentVolumeClaim'],
      ['persistentvolumes', 'pv', false, 'PersistentVolume'],
      ['pods', 'po', true, 'Pod', STD, 'all'],
      ['podtemplates', '', true, 'PodTemplate'],
      ['replicationcontrollers', 'rc', true, 'ReplicationController', STD, 'all'],
      ['resourcequotas', 'quota', true, 'ResourceQuota'],
      ['secrets', '', true, 'Secret'],
      ['serviceaccounts', 'sa', true, 'ServiceAccount'],
      ['services', 'svc', true, 'Service', STD, 'all'],
    ],
  ],
  [
    'admissionregistration.k8s.io/v1',
    [
      ['mutatingwebhookconfigurations', '', false, 'MutatingWebhookConfiguration', STD, 'api-extensions'],
      ['validatingadmissionpolicies', '', false, 'ValidatingAdmissionPolicy', STD, 'api-extensions'],
      ['validatingadmissionpolicybindings', '', false, 'ValidatingAdmissionPolicyBinding', STD, 'api-extensions'],
      ['validatingwebhookconfigurations', '', false, 'ValidatingWebhookConfiguration', STD, 'api-extensions'],
    ],
  ],
  ['apiextensions.k8s.io/v1', [['customresourcedefinitions', 'crd,crds', false, 'CustomResourceDefinition', STD, 'api-extensions']]],
  ['apiregistration.k8s.io/v1', [['apiservices', '', false, 'APIService', STD, 'api-extensions']]],
  [
    'apps/v1',
    [
      ['controllerrevisions', '', true, 'ControllerRevision'],
      ['daemonsets', 'ds', true, 'DaemonSet', STD, 'all'],
      ['deployments', 'deploy', true, 'Deployment', STD, 'all'],
      ['replicasets', 'rs', true, 'ReplicaSet', STD, 'all'],
      ['statefulsets', 'sts', true, 'StatefulSet', STD, 'all'],
    ],
  ],
  [
    'authentication.k8s.io/v1',
    [
      ['selfsubjectreviews', '', false, 'SelfSubjectReview', 'create'],
      ['tokenreviews', '', false, 'TokenReview', 'create'],
    ],
  ],
  [
    'authorization.k8s.io/v1',
    [
      ['localsubjectaccessreviews', '', true, 'LocalSubjectAccessReview', 'create'],
      ['selfsubjectaccessreviews', '', false, 'SelfSubjectAccessReview', 'create'],
      ['selfsubjectrulesreviews', '', false, 'SelfSubjectRulesReview', 'create'],
      ['subjectaccessreviews', '', false, 'SubjectAccessReview', 'create'],
    ],
  ],
  ['autoscaling/v2', [['horizontalpodautoscalers', 'hpa', true, 'HorizontalPodAutoscaler', STD, 'all']]],
  [
    'batch/v1',
    [
      ['cronjobs', 'cj', true, 'CronJob', STD, 'all'],
      ['jobs', '', true, 'Job', STD, 'all'],
    ],
  ],
  ['certificates.k8s.io/v1', [['certificatesigningrequests', 'csr', false, 'CertificateSigningRequest']]],
  ['coordination.k8s.io/v1', [['leases', '', true, 'Lease']]],
  ['discovery.k8s.io/v1', [['endpointslices', '', true, 'EndpointSlice']]],
  ['events.k8s.io/v1', [['events', 'ev', true, 'Event']]],
  [
    'flowcontrol.apiserver.k8s.io/v1',
    [
      ['flowschemas', '', false, 'FlowSchema'],
      ['prioritylevelconfigurations', '', false, 'PriorityLevelConfiguration'],
    ],
  ],
  [
    'networking.k8s.io/v1',
    [
      ['ingressclasses', '', false, 'IngressClass'],
      ['ingresses', 'ing', true, 'Ingress'],
      ['networkpolicies', 'netpol', true, 'NetworkPolicy'],
    ],
  ],
  ['node.k8s.io/v1', [['runtimeclasses', '', false, 'RuntimeClass']]],
  ['policy/v1', [['poddisruptionbudgets', 'pdb', true, 'PodDisruptionBudget']]],
  [
    'rbac.authorization.k8s.io/v1',
    [
      ['clusterrolebindings', '', false, 'ClusterRoleBinding'],
      ['clusterroles', '', false, 'ClusterRole'],
      ['rolebindings', '', true, 'RoleBinding'],
      ['roles', '', true, 'Role'],
    ],
  ],
  ['scheduling.k8s.io/v1', [['priorityclasses', 'pc', false, 'PriorityClass']]],
  [
    'storage.k8s.io/v1',
    [
      ['csidrivers', '', false, 'CSIDriver'],
      ['csinodes', '', false, 'CSINode'],
      ['csistoragecapacities', '', true, 'CSIStorageCapacity'],
      ['storageclasses', 'sc', false, 'StorageClass'],
      ['volumeattachments', '', false, 'VolumeAttachment'],
    ],
  ],
];

export const DISCOVERY: Discovered[] = GROUPS.flatMap(([gv, list]) => {
  const [group, version] = gv.includes('/') ? (gv.split('/') as [string, string]) : ['', gv];
  return list.map(([name, shortNames, namespaced, kind, verbs = STD, categories = '']) => ({
    name,
    shortNames,
    group,
    version,
    namespaced,
    kind,
    verbs,
    categories,
  }));
});

/**
 * The group/versions the server serves (`kubectl api-versions`, sorted): the preferred ones above, and the older versions
 * v1.30 still serves by default (autoscaling/v1; flowcontrol.apiserver.k8s.io/v1beta3, removed in v1.32).
 */
export const API_VERSIONS: string[] = [...GROUPS.map(([gv]) => gv), 'autoscaling/v1', 'flowcontrol.apiserver.k8s.io/v1beta3'].sort();
