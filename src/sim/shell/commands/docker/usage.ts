/** `docker <sub> --help`: the usage line and summary Docker 27 prints first (options omitted except for run). */
const SUB_USAGE: Record<string, [string, string, string?]> = {
  create: ['docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container', 'docker container create, docker create'],
  ps: ['docker ps [OPTIONS]', 'List containers', 'docker container ls, docker container list, docker container ps, docker ps'],
  inspect: ['docker inspect [OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects'],
  stop: ['docker stop [OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers', 'docker container stop, docker stop'],
  kill: ['docker kill [OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers', 'docker container kill, docker kill'],
  start: ['docker start [OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers', 'docker container start, docker start'],
  restart: ['docker restart [OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers', 'docker container restart, docker restart'],
  rm: ['docker rm [OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers', 'docker container rm, docker container remove, docker rm'],
  logs: ['docker logs [OPTIONS] CONTAINER', 'Fetch the logs of a container', 'docker container logs, docker logs'],
  top: ['docker top CONTAINER [ps OPTIONS]', 'Display the running processes of a container', 'docker container top, docker top'],
  stats: ['docker stats [OPTIONS] [CONTAINER...]', 'Display a live stream of container(s) resource usage statistics', 'docker container stats, docker stats'],
  exec: ['docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', 'Execute a command in a running container', 'docker container exec, docker exec'],
  info: ['docker info [OPTIONS]', 'Display system-wide information', 'docker system info, docker info'],
  version: ['docker version [OPTIONS]', 'Show the Docker version information'],
  prune: ['docker container prune [OPTIONS]', 'Remove all stopped containers'],
  port: ['docker port CONTAINER [PRIVATE_PORT[/PROTO]]', 'List port mappings or a specific mapping for the container', 'docker container port, docker port'],
  pull: ['docker pull [OPTIONS] NAME[:TAG|@DIGEST]', 'Download an image from a registry', 'docker image pull, docker pull'],
  push: ['docker push [OPTIONS] NAME[:TAG]', 'Upload an image to a registry', 'docker image push, docker push'],
  tag: ['docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', 'docker image tag, docker tag'],
  images: ['docker images [OPTIONS] [REPOSITORY[:TAG]]', 'List images', 'docker image ls, docker image list, docker images'],
  history: ['docker history [OPTIONS] IMAGE', 'Show the history of an image', 'docker image history, docker history'],
  rmi: ['docker rmi [OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images', 'docker image rm, docker image remove, docker rmi'],
  login: ['docker login [OPTIONS] [SERVER]', 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.'],
  logout: ['docker logout [SERVER]', 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.'],
  build: ['docker buildx build [OPTIONS] PATH | URL | -', 'Start a build', 'docker build, docker builder build, docker image build, docker buildx b'],
  commit: ['docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]', "Create a new image from a container's changes", 'docker container commit, docker commit'],
  pause: ['docker pause CONTAINER [CONTAINER...]', 'Pause all processes within one or more containers', 'docker container pause, docker pause'],
  unpause: ['docker unpause CONTAINER [CONTAINER...]', 'Unpause all processes within one or more containers', 'docker container unpause, docker unpause'],
  wait: ['docker wait CONTAINER [CONTAINER...]', 'Block until one or more containers stop, then print their exit codes', 'docker container wait, docker wait'],
  rename: ['docker rename CONTAINER NEW_NAME', 'Rename a container', 'docker container rename, docker rename'],
  update: ['docker update [OPTIONS] CONTAINER [CONTAINER...]', 'Update configuration of one or more containers', 'docker container update, docker update'],
  events: ['docker events [OPTIONS]', 'Get real time events from the server', 'docker system events, docker events'],
  cp: ['docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH', 'Copy files/folders between a container and the local filesystem\n\nUse \'-\' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse \'-\' as the destination to stream a tar archive of a\ncontainer source to stdout.', 'docker container cp, docker cp'],
  save: ['docker save [OPTIONS] IMAGE [IMAGE...]', 'Save one or more images to a tar archive (streamed to STDOUT by default)', 'docker image save, docker save'],
  load: ['docker load [OPTIONS]', 'Load an image from a tar archive or STDIN', 'docker image load, docker load'],
  export: ['docker export [OPTIONS] CONTAINER', "Export a container's filesystem as a tar archive", 'docker container export, docker export'],
  import: ['docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]', 'Import the contents from a tarball to create a filesystem image', 'docker image import, docker import'],
  diff: ['docker diff CONTAINER', "Inspect changes to files or directories on a container's filesystem", 'docker container diff, docker diff'],
};

export function subUsage(sub: string): string | undefined {
  const u = SUB_USAGE[sub];
  if (!u) return undefined;
  const [usage, summary, aliases] = u;
  return `\nUsage:  ${usage}\n\n${summary}\n${aliases ? `\nAliases:\n  ${aliases}\n` : ''}`;
}
