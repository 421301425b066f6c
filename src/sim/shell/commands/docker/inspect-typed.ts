/**
 * The container inspect document as the Docker CLI first hands it to a template: a typed
 * types.ContainerJSON (docker/cli@v27.3.1:cli/command/inspect/inspector.go TemplateInspector.Inspect
 * executes on the typed element, and only when that fails on the raw JSON map with
 * missingkey=error). Typed, the fields are the Go names (`.ID`, `.HostConfig.CPUShares`), embedded
 * structs promote theirs, a nil slice prints `[]`, a nil map `map[]`, a nil pointer `<nil>`, a
 * struct `{…}` in declaration order with nested pointers as addresses (go1.22 src/fmt/print.go).
 */
import { GoNil, GoStruct } from '../../kit/template/index.ts';
import { sprintValue } from '../../kit/template/index.ts';
import { INSPECT_STRUCTS, type GoField } from './inspect-types.ts';

type Json = Record<string, unknown>;

/** Go prints a pointer nested in another value as its address; these are stable per run. */
let nextAddress = 0xc000010000;
const address = () => `0x${((nextAddress += 0x1a0)).toString(16)}`;

/** The Go type and element kind of a few map and slice types of the document. */
const ELEMENTS: Record<string, string> = {
  'map[string]*network.EndpointSettings': 'ptr:EndpointSettings',
  'nat.PortMap': 'portbindings',
  'nat.PortSet': 'empty',
  'map[string]struct{}': 'empty',
  '[]types.MountPoint': 'struct:MountPoint',
  '[]network.Address': 'struct:Address',
  '[]container.DeviceMapping': 'struct:DeviceMapping',
  '[]container.DeviceRequest': 'struct:DeviceRequest',
  '[]*blkiodev.WeightDevice': 'ptr:WeightDevice',
  '[]*blkiodev.ThrottleDevice': 'ptr:ThrottleDevice',
};

/** The empty struct struct{} (a PortSet's and Volumes' values): `{}`, JSON `{}`. */
const EMPTY = new GoStruct(
  'struct {}',
  {},
  () => '{}',
  () => ({}),
);

/** go-connections@v0.5.0 nat.PortBinding {HostIP string `json:"HostIp"`; HostPort string}. */
function portBinding(raw: unknown): GoStruct {
  const o = (raw ?? {}) as Json;
  const fields = { HostIP: String(o.HostIp ?? ''), HostPort: String(o.HostPort ?? '') };
  return new GoStruct(
    'nat.PortBinding',
    fields,
    () => `{${fields.HostIP} ${fields.HostPort}}`,
    () => o,
  );
}

function element(kind: string, raw: unknown): unknown {
  if (kind === 'empty') return EMPTY;
  if (kind === 'portbindings') return raw === null || raw === undefined ? new GoNil('slice', '[]nat.PortBinding') : (raw as unknown[]).map(portBinding);
  return value(['', '', kind, kind.startsWith('ptr:') ? `*${kind.slice(4)}` : kind.slice(7)], raw);
}

/** A time.Time in UTC: %v is Time.String ("2006-01-02 15:04:05.999999999 -0700 MST"), JSON RFC 3339 with nanoseconds. */
function goTime(rfc3339: string): GoStruct {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(rfc3339);
  const text = m ? `${m[1]} ${m[2]}${m[3] && /[1-9]/.test(m[3]) ? `.${m[3].replace(/0+$/, '')}` : ''} +0000 UTC` : rfc3339;
  return new GoStruct(
    'time.Time',
    {},
    () => text,
    () => rfc3339,
  );
}

/** One field's value from its JSON form. */
function value(f: GoField, raw: unknown): unknown {
  const [, , kind, goType] = f;
  switch (kind) {
    case 'string':
      return typeof raw === 'string' ? raw : '';
    case 'int':
      return typeof raw === 'number' ? raw : 0;
    case 'bool':
      return raw === true;
    case 'array':
      return Array.isArray(raw) ? raw : [0, 0];
    case 'time':
      return goTime(typeof raw === 'string' ? raw : '0001-01-01T00:00:00Z');
    case 'any':
      return raw ?? null;
    case 'slice': {
      if (!Array.isArray(raw)) return new GoNil('slice', goType);
      const el = ELEMENTS[goType];
      return el ? raw.map((x) => element(el, x)) : raw;
    }
    case 'map': {
      if (raw === null || raw === undefined || typeof raw !== 'object') return new GoNil('map', goType);
      const el = ELEMENTS[goType];
      return el ? Object.fromEntries(Object.entries(raw as Json).map(([k, x]) => [k, element(el, x)])) : raw;
    }
    case 'ptr':
      return raw === null || raw === undefined ? new GoNil('ptr', goType) : raw;
  }
  const [how, name] = kind.split(':') as [string, string];
  if (how === 'ptr') return raw === null || raw === undefined ? new GoNil('ptr', goType) : struct(name, raw as Json, true);
  return struct(name, (raw ?? {}) as Json, false);
}

/**
 * A struct (or a pointer to one) of the document, its fields and promoted fields by Go name, made when a template
 * first reaches them or prints the struct: `{{.State.Pid}}` makes two levels of the ~40 structs, not all of them.
 */
function struct(name: string, raw: Json, pointer: boolean): GoStruct {
  const def = INSPECT_STRUCTS[name];
  if (!def) return new GoStruct(name, raw);
  let made: { fields: Record<string, unknown>; parts: { embedded?: GoStruct; name?: string }[] } | undefined;
  const make = () => {
    if (made) return made;
    const fields: Record<string, unknown> = {};
    const parts: { embedded?: GoStruct; name?: string }[] = [];
    for (const f of def.fields) {
      const [goName, json, kind] = f;
      if (kind.startsWith('embed')) {
        // An embedded struct's fields are promoted; its JSON fields sit at this level.
        const inner = struct(kind.split(':')[1] as string, raw, kind.startsWith('embedptr'));
        Object.assign(fields, inner.fields);
        fields[goName] = inner;
        parts.push({ embedded: inner });
        continue;
      }
      fields[goName] = value(f, raw[json]);
      parts.push({ name: goName });
    }
    made = { fields, parts };
    return made;
  };
  const typeName = `${pointer ? '*' : ''}${def.pkg}.${name}`;
  const body = (depth: number) => {
    const { fields, parts } = make();
    return `{${parts.map((p) => (p.embedded ? sprintValue(p.embedded, false, depth + 1) : sprintValue(fields[p.name as string], false, depth + 1))).join(' ')}}`;
  };
  let addr: string | undefined;
  return new GoStruct(
    typeName,
    () => make().fields,
    (depth = 0) => (pointer && depth > 0 ? (addr ??= address()) : body(depth)),
    () => raw,
  );
}

/** The typed view of a container's inspect document (types.ContainerJSON). */
export function typedContainer(doc: Json): GoStruct {
  return struct('ContainerJSON', doc, false);
}

/** The typed view of an image's inspect document (types.ImageInspect, moby@v27.3.1:api/types/types.go). */
export function typedImage(doc: Json): GoStruct {
  return struct('ImageInspect', doc, false);
}
