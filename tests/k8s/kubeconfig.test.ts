/** src/k8s/kubeconfig.ts: client-go@v0.30.5 clientcmd's loading, merge and write rules, checked against kubectl v1.30.13. */
import { describe, expect, it } from 'vitest';
import {
  accessOf,
  defaultFilename,
  emptyConfig,
  type KubeConfig,
  mergeKubeconfigs,
  minified,
  modified,
  parseKubeconfig,
  redacted,
  resolveTarget,
} from '../../src/k8s/kubeconfig.ts';

const ONE = `apiVersion: v1
kind: Config
clusters:
- name: a
  cluster:
    server: https://1.1.1.1
contexts:
- name: one
  context: {cluster: a, user: u, namespace: first}
users:
- name: u
  user: {token: abc}
`;
const TWO = `apiVersion: v1
kind: Config
clusters:
- name: a
  cluster: {server: https://2.2.2.2}
- name: b
  cluster: {server: https://3.3.3.3, certificate-authority-data: Q0E=}
contexts:
- name: one
  context: {cluster: b, user: u}
- name: two
  context: {cluster: b, user: u}
current-context: two
`;

const merged = (files: [string, string | undefined][]) => mergeKubeconfigs(files.map(([path, text]) => ({ path, text }))) as KubeConfig;

describe('kubeconfig loading', () => {
  it('takes $KUBECONFIG as a list (empty names dropped, duplicates once), else ~/.kube/config; --kubeconfig alone', () => {
    expect(accessOf(undefined, '/a::/b:/a', '/root')).toEqual({ precedence: ['/a', '/b'], fromEnv: true });
    expect(accessOf(undefined, undefined, '/home/u/')).toEqual({ precedence: ['/home/u/.kube/config'], fromEnv: false });
    expect(accessOf('x.conf', '/a', '/root')).toEqual({ explicit: 'x.conf', precedence: ['x.conf'], fromEnv: false });
  });

  it('merges: the first file to name an entry wins it whole; the first current-context set wins', () => {
    const c = merged([
      ['/one', ONE],
      ['/missing', undefined],
      ['/two', TWO],
    ]);
    expect(c.clusters.a).toEqual({ value: { server: 'https://1.1.1.1' }, origin: '/one' });
    expect(c.clusters.b?.origin).toBe('/two');
    expect(c.contexts.one).toEqual({ value: { cluster: 'a', user: 'u', namespace: 'first' }, origin: '/one' });
    expect(c.currentContext).toBe('two');
    expect(Object.keys(c.contexts)).toEqual(['one', 'two']);
  });

  it("gives a file's load errors in kubectl's words; an empty or missing file is an empty Config", () => {
    expect(mergeKubeconfigs([{ path: 's', text: 'just text\n' }])).toEqual({
      error:
        'error loading config file "s": couldn\'t get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    });
    expect((mergeKubeconfigs([{ path: 'b', text: 'clusters: [\n' }]) as { error: string }).error).toMatch(/^error loading config file "b": yaml: line 1: /);
    expect(parseKubeconfig('clusters: 5\n', 'f')).toEqual({
      error: 'json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster',
    });
    expect(parseKubeconfig('users: [true]\n', 'f')).toEqual({
      error: 'json: cannot unmarshal bool into Go struct field Config.users of type v1.NamedAuthInfo',
    });
    expect(parseKubeconfig('current-context: [a]\n', 'f')).toEqual({
      error: 'json: cannot unmarshal array into Go struct field Config.current-context of type string',
    });
    expect(parseKubeconfig('', 'e')).toEqual(emptyConfig());
    expect(merged([['m', undefined]])).toEqual(emptyConfig());
  });

  it('resolves the context, its cluster, user and namespace, with the flags overriding', () => {
    const c = merged([
      ['/one', ONE],
      ['/two', TWO],
    ]);
    expect(resolveTarget(c, {})).toMatchObject({ ok: true, server: 'https://3.3.3.3', namespace: 'default', contextName: 'two' });
    expect(resolveTarget(c, { context: 'one' })).toMatchObject({ ok: true, server: 'https://1.1.1.1', namespace: 'first', userName: 'u' });
    expect(resolveTarget(c, { context: 'one', namespace: 'n', cluster: 'b' })).toMatchObject({ server: 'https://3.3.3.3', namespace: 'n' });
    expect(resolveTarget(c, { context: 'x' })).toEqual({ ok: false, error: 'Error in configuration: context was not found for specified context: x\n' });
    expect(resolveTarget(c, { user: 'x' })).toEqual({ ok: false, error: 'error: auth info "x" does not exist\n' });
    expect(resolveTarget(c, { cluster: 'x' })).toEqual({ ok: false, error: 'error: no server found for cluster "x"\n' });
    expect(resolveTarget(emptyConfig(), {})).toMatchObject({ ok: true, server: 'http://localhost:8080', namespace: 'default' });
  });

  it('redacts and minifies as config view does', () => {
    const c = merged([
      ['/two', TWO],
      ['/one', ONE],
    ]);
    const r = redacted(c);
    expect([r.users.u?.value.token, r.clusters.b?.value['certificate-authority-data'], c.users.u?.value.token]).toEqual(['REDACTED', 'DATA+OMITTED', 'abc']);
    const m = minified(c) as KubeConfig;
    expect([Object.keys(m.contexts), Object.keys(m.clusters), Object.keys(m.users)]).toEqual([['two'], ['b'], ['u']]);
    expect(minified(emptyConfig())).toEqual({ error: 'current-context must exist in order to minify' });
    expect(minified({ ...c, currentContext: 'x' })).toEqual({ error: 'cannot locate context x' });
  });

  it('writes a change to the file its entry came from, a new entry to the first existing file', () => {
    const files: Record<string, string> = { '/one': ONE, '/two': TWO };
    const access = accessOf(undefined, '/missing:/two:/one', '/root');
    const before = merged([
      ['/missing', undefined],
      ['/two', TWO],
      ['/one', ONE],
    ]);
    const after = structuredClone(before);
    after.contexts.one!.value.namespace = 'changed';
    after.contexts.three = { value: { cluster: '', user: '' }, origin: '' };
    after.currentContext = 'one';
    const exists = (p: string) => Object.hasOwn(files, p);
    expect(defaultFilename(access, exists)).toBe('/two');
    const out = modified(access, before, after, (p) => parseKubeconfig(files[p] ?? '', p) as KubeConfig, exists);
    expect([...out.keys()]).toEqual(['/two']);
    expect(Object.keys(out.get('/two')!.contexts)).toEqual(['one', 'two', 'three']);
    expect(out.get('/two')!.currentContext).toBe('one');
  });
});
