/**
 * `kubectl create --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/create/create.go, through pkg/util/templates/templates.go MainHelpTemplate.
 * The flags shared between verbs come from pkg/cmd/util/helpers.go (--validate, --dry-run, --field-manager, -f/-k/-R …),
 * k8s.io/cli-runtime@v0.30.5 printers (-o, --template, --show-managed-fields …) and pkg/cmd/delete/delete_flags.go.
 */
import * as F from './create-flags.ts';

export default `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json

Available Commands:
  clusterrole           Create a cluster role
  clusterrolebinding    Create a cluster role binding for a particular cluster role
  configmap             Create a config map from a local file, directory or literal value
  cronjob               Create a cron job with the specified name
  deployment            Create a deployment with the specified name
  ingress               Create an ingress with the specified name
  job                   Create a job with the specified name
  namespace             Create a namespace with the specified name
  poddisruptionbudget   Create a pod disruption budget with the specified name
  priorityclass         Create a priority class with the specified name
  quota                 Create a quota with the specified name
  role                  Create a role with single rule
  rolebinding           Create a role binding for a particular role or cluster role
  secret                Create a secret using a specified subcommand
  service               Create a service using a specified subcommand
  serviceaccount        Create a service account with the specified name
  token                 Request a service account token

Options:
${F.allowMissingTemplateKeys}
${F.dryRun}
    --edit=false:
\tEdit the API resource before creating

${F.fieldManager}
    -f, --filename=[]:
\tFilename, directory, or URL to files to use to create the resource

    -k, --kustomize='':
\tProcess the kustomization directory. This flag can't be used together with -f or -R.

${F.output}
    --raw='':
\tRaw URI to POST to the server.  Uses the transport specified by the kubeconfig file.

    -R, --recursive=false:
\tProcess the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

${F.saveConfig}
    -l, --selector='':
\tSelector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

${F.showManagedFields}
${F.template}
${F.validate}
    --windows-line-endings=false:
\tOnly relevant if --edit=true. Defaults to the line ending native to your platform.

Usage:
  kubectl create -f FILENAME [options]

Use "kubectl create <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
