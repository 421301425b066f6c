/**
 * Writes src/sim/shell/commands/kubectl/explain/openapi.generated.ts: the OpenAPI v3 documents `kubectl explain`
 * reads from node1's API server (v1.30), for the resources the simulated API server serves
 * (src/sim/k8s/apiserver/resources.ts), cut down to the schemas those resources reach.
 *
 * Source: the npm package kubernetes-types@1.30.0, generated from Kubernetes v1.30's OpenAPI document
 * (silverlyra/kubernetes-types src/openapi/generate.ts: one interface per definition, its description as JSDoc,
 * each property's description as JSDoc, `?` when the property is not in the definition's `required`). This script
 * reads its .d.ts files with the TypeScript compiler API and rebuilds each schema as the v1.30 API server serves it
 * at /openapi/v3/api/v1 and /openapi/v3/apis/<group>/v1 (kube-openapi's v3 builder):
 *   - a property that refers to another definition and has a description is `{allOf: [{$ref}], description}`
 *     (OpenAPI 3.0 ignores the siblings of a $ref, so kube-openapi wraps it); without one it is `{$ref}`;
 *   - arrays are `{type: array, items}`, maps `{type: object, additionalProperties}`;
 *   - `required` lists the properties kubernetes-types does not mark optional (its `?` is "not in required");
 *   - TypeScript's `number` is OpenAPI's `integer`: the v1.30 types these resources reach have no float fields
 *     (every number in them is int32 or int64);
 *   - `number | string` is kubernetes-types' spelling of a $ref to io.k8s.apimachinery.pkg.util.intstr.IntOrString,
 *     whose definition it inlines; that definition is restored from apimachinery@v0.30 (below);
 *   - Quantity is `oneOf: [string, number]` and IntOrString `oneOf: [integer, string]` with no `type`
 *     (their OpenAPIV3OneOfTypes), Time and MicroTime `type: string` (their OpenAPISchemaType);
 *   - x-kubernetes-group-version-kind comes from the literal types of `apiVersion` and `kind`.
 * Enums: kubernetes-types 1.30.0 leaves out what kube-openapi adds for a field whose Go type is a `+enum` string type
 * (the `enum` list and the description's "Possible enum values:" paragraph). They come from
 * scripts/data/k8s-api-v0.30.0-enums.json, read from k8s.io/api@v0.30.0 by scripts/extract-k8s-enums.ts, and are
 * added here as kube-openapi's generateProperty does: the paragraph after a blank line, then `enum` after `type`.
 * Only the keys kubectl's plaintext template reads are kept (description, type, enum, properties, required, items,
 * additionalProperties, allOf, $ref, x-kubernetes-group-version-kind, and per path the GET operation's GVK).
 *
 * `npx tsx scripts/gen-k8s-explain.ts` regenerates it; tests/sim/k8s/kubectl-explain.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { RESOURCES } from '../src/sim/k8s/apiserver/resources.ts';

type Schema = Record<string, unknown>;

/** kubernetes-types' files and the OpenAPI definition-name prefix of the Go package each was generated from. */
const FILES: Record<string, string> = {
  'core/v1': 'io.k8s.api.core.v1',
  'apps/v1': 'io.k8s.api.apps.v1',
  'batch/v1': 'io.k8s.api.batch.v1',
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
};

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** kubernetes/apimachinery@v0.30.0:pkg/util/intstr/intstr.go IntOrString's comment, as openapi-gen makes it the description. */
const INT_OR_STRING_SCHEMA: Schema = {
  description:
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  oneOf: [{ type: 'integer' }, { type: 'string' }],
};
/** Scalar definitions: their OpenAPI v3 shape without the description (apimachinery's OpenAPISchemaType / OpenAPIV3OneOfTypes). */
const SCALARS: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string' },
};

