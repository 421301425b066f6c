/**
 * The resources node1's API server serves: names, short names, kinds, scope, in the
 * order `kubectl api-resources` lists them (kubernetes@v1.30.0 pkg/registry/*).
 */
export interface ResourceInfo {
  resource: string;
  singular: string;
  kind: string;
  group: string;
  apiVersion: string;
  shortNames: string[];
  namespaced: boolean;
}

const r = (resource: string, singular: string, kind: string, group: string, shortNames: string[], namespaced = true): ResourceInfo => ({
  resource,
  singular,
  kind,
  group,
  apiVersion: group ? `${group}/v1` : 'v1',
  shortNames,
  namespaced,
});

export const RESOURCES: ResourceInfo[] = [
  r('configmaps', 'configmap', 'ConfigMap', '', ['cm']),
  r('endpoints', 'endpoints', 'Endpoints', '', ['ep']),
  r('events', 'event', 'Event', '', ['ev']),
  r('namespaces', 'namespace', 'Namespace', '', ['ns'], false),
  r('nodes', 'node', 'Node', '', ['no'], false),
  r('pods', 'pod', 'Pod', '', ['po']),
  r('secrets', 'secret', 'Secret', '', []),
  r('serviceaccounts', 'serviceaccount', 'ServiceAccount', '', ['sa']),
  r('services', 'service', 'Service', '', ['svc']),
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps', ['ds']),
  r('deployments', 'deployment', 'Deployment', 'apps', ['deploy']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps', ['rs']),
  r('statefulsets', 'statefulset', 'StatefulSet', 'apps', ['sts']),
  r('cronjobs', 'cronjob', 'CronJob', 'batch', ['cj']),
  r('jobs', 'job', 'Job', 'batch', []),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', []),
];

/** A resource by what kubectl accepts: plural, singular, short name, `kind`, or `name.group` (`deployments.apps`). */
export function resourceFor(word: string): ResourceInfo | undefined {
  const w = word.toLowerCase();
  const [base, ...groupParts] = w.split('.');
  const group = groupParts.join('.');
  return RESOURCES.find(
    (x) =>
      (x.resource === base || x.singular === base || x.shortNames.includes(base!) || x.kind.toLowerCase() === base) &&
      (!group || x.group === group || (group === 'v1' && x.group === '')),
  );
}

export const resourceOfKind = (apiVersion: string, kind: string): ResourceInfo | undefined =>
  RESOURCES.find((x) => x.kind === kind && x.apiVersion === apiVersion);
