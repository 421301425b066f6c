/**
 * `kubectl config get-clusters --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/get_clusters.go, through pkg/util/templates/templates.go MainHelpTemplate (checked
 * against the kubectl v1.30.13 binary).
 */
export default `Display clusters defined in the kubeconfig.

Examples:
  # List the clusters that kubectl knows about
  kubectl config get-clusters

Usage:
  kubectl config get-clusters [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
