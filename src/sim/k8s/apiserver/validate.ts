/**
 * Validation of the fields learners get wrong, with the API server's words
 * (kubernetes@v1.30.0 pkg/apis/core/validation/validation.go, pkg/apis/apps/validation/validation.go,
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and field/errors.go).
 */
import { parseQuantity } from '../../../k8s/quantity.ts';
import type { Cause } from './errors.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** field.Error.ErrorBody() value rendering: strings %q, numbers %v (maps: goMap, their %#v). */
export const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const required = (field: string, detail = ''): Cause => ({ field, message: detail ? `Required value: ${detail}` : 'Required value' });
const invalidValue = (field: string, value: unknown, detail: string, rendered = shown(value)): Cause => ({
  field,
  message: `Invalid value: ${rendered}: ${detail}`,
});
export const duplicate = (field: string, value: unknown): Cause => ({ field, message: `Duplicate value: ${shown(value)}` });
const notSupported = (field: string, value: unknown, allowed: string[]): Cause => ({
  field,
  message: `Unsupported value: ${shown(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`,
});

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.go RegexError: `(e.g. 'my-name',  or '123-abc', regex used …)` (the double space is upstream's). */
const regexError = (what: string, fmt: string, examples: string[]) =>
  `${what} (e.g. ${examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('')}regex used for validation is '${fmt}')`;

/** IsDNS1123Label. */
export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?',
        ['my-name', '123-abc'],
      ),
    );
  }
  return errs;
}

/** IsDNS1123Subdomain. */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*',
        ['example.com'],
      ),
    );
  }
  return errs;
}

/** ValidateObjectMeta's name check (pods, deployments and most kinds: a DNS-1123 subdomain; namespaces: a label). */
export function validateName(name: unknown, label = false): Cause[] {
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  return (label ? dns1123Label(name) : dns1123Subdomain(name)).map((d) => invalidValue('metadata.name', name, d));
}

// apimachinery@v0.30.5 pkg/util/validation/validation.go: IsQualifiedName and IsValidLabelValue.
const QNAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
export function qualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2)
    return [
      `a qualified name ${regexError(QNAME_MSG, QNAME, ['MyName', 'my.name', '123-abc'])} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  const name = parts[parts.length - 1] as string;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (!prefix) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!new RegExp(`^${QNAME}$`).test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME, ['MyName', 'my.name', '123-abc'])}`);
  return errs;
}

/** IsValidLabelValue. */
export function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!new RegExp(`^(${QNAME})?$`).test(value)) errs.push(regexError(LABEL_VALUE_MSG, `(${QNAME})?`, ['MyValue', 'my_value', '12345']));
  return errs;
}

/**
 * ValidateObjectMeta's labels (apimachinery@v0.30.5 pkg/apis/meta/v1/validation/validation.go ValidateLabels): each key a
 * qualified name, each value a label value, reported at metadata.labels. Go ranges over the map in random order; keys are
 * taken in sorted order here so the same manifest gets the same message.
 */
export function validateLabels(labels: unknown, field = 'metadata.labels'): Cause[] {
  if (!isObj(labels)) return [];
  const errs: Cause[] = [];
  for (const k of Object.keys(labels).sort()) {
    errs.push(...qualifiedName(k).map((m) => invalidValue(field, k, m)));
    const v = typeof labels[k] === 'string' ? (labels[k] as string) : String(labels[k] ?? '');
    errs.push(...labelValue(v).map((m) => invalidValue(field, v, m)));
  }
  return errs;
}

const str = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');

/**
 * ValidateVolumeMounts' subPath checks (kubernetes@v1.30.5 pkg/apis/core/validation/validation.go, after ports, env and
 * envFrom): validateLocalDescendingPath ("must be a relative path", then validatePathNoBacksteps "must not contain '..'")
 * on subPath and subPathExpr, and "subPathExpr and subPath are mutually exclusive". The source names the field
 * `fldPath.Child("subPath")`, without the mount's index, so the path reads `…volumeMounts.subPath`.
 */
