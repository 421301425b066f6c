/**
 * kubectl's help pages (src/sim/shell/commands/kubectl/help.ts, help/*.ts): `kubectl VERB --help` / `-h`, bare
 * `kubectl`, `kubectl options`, and their word-wrapping on a terminal.
 *
 * The fixtures under fixtures/kubectl-help/ are a real kubectl's output on a terminal of 80, 100 and 120 columns
 * (`script -qc 'stty cols N; kubectl exec --help'`). They were taken with kubectl v1.32.4, whose pages for these
 * commands are the same text as v1.30's: kubernetes/kubectl v0.30.5..v0.32.4 changes nothing in pkg/cmd/exec,
 * pkg/cmd/label, pkg/cmd/cmd.go's groups or the global flags' usage. drain.*, rollout-status.*, create-secret-generic.* and
 * top.* were taken with kubectl v1.30.13 the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { wrapString } from '../../../src/sim/shell/commands/kubectl/help.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/kubectl-help/${name}`, import.meta.url), 'utf8');

const VERSION_HELP = `Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false:
\tIf true, shows client version only (no server required).

    -o, --output='':
\tOne of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/**
 * The pages added in session 20, each a verb or subcommand node1's kubectl runs: [page, first line, usage line], as
 * kubectl v1.30.13 prints them (kubernetes/kubectl@v0.30.5:pkg/cmd/<verb>/*.go; v0.30.5..v0.30.13 changes no help text).
 */
