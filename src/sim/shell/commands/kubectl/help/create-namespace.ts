/**
 * `kubectl create namespace --help`, as kubectl v1.30 prints it to a pipe: kubernetes/kubectl@v0.30.5:
 * pkg/cmd/create/create_namespace.go's Long, aliases, Example and flags (PrintFlags, save-config, validate, dry-run,
 * field-manager), through pkg/util/templates/templates.go's sections.
 */
import * as F from './create-flags.ts';

export default `Create a namespace with the specified name.

Aliases:
namespace, ns

Examples:
  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace

Options:
${F.allowMissingTemplateKeys}
${F.dryRun}
${F.fieldManager}
${F.output}
${F.saveConfig}
${F.showManagedFields}
${F.template}
${F.validate}
Usage:
  kubectl create namespace NAME [--dry-run=server|client|none] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
