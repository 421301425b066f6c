/**
 * kubectl get -o custom-columns / custom-columns-file (kubernetes/kubectl@v0.30.5:pkg/cmd/get/customcolumn.go,
 * customcolumn_flags.go) and --sort-by (pkg/cmd/get/sorter.go). Each text was also checked against a real kubectl
 * v1.30.13 talking to a stub API server (the same objects served as a PodList).
 */
import { describe, expect, it } from 'vitest';
import { naturalLess, sortBy } from '../../../src/sim/shell/commands/kubectl/sorter.ts';
import { columnsFromTemplate, goSprint } from '../../../src/sim/shell/commands/kubectl/custom-columns.ts';
import { k8sWorld, POD, write } from './helpers.ts';

async function pods() {
  const w = k8sWorld();
  await w.exec('kubectl run web-10 --image=nginx:1.27 --labels=app=web,tier=fe');
  await w.exec('kubectl run web-9 --image=nginx:1.25 --labels=app=web');
  await w.exec('kubectl run api --image=python:3.12');
  return w;
}

describe('kubectl get -o custom-columns', () => {
  it('a column per HEADER:PATH, lists joined with commas, maps as fmt.Sprint prints them, <none> for nothing', async () => {
    const w = await pods();
    const r = await w.exec('kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,L:.metadata.labels,X:.spec.hostname');
    expect(r.stdout).toBe(
      'NAME     IMAGES        L                      X\n' +
        'api      python:3.12   map[run:api]           <none>\n' +
        'web-10   nginx:1.27    map[app:web tier:fe]   <none>\n' +
        'web-9    nginx:1.25    map[app:web]           <none>\n',
    );
    // RelaxedJSONPathExpression: `metadata.name`, `{.metadata.name}` are the same path; --no-headers drops the header.
    expect((await w.exec('kubectl get pod api -o custom-columns=N:metadata.name,I:{.spec.containers[0].image} --no-headers')).stdout).toBe(
      'api   python:3.12\n',
    );
  });

  it("the spec's errors, as NewCustomColumnsPrinterFromSpec words them", async () => {
    const w = await pods();
    const err = async (o: string) => (await w.exec(`kubectl get pods -o '${o}'`)).stderr;
    expect(await err('custom-columns=NAME')).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
    expect(await err('custom-columns=')).toBe('error: custom-columns format specified but no custom columns given\n');
    expect(await err('custom-columns')).toBe('error: custom-columns format specified but no custom columns given\n');
    expect(await err('custom-columns=N:{{.x}}')).toBe(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
    );
    // The printer stops at a JSONPath error; what it wrote (the header) is flushed first.
    const r = await w.exec('kubectl get pods -o custom-columns=N:.metadata.name,X:.spec.containers[5].image');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['N     X\n', 'error: array index out of bounds: index 5, length 1\n', 1]);
  });

  it('printGeneric: the header alone for an empty list, no "No resources found"; a missing single name is only its error', async () => {
    const w = k8sWorld();
    const r = await w.exec('kubectl get pods -o custom-columns=NAME:.metadata.name');
    expect([r.stdout, r.stderr]).toEqual(['NAME\n', '']);
    const m = await w.exec('kubectl get pod nope -o custom-columns=NAME:.metadata.name');
    expect([m.stdout, m.stderr]).toEqual(['', 'Error from server (NotFound): pods "nope" not found\n']);
  });

  it('custom-columns-file: a header line and a path line; its header is printed even with --no-headers', async () => {
    const w = await pods();
    await write(w, 'cc.txt', 'NAME   IMG\n.metadata.name  {.spec.containers[0].image}\n');
    expect((await w.exec('kubectl get pods -o custom-columns-file=cc.txt --no-headers')).stdout).toBe(
      'NAME     IMG\napi      python:3.12\nweb-10   nginx:1.27\nweb-9    nginx:1.25\n',
    );
    expect((await w.exec('kubectl get pods -o custom-columns-file=nope.txt')).stderr).toBe(
      'error: error reading template nope.txt, open nope.txt: no such file or directory\n',
    );
    expect(columnsFromTemplate('NAME IMG\n.metadata.name\n')).toEqual({ error: "number of headers (2) and field specifications (1) don't match" });
    expect(columnsFromTemplate('NAME\n')).toEqual({
      error: 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.',
    });
  });

  it('every kind get serves: one List, one header, across types', async () => {
    const w = await pods();
    await write(w, 'p.yaml', POD('solo'));
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    expect((await w.exec('kubectl get deploy,svc -o custom-columns=KIND:.kind,NAME:.metadata.name')).stdout).toBe(
      'KIND         NAME\nDeployment   web\nService      kubernetes\n',
    );
    expect(goSprint({ b: [1, 'x'], a: null })).toBe('map[a:<nil> b:[1 x]]');
    // get.go Validate: --show-labels belongs to the human-readable printers.
    expect((await w.exec('kubectl get pods --show-labels -o custom-columns=N:.metadata.name')).stderr).toBe(
      'error: --show-labels option cannot be used with custom-columns=N:.metadata.name printer\n',
    );
  });
});

