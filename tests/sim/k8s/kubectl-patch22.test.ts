/**
 * kubectl patch's strategic merge completed (session 22): $setElementOrder, $deleteFromPrimitiveList, merged primitive
 * lists, Go's words for a missing merge key and a bad directive, the server's type errors, the JSON text kept as it
 * is, and "(no change)" against a -f file's object. The client's texts were checked against kubectl v1.30.13
 * (`patch --local -f`); the server's are read in kubernetes/apiserver@v0.30.5 handlers/patch.go and apimachinery's
 * runtime/converter.go. Also --sort-by over an int64 and a float64 (kubectl@v0.30.5 pkg/cmd/get/sorter.go).
 */
import { describe, expect, it } from 'vitest';
import { sortBy } from '../../../src/sim/shell/commands/kubectl/sorter.ts';
import { k8sWorld, write } from './helpers.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  finalizers: [a, b]
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
    env:
    - {name: A, value: "1"}
    - {name: B, value: "2"}
  - name: side
    image: busybox
`;

async function local() {
  const w = k8sWorld();
  await write(w, 'pod.yaml', POD);
  const run = async (p: string, extra = '') => {
    const r = await w.exec(`kubectl patch --local -f pod.yaml ${extra} -p '${p}'`);
    return r.stdout + r.stderr;
  };
  return run;
}

describe('kubectl patch --local: the strategic merge directives (as kubectl v1.30.13 prints them)', () => {
  it('finalizers merge as a set; $deleteFromPrimitiveList and $setElementOrder', async () => {
    const run = await local();
    const f = `-o jsonpath={.metadata.finalizers}`;
    expect(await run('{"metadata":{"finalizers":["c","a"]}}', f)).toBe('["c","a","b"]');
    expect(await run('{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}', f)).toBe('["b"]');
    expect(await run('{"metadata":{"$setElementOrder/finalizers":["b","a"]}}', f)).toBe('["b","a"]');
    expect(await run('{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}', f)).toBe('["a","b"]');
    expect(await run('{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"web"}]}}', '-o jsonpath={.spec.containers[*].name}')).toBe('side web');
  });

  it("Go's words for a missing merge key, a bad directive, mixed items", async () => {
    const run = await local();
    expect(await run('{"spec":{"containers":[{"image":"x"}]}}')).toBe('error: map: map[image:x] does not contain declared merge key: name\n');
    expect(await run('{"spec":{"containers":[{"$patch":"delete"}]}}')).toBe('error: map: map[$patch:delete] does not contain declared merge key: name\n');
    expect(await run('{"metadata":{"$setElementOrder/finalizers":"a"}}')).toBe('error: expected a []interface {}, but received a string\n');
    expect(await run('{"metadata":{"$setElementOrder":["a"]}}')).toBe('error: invalid patch format of setElementOrder list\n');
    expect(await run('{"metadata":{"$retainKeys":"a"}}')).toBe('error: invalid patch format of retainKeys\n');
    expect(await run('{"metadata":{"$patch":"foo"}}')).toBe('error: unknown patch type: foo in map: map[$patch:foo]\n');
    expect(await run('{"spec":{"containers":[{"name":"web","$patch":"merge"}]}}')).toBe('error: merging lists cannot yet be specified in the patch\n');
    expect(await run('{"metadata":{"finalizers":[{"a":1}]}}')).toBe('error: list element types are not identical: [[a b] [map[a:1]]]\n');
    // The client decodes the result as unstructured: a value of the wrong type is kept.
    expect(await run('{"spec":{"containers":[{"name":"web","image":5}]}}', '-o jsonpath={.spec.containers[0].image}')).toBe('5');
  });

  it('a text that starts with { is JSON, sent as it is: each patch type fails in its own words', async () => {
    const run = await local();
    expect(await run('{"a" 1}')).toBe('error: invalid JSON document\n');
    expect(await run('x')).toBe('error: invalid JSON document\n');
    expect(await run('{"a":', '--type merge')).toBe('error: Invalid JSON Patch\n');
    expect(await run('null', '--type merge')).toBe('error: Invalid JSON Patch\n');
    expect(await run('- a', '--type merge')).toBe('error: json: cannot unmarshal array into Go value of type unstructured.detector\n');
    expect(await run('{"a" 1}', '--type json')).toBe("error: invalid character '1' after object key\n");
    expect(await run('{"a":', '--type json')).toBe('error: unexpected end of JSON input\n');
    expect(await run('["a"]', '--type json')).toBe('error: json: cannot unmarshal string into Go value of type jsonpatch.Operation\n');
    expect(await run('[null]', '--type json')).toBe('error: Unexpected kind: unknown\n');
    expect(await run('null', '-o name')).toBe('pod/web\n');
  });
});

describe("kubectl patch: a YAML patch's parse error in go-yaml's words (kubectl v1.30.13)", () => {
  it('the mistakes patch-yaml.ts can place, each as the binary prints it', async () => {
    const run = await local();
    const err = (p: string, msg: string) => `error: unable to parse ${JSON.stringify(p)}: yaml: ${msg}\n`;
    const cases: [string, string][] = [
      ['spec: replicas: 3', 'mapping values are not allowed in this context'],
      ['a: 1\n  b: 2', 'line 2: mapping values are not allowed in this context'],
      ['x: 1\n  y: 2\nz: 3', 'line 2: mapping values are not allowed in this context'],
      ['a: "x', 'found unexpected end of stream'],
      ['a: 1\nb: "x', 'line 2: found unexpected end of stream'],
      ['a: [1, 2', "line 1: did not find expected ',' or ']'"],
      ['a: 1\nb: {x: 1', "line 2: did not find expected ',' or '}'"],
      ['a: [1,', 'line 1: did not find expected node content'],
      ['\ta: 1', 'found character that cannot start any token'],
      ['a: 1\nb: @x', 'line 2: found character that cannot start any token'],
      ['spec:\n  replicas: 3\n x: 1', 'line 2: did not find expected key'],
      ['a: 1\nb:\n - 1\n c: 2', "line 3: did not find expected '-' indicator"],
      ['a: b\nc', "line 3: could not find expected ':'"],
      ['a: 1\nb: *zz', "unknown anchor 'zz' referenced"],
    ];
    for (const [p, msg] of cases) expect(await run(p)).toBe(err(p, msg));
  });
});

describe('kubectl patch: the server', () => {
  it('decodes the result into the typed object: a value of the wrong type is a 422 naming the patch', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    const e = async (p: string) => (await w.exec(`kubectl patch deploy web -p '${p}'`)).stderr;
    const invalid = 'The request is invalid: patch: Invalid value: ';
    expect(await e('{"spec":{"replicas":"3"}}')).toBe(`${invalid}"map[spec:map[replicas:3]]": unrecognized type: int32\n`);
    expect(await e('{"spec":{"replicas":1.5}}')).toBe(`${invalid}"map[spec:map[replicas:1.5]]": cannot convert float64 to int32\n`);
    expect(await e('{"metadata":{"labels":"x"}}')).toBe(`${invalid}"map[metadata:map[labels:x]]": cannot restore map from string\n`);
    expect(await e('{"spec":{"template":"x"}}')).toBe(`${invalid}"map[spec:map[template:x]]": cannot restore struct from: string\n`);
    expect(await e('{"spec":{"template":{"spec":{"containers":[{"name":"nginx","imagePullPolicy":5}]}}}}')).toBe(
      `${invalid}"map[spec:map[template:map[spec:map[containers:[map[imagePullPolicy:5 name:nginx]]]]]]": cannot convert int64 to v1.PullPolicy\n`,
    );
    expect((await w.exec('kubectl get deploy web -o jsonpath={.spec.replicas}')).stdout).toBe('1');
  });

  it('answers a merge error with a bare 500, a format error and bad JSON with a 400', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    const e = async (c: string) => (await w.exec(c)).stderr;
    expect(await e(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`)).toBe(
      'Error from server: map: map[image:x] does not contain declared merge key: name\n',
    );
    expect(await e(`kubectl patch deploy web -p '{"metadata":{"$retainKeys":"a"}}'`)).toBe(
      'Error from server (BadRequest): invalid patch format of retainKeys\n',
    );
    expect(await e(`kubectl patch deploy web -p '{"a" 1}'`)).toBe("Error from server (BadRequest): invalid character '1' after object key\n");
    expect(await e(`kubectl patch deploy web --type merge -p '{"a" 1}'`)).toBe(
      "Error from server (BadRequest): error decoding patch: invalid character '1' after object key\n",
    );
  });

  it('merges finalizers and deletes them with $deleteFromPrimitiveList', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create configmap cfg --from-literal=a=b');
    await w.exec(`kubectl patch cm cfg -p '{"metadata":{"finalizers":["x/a"]}}'`);
    await w.exec(`kubectl patch cm cfg -p '{"metadata":{"finalizers":["x/b","x/a"]}}'`);
    expect((await w.exec('kubectl get cm cfg -o jsonpath={.metadata.finalizers}')).stdout).toBe('["x/b","x/a"]');
    await w.exec(`kubectl patch cm cfg -p '{"metadata":{"$deleteFromPrimitiveList/finalizers":["x/a","x/b"]}}'`);
    expect((await w.exec('kubectl get cm cfg -o jsonpath={.metadata.finalizers}')).stdout).toBe('');
  });

  it("a Node (no course model): its finalizers merge, its taints are replaced (patchmeta.ts's own fields for it)", async () => {
    const w = k8sWorld();
    const get = async (p: string) => (await w.exec(`kubectl get node node1 -o jsonpath=${p}`)).stdout;
    await w.exec(`kubectl patch node node1 -p '{"metadata":{"finalizers":["x/a"]}}'`);
    await w.exec(`kubectl patch node node1 -p '{"metadata":{"finalizers":["x/b"]}}'`);
    expect(await get('{.metadata.finalizers}')).toBe('["x/b","x/a"]');
    await w.exec(`kubectl patch node node1 -p '{"spec":{"taints":[{"key":"k","effect":"NoSchedule"}]}}'`);
    await w.exec(`kubectl patch node node1 -p '{"spec":{"taints":[{"key":"k2","effect":"NoSchedule"}]}}'`);
    expect(await get('{.spec.taints[*].key}')).toBe('k2');
  });

  it('-f: "(no change)" compares the answer with the file\'s object, and --dry-run=client patches the file\'s object', async () => {
    const w = k8sWorld();
    await write(w, 'cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n');
    await w.exec('kubectl apply -f cm.yaml');
    expect((await w.exec(`kubectl patch -f cm.yaml -p '{}'`)).stdout).toBe('configmap/cfg patched\n');
    expect((await w.exec(`kubectl patch cm cfg -p '{}'`)).stdout).toBe('configmap/cfg patched (no change)\n');
    await w.exec(`kubectl patch cm cfg -p '{"data":{"c":"d"}}'`);
    expect((await w.exec(`kubectl patch -f cm.yaml -p '{"data":{"e":"f"}}' --dry-run=client -o jsonpath={.data}`)).stdout).toBe('{"a":"b","e":"f"}');
  });
});

describe('--sort-by', () => {
  it('an int64 and a float64 are unsortable (UnstructuredJSONScheme: an integral number is an int64)', () => {
    const items = [{ v: 1 }, { v: 1.5 }, { v: 2 }];
    expect(sortBy(items, '{.v}', (t) => t, false)).toEqual({
      fatal: 'Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface',
      at: 'sorter.go:331',
    });
    expect(sortBy([{ v: 2.5 }, { v: 1.5 }], '{.v}', (t) => t, false)).toEqual({ sorted: [{ v: 1.5 }, { v: 2.5 }] });
  });
});