const PAGES: [string, string, string][] = [
  [
    'annotate',
    'Update the annotations on one or more resources.',
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  ],
  ['api-resources', 'Print the supported API resources on the server.', 'kubectl api-resources [flags] [options]'],
  ['api-versions', 'Print the supported API versions on the server, in the form of "group/version".', 'kubectl api-versions [options]'],
  ['auth', 'Inspect authorization.', 'kubectl auth [flags] [options]'],
  ['auth can-i', 'Check whether an action is allowed.', 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]'],
  ['auth whoami', 'Experimental: Check who you are and your attributes (groups, extra).', 'kubectl auth whoami [options]'],
  [
    'cluster-info',
    "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
    'kubectl cluster-info [flags] [options]',
  ],
  ['config get-contexts', 'Display one or many contexts from the kubeconfig file.', 'kubectl config get-contexts [(-o|--output=)name)] [options]'],
  ['cordon', 'Mark node as unschedulable.', 'kubectl cordon NODE [options]'],
  ['uncordon', 'Mark node as schedulable.', 'kubectl uncordon NODE [options]'],
  ['drain', 'Drain node in preparation for maintenance.', 'kubectl drain NODE [options]'],
  ['taint', 'Update the taints on one or more nodes.', 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]'],
  [
    'events',
    'Display events.',
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  ],
  [
    'expose',
    'Expose a resource as a new Kubernetes service.',
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  ],
  ['rollout', 'Manage the rollout of one or many resources.', 'kubectl rollout SUBCOMMAND [options]'],
  ['rollout history', 'View previous rollout revisions and configurations.', 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]'],
  ['rollout pause', 'Mark the provided resource as paused.', 'kubectl rollout pause RESOURCE [options]'],
  ['rollout restart', 'Restart a resource.', 'kubectl rollout restart RESOURCE [options]'],
  ['rollout resume', 'Resume a paused resource.', 'kubectl rollout resume RESOURCE [options]'],
  ['rollout status', 'Show the status of the rollout.', 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]'],
  ['rollout undo', 'Roll back to a previous rollout.', 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]'],
  [
    'scale',
    'Set a new size for a deployment, replica set, replication controller, or stateful set.',
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  ],
  ['set', 'Configure application resources.', 'kubectl set SUBCOMMAND [options]'],
  [
    'set image',
    'Update existing container image(s) of resources.',
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  ],
  ['top', 'Display resource (CPU/memory) usage.', 'kubectl top [flags] [options]'],
  ['top node', 'Display resource (CPU/memory) usage of nodes.', 'kubectl top node [NAME | -l label] [options]'],
  ['top pod', 'Display resource (CPU/memory) usage of pods.', 'kubectl top pod [NAME | -l label] [options]'],
  [
    'wait',
    'Experimental: Wait for a specific condition on one or many resources.',
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  ],
  [
    'create configmap',
    'Create a config map based on a file, directory, or specified literal value.',
    'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  ],
  ['create job', 'Create a job with the specified name.', 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]'],
  ['create secret', 'Create a secret with specified type.', 'kubectl create secret (docker-registry | generic | tls) [options]'],
  [
    'create secret generic',
    'Create a secret based on a file, directory, or specified literal value.',
    'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  ],
  [
    'create secret docker-registry',
    'Create a new secret for use with Docker registries.',
    'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
  ],
  [
    'create secret tls',
    'Create a TLS secret from the given public/private key pair.',
    'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
  ],
  ['create service', 'Create a service using a specified subcommand.', 'kubectl create service [flags] [options]'],
  [
    'create service clusterip',
    'Create a ClusterIP service with the specified name.',
    'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  ],
  [
    'create service nodeport',
    'Create a NodePort service with the specified name.',
    'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  ],
  [
    'create service loadbalancer',
    'Create a LoadBalancer service with the specified name.',
    'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  ],
  [
    'create service externalname',
    'Create an ExternalName service with the specified name.',
    'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
  ],
];

const FOOTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

describe('kubectl --help', () => {
  it("prints a verb's page unwrapped to a pipe (kubernetes/kubectl@v0.30.5:pkg/cmd/version/version.go)", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl version --help | cat')).toEqual({ stdout: VERSION_HELP, stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl version -h | cat')).stdout).toBe(VERSION_HELP);
    expect((await w.exec('kubectl help version | cat')).stdout).toBe(VERSION_HELP);
    expect((await w.exec('kubectl config current-context --help | cat')).stdout).toBe(`Display the current-context.

Examples:
  # Display the current-context
  kubectl config current-context

Usage:
  kubectl config current-context [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
  });

  it('wraps a page as kubectl does on a terminal of 80 and 120 columns', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    for (const cols of [80, 120]) {
      expect((await w.exec('kubectl exec --help', { columns: cols })).stdout).toBe(fixture(`exec.${cols}.txt`));
      expect((await w.exec('kubectl label pods foo -h', { columns: cols })).stdout).toBe(fixture(`label.${cols}.txt`));
      expect((await w.exec('kubectl', { columns: cols })).stdout).toBe(fixture(`root.${cols}.txt`));
      expect((await w.exec('kubectl --help', { columns: cols })).stdout).toBe(fixture(`root.${cols}.txt`));
    }
    expect((await w.exec('kubectl options', { columns: 100 })).stdout).toBe(fixture('options.100.txt'));
    // Under 80 columns kubectl does not wrap (term_writer.go getTerminalLimitWidth gives 0).
    expect((await w.exec('kubectl exec --help', { columns: 60 })).stdout).toBe((await w.exec('kubectl exec --help | cat')).stdout);
  });

  it("shows v1.30's flags and text, not a later kubectl's", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const run = (await w.exec('kubectl run x --image=nginx --help | cat')).stdout;
    expect(run.startsWith('Create and run a particular image in a pod.\n\nExamples:\n  # Start a nginx pod\n  kubectl run nginx --image=nginx\n')).toBe(true);
    // run.go v0.30.5 marks --cascade, --filename, --force … deprecated, which hides them.
    expect(run).not.toContain('--cascade');
    expect(run).toContain(
      "    --attach=false:\n\tIf true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.\n\n",
    );
    expect(
      run.endsWith(
        'Usage:\n  kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
      ),
    ).toBe(true);
    const get = (await w.exec('kubectl get --help | cat')).stdout;
    expect(get).toContain('you will only see results in your current namespace unless you pass --all-namespaces.');
    expect(get).toContain(
      "    --subresource='':\n\tIf specified, gets the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.\n",
    );
    // helpers.go AddValidateFlags: the usage's raw-string lines keep their two tabs, joined by spaces.
    expect((await w.exec('kubectl apply --help | cat')).stdout).toContain('(or false). \t\t"true" or "strict" will use a schema');
    expect((await w.exec('kubectl logs --help | cat')).stdout).not.toContain('--all-pods');
    for (const verb of ['create', 'describe', 'delete']) {
      const r = await w.exec(`kubectl ${verb} --help`);
      expect([r.exitCode, r.stderr, r.stdout.endsWith('(applies to all\ncommands).\n')]).toEqual([0, '', true]);
    }
  });

  it('answers `kubectl options --help`, bare `kubectl config` and a page it has not got as kubectl does', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl options --help')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const config = await w.exec('kubectl config', { columns: 60 });
    expect([
      config.stdout,
      config.exitCode,
      config.stderr.startsWith('Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n'),
    ]).toEqual(['', 1, true]);
    expect(await w.exec('kubectl auth reconcile --help')).toEqual({
      stdout: '',
      stderr:
        'kubectl auth reconcile --help: the help page is not simulated on node1; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_auth_reconcile/\n',
      exitCode: 1,
    });
    const topic = await w.exec('kubectl help foo | cat');
    expect([
      topic.stdout,
      topic.exitCode,
      topic.stderr.startsWith('Unknown help topic [`foo`]\n\n\nBasic Commands (Beginner):\n  create          Create a resource'),
    ]).toEqual(['', 0, true]);
    expect(topic.stderr.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    // After `--` the words are the container's command, not kubectl's flags.
    expect((await w.exec('kubectl exec nopod -- ls --help')).stderr).toBe('Error from server (NotFound): pods "nopod" not found\n');
  });

  it('has the page of every verb and subcommand node1 runs: exit 0, its first line, its Usage line and the footer', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    for (const [page, first, usage] of PAGES) {
      const r = await w.exec(`kubectl ${page} --help | cat`);
      expect([page, r.exitCode, r.stderr, r.stdout.split('\n')[0]]).toEqual([page, 0, '', first]);
      expect(r.stdout).toContain(`\nUsage:\n  ${usage}\n\n`);
      expect(r.stdout.endsWith(FOOTER)).toBe(true);
      expect((await w.exec(`kubectl ${page} -h | cat`)).stdout).toBe(r.stdout);
    }
  });

  it("finds a subcommand's page as cobra's Find does: aliases, positional words, a flag's value, help TOPIC", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const page = async (cmd: string) => (await w.exec(`${cmd} | cat`)).stdout.split('\n')[0];
    expect(await page('kubectl create cm --help')).toBe('Create a config map based on a file, directory, or specified literal value.');
    expect(await page('kubectl create svc nodeport web --tcp=80:80 --help')).toBe('Create a NodePort service with the specified name.');
    expect(await page('kubectl top no -h')).toBe('Display resource (CPU/memory) usage of nodes.');
    expect(await page('kubectl top pods web --help')).toBe('Display resource (CPU/memory) usage of pods.');
    expect(await page('kubectl -n demo rollout status deploy/web --help')).toBe('Show the status of the rollout.');
    expect(await page('kubectl scale deployment web --replicas=3 --help')).toBe(PAGES.find(([p]) => p === 'scale')![1]);
    expect(await page('kubectl help create secret tls')).toBe('Create a TLS secret from the given public/private key pair.');
    // A word that names no subcommand ends the walk: the parent's page.
    expect(await page('kubectl rollout foo --help')).toBe('Manage the rollout of one or many resources.');
    expect(await page('kubectl create -f x.yaml --help')).toBe('Create a resource from a file or from stdin.');
    expect(await w.exec('kubectl set subject --help')).toEqual({
      stdout: '',
      stderr:
        'kubectl set subject --help: the help page is not simulated on node1; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_set_subject/\n',
      exitCode: 1,
    });
  });

  it("prints a bare parent command's page as DefaultSubCommandRun does: rollout on stdout, the others on stderr, exit 1", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl rollout')).toEqual({ stdout: (await w.exec('kubectl rollout --help')).stdout, stderr: '', exitCode: 1 });
    for (const parent of ['auth', 'set', 'create secret', 'create service']) {
      const r = await w.exec(`kubectl ${parent} 2>&1 >/dev/null | cat`);
      expect(r.stdout).toBe((await w.exec(`kubectl ${parent} --help | cat`)).stdout);
      expect((await w.exec(`kubectl ${parent}`)).exitCode).toBe(1);
    }
    expect(await w.exec('kubectl set foo')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples\n',
      exitCode: 1,
    });
  });

  it('wraps the new pages as kubectl v1.30.13 does on a terminal of 80, 100 and 120 columns', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    for (const [cmd, file] of [
      ['kubectl drain --help', 'drain.80.txt'],
      ['kubectl drain node1 -h', 'drain.120.txt'],
      ['kubectl rollout status --help', 'rollout-status.100.txt'],
      ['kubectl create secret generic --help', 'create-secret-generic.120.txt'],
      ['kubectl top --help', 'top.80.txt'],
    ] as const) {
      expect((await w.exec(cmd, { columns: Number(file.split('.').at(-2)) })).stdout).toBe(fixture(file));
    }
  });
});

describe('wrapString (github.com/mitchellh/go-wordwrap@v1.0.1)', () => {
  it('breaks at white space, drops the breaking spaces and leaves a long word whole', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('aaaaaaaaaa bb', 4)).toBe('aaaaaaaaaa\nbb');
    expect(wrapString('a  \n b', 2)).toBe('a\n b');
    expect(wrapString('中文 中文', 3)).toBe('中文\n中文');
  });
});