/** Per definition and property: the enum values and the description lines kube-openapi adds (extract-k8s-enums.ts). */
const ENUMS = (
  JSON.parse(readFileSync(new URL('./data/k8s-api-v0.30.0-enums.json', import.meta.url), 'utf8')) as {
    definitions: Record<string, Record<string, { enum: string[]; lines: string[] }>>;
  }
).definitions;

interface Decl {
  name: string;
  description: string | undefined;
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  file: string;
}

/** The text of the JSDoc comment right before `node`, without its `/**`, ` * ` and `*\/` (as ts-morph wrote it). */
function docOf(node: ts.Node, text: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!last) return undefined;
  const body = text.slice(last.pos + 3, last.end - 2);
  const lines = body.split('\n');
  if (lines.length === 1) return body.trim();
  // ts-morph writes "/**\n * line\n *\n * line\n */": the first and last lines are empty.
  return lines
    .slice(1, -1)
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
}

function loadDecls(root: string): Map<string, Decl> {
  const decls = new Map<string, Decl>();
  for (const [file, prefix] of Object.entries(FILES)) {
    const path = join(root, `${file}.d.ts`);
    const text = readFileSync(path, 'utf8');
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
        decls.set(`${prefix}.${st.name.text}`, { name: st.name.text, description: docOf(st, text), node: st, file: text });
      }
    }
  }
  return decls;
}

/** The definition a type name refers to, from the file's imports or its own package. */
function resolveName(name: string, from: string, decls: Map<string, Decl>): string {
  const prefix = from.slice(0, from.lastIndexOf('.'));
  if (decls.has(`${prefix}.${name}`)) return `${prefix}.${name}`;
  const hits = [...decls.keys()].filter((k) => k.endsWith(`.${name}`));
  if (hits.length !== 1) throw new Error(`gen-k8s-explain: cannot resolve type ${name} (from ${from}): ${hits.length} candidates`);
  return hits[0]!;
}

