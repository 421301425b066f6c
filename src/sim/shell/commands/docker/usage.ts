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
};

export function subUsage(sub: string): string | undefined {
  const u = SUB_USAGE[sub];
  if (!u) return undefined;
  const [usage, summary, aliases] = u;
  return `\nUsage:  ${usage}\n\n${summary}\n${aliases ? `\nAliases:\n  ${aliases}\n` : ''}`;
}
