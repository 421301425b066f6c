/**
 * nginx's access log line, as its default `main` log_format writes it
 * (nginx@1.25 conf/nginx.conf: `$remote_addr - $remote_user [$time_local] "$request" $status
 * $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`).
 */

/** nginx's $time_local: `16/Sep/2024:11:45:03 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function accessLine(client: string, nowMs: number, request: string, status: number, bytes: number, agent: string): string {
  return `${client} - - [${timeLocal(nowMs)}] "${request}" ${status} ${bytes} "-" "${agent}" "-"\n`;
}
