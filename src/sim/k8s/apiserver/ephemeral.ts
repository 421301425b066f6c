/**
 * The pod's `ephemeralcontainers` subresource (what `kubectl debug` patches): defaulting and validation with the API
 * server's words (kubernetes@v1.30.0 pkg/apis/core/v1/defaults.go SetDefaults_EphemeralContainer, which defaults the
 * EphemeralContainerCommon as a Container; pkg/apis/core/validation/validation.go validateEphemeralContainers and
 * ValidatePodEphemeralContainersUpdate).
 */
import { defaultContainer } from './defaults.ts';
import type { Cause } from './errors.ts';
import { duplicate, shown, validateContainer } from './validate.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObj) : []);

/** Fields an ephemeral container may not set (validation.go allowedEphemeralContainerFields is the complement). */
const FORBIDDEN = ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

/** core/v1 EphemeralContainerCommon's fields in their Go order (what the API server's JSON, and so -o json/jsonpath, shows). */
const ORDER = [
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'ports',
  'envFrom',
  'env',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'volumeMounts',
  'volumeDevices',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
  'targetContainerName',
];

export function defaultEphemeralContainers(spec: Obj): void {
  spec.ephemeralContainers = list(spec.ephemeralContainers).map((c) => {
    defaultContainer(c);
    const keys = [...ORDER.filter((k) => k in c), ...Object.keys(c).filter((k) => !ORDER.includes(k))];
    return Object.fromEntries(keys.map((k) => [k, c[k]]));
  });
}

/**
 * validateEphemeralContainers: each one as a container (name, image, pull policy), then a name unique across every
 * container of the pod (field.Duplicate), then a target that names a regular or init container (field.NotFound),
 * then the fields an ephemeral container cannot have (Forbidden: cannot be set for an Ephemeral Container).
 */
export function validateEphemeralContainers(spec: Obj): Cause[] {
  const errs: Cause[] = [];
  const others = new Set([...list(spec.containers), ...list(spec.initContainers)].map((c) => String(c.name)));
  const all = new Set(others);
  list(spec.ephemeralContainers).forEach((ec, i) => {
    const path = `spec.ephemeralContainers[${i}]`;
    // validateContainerCommon with a set of its own, so the duplicate below is reported once, against every container.
    errs.push(...validateContainer(ec, path, new Set()));
    const name = typeof ec.name === 'string' ? ec.name : '';
    if (name && all.has(name)) errs.push(duplicate(`${path}.name`, name));
    else if (name) all.add(name);
    const target = typeof ec.targetContainerName === 'string' ? ec.targetContainerName : '';
    if (target && !others.has(target)) errs.push({ field: `${path}.targetContainerName`, message: `Not found: ${shown(target)}` });
    for (const f of FORBIDDEN)
      if (ec[f] !== undefined && ec[f] !== null) errs.push({ field: `${path}.${f}`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
    if (isObj(ec.resources) && Object.keys(ec.resources).length)
      errs.push({ field: `${path}.resources`, message: 'Forbidden: cannot be set for an Ephemeral Container' });
  });
  return errs;
}
