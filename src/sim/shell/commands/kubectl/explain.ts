/**
 * kubectl explain (kubernetes/kubectl@v0.30.5:pkg/cmd/explain/explain.go), with kubectl v1.30's OpenAPI v3 explainer
 * (pkg/explain/v2): the resource and field path are resolved as pkg/explain/explain.go does, then the "plaintext"
 * template (explain/plaintext.ts, verbatim) renders the API server's OpenAPI v3 document of the resource's group-version
 * (explain/openapi.generated.ts, loaded the first time explain runs).
 *
 * What node1's API server does not have: /openapi/v3 lists only the group-versions of its resources (api/v1,
 * apis/apps/v1, apis/batch/v1), so `--api-version=autoscaling/v2` gets "couldn't find resource" where a real v1.30
 * server (which serves that group-version) answers "GVR (…) not found in OpenAPI schema"; and kubectl's OpenAPI v2
 * renderer (--output=plaintext-openapiv2) is not reproduced.
 */
import type { ExecResult } from '../../../api.ts';
import { resourceFor, type ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import { GoFunc, GoStruct } from '../../kit/template/index.ts';
import { execute } from '../../kit/template/exec.ts';
import { ExecError } from '../../kit/template/exec-types.ts';
import type { Tree } from '../../kit/template/node.ts';
import { parse as parseTemplate } from '../../kit/template/parse.ts';
import type { CmdEnv } from '../../types.ts';
import { out, parse } from './common.ts';
import { ExplainError, explainFuncs } from './explain/funcs.ts';

// explain.go NewCmdExplain: v1.30 has no -o shorthand for --output (v1.31 added it).
const FLAGS = [
  { long: 'recursive', type: 'bool' as const },
  { long: 'api-version', type: 'string' as const },
  { long: 'output', type: 'string' as const },
];

/** pkg/cmd/util/helpers.go SuggestAPIResources("kubectl"). */
const SUGGEST = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** cmdutil.CheckErr: the message with "error: " in front unless it has it, and a newline; exit 1. */
const fatal = (stdout: string, msg: string): ExecResult => {
  const m = msg.startsWith('error: ') ? msg : `error: ${msg}`;
  return out(stdout, m.endsWith('\n') ? m : `${m}\n`, 1);
};

const RECURSIVE = Symbol('..');
const NOT_A_FIELD = Symbol('[');
type PathNode = string | typeof RECURSIVE | typeof NOT_A_FIELD;

/**
 * pkg/explain/explain.go jsonPathParse: the nodes client-go's jsonpath parser reads from "{." + path + "}": a field per
 * name, `..` a recursive-descent node, and anything from a `[` on a node that is not a field.
 */
function pathNodes(path: string): PathNode[] {
  const nodes: PathNode[] = [];
  const p = `.${path}`;
  let i = 0;
  while (i < p.length) {
    if (p[i] !== '.') {
      nodes.push(NOT_A_FIELD);
      break;
    }
    if (p[i + 1] === '.') {
      nodes.push(RECURSIVE);
      i += 2;
      // `..name` is the recursive node and then the field.
      if (i >= p.length || p[i] === '.') continue;
    } else i++;
    let name = '';
    while (i < p.length && p[i] !== '.' && p[i] !== '[') name += p[i++];
    nodes.push(name);
  }
  return nodes;
}

const BAD_PATH = () => fatal('', 'invalid jsonpath syntax, first node must be field node');

/** pkg/explain/explain.go SplitAndParseResourceRequest(WithMatchingPrefix): the resource and the field path. */
function splitRequest(input: string, matchPrefix: boolean): { r: ResourceInfo; fields: string[] } | { error: ExecResult } {
  const text = input.endsWith('.') ? input.slice(0, -1) : input;
  const nodes = pathNodes(text);
  if (typeof nodes[0] !== 'string') return { error: BAD_PATH() };
  const r = resourceFor(nodes[0]);
  // cmdutil.CheckErr prints a bare NoResourceMatchError without "error: " (pkg/cmd/util/helpers.go checkErr).
  if (!r) return { error: out('', `the server doesn't have a resource type "${nodes[0]}"\n`, 1) };
  let fields = nodes.slice(1);
  if (matchPrefix) {
    // The GVR whose "resource.group" starts the input: `deployments.apps.spec` is deployments' spec; the suffix's
    // first node (`..` for ".spec") is dropped.
    const groupResource = r.group ? `${r.resource}.${r.group}` : r.resource;
    if (input.startsWith(groupResource)) {
      const suffix = text.slice(groupResource.length);
      fields = suffix ? pathNodes(suffix).slice(1) : [];
    }
  }
  if (!fields.every((f): f is string => typeof f === 'string')) return { error: BAD_PATH() };
  return { r, fields };
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): { group: string; version: string } | { error: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return { error: `unexpected GroupVersion string: ${gv}` };
}

let compiled: { tree: Tree; funcs: ReturnType<typeof explainFuncs> } | undefined;
let documents: Promise<typeof import('./explain/openapi.generated.ts')> | undefined;

export async function explain(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'explain');
  if (!p.ok) return p.usage!;
  // explain.go Validate.
  if (p.rest.length === 0) return fatal('', `You must specify the type of resource to explain. ${SUGGEST}\n`);
  if (p.rest.length > 1) return fatal('', 'We accept only this format: explain RESOURCE\n');
  const apiVersion = typeof p.flags['api-version'] === 'string' ? p.flags['api-version'] : '';
  const format = typeof p.flags.output === 'string' ? p.flags.output : 'plaintext';
  const req = splitRequest(p.rest[0]!, apiVersion === '');
  if ('error' in req) return req.error;
  const gvr = { group: req.r.group, version: 'v1', resource: req.r.resource };
  if (format === 'plaintext-openapiv2') {
    // Not kubectl's words: the OpenAPI v2 renderer (pkg/explain) is not reproduced.
    return out('', 'kubectl explain --output=plaintext-openapiv2: not simulated on node1 (--output=plaintext is)\n', 1);
  }
  if (apiVersion) {
    const gv = parseGroupVersion(apiVersion);
    if ('error' in gv) return fatal('', gv.error);
    gvr.group = gv.group;
    gvr.version = gv.version;
  }
  const gvrString = `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
  // pkg/explain/v2/explain.go printModelDescriptionWithGenerator: the group-version's document from /openapi/v3.
  const data = await (documents ??= import('./explain/openapi.generated.ts'));
  const resourcePath = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const gv = Object.hasOwn(data.GROUP_VERSIONS, resourcePath) ? data.GROUP_VERSIONS[resourcePath]! : undefined;
  if (!gv && gvr.group === 'discovery.k8s.io') return { stdout: '', stderr: 'kubectl explain endpointslices: not simulated on node1\n', exitCode: 1 };
  if (!gv) return fatal('', `couldn't find resource for "${gvrString}"`);
  // generator.go Render: an unknown template name.
  if (format !== 'plaintext') return fatal('', `unrecognized format: ${format}`);
  const openapi = { openapi: '3.0.0', paths: gv.paths, components: { schemas: Object.fromEntries(gv.schemas.map((n) => [n, data.SCHEMAS[n]])) } };
  if (!compiled) {
    const text = (await import('./explain/plaintext.ts')).default;
    let tree: Tree | undefined;
    const funcs = explainFuncs(() => tree!);
    tree = parseTemplate(text, (f) => f in funcs, 'plaintext');
    compiled = { tree, funcs };
  }
  // generator.go TemplateContext.
  const context = new GoStruct('v2.TemplateContext', {
    GVR: new GoStruct('schema.GroupVersionResource', {
      Group: gvr.group,
      Version: gvr.version,
      Resource: gvr.resource,
      String: new GoFunc([], () => gvrString),
    }),
    Document: openapi,
    Recursive: Boolean(p.flags.recursive),
    FieldPath: req.fields,
  });
  try {
    return out(execute(compiled.tree, context, compiled.funcs));
  } catch (e) {
    // explain.go: an explainError (`throw`) is returned on its own; kubectl has already written what came before it.
    if (e instanceof ExecError && e.wrapped instanceof ExplainError) return fatal(e.partial, e.wrapped.message);
    if (e instanceof ExecError) return fatal(e.partial, e.message);
    throw e;
  }
}
