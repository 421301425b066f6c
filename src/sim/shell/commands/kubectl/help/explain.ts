/**
 * `kubectl explain --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/explain/explain.go, through pkg/util/templates/templates.go MainHelpTemplate. The Long
 * goes through templates.LongDesc (pkg/util/templates/normalizers.go, markdown.go ASCIIRenderer: a paragraph's lines joined
 * with spaces, the tab-indented line a code block indented 8 spaces), then gets cmdutil.SuggestAPIResources' sentence.
 */
export default `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2

Options:
    --api-version='':
\tUse given api-version (group/version) of the resource.

    --output='plaintext':
\tFormat in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).

    --recursive=false:
\tWhen true, print the name of all the fields recursively. Otherwise, print the available fields with their description.

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
