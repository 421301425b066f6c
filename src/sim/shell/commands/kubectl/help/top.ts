/**
 * `kubectl top --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and subcommands of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/top/top.go, through pkg/util/templates/templates.go MainHelpTemplate (shared flags: k8s.io/cli-runtime@v0.30.5
 * printers, pkg/cmd/util/helpers.go). Recorded from kubectl v1.30.13's own --help: v0.30.5..v0.30.13 changes no help text there.
 */
export default `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
