/**
 * kubectl patch (kubernetes/kubectl@v0.30.5:pkg/cmd/patch/patch.go) against node1's API server (apiserver@v0.30.5
 * pkg/endpoints/handlers/patch.go; evanphx/json-patch v4.12.0; apimachinery strategicpatch). The client's texts and the
 * strategic merge results were checked against a real kubectl v1.30.13 (`patch --local -f`, and a stub API server for
 * the printing of a 422).
 */
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, mergePatch } from '../../../src/sim/k8s/patch/json-patch.ts';
import { strategicMergePatch } from '../../../src/sim/k8s/patch/strategic.ts';
import { k8sWorld, write } from './helpers.ts';

const TEMPLATE = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80 }],
          },
          { name: 'side', image: 'busybox:1.36' },
        ],
      },
    },
  },
};
const containers = (o: Record<string, unknown>) => (o.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers;

describe('strategic merge patch (as kubectl v1.30.13 patch --local computes it)', () => {
  it('merges containers by name, env by name, ports by containerPort, in mergeSortedSlice order', () => {
    const p = strategicMergePatch(TEMPLATE, {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx:1.28',
                env: [
                  { name: 'B', value: '3' },
                  { name: 'C', value: '4' },
                ],
                ports: [{ containerPort: 443 }],
              },
              { name: 'new', image: 'x' },
            ],
          },
        },
      },
    });
    expect(containers(p)).toEqual([
      {
        name: 'nginx',
        image: 'nginx:1.28',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '3' },
          { name: 'C', value: '4' },
        ],
        ports: [{ containerPort: 443 }, { containerPort: 80 }],
      },
      { name: 'new', image: 'x' },
      { name: 'side', image: 'busybox:1.36' },
    ]);
  });

  it('$patch: delete and replace, $retainKeys, null', () => {
    const p = strategicMergePatch(TEMPLATE, {
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' }, template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } },
    });
    expect((p.spec as { strategy: unknown }).strategy).toEqual({ type: 'Recreate' });
    expect(containers(p).map((c) => (c as { name: string }).name)).toEqual(['nginx']);
    const r = strategicMergePatch(TEMPLATE, { spec: { template: { spec: { containers: [{ name: 'x', $patch: 'replace' }] } }, strategy: null } });
    expect(containers(r)).toEqual([]);
    expect('strategy' in (r.spec as object)).toBe(false);
  });
});

describe('JSON patch and merge patch', () => {
  it("evanphx/json-patch v4.12.0's operations and words", () => {
    const doc = { spec: { replicas: 2, list: [1, 2] } };
    expect(
      applyJsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 5 },
        { op: 'add', path: '/spec/list/-', value: 3 },
        { op: 'remove', path: '/spec/list/0' },
      ]),
    ).toEqual({
      spec: { replicas: 5, list: [2, 3] },
    });
    expect(() => applyJsonPatch(doc, [{ op: 'remove', path: '/spec/nope' }])).toThrow(
      "error in remove for path: '/spec/nope': Unable to remove nonexistent key: nope: missing value",
    );
    expect(() => applyJsonPatch(doc, [{ op: 'remove', path: '/spec/nope/x' }])).toThrow(
      'remove operation does not apply: doc is missing path: "/spec/nope/x": missing value',
    );
    expect(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/nope/x', value: 1 }])).toThrow(
      'replace operation does not apply: doc is missing path: /spec/nope/x: missing value',
    );
    expect(() => applyJsonPatch(doc, [{ op: 'bad', path: '/spec' }])).toThrow('Unexpected kind: bad');
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: null, b: { c: 4 } })).toEqual({ b: { c: 4, d: 3 } });
  });
});

