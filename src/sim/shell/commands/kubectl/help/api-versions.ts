/**
 * `kubectl api-versions --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/apiresources/apiversions.go, through pkg/util/templates/templates.go MainHelpTemplate (shared flags: k8s.io/cli-runtime@v0.30.5
 * printers, pkg/cmd/util/helpers.go). Recorded from kubectl v1.30.13's own --help: v0.30.5..v0.30.13 changes no help text there.
 */
export default `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions

Usage:
  kubectl api-versions [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
