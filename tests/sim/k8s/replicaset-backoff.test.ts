/**
 * A ReplicaSet whose pods Pod Security Admission refuses: the controller retries on its work queue's exponential delay
 * (client-go@v0.30.5 util/workqueue DefaultControllerRateLimiter: 5 ms · 2^n, at most 1000 s), and the event recorder
 * combines ten distinct messages of one reason into "(combined from similar events): …" (tools/record/events_cache.go).
 */
import { expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { DEPLOY, write } from './helpers.ts';

it("retries on the rate limiter's delays, and the recorder combines the tenth distinct FailedCreate on", async () => {
  const w = createWorld(undefined, { clock: 'virtual' });
  await write(w, 'd.yaml', DEPLOY());
  await w.exec('kubectl label ns default pod-security.kubernetes.io/enforce=restricted');
  expect((await w.exec('kubectl apply -f d.yaml')).stdout).toBe('deployment.apps/web created\n');
  const events = async () =>
    (await w.exec('kubectl get events -o jsonpath=\'{range .items[*]}{.reason} {.count} {.message}{"\\n"}{end}\'')).stdout
      .split('\n')
      .filter((l) => l.startsWith('FailedCreate '));
  // One attempt when the ReplicaSet appears: its retry is 5 ms later, which the next step reaches with those that follow.
  expect((await events()).length).toBeGreaterThanOrEqual(1);
  await w.exec('sleep 1');
  let list = await events();
  // 5+10+…+640 ms = 1.275 s: within about a second the queue has retried seven or eight times; by then the tenth distinct message is combined.
  const plain = list.filter((l) => l.startsWith('FailedCreate 1 Error creating: pods "web-'));
  expect(plain.length).toBe(9);
  expect(list.filter((l) => l.includes('(combined from similar events): Error creating: pods "web-'))).toHaveLength(1);
  // Later retries come ever more slowly: 10 minutes hold only a handful more, each moving the combined event's count.
  await w.exec('sleep 600');
  list = await events();
  const combined = list.find((l) => l.includes('(combined from similar events)'))!;
  const count = Number(combined.split(' ')[1]);
  expect(count).toBeGreaterThan(3);
  expect(count).toBeLessThan(15);
  await w.exec('sleep 600');
  const later = Number((await events()).find((l) => l.includes('(combined'))!.split(' ')[1]);
  expect(later - count).toBeLessThanOrEqual(2);
  // Once admission allows the pods (the label removed), the next retry creates them and the queue forgets the ReplicaSet.
  await w.exec('kubectl label ns default pod-security.kubernetes.io/enforce-');
  await w.exec('sleep 1000');
  // (DESIRED 2, CURRENT 2: DEPLOY's nginx:1.27 is not in the fixture registry, so they are not ready.)
  expect((await w.exec('kubectl get rs --no-headers')).stdout).toMatch(/^web-\w+ +2 +2 +0 /);
});
