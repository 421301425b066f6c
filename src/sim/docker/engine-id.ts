/** The daemon's engine id (`docker info`'s ID), kept in /var/lib/docker/engine-id (moby@v27.3.1:daemon/id.go). No upstream value: node1's. */
export const ENGINE_ID = '5b3e0c8a-7f41-4d2e-9a6c-1e8f2d7b4c90';
