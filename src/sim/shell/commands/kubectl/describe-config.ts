/**
 * kubectl describe configmap|secret (kubernetes/kubectl@v0.30.5:pkg/describe/describe.go ConfigMapDescriber.Describe and
 * describeSecret): the `Data` / `====` rulers, a ConfigMap's values in full under `----`, a Secret's as byte counts (a
 * service-account-token Secret's `token` in clear). Go ranges over the data map in random order; node1 prints the keys
 * sorted, one of the orders a real kubectl may print.
 */
import type { ApiServer } from '../../../k8s/apiserver/index.ts';
import type { KObject } from '../../../k8s/types.ts';
import { describeEvents, multiline } from './describe.ts';
import { isObj } from './obj.ts';

const sortedEntries = (m: unknown): [string, unknown][] => (isObj(m) ? Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []);

/** The length of base64 data in bytes (len(v) of the decoded []byte). */
function byteLength(b64: unknown): number {
  try {
    return atob(String(b64)).length;
  } catch {
    return 0;
  }
}

/** ConfigMapDescriber.Describe: ShowEvents is on by default, so an empty event list still prints `Events:  <none>`. */
export function describeConfigMap(api: ApiServer, cm: KObject, now: number): string {
  let s = `Name:\t${cm.metadata.name}\nNamespace:\t${cm.metadata.namespace}\n`;
  s += multiline('Labels', cm.metadata.labels) + multiline('Annotations', cm.metadata.annotations);
  s += '\nData\n====\n';
  for (const [k, v] of sortedEntries(cm.data)) s += `${k}:\n----\n${String(v)}\n`;
  s += '\nBinaryData\n====\n';
  for (const [k, v] of sortedEntries(cm.binaryData)) s += `${k}: ${byteLength(v)} bytes\n`;
  s += '\n';
  s += describeEvents(api.eventsFor(cm), now);
  return s;
}

/** describeSecret: no events section (SecretDescriber never searches them). */
export function describeSecret(_api: ApiServer, secret: KObject): string {
  let s = `Name:\t${secret.metadata.name}\nNamespace:\t${secret.metadata.namespace}\n`;
  s += multiline('Labels', secret.metadata.labels) + multiline('Annotations', secret.metadata.annotations);
  s += `\nType:\t${String(secret.type ?? '')}\n`;
  s += '\nData\n====\n';
  for (const [k, v] of sortedEntries(secret.data)) {
    // corev1.ServiceAccountTokenKey ("token") of a kubernetes.io/service-account-token Secret is printed as it is.
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') s += `${k}:\t${atob(String(v))}\n`;
    else s += `${k}:\t${byteLength(v)} bytes\n`;
  }
  return s;
}