describe('kubectl get --sort-by', () => {
  it('natural order for strings, quantities when both parse, missing fields first', async () => {
    expect(naturalLess('web-9', 'web-10')).toBe(true);
    expect(naturalLess('a01', 'a1')).toBe(false);
    const objs = [{ q: '1' }, { q: '250m' }, {}, { q: '64Mi' }];
    const s = sortBy(objs, '.q', (o) => o, false);
    expect(s).toEqual({ sorted: [{}, { q: '250m' }, { q: '1' }, { q: '64Mi' }] });
  });

  it('works with the table, name, custom-columns and json outputs', async () => {
    const w = await pods();
    expect((await w.exec('kubectl get pods --sort-by=.metadata.name -o name')).stdout).toBe('pod/api\npod/web-9\npod/web-10\n');
    expect((await w.exec('kubectl get pods --sort-by=.metadata.name --no-headers')).stdout).toMatch(/^api .*\nweb-9 .*\nweb-10 /);
    // The server lists api, web-10, web-9; the insertion sort moves each object without the field to the front, so
    // those end up in reverse order.
    expect((await w.exec('kubectl get pods --sort-by=metadata.labels.tier -o custom-columns=N:.metadata.name --no-headers')).stdout).toBe(
      'web-9\napi\nweb-10\n',
    );
    const j = JSON.parse((await w.exec('kubectl get pods --sort-by={.spec.containers[0].image} -o json')).stdout) as {
      items: { metadata: { name: string } }[];
    };
    expect(j.items.map((i) => i.metadata.name)).toEqual(['web-9', 'web-10', 'api']);
  });

  it("a field no object has is an error (one object named alone is not sorted); maps are unsortable (klog's fatal line)", async () => {
    const w = await pods();
    const r = await w.exec('kubectl get pods --sort-by=.metadata.nope -o name');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n', 1]);
    expect((await w.exec('kubectl get pod api --sort-by=.metadata.nope -o name')).stdout).toBe('pod/api\n');
    const m = await w.exec('kubectl get pods --sort-by=.metadata.labels -o name');
    expect(m.stderr).toMatch(
      /^F\d{4} [\d:.]+ +\d+ sorter\.go:331\] Field \{\.metadata\.labels\} in \*unstructured\.Unstructured is an unsortable type: interface, err: unsortable type: map\[string\]interface \{\}\n$/,
    );
    expect(m.exitCode).toBe(1);
  });
});

describe("Go's sort.Sort (kit/gosort.ts)", () => {
  it('pdqsort past 12 items: ties and an inconsistent Less (missing fields) come out as Go orders them', async () => {
    const { goSort } = await import('../../../src/sim/shell/kit/gosort.ts');
    // Pods p00…p39 whose .spec.priority is (i*13)%5, none for i%7==3, served in that order by a stub API server:
    // `kubectl get pods --sort-by=.spec.priority -o name` (a real kubectl v1.30.13) printed this order.
    const real = '17 24 03 31 38 10 20 15 35 30 25 00 05 02 07 27 37 12 22 32 14 19 34 39 04 09 29 11 26 06 21 36 16 01 28 23 33 18 08 13';
    const rows = Array.from({ length: 40 }, (_, i) => ({ k: i % 7 === 3 ? undefined : (i * 13) % 5, i }));
    const lessAt = (a: number, b: number) => rows[a]!.k === undefined || (rows[b]!.k !== undefined && rows[a]!.k! < rows[b]!.k!);
    const swapAt = (a: number, b: number) => {
      [rows[a], rows[b]] = [rows[b]!, rows[a]!];
    };
    goSort(rows.length, { less: lessAt, swap: swapAt });
    expect(rows.map((r) => String(r.i).padStart(2, '0')).join(' ')).toBe(real);
  });
});
