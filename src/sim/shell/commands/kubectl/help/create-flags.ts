/**
 * The flags kubectl's create family shares, each as its help page prints it (the Options block's entry): the printer flags
 * of k8s.io/cli-runtime@v0.30.5 (PrintFlags: -o, --template, --allow-missing-template-keys, --show-managed-fields) and
 * kubernetes/kubectl@v0.30.5:pkg/cmd/util/helpers.go (--dry-run, --validate, --save-config, --field-manager).
 */

export const allowMissingTemplateKeys = `    --allow-missing-template-keys=true:
\tIf true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.
`;

export const dryRun = `    --dry-run='none':
\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.
`;

export const fieldManager = `    --field-manager='kubectl-create':
\tName of the manager used to track field ownership.
`;

export const output = `    -o, --output='':
\tOutput format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).
`;

export const saveConfig = `    --save-config=false:
\tIf true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.
`;

export const showManagedFields = `    --show-managed-fields=false:
\tIf true, keep the managedFields when printing objects in JSON or YAML format.
`;

export const template = `    --template='':
\tTemplate string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].
`;

export const validate = `    --validate='strict':
\tMust be one of: strict (or true), warn, ignore (or false). \t\t"true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \t\t"warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. \t\t"false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.
`;