function subPathErrors(c: Obj, path: string): Cause[] {
  const errs: Cause[] = [];
  const descending = (v: string, at: string) => {
    if (v.startsWith('/')) errs.push(invalidValue(at, v, 'must be a relative path'));
    if (v.split('/').includes('..')) errs.push(invalidValue(at, v, "must not contain '..'"));
  };
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, i) => {
    if (!isObj(m)) return;
    if (str(m, 'subPath')) descending(str(m, 'subPath'), `${path}.subPath`);
    if (str(m, 'subPathExpr')) {
      if (str(m, 'subPath')) errs.push(invalidValue(`${path}[${i}].subPathExpr`, str(m, 'subPathExpr'), 'subPathExpr and subPath are mutually exclusive'));
      descending(str(m, 'subPathExpr'), `${path}.subPathExpr`);
    }
  });
  return errs;
}

export function validateContainer(c: Obj, path: string, names: Set<string>): Cause[] {
  const errs: Cause[] = [];
  const name = str(c, 'name');
  if (!name) errs.push(required(`${path}.name`));
  else for (const d of dns1123Label(name)) errs.push(invalidValue(`${path}.name`, name, d));
  if (!str(c, 'image')) errs.push(required(`${path}.image`));
  if (Array.isArray(c.ports)) {
    c.ports.forEach((p, i) => {
      if (!isObj(p)) return;
      const pp = `${path}.ports[${i}]`;
      const port = p.containerPort;
      if (port === undefined || port === 0) errs.push(required(`${pp}.containerPort`));
      else if (typeof port === 'number' && (port < 1 || port > 65535))
        errs.push(invalidValue(`${pp}.containerPort`, port, 'must be between 1 and 65535, inclusive'));
      if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(String(p.protocol)))
        errs.push(notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    });
  }
  errs.push(...subPathErrors(c, `${path}.volumeMounts`));
  if (c.imagePullPolicy !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(String(c.imagePullPolicy))) {
    errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
  }
  const res = isObj(c.resources) ? c.resources : {};
  for (const group of ['limits', 'requests'] as const) {
    const m = isObj(res[group]) ? res[group] : {};
    for (const [k, v] of Object.entries(m)) {
      const q = parseQuantity(v);
      if (!q)
        errs.push(
          invalidValue(`${path}.resources.${group}[${k}]`, v, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        );
      else if (q.value < 0) errs.push(invalidValue(`${path}.resources.${group}[${k}]`, v, 'must be greater than or equal to 0'));
    }
  }
  const lim = isObj(res.limits) ? res.limits : {};
  const req = isObj(res.requests) ? res.requests : {};
  for (const [k, v] of Object.entries(req)) {
    const q = parseQuantity(v);
    const l = parseQuantity(lim[k]);
    if (q && l && q.value > l.value)
      errs.push(invalidValue(`${path}.resources.requests`, String(v), `must be less than or equal to ${k} limit of ${String(lim[k])}`));
  }
  if (name) {
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    names.add(name);
  }
  return errs;
}

/** ValidatePodSpec, for the fields above. `path` is `spec` or `spec.template.spec`. */
/**
 * ValidateVolumes' file modes (validation.go validateConfigMapVolumeSource, validateSecretVolumeSource,
 * validateDownwardAPIVolumeSource, validateProjectedVolumeSource, validateKeyToPath): defaultMode and each item's mode
 * must lie in 0..0777 ("must be a number between 0 and 0777 (octal), both inclusive"); `defaultMode: 777` is decimal.
 */
function volumeModeErrors(spec: Obj, path: string): Cause[] {
  const errs: Cause[] = [];
  const mode = (v: unknown, at: string) => {
    if (typeof v === 'number' && (v > 0o777 || v < 0)) errs.push(invalidValue(at, v, 'must be a number between 0 and 0777 (octal), both inclusive'));
  };
  const items = (src: Obj, at: string) => {
    for (const [i, it] of (Array.isArray(src.items) ? src.items : []).entries()) if (isObj(it)) mode(it.mode, `${at}.items[${i}].mode`);
  };
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    if (!isObj(v)) return;
    for (const kind of ['configMap', 'secret', 'downwardAPI', 'projected']) {
      const src = v[kind];
      if (!isObj(src)) continue;
      const at = `${path}.volumes[${i}].${kind}`;
      mode(src.defaultMode, `${at}.defaultMode`);
      if (kind !== 'projected') items(src, at);
      else
        (Array.isArray(src.sources) ? src.sources : []).forEach((s, j) => {
          for (const k of ['configMap', 'secret', 'downwardAPI']) if (isObj(s) && isObj(s[k])) items(s[k] as Obj, `${at}.sources[${j}].${k}`);
        });
    }
  });
  return errs;
}

