/** The template registry for Dockerfiles and for a Dockerfile checked against manifests (cross-file). */
import type { CrossTemplate, DockerfileTemplate } from '../rule.ts';
import * as cross from './cross.ts';
import * as df from './dockerfile.ts';

export const dockerfileTemplates: Record<string, DockerfileTemplate> = {
  'from-pinned': df.fromPinned,
  'last-user-non-root': df.lastUserNonRoot,
  'exec-form': df.execForm,
  'apt-update-install': df.aptUpdateInstall,
  'apt-lists-cleaned': df.aptListsCleaned,
  'later-layer-delete': df.laterLayerDelete,
  'deps-before-source': df.depsBeforeSource,
  'final-stage-minimal': df.finalStageMinimal,
  'copy-not-add': df.copyNotAdd,
  'workdir-absolute': df.workdirAbsolute,
  'no-secrets-in-arg-env': df.noSecretsInArgEnv,
  'heredoc-terminated': df.heredocTerminated,
};

export const crossTemplates: Record<string, CrossTemplate> = {
  'root-image-vs-run-as-non-root': cross.rootImageVsRunAsNonRoot,
  'expose-vs-container-port': cross.exposeVsContainerPort,
  'read-only-vs-writes': cross.readOnlyVsWrites,
};
