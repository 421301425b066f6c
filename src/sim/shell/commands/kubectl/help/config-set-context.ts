/**
 * `kubectl config set-context --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/config/set_context.go, through pkg/util/templates/templates.go MainHelpTemplate (checked
 * against the kubectl v1.30.13 binary).
 */
export default `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.

Examples:
  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin

Options:
    --cluster='':
	cluster for the context entry in kubeconfig

    --current=false:
	Modify the current context

    --namespace='':
	namespace for the context entry in kubeconfig

    --user='':
	user for the context entry in kubeconfig

Usage:
  kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