export function generateExplainDocuments(root: string): {
  schemas: Record<string, Schema>;
  groupVersions: Record<string, { paths: Record<string, Schema>; schemas: string[] }>;
} {
  const decls = loadDecls(root);
  const schemas: Record<string, Schema> = {};
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  const build = (name: string): void => {
    if (name in schemas) return;
    if (name === INT_OR_STRING) {
      schemas[name] = INT_OR_STRING_SCHEMA;
      return;
    }
    const d = decls.get(name);
    if (!d) throw new Error(`gen-k8s-explain: no definition ${name}`);
    const description = d.description !== undefined ? { description: d.description } : {};
    if (ts.isTypeAliasDeclaration(d.node)) {
      const scalar = SCALARS[name];
      if (!scalar) throw new Error(`gen-k8s-explain: type alias ${name} has no known OpenAPI shape`);
      schemas[name] = { ...description, ...scalar };
      return;
    }
    const out: Schema = { ...description };
    schemas[name] = out;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let apiVersion: string | undefined;
    let kind: string | undefined;
    for (const m of d.node.members) {
      if (!ts.isPropertySignature(m) || !m.type) throw new Error(`gen-k8s-explain: ${name} has a member that is not a typed property`);
      const prop = (m.name as ts.Identifier | ts.StringLiteral).text;
      const desc = docOf(m, d.file);
      if (!m.questionToken) required.push(prop);
      const literal = ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined;
      if (prop === 'apiVersion' && literal) apiVersion = literal;
      if (prop === 'kind' && literal) kind = literal;
      const e = ENUMS[name]?.[prop];
      if (e) {
        // openapi.go generateDescription over the comment lines plus DescriptionLines(): a new paragraph, then one line per value.
        const paragraph = ['Possible enum values:', ...e.lines].join('\n');
        const { description: _, ...rest } = propertySchema(m.type, desc, name);
        if (rest.type !== 'string') throw new Error(`gen-k8s-explain: ${name}.${prop} is an enum but not a string`);
        properties[prop] = { description: desc ? `${desc}\n\n${paragraph}` : paragraph, ...rest, enum: e.enum };
      } else properties[prop] = propertySchema(m.type, desc, name);
    }
    // kubernetes-types' generator gives an interface without properties (RawExtension, FieldsV1) no members: type object.
    out.type = 'object';
    if (Object.keys(properties).length) out.properties = properties;
    if (required.length) out.required = required;
    if (apiVersion && kind) {
      const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
      out['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
    }
  };

  const typeSchema = (t: ts.TypeNode, from: string): Schema => {
    if (t.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (t.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer' };
    if (t.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) return { type: 'string' };
    if (
      ts.isUnionTypeNode(t) &&
      t.types.length === 2 &&
      t.types.every((x) => x.kind === ts.SyntaxKind.NumberKeyword || x.kind === ts.SyntaxKind.StringKeyword)
    ) {
      build(INT_OR_STRING);
      return ref(INT_OR_STRING);
    }
    if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
      if (t.typeName.text === 'Array' && t.typeArguments?.length === 1) return { type: 'array', items: typeSchema(t.typeArguments[0]!, from) };
      const target = resolveName(t.typeName.text, from, decls);
      build(target);
      return ref(target);
    }
    if (ts.isTypeLiteralNode(t) && t.members.length === 1 && ts.isIndexSignatureDeclaration(t.members[0]!)) {
      return { type: 'object', additionalProperties: typeSchema(t.members[0].type, from) };
    }
    throw new Error(`gen-k8s-explain: unsupported type ${t.getText()} in ${from}`);
  };

  const propertySchema = (t: ts.TypeNode, description: string | undefined, from: string): Schema => {
    const s = typeSchema(t, from);
    if (description === undefined) return s;
    if ('$ref' in s) return { allOf: [s], description };
    return { description, ...s };
  };

  const groupVersions: Record<string, { paths: Record<string, Schema>; schemas: string[] }> = {};
  // EndpointSlice (discovery.k8s.io) has no document yet: its enums are not in scripts/data (kubectl explain says so).
  for (const r of RESOURCES.filter((x) => x.group !== 'discovery.k8s.io')) {
    const prefix = r.group ? `io.k8s.api.${r.group}.v1` : 'io.k8s.api.core.v1';
    const root = `${prefix}.${r.kind}`;
    build(root);
    const gvPath = r.group ? `apis/${r.group}/v1` : 'api/v1';
    const gv = (groupVersions[gvPath] ??= { paths: {}, schemas: [] });
    const base = `/${gvPath}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
    gv.paths[base] = { get: { 'x-kubernetes-group-version-kind': { group: r.group, kind: r.kind, version: 'v1' } } };
    gv.schemas.push(root);
  }
  // Each group-version's document holds every schema its resources reach.
  for (const gv of Object.values(groupVersions)) {
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      JSON.stringify(schemas[name], (k, v) => {
        if (k === '$ref' && typeof v === 'string') walk(v.slice('#/components/schemas/'.length));
        return v;
      });
    };
    gv.schemas.forEach(walk);
    gv.schemas = [...seen].sort();
  }
  const sorted = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, schemas[k]!]),
  );
  return { schemas: sorted, groupVersions };
}

export function renderExplainDocuments(root: string): string {
  const { schemas, groupVersions } = generateExplainDocuments(root);
  const lines = Object.entries(schemas).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return (
    '/* Generated by scripts/gen-k8s-explain.ts from kubernetes-types@1.30.0 (Kubernetes v1.30 OpenAPI). Do not edit. */\n' +
    'export const SCHEMAS: Record<string, Record<string, unknown>> = {\n' +
    `${lines.join('\n')}\n};\n\n` +
    `export const GROUP_VERSIONS: Record<string, { paths: Record<string, Record<string, unknown>>; schemas: string[] }> = ${JSON.stringify(groupVersions, null, 1)};\n`
  );
}

/** Where kubernetes-types is installed. */
export function kubernetesTypesRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('kubernetes-types/package.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../src/sim/shell/commands/kubectl/explain/openapi.generated.ts', import.meta.url), renderExplainDocuments(kubernetesTypesRoot()));
}
