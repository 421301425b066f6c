/**
 * Labels are checked where Kubernetes checks them: the API server's ValidateLabels on every write
 * (apimachinery@v0.30.5 pkg/apis/meta/v1/validation/validation.go; IsQualifiedName and IsValidLabelValue in
 * pkg/util/validation/validation.go), and kubectl label's own check of the value (kubectl@v0.30.5
 * pkg/cmd/label/label.go parseLabels: "invalid label value: %q: %s", "invalid label spec: %v").
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld, write } from './helpers.ts';

const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const KEY_MSG =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

describe('label validation', () => {
  it('kubectl run --labels with a bad value: the API server refuses the pod at metadata.labels', async () => {
    const w = k8sWorld();
    const r = await w.exec("kubectl run web --image=nginx --labels='app=<x>'");
    expect(r.stderr).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "<x>": ${VALUE_MSG}\n`);
    expect(r.exitCode).toBe(1);
  });

  it('a manifest with a bad key and a long value gets both causes, keys in order', async () => {
    const w = k8sWorld();
    await write(
      w,
      'p.yaml',
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    "a b": x\n    ok: ${'v'.repeat(64)}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
    );
    const r = await w.exec('kubectl apply -f p.yaml');
    expect(r.stderr).toBe(
      `The Pod "p" is invalid: \n* metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n* metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters\n`,
    );
  });

  it('kubectl label: the value checked by kubectl, the key by the server', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx');
    const value = await w.exec("kubectl label pod web 'b=c d'");
    expect(value.stderr).toBe(`error: invalid label value: "b=c d": ${VALUE_MSG}\n`);
    expect((await w.exec('kubectl label pod web a=b=c')).stderr).toBe('error: invalid label spec: a=b=c\n');
    expect((await w.exec('kubectl label pod web a/b/c=d')).stderr).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "a/b/c": ${KEY_MSG}\n`);
    expect((await w.exec('kubectl label pod web example.com/tier=web')).stdout).toBe('pod/web labeled\n');
  });
});
