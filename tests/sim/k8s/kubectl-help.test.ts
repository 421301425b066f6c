/**
 * kubectl's help pages (src/sim/shell/commands/kubectl/help.ts, help/*.ts): `kubectl VERB --help` / `-h`, bare
 * `kubectl`, `kubectl options`, and their word-wrapping on a terminal.
 *
 * The fixtures under fixtures/kubectl-help/ are a real kubectl's output on a terminal of 80, 100 and 120 columns
 * (`script -qc 'stty cols N; kubectl exec --help'`). They were taken with kubectl v1.32.4, whose pages for these
 * commands are the same text as v1.30's: kubernetes/kubectl v0.30.5..v0.32.4 changes nothing in pkg/cmd/exec,
 * pkg/cmd/label, pkg/cmd/cmd.go's groups or the global flags' usage.
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
    expect(await w.exec('kubectl config view --help')).toEqual({
      stdout: '',
      stderr:
        'kubectl config view --help: the help page is not simulated on node1; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_config_view/\n',
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
});

describe('wrapString (github.com/mitchellh/go-wordwrap@v1.0.1)', () => {
  it('breaks at white space, drops the breaking spaces and leaves a long word whole', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('aaaaaaaaaa bb', 4)).toBe('aaaaaaaaaa\nbb');
    expect(wrapString('a  \n b', 2)).toBe('a\n b');
    expect(wrapString('中文 中文', 3)).toBe('中文\n中文');
  });
});
