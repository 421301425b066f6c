/**
 * `kubectl config get-contexts --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/get_contexts.go, through pkg/util/templates/templates.go MainHelpTemplate (shared flags: k8s.io/cli-runtime@v0.30.5
 * printers, pkg/cmd/util/helpers.go). Recorded from kubectl v1.30.13's own --help: v0.30.5..v0.30.13 changes no help text there.
 */
export default `Display one or many contexts from the kubeconfig file.

Examples:
  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context

Options:
    --no-headers=false:
\tWhen using the default or custom-column output format, don't print headers (default print headers).

    -o, --output='':
\tOutput format. One of: (name).

Usage:
  kubectl config get-contexts [(-o|--output=)name)] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
