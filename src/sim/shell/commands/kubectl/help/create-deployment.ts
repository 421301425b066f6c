/**
 * `kubectl create deployment --help`, as kubectl v1.30 prints it to a pipe (help.ts wraps it for a terminal): the Long,
 * aliases, Example and flags of kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_deployment.go through
 * pkg/util/templates/templates.go's sections (Aliases: NameAndAliases); the shared flags' texts as in create.ts's page.
 */
import * as F from './create-flags.ts';

export default `Create a deployment with the specified name.

Aliases:
deployment, deploy

Examples:
  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx

Options:
${F.allowMissingTemplateKeys}
${F.dryRun}
${F.fieldManager}
    --image=[]:
\tImage names to run. A deployment can have multiple images set for multi-container pod.

${F.output}
    --port=-1:
\tThe containerPort that this deployment exposes.

    -r, --replicas=1:
\tNumber of replicas to create. Default is 1.

${F.saveConfig}
${F.showManagedFields}
${F.template}
${F.validate}
Usage:
  kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
