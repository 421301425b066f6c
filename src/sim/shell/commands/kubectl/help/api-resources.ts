/**
 * `kubectl api-resources --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/apiresources/apiresources.go, through pkg/util/templates/templates.go MainHelpTemplate (shared flags: k8s.io/cli-runtime@v0.30.5
 * printers, pkg/cmd/util/helpers.go). Recorded from kubectl v1.30.13's own --help: v0.30.5..v0.30.13 changes no help text there.
 */
export default `Print the supported API resources on the server.

Examples:
  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io

Options:
    --api-group='':
\tLimit to resources in the specified API group.

    --cached=false:
\tUse the cached list of resources if available.

    --categories=[]:
\tLimit to resources that belong to the specified categories.

    --namespaced=true:
\tIf false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.

    --no-headers=false:
\tWhen using the default or custom-column output format, don't print headers (default print headers).

    -o, --output='':
\tOutput format. One of: (wide, name).

    --sort-by='':
\tIf non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.

    --verbs=[]:
\tLimit to resources that support the specified verbs.

Usage:
  kubectl api-resources [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
