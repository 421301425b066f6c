import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// iproute2@v6.1.0:misc/ss.c print_summary: "Total: %d", "TCP:   %d (estab %d, closed %d, orphaned %d, timewait %d)",
// the Transport table with "%-9d" columns after a tab and two spaces, and a blank line.
describe('ss -s (iproute2 6.1)', () => {
  it('sums node1 sockets and counts a published port in both families', async () => {
    const w = await world(['nginx']);
    const table = (tcp4: number, tcp6: number) =>
      `\nTransport Total     IP        IPv6\nRAW\t  0         0         0        \nUDP\t  2         2         0        \nTCP\t  ${String(tcp4 + tcp6).padEnd(9)} ${String(tcp4).padEnd(9)} ${String(tcp6).padEnd(9)}\nINET\t  ${String(tcp4 + tcp6 + 2).padEnd(9)} ${String(tcp4 + 2).padEnd(9)} ${String(tcp6).padEnd(9)}\nFRAG\t  0         0         0        \n\n`;
    expect((await sh(w, 'ss -s')).out).toBe(`Total: 171\nTCP:   5 (estab 1, closed 0, orphaned 0, timewait 0)\n${table(4, 1)}`);
    await sh(w, 'docker run -d -p 8080:80 --name web nginx');
    expect((await sh(w, 'ss -s')).out).toBe(`Total: 173\nTCP:   7 (estab 1, closed 0, orphaned 0, timewait 0)\n${table(5, 2)}`);
    // With a socket table asked for, the summary comes first (main: print_summary, then the dump).
    const both = (await sh(w, 'ss -s -t -n -H')).out;
    expect(both.startsWith('Total: 173\n')).toBe(true);
    expect(both).toContain('ESTAB');
  });
});
