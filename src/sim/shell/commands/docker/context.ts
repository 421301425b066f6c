/**
 * What the context commands share (kit: context-ls.ts, context-show.ts, context-inspect.ts and
 * context-use.ts are the commands): node1's one context, "default" on the local socket.
 * docker/cli@v27.3.1:cli/command/context/list.go (default table, the "*" on the current
 * context), inspect.go.
 */

export const ENDPOINT = 'unix:///var/run/docker.sock';

/** `docker context inspect default`: the in-memory default context. */
export function inspectDoc(): Record<string, unknown> {
  return {
    Name: 'default',
    Metadata: {},
    Endpoints: { docker: { Host: ENDPOINT, SkipTLSVerify: false } },
    TLSMaterial: {},
    Storage: { MetadataPath: '\u003cIN MEMORY\u003e', TLSPath: '\u003cIN MEMORY\u003e' },
  };
}