export function validatePodSpec(spec: Obj, path: string, templateLabels?: { selector: Obj | undefined; labels: Obj; prefix: string }): Cause[] {
  // ValidatePodSpec: the volumes before the containers.
  const errs: Cause[] = volumeModeErrors(spec, path);
  const names = new Set<string>();
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) errs.push(required(`${path}.containers`));
  else
    containers.forEach((c, i) => {
      if (isObj(c)) errs.push(...validateContainer(c, `${path}.containers[${i}]`, names));
    });
  if (Array.isArray(spec.initContainers))
    spec.initContainers.forEach((c, i) => {
      if (isObj(c)) errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names));
    });
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(spec.restartPolicy))) {
    errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  if (templateLabels && spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always') {
    errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always']));
  }
  // kubernetes@v1.30.5 pkg/apis/core/validation/validation.go validatePodSpecSecurityContext → validateFSGroupChangePolicy:
  // NotSupported, the valid values sorted (after the restart policy and the other pod-level checks).
  const fsPolicy = isObj(spec.securityContext) ? spec.securityContext.fsGroupChangePolicy : undefined;
  if (fsPolicy !== undefined && fsPolicy !== 'Always' && fsPolicy !== 'OnRootMismatch')
    errs.push(notSupported(`${path}.securityContext.fsGroupChangePolicy`, fsPolicy, ['Always', 'OnRootMismatch']));
  return errs;
}

/** Go's %#v of a map[string]string, as ValidateDeploymentSpec prints the template labels. */
const goMap = (m: Obj) =>
  `map[string]string{${Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(m[k]))}`)
    .join(', ')}}`;

/** apps/validation ValidateDeploymentSpec / ValidateReplicaSetSpec: selector, template labels, the pod template. */
export function validateWorkloadSpec(spec: Obj): Cause[] {
  const errs: Cause[] = [];
  if (typeof spec.replicas === 'number' && spec.replicas < 0) errs.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  const selector = isObj(spec.selector) ? spec.selector : undefined;
  const match = selector && isObj(selector.matchLabels) ? selector.matchLabels : {};
  const hasSelector = selector && (Object.keys(match).length > 0 || (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0));
  if (!hasSelector) errs.push(selector ? invalidValue('spec.selector', '', 'empty selector is invalid for deployment') : required('spec.selector'));
  const tpl = isObj(spec.template) ? spec.template : {};
  const meta = isObj(tpl.metadata) ? tpl.metadata : {};
  const labels = isObj(meta.labels) ? meta.labels : {};
  const matches = Object.entries(match).every(([k, v]) => labels[k] === v);
  if (!hasSelector || !matches) errs.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', goMap(labels)));
  errs.push(...validatePodSpec(isObj(tpl.spec) ? tpl.spec : {}, 'spec.template.spec', { selector, labels, prefix: 'spec.template' }));
  return errs;
}
