/**
 * `kubectl diff --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long, Example and flags of
 * kubernetes/kubectl@v0.30.5:pkg/cmd/diff/diff.go, through pkg/util/templates/templates.go MainHelpTemplate. Recorded from
 * kubectl v1.30.13's own --help: v0.30.5..v0.30.13 changes no help text there.
 */
export default `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.

Examples:
  # Diff resources included in pod.json
  kubectl diff -f pod.json
  
  # Diff file read from stdin
  cat service.yaml | kubectl diff -f -

Options:
    --concurrency=1:
\tNumber of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.

    --field-manager='kubectl-client-side-apply':
\tName of the manager used to track field ownership.

    -f, --filename=[]:
\tFilename, directory, or URL to files contains the configuration to diff

    --force-conflicts=false:
\tIf true, server-side apply will force the changes against conflicts.

    -k, --kustomize='':
\tProcess the kustomization directory. This flag can't be used together with -f or -R.

    --prune=false:
\tInclude resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned

    --prune-allowlist=[]:
\tOverwrite the default allowlist with <group/version/kind> for --prune

    -R, --recursive=false:
\tProcess the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    -l, --selector='':
\tSelector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

    --server-side=false:
\tIf true, apply runs in the server instead of the client.

    --show-managed-fields=false:
\tIf true, include managed fields in the diff.

Usage:
  kubectl diff -f FILENAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
