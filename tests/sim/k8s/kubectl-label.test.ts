/**
 * kubectl label's flags (kubernetes/kubectl@v0.30.5:pkg/cmd/label/label.go, the builder of
 * kubernetes/cli-runtime@v0.30.5:pkg/resource/builder.go, CheckErr of pkg/cmd/util/helpers.go); the --local and
 * --dry-run=client texts were compared with kubectl v1.30.13.
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld } from './helpers.ts';

const POD = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n`;
const PRINTERS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

async function files() {
  const w = k8sWorld();
  await w.exec(`printf '${POD}' > pod.yaml; sed 's/name: web/name: db/' pod.yaml > db.yaml; (cat pod.yaml; echo ---; cat db.yaml) > two.yaml`);
  return w;
}

describe('kubectl label --local -f', () => {
  it('updateDataChangeMsg: labeled, unlabeled (shorter, no --overwrite), not labeled; -o prints the object', async () => {
    const w = await files();
    expect((await w.exec('kubectl label --local -f pod.yaml tier=x')).stdout).toBe('pod/web labeled\n');
    expect((await w.exec('kubectl label --local -f pod.yaml app-')).stdout).toBe('pod/web unlabeled\n');
    expect((await w.exec('kubectl label --local -f pod.yaml app- --overwrite')).stdout).toBe('pod/web labeled\n');
    expect((await w.exec('kubectl label --local -f pod.yaml app=web')).stdout).toBe('pod/web not labeled\n');
    expect((await w.exec('kubectl label --local -f pod.yaml a=b --dry-run=client')).stdout).toBe('pod/web labeled (dry run)\n');
    // labelFunc always sets a map: the last label removed leaves `labels: {}`.
    expect((await w.exec('kubectl label --local -f pod.yaml app- -o yaml')).stdout).toMatch(
      /^apiVersion: v1\nkind: Pod\nmetadata:\n {2}labels: \{\}\n {2}name: web\n/,
    );
    // A printer per object: no `---` between YAML documents.
    const y = await w.exec('kubectl label --local -f two.yaml a=b -o yaml');
    expect(y.stdout.match(/^(---|apiVersion: v1)$/gm)).toEqual(['apiVersion: v1', 'apiVersion: v1']);
    expect((await w.exec('kubectl label --local -f two.yaml a=b -o name')).stdout).toBe('pod/web\npod/db\n');
  });

  it('CheckErr: one error with `error: `, an aggregate of several one per line without it', async () => {
    const w = await files();
    const one = await w.exec('kubectl label --local -f pod.yaml a=b -o bad');
    expect(one.stderr).toBe(`error: unable to match a printer suitable for the output format "bad", allowed formats are: ${PRINTERS}\n`);
    expect(one.exitCode).toBe(1);
    const two = await w.exec('kubectl label --local -f two.yaml app=x');
    expect(two.stderr).toBe("'app' already has a value (web), and --overwrite is false\n".repeat(2));
    expect((await w.exec('kubectl label --local -f pod.yaml app=x')).stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
  });

  it('--list: bare for a single item implied (one file), with headings otherwise', async () => {
    const w = await files();
    expect((await w.exec('kubectl label --local -f two.yaml --list')).stdout).toBe('app=web\napp=web\n');
    expect((await w.exec('kubectl label --local -f pod.yaml -f db.yaml a=b --list')).stdout).toBe(
      'Listing labels for Pod./web:\n app=web\n a=b\nListing labels for Pod./db:\n app=web\n a=b\n',
    );
    expect((await w.exec('kubectl label --local -f pod.yaml --list -o yaml')).stderr).toBe('error: --list and --output may not be specified together\n');
  });

  it("Validate's and Complete's errors", async () => {
    const w = await files();
    const err = async (c: string) => (await w.exec(c)).stderr;
    expect(await err('kubectl label --local -f pod.yaml a=b --dry-run=server')).toBe(
      'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n',
    );
    expect(await err('kubectl label --local pod web a=b')).toBe(
      'error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n',
    );
    expect(await err('kubectl label --local a=b')).toBe('error: one or more files must be specified as -f pod.yaml or --filename=pod.json\n');
    expect(await err('kubectl label --local -f pod.yaml a=b a-')).toBe('error: can not both modify and remove a label in the same command\n');
    expect(await err('kubectl label --local -f two.yaml -f db.yaml a=b --resource-version=3')).toBe(
      'error: --resource-version may only be used with a single resource\n',
    );
    expect(await err('kubectl label pods --all -l app=web a=b')).toBe('error: cannot set --all and --selector at the same time\n');
  });
});

describe('kubectl label against the API server', () => {
  it('selects by --all, -l, --field-selector and -A, as the builder does', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx -l app=web; kubectl run db --image=nginx -l app=db');
    expect((await w.exec('kubectl label pods a=b')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await w.exec('kubectl label pods --all x=1')).stdout).toBe('pod/db labeled\npod/web labeled\n');
    expect((await w.exec('kubectl label pods -l app=db y=2')).stdout).toBe('pod/db labeled\n');
    expect((await w.exec('kubectl label pods --field-selector metadata.name=web z=3')).stdout).toBe('pod/web labeled\n');
    expect((await w.exec('kubectl label pods -l app=db web y=2')).stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect((await w.exec('kubectl label pod/web -l app=db y=2')).stderr).toBe(
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    );
    expect((await w.exec('kubectl label pod web -A w=2')).stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n');
    expect((await w.exec('kubectl label pods -A -l component=etcd t=1 -o name')).stdout).toBe('pod/etcd-node1\n');
    expect((await w.exec('kubectl label pods --all --list')).stdout).toBe(
      'Listing labels for Pod./db:\n app=db\n x=1\n y=2\nListing labels for Pod./web:\n app=web\n x=1\n z=3\n',
    );
  });

  it('dry runs store nothing; a missing key is reported; --resource-version must be the live one', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx -l app=web');
    expect((await w.exec('kubectl label pod web app- --dry-run=server')).stdout).toBe('pod/web unlabeled (server dry run)\n');
    expect((await w.exec('kubectl label pod web app- --dry-run=client')).stdout).toBe('pod/web unlabeled (dry run)\n');
    expect((await w.exec('kubectl label pod web nope-')).stdout).toBe('label "nope" not found.\npod/web not labeled\n');
    expect((await w.exec('kubectl get pod web -o jsonpath={.metadata.labels}')).stdout).toBe('{"app":"web"}');
    const c = await w.exec('kubectl label pod web a=b --resource-version=1');
    expect(c.stderr).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    const rv = (await w.exec('kubectl get pod web -o jsonpath={.metadata.resourceVersion}')).stdout;
    expect((await w.exec(`kubectl label pod web a=b --resource-version=${rv}`)).stdout).toBe('pod/web labeled\n');
    // A bad -o fails after the patch (ToPrinter is called per object).
    expect((await w.exec('kubectl label pod web c=d -o bad')).exitCode).toBe(1);
    expect((await w.exec('kubectl get pod web -o jsonpath={.metadata.labels.c}')).stdout).toBe('d');
  });
});

describe('kubectl annotate --local -f and -f (the same builder, pairs.ts)', () => {
  it('annotates the file object in the client; Validate words it with rsrc.yaml (annotate.go)', async () => {
    const w = await files();
    expect((await w.exec('kubectl annotate --local -f pod.yaml a=b')).stdout).toBe('pod/web annotated\n');
    expect((await w.exec('kubectl annotate --local -f pod.yaml a=b --dry-run=client')).stdout).toBe('pod/web annotated (dry run)\n');
    // No server: a key the API server would refuse passes.
    expect((await w.exec("kubectl annotate --local -f two.yaml 'Bad Key=1' -o name")).stdout).toBe('pod/web\npod/db\n');
    expect((await w.exec('kubectl annotate --local pod web a=b')).stderr).toBe(
      'error: can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set\n',
    );
    expect((await w.exec('kubectl annotate --local a=b')).stderr).toBe('error: one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json\n');
    await w.exec('kubectl apply -f pod.yaml');
    expect((await w.exec('kubectl annotate -f pod.yaml note=x')).stdout).toBe('pod/web annotated\n');
    expect((await w.exec('kubectl get pod web -o jsonpath={.metadata.annotations.note}')).stdout).toBe('x');
  });
});
