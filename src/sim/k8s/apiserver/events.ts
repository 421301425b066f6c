/**
 * core/v1 Events with the event recorder's aggregation (staging/src/k8s.io/client-go/tools/record/events_cache.go):
 * an event with the same object, type, reason, message and source bumps count and lastTimestamp.
 */
import type { KObject } from '../types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export function eventKey(obj: KObject, type: string, reason: string, message: string, source: EventSource, fieldPath = ''): string {
  return [
    obj.metadata.namespace ?? 'default',
    obj.kind,
    obj.metadata.name,
    obj.metadata.uid,
    fieldPath,
    type,
    reason,
    message,
    source.component,
    source.host ?? '',
  ].join('\u0000');
}

/** The new Event object (count 1), named `<object>.<16 hex>` as the recorder names it. */
export function newEvent(
  obj: KObject,
  type: string,
  reason: string,
  message: string,
  source: EventSource,
  fieldPath: string | undefined,
  nowIso: string,
  suffix: string,
): KObject {
  const involvedObject: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? 'default',
    resourceVersion: obj.metadata.resourceVersion,
    uid: obj.metadata.uid,
  };
  if (fieldPath) involvedObject.fieldPath = fieldPath;
  // A reference made from a name alone (the taint eviction controller's) has no uid or resourceVersion: omitempty.
  for (const k of ['resourceVersion', 'uid']) if (involvedObject[k] === undefined) delete involvedObject[k];
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${obj.metadata.name}.${suffix}`,
      namespace: obj.metadata.namespace ?? 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: nowIso,
    },
    count: 1,
    eventTime: null,
    firstTimestamp: nowIso,
    lastTimestamp: nowIso,
    involvedObject,
    message,
    reason,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    type,
  };
}
