/**
 * The first prompt of each start state a lesson's terminal boots (content/world/, a lesson's `scenario:`), drawn
 * before the simulated host is up (early-prompt.ts). It is the host's own `World.prompt()` for a fresh world
 * (src/sim/world.ts: bash's PS1 `\u@\h:\w\$ `), written out here so the page ships it without the simulator;
 * tests/ui/first-prompt.test.ts holds each entry to the world's answer. A start state missing here gets no early prompt.
 */
export const FIRST_PROMPTS: Readonly<Record<string, string>> = {
  node1: 'root@node1:~# ',
};
