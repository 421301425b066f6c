/**
 * The Job controller's pod back-off (kubernetes@v1.30.5 pkg/controller/job/backoff_utils.go, job_controller.go
 * manageJob: 10 s doubling per failure since the last success, at most 6 min, from the last failure's finish time) and
 * kubectl describe job (kubernetes/kubectl@v0.30.5 pkg/describe/describe.go describeJob).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../src/sim/index.ts';

const podTimes = async (w: World) =>
  (await w.exec(`kubectl get pods -o jsonpath='{range .items[*]}{.metadata.creationTimestamp}{"\\n"}{end}'`)).stdout.trim().split('\n').sort();

describe('Job back-off', () => {
  it('replacements after 10, 20, 40, 80, 160, 320 s; the seventh failure is BackoffLimitExceeded', async () => {
    const w = createWorld();
    await w.exec(`kubectl create job fail --image=busybox -- sh -c 'exit 1'`);
    await w.exec('sleep 25');
    expect(await podTimes(w)).toEqual(['2024-09-16T11:45:01Z', '2024-09-16T11:45:11Z']);
    await w.exec('sleep 300');
    expect(await podTimes(w)).toEqual([
      '2024-09-16T11:45:01Z',
      '2024-09-16T11:45:11Z',
      '2024-09-16T11:45:31Z',
      '2024-09-16T11:46:11Z',
      '2024-09-16T11:47:31Z',
      '2024-09-16T11:50:11Z',
    ]);
    // 11:50:11 + 320 s = 11:55:31 (the sleeps stay inside the exact 100 ms ticks of a fast-forward).
    await w.exec('sleep 200');
    await w.exec('sleep 100');
    expect((await podTimes(w)).at(-1)).toBe('2024-09-16T11:55:31Z');
    const events = (await w.exec('kubectl get events --field-selector involvedObject.name=fail -o jsonpath=\'{range .items[*]}{.reason}{"\\n"}{end}\'')).stdout;
    expect(events.trim().split('\n')).toEqual([...Array(7).fill('SuccessfulCreate'), 'BackoffLimitExceeded']);
    expect(JSON.parse((await w.exec('kubectl get job fail -o jsonpath={.status.failed}')).stdout)).toBe(7);
  });

  it('a success starts the count again (completions 3): no back-off after it', async () => {
    const w = createWorld();
    const job = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: mixed}',
      'spec:',
      '  completions: 3',
      '  parallelism: 1',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers: [{name: c, image: busybox, command: ["sh", "-c", "test $(hostname) != mixed-pwxrh"]}]',
    ];
    await w.exec(`printf '%s\\n' ${job.map((l) => `'${l}'`).join(' ')} | kubectl apply -f -; sleep 30`);
    // The first pod fails (10 s back-off), the second succeeds, and the next two follow it at once.
    expect(await podTimes(w)).toEqual(['2024-09-16T11:45:01Z', '2024-09-16T11:45:11Z', '2024-09-16T11:45:11Z', '2024-09-16T11:45:11Z']);
  });
});

describe('Job back-off with restartPolicy OnFailure', () => {
  it("the containers' restarts count: backoffLimit 3 is reached at the third restart, the pod is deleted", async () => {
    const w = createWorld();
    const job = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: of}',
      'spec:',
      '  backoffLimit: 3',
      '  template:',
      '    spec:',
      '      restartPolicy: OnFailure',
      '      containers: [{name: c, image: busybox, command: ["sh", "-c", "exit 1"]}]',
    ];
    await w.exec(`printf '%s\\n' ${job.map((l) => `'${l}'`).join(' ')} | kubectl apply -f -; sleep 20`);
    expect((await w.exec('kubectl get job of -o jsonpath={.status.conditions}')).stdout).toBe('');
    await w.exec('sleep 20');
    const status = JSON.parse((await w.exec('kubectl get job of -o jsonpath={.status}')).stdout);
    expect(status.conditions[0]).toMatchObject({ type: 'Failed', reason: 'BackoffLimitExceeded' });
    expect(status.failed).toBe(1);
    expect((await w.exec('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl describe job', () => {
  it('prints describeJob: the spec fields the defaults set, Pods Statuses with Ready, the template, the events', async () => {
    const w = createWorld();
    await w.exec('kubectl create job ok --image=busybox -- echo hi; sleep 5');
    const out = (await w.exec('kubectl describe job ok')).stdout;
    const uid = /controller-uid=([0-9a-f-]+)/.exec(out)![1];
    expect(out.split('\nPod Template:\n')[0]).toBe(
      [
        'Name:             ok',
        'Namespace:        default',
        `Selector:         batch.kubernetes.io/controller-uid=${uid}`,
        `Labels:           batch.kubernetes.io/controller-uid=${uid}`,
        '                  batch.kubernetes.io/job-name=ok',
        `                  controller-uid=${uid}`,
        '                  job-name=ok',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    6',
        'Start Time:       Mon, 16 Sep 2024 11:45:01 +0000',
        'Completed At:     Mon, 16 Sep 2024 11:45:01 +0000',
        'Duration:         0s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
      ].join('\n'),
    );
    expect(out).toMatch(
      /\n {2}Normal {2}SuccessfulCreate {2}6s {4}job-controller {2}Created pod: ok-\w{5}\n {2}Normal {2}Completed {9}6s {4}job-controller {2}Job completed\n?$/,
    );
    expect((await w.exec('kubectl describe cronjob')).stderr).toBe(
      'kubectl describe cronjobs: not simulated on node1 (this kubectl describes pods, deployments, replicasets, jobs, nodes, namespaces, configmaps and secrets)\n',
    );
  });
});
