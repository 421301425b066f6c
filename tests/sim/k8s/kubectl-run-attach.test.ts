/**
 * kubectl run -i/-t (kubernetes/kubectl@v0.30.5:pkg/cmd/run/run.go): waits for the pod, attaches to an
 * interactive shell as the learner's session, and with --rm deletes the pod when the shell exits; a pod
 * that already completed has its log printed instead (logOpts).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const run = async (w: ReturnType<typeof createWorld>, line: string) => {
  let shown = '';
  const r = await w.exec(line, { onOutput: (c) => void (shown += c.text) });
  return { ...r, shown: shown || r.stdout + r.stderr };
};

describe('kubectl run -it --rm', () => {
  it("enters the pod's shell, as PID 1 with the pod's hostname, and deletes the pod on exit", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const r = await run(w, 'kubectl run alpine --image alpine:3.18 --rm -it --restart=Never /bin/ash');
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect((await run(w, 'ps ax')).shown).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/ash\n    7 root      0:00 ps ax\n');
    expect((await run(w, 'hostname')).shown).toBe('alpine\n');
    expect((await run(w, 'exit')).shown).toBe('pod "alpine" deleted\n');
    expect((await run(w, 'kubectl get pods')).shown).toBe('No resources found in default namespace.\n');
  });
  it('prints the log of a pod that completed at once, then deletes it', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect((await run(w, 'kubectl run once --image alpine:3.18 --rm -i --restart=Never -- echo hi')).shown).toBe('hi\npod "once" deleted\n');
  });
  it('returns a failed --restart=Never pod\'s exit code after deleting it (run.go: CodeExitError "pod NS/NAME terminated (Reason)")', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const r = await w.exec("kubectl run x --image=alpine --rm -it --restart=Never -- sh -c 'echo hi; exit 3'");
    expect(r).toEqual({ stdout: 'hi\npod "x" deleted\n', stderr: 'pod default/x terminated (Error)\n', exitCode: 3 });
    const ok = await w.exec("kubectl run z --image=alpine --rm -i --restart=Never -- sh -c 'exit 0'");
    expect(ok).toEqual({ stdout: 'pod "z" deleted\n', stderr: '', exitCode: 0 });
    // --restart=Always (kubectl run's default) does not wait for an exit code: 0.
    const always = await w.exec("kubectl run y --image=alpine -i -- sh -c 'exit 3'");
    expect(always.exitCode).toBe(0);
  });
  it('exits with the status of an attached shell that the learner leaves with exit N', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('kubectl run a --image alpine:3.18 --rm -it --restart=Never /bin/ash');
    const r = await w.exec('exit 4');
    expect([r.stderr, r.exitCode]).toEqual(['pod "a" deleted\npod default/a terminated (Error)\n', 4]);
  });
  it("answers -t without -i, and --rm without either, with kubectl's usage errors", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const t = await w.exec('kubectl run x --image alpine -t');
    expect([t.stderr, t.exitCode]).toEqual([
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
      1,
    ]);
    const rm = await w.exec('kubectl run x --image alpine --rm');
    expect([rm.stderr, rm.exitCode]).toEqual(["error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", 1]);
  });
});
