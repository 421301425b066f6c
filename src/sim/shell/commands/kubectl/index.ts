/**
 * kubectl v1.30 on node1 (loaded the first time `kubectl` is typed): the verbs, one file each,
 * kubectl's usage text and its answer to an unknown verb.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { applyOrCreate } from './apply.ts';
import { out } from './common.ts';
import { get } from './get.ts';
import { del } from './delete.ts';
import { describe } from './describe.ts';
import { exec } from './exec.ts';
import { withKubelet } from './cluster.ts';
import { label } from './label.ts';
import { logs } from './logs.ts';
import { run } from './run.ts';
import { config, version } from './version.ts';

type Verb = (args: string[], env: CmdEnv) => Promise<ExecResult>;

const VERBS: Record<string, Verb> = {
  apply: (a, e) => applyOrCreate('apply', a, e),
  create: (a, e) => applyOrCreate('create', a, e),
  delete: del,
  describe,
  exec,
  get,
  label,
  logs,
  run,
  version,
  config,
};

export const KUBECTL_VERBS = Object.keys(VERBS).sort();

/** staging/src/k8s.io/kubectl/pkg/cmd/cmd.go: the root command's help (the groups node1 serves). */
const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const KNOWN_UNBUILT = ['expose', 'set', 'edit', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'attach', 'port-forward', 'proxy', 'cp', 'auth', 'events', 'diff', 'patch', 'replace', 'wait', 'kustomize', 'annotate', 'completion', 'api-resources', 'api-versions', 'plugin', 'options', 'explain', 'debug'];

export async function kubectl(args: string[], env: CmdEnv): Promise<ExecResult> {
  // Global flags may come before the verb (`kubectl -n demo get pods`).
  const pre: string[] = [];
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) {
    const a = args[i]!;
    pre.push(a);
    i++;
    if ((a === '-n' || a === '--namespace' || a === '--context' || a === '--kubeconfig') && i < args.length) pre.push(args[i++]!);
  }
  const verb = args[i];
  if (verb === undefined) return out(USAGE);
  const rest = [...pre, ...args.slice(i + 1)];
  const run: Verb | undefined = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  const dash = rest.indexOf('--');
  if (run && (dash < 0 ? rest : rest.slice(0, dash)).some((a) => a === '--help' || a === '-h')) {
    // Not kubectl's words: its long per-verb help pages are not reproduced.
    return out('', `kubectl ${verb} --help: the help page is not simulated on node1; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${verb}/\n`, 1);
  }
  if (run) {
    // node1's kubelet joins the cluster the first time kubectl runs (it needs the image registry).
    await withKubelet(env);
    return run(rest, env);
  }
  if (KNOWN_UNBUILT.includes(verb)) {
    // Not kubectl's words: a real kubectl has this verb; the simulated one says plainly that it does not.
    return out('', `kubectl ${verb}: not simulated on node1 (this kubectl has: ${KUBECTL_VERBS.join(', ')})\n`, 1);
  }
  // cmd.go: an unknown subcommand.
  return out('', `error: unknown command "${verb}" for "kubectl"\n`, 1);
}
