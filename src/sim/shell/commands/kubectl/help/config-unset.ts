/**
 * `kubectl config unset --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/unset.go, through pkg/util/templates/templates.go MainHelpTemplate (checked
 * against the kubectl v1.30.13 binary).
 */
export default `Unset an individual value in a kubeconfig file.

 PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

Examples:
  # Unset the current-context
  kubectl config unset current-context
  
  # Unset namespace in foo context
  kubectl config unset contexts.foo.namespace

Usage:
  kubectl config unset PROPERTY_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