describe('kubectl patch', () => {
  it('a changed template rolls out a new ReplicaSet; the same patch again is "(no change)"', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const p = '\'{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}\'';
    expect((await w.exec(`kubectl patch deployment web -p ${p}`)).stdout).toBe('deployment.apps/web patched\n');
    expect((await w.exec(`kubectl patch deployment web -p ${p}`)).stdout).toBe('deployment.apps/web patched (no change)\n');
    expect((await w.exec('kubectl get deploy web -o jsonpath={.metadata.generation}')).stdout).toBe('2');
    expect((await w.exec('kubectl get rs --no-headers')).stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(
      (await w.exec(`kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":1}]' -o jsonpath={.spec.replicas}`)).stdout,
    ).toBe('1');
    expect((await w.exec(`kubectl patch deploy web --type merge -p '{"spec":{"replicas":3}}' -o name`)).stdout).toBe('deployment.apps/web\n');
    // fieldValidation Warn (the server's default): an unknown field is dropped with a warning.
    const u = await w.exec(`kubectl patch deploy web -p '{"spec":{"replica":3}}'`);
    expect([u.stdout, u.stderr]).toEqual(['deployment.apps/web patched (no change)\n', 'Warning: unknown field "spec.replica"\n']);
  });

  it("the server's errors: a JSON patch on a missing path (422), one that is not a list, a pod's immutable spec, NotFound", async () => {
    const w = k8sWorld();
    await w.exec('kubectl run api --image=python:3.12');
    const e = async (c: string) => (await w.exec(c)).stderr;
    expect(await e(`kubectl patch pod api --type json -p '[{"op":"remove","path":"/spec/foo/bar"}]'`)).toBe(
      'The request is invalid: : remove operation does not apply: doc is missing path: "/spec/foo/bar": missing value\n',
    );
    expect(await e(`kubectl patch pod api --type json -p '{"op":"remove"}'`)).toBe(
      'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n',
    );
    expect(await e(`kubectl patch pod api -p '{"spec":{"containers":[{"name":"api","ports":[{"containerPort":80}]}]}}'`)).toMatch(
      /^The Pod "api" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/,
    );
    expect(await e(`kubectl patch pod api -p '[1]'`)).toBe(
      'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n',
    );
    expect(await e(`kubectl patch pod nope -p '{}'`)).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it("the client's errors (Validate, the builder), as kubectl v1.30.13 prints them", async () => {
    const w = k8sWorld();
    await w.exec('kubectl run api --image=python:3.12');
    const e = async (c: string) => (await w.exec(c)).stderr;
    expect(await e('kubectl patch pod api')).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(await e(`kubectl patch pod api -p '{}' --patch-file x`)).toBe('error: cannot specify --patch and --patch-file together\n');
    expect(await e(`kubectl patch pod api -p '{}' --type foo`)).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(await e(`kubectl patch pod api -p '{}' --subresource=foo`)).toBe('error: invalid subresource value: "foo". Must be one of [status scale]\n');
    expect(await e('kubectl patch pod api --patch-file nope.json')).toBe('error: unable to read patch file: open nope.json: no such file or directory\n');
    expect(await e(`kubectl patch pod -p '{}'`)).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await e(`kubectl patch -p '{}'`)).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });

  it('--local -f and --dry-run=client patch in the client, store nothing and add no "(dry run)"', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run api --image=python:3.12');
    expect((await w.exec(`kubectl patch pod api -p '{"metadata":{"labels":{"x":"y"}}}' --dry-run=client`)).stdout).toBe('pod/api patched\n');
    expect((await w.exec('kubectl get pod api -o jsonpath={.metadata.labels}')).stdout).toBe('{"run":"api"}');
    await write(w, 'p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect((await w.exec(`kubectl patch --local -f p.yaml --type json -p '[{"op":"replace","path":"/spec/containers/3/image","value":"x"}]'`)).stderr).toBe(
      'error: replace operation does not apply: doc is missing path: /spec/containers/3/image: missing value\n',
    );
    // getPatchedJSON's "doc is missing key" rewording keeps what follows `key: `, the cause included.
    expect((await w.exec(`kubectl patch --local -f p.yaml --type json -p '[{"op":"replace","path":"/spec/containers/3","value":"x"}]'`)).stderr).toBe(
      'error: Object to be patched is missing field (/spec/containers/3: missing value)\n',
    );
    expect(
      (await w.exec(`kubectl patch --local -f p.yaml -p '{"spec":{"containers":[{"name":"c","image":"nginx:1.28"}]}}' -o jsonpath={.spec.containers[0].image}`))
        .stdout,
    ).toBe('nginx:1.28');
  });

  it("--record: pflag's deprecation line, the command line in kubernetes.io/change-cause, copied to the new ReplicaSet", async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    const r = await w.exec(`kubectl patch deploy web --record -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`);
    expect([r.stdout, r.stderr]).toEqual(['deployment.apps/web patched\n', 'Flag --record has been deprecated, --record will be removed in the future\n']);
    expect((await w.exec('kubectl rollout history deploy web')).stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl patch deploy web --record=true --patch={"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}\n\n',
    );
  });
});
