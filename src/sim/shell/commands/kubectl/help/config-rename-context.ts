/**
 * `kubectl config rename-context --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/rename_context.go, through pkg/util/templates/templates.go MainHelpTemplate (checked
 * against the kubectl v1.30.13 binary).
 */
export default `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.

Examples:
  # Rename the context 'old-name' to 'new-name' in your kubeconfig file
  kubectl config rename-context old-name new-name

Usage:
  kubectl config rename-context CONTEXT_NAME NEW_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
