/**
 * Job activeDeadlineSeconds and suspend (src/sim/k8s/controllers/job.ts), as kubernetes@v1.30.5
 * pkg/controller/job/job_controller.go syncJob does them:
 * - pastActiveDeadline: a Job active activeDeadlineSeconds since its startTime fails with the condition
 *   Failed/DeadlineExceeded "Job was active longer than specified deadline" and a Warning event of the same reason and
 *   message; its active pod is deleted and counted failed; the controller requeues the Job for that moment
 *   (enqueueJobKeyAfter), so the condition's time is the deadline.
 * - suspend: a Job created suspended makes no pod and has no startTime (printJob: an empty DURATION), its condition
 *   Suspended=True JobSuspended "Job suspended" (event Normal Suspended); resumed, the condition is False JobResumed
 *   "Job resumed" (event Normal Resumed), startTime is set to now and the pod is made.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const job = (name: string, extra: string) => `cat > ${name}.yaml <<'Y'
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  ${extra}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: s
        image: busybox:1.36
        command: ["sleep", "3600"]
Y`;

type Status = { conditions?: Record<string, string>[]; startTime?: string; active?: number; failed?: number };
const status = async (w: ReturnType<typeof createWorld>, name: string) =>
  JSON.parse((await w.exec(`kubectl get job ${name} -o jsonpath='{.status}'`)).stdout) as Status;

describe('Job activeDeadlineSeconds and suspend', () => {
  it('fails the Job at its deadline, deleting the running pod', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(job('sleepy', 'activeDeadlineSeconds: 20'));
    expect((await w.exec('kubectl apply -f sleepy.yaml')).stdout).toBe('job.batch/sleepy created\n');
    await w.exec('sleep 5');
    expect((await status(w, 'sleepy')).active).toBe(1);
    await w.exec('sleep 20');
    const st = await status(w, 'sleepy');
    expect(st.conditions).toEqual([
      {
        lastProbeTime: expect.any(String),
        lastTransitionTime: expect.any(String),
        message: 'Job was active longer than specified deadline',
        reason: 'DeadlineExceeded',
        status: 'True',
        type: 'Failed',
      },
    ]);
    expect(Date.parse(st.conditions![0]!.lastTransitionTime!) - Date.parse(st.startTime!)).toBe(20_000);
    expect(st.failed).toBe(1);
    expect(st.active).toBeUndefined();
    expect((await w.exec('kubectl get events --field-selector reason=DeadlineExceeded')).stdout).toMatch(
      /Warning {3}DeadlineExceeded {3}job\/sleepy {3}Job was active longer than specified deadline\n$/,
    );
    expect((await w.exec('kubectl get pods')).stdout).toMatch(/sleepy-\S+ +1\/1 +Terminating|No resources found/);
  });

  it('a suspended Job makes no pod and has no startTime; resuming starts it', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(job('later', 'suspend: true'));
    await w.exec('kubectl apply -f later.yaml');
    const st = await status(w, 'later');
    expect(st.startTime).toBeUndefined();
    expect(st.conditions).toEqual([
      {
        lastProbeTime: expect.any(String),
        lastTransitionTime: expect.any(String),
        message: 'Job suspended',
        reason: 'JobSuspended',
        status: 'True',
        type: 'Suspended',
      },
    ]);
    expect((await w.exec('kubectl get job later')).stdout).toMatch(/^NAME    COMPLETIONS   DURATION   AGE\nlater   0\/1                      \d+s\n$/);
    expect((await w.exec('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
    await w.exec('sleep 10');
    await w.exec("sed -i 's/suspend: true/suspend: false/' later.yaml");
    await w.exec('kubectl apply -f later.yaml');
    const resumed = await status(w, 'later');
    expect(resumed.conditions).toEqual([
      {
        lastProbeTime: expect.any(String),
        lastTransitionTime: expect.any(String),
        message: 'Job resumed',
        reason: 'JobResumed',
        status: 'False',
        type: 'Suspended',
      },
    ]);
    expect(resumed.startTime).toBe(resumed.conditions![0]!.lastTransitionTime);
    expect(resumed.active).toBe(1);
    const events = (await w.exec('kubectl get events')).stdout;
    expect(events).toMatch(/\n\d+s +Normal +Suspended +job\/later +Job suspended\n/);
    expect(events).toMatch(/\n\d+s +Normal +Resumed +job\/later +Job resumed\n/);
  });
});
