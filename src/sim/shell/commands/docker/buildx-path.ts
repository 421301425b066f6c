/**
 * Where the docker-buildx-plugin package installs buildx on Ubuntu (docker/docker-ce-packaging, deb/common/rules:
 * usr/libexec/docker/cli-plugins), the last of docker/cli@v27.3.1:cli-plugins/manager/manager_unix.go
 * defaultSystemPluginDirs. Its own module so that the host's filesystem does not load the plugin's code.
 */
export const BUILDX_PATH = '/usr/libexec/docker/cli-plugins/docker-buildx';

/** The docker-compose-plugin package's file, in the same directory (deb/common/rules: cli-plugins/docker-compose). */
export const COMPOSE_PATH = '/usr/libexec/docker/cli-plugins/docker-compose';
