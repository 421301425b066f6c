import type { Page } from '@playwright/test';
import { test, expect as baseExpect, LESSON1, LESSON1_ZH } from './fixtures.ts';

// The terminal and the Kubernetes code load on demand; on a busy 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 90_000 });

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');

async function startTerminal(page: Page, path: string, phone: boolean) {
  await page.goto(path);
  if (phone) {
    await page.locator('.cc-sheet-open').tap();
    await expect(page.locator('#cc-workspace')).toBeInViewport();
    await page.getByRole('button', { name: /Start the terminal|启动终端/ }).tap();
  } else await page.getByRole('button', { name: /Start the terminal|启动终端/ }).click();
  await expect(screen(page)).toContainText('root@node1:~#');
  await page.locator('cc-terminal .xterm-helper-textarea').focus();
}

const SIZES = [
  { name: 'laptop', use: { viewport: { width: 1366, height: 768 } }, phone: false },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }, phone: true },
] as const;

for (const size of SIZES) {
  test.describe(`kubectl in the lesson-1 terminal (${size.name})`, () => {
    test.use(size.use);
    for (const path of [LESSON1, LESSON1_ZH]) {
      test(`${path}: kubectl get nodes lists node1, the Kubernetes code loads only then, and kubectl debug attaches a busybox in the pod`, async ({ page }) => {
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(r.url());
        });
        await startTerminal(page, path, size.phone);
        await page.keyboard.insertText('echo ready');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('ready');
        const before = scripts.length;
        await page.keyboard.insertText('kubectl get nodes');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('control-plane');
        await expect(screen(page)).toContainText('v1.30.5');
        await expect(screen(page)).not.toContainText('command not found');
        expect(scripts.length, 'typing kubectl fetched its own code').toBeGreaterThan(before);
        // kubectl create deployment (kubectl@v0.30.5 create_deployment.go): the Deployment, then its ReplicaSet's pod.
        await page.keyboard.insertText('kubectl create deployment hello --image=nginx:1.25');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('deployment.apps/hello created');
        await page.keyboard.insertText('kubectl scale deploy hello --replicas=2');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('deployment.apps/hello scaled');
        await page.keyboard.insertText('kubectl get deploy hello');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText(/hello\s+2\/2\s+2\s+2/);
        await page.keyboard.insertText('kubectl rollout restart deploy/hello; kubectl rollout status deploy/hello');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('deployment "hello" successfully rolled out');
        // A ConfigMap (create_configmap.go) in a pod's environment (the kubelet's makeEnvironmentVariables, envFrom).
        await page.keyboard.insertText('kubectl create configmap cfg --from-literal=color=blue');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('configmap/cfg created');
        await page.keyboard.insertText(
          'printf \'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: envpod\\nspec:\\n  containers:\\n  - name: c\\n    image: busybox\\n    command: [sleep, "3600"]\\n    envFrom:\\n    - configMapRef:\\n        name: cfg\\n\' | kubectl apply -f -',
        );
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('pod/envpod created');
        await page.keyboard.insertText('echo color-is-$(kubectl exec envpod -- printenv color)');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('color-is-blue');
        // A Secret (create_secret.go): its value stored base64-encoded (the apiserver's data), decoded on the node.
        await page.keyboard.insertText('kubectl create secret generic pw --from-literal=password=s3cret');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('secret/pw created');
        await page.keyboard.insertText("echo pw-is-$(kubectl get secret pw -o jsonpath='{.data.password}' | base64 -d)");
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('pw-is-s3cret');
        // A script that sleeps between two commands: the pod runs with only the first one's line in its log.
        await page.keyboard.insertText("kubectl run ab --image=busybox --restart=Never -- sh -c 'echo first-$((6*7)); sleep 600; echo second-$((6*7))'");
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('pod/ab created');
        await page.keyboard.insertText('kubectl logs ab; kubectl get pod ab --no-headers');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('first-42');
        await expect(screen(page)).toContainText(/ab\s+1\/1\s+Running/);
        await expect(screen(page)).not.toContainText('second-42');
        // kubectl debug: an ephemeral busybox in the pod, in the target's PID namespace, then back to node1.
        await page.keyboard.insertText('kubectl run web --image nginx:1.25');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('pod/web created');
        await page.keyboard.insertText('kubectl debug -it web --image=busybox --target=web');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText(/Defaulting debug container name to debugger-[a-z0-9]{5}\./);
        await expect(screen(page)).toContainText("If you don't see a command prompt, try pressing enter.");
        await page.keyboard.insertText('ps');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('nginx: master process nginx -g daemon off;');
        await page.keyboard.insertText('exit');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('Session ended, the ephemeral container will not be restarted');
        await page.keyboard.insertText('echo back-on-$(hostname)');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('back-on-node1');
      });

      test(`${path}: kubectl expose and create service give a Service its ClusterIP, NodePort and Endpoints; create job runs a pod to Completed`, async ({
        page,
      }) => {
        await startTerminal(page, path, size.phone);
        // kubectl@v0.30.5 expose.go: the selector and port from the Deployment; PrintFlags("exposed").
        await page.keyboard.insertText('kubectl create deployment web2 --image=nginx:1.25 --port=80 && kubectl rollout status deploy/web2');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('deployment "web2" successfully rolled out');
        await page.keyboard.insertText('kubectl expose deployment web2 --target-port=80');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('service/web2 exposed');
        await page.keyboard.insertText('kubectl get endpoints web2 --no-headers');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText(/web2\s+10\.244\.\d+\.\d+:80\s/);
        // create_service.go: a NodePort Service, its node port from 30000-32767 (the apiserver's allocator).
        await page.keyboard.insertText('kubectl create service nodeport np --tcp=8080:80 && kubectl get svc np --no-headers');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('service/np created');
        await expect(screen(page)).toContainText(/np\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+8080:3\d{4}\/TCP/);
        // create_job.go: one pod with restartPolicy Never; the Job controller marks it Complete (get jobs: COMPLETIONS 1/1).
        await page.keyboard.insertText("kubectl create job hello --image=busybox -- sh -c 'echo job-says-$((6*7))'");
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('job.batch/hello created');
        await page.keyboard.insertText(
          'kubectl wait --for=condition=complete job/hello && kubectl get jobs --no-headers && kubectl logs $(kubectl get pods -l job-name=hello -o name)',
        );
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('job.batch/hello condition met');
        await expect(screen(page)).toContainText(/hello\s+1\/1\s+\d+s\s+\d+s/);
        await expect(screen(page)).toContainText('job-says-42');
      });

      test(`${path}: kubectl explain prints the v1.30 field documentation, fetched only when it runs`, async ({ page }) => {
        const docs: string[] = [];
        page.on('request', (r) => {
          if (/openapi\.generated/.test(r.url())) docs.push(r.url());
        });
        await startTerminal(page, path, size.phone);
        await page.keyboard.insertText('kubectl explain pod.spec.containers.securityContext.capabilities');
        await page.keyboard.press('Enter');
        // The end of the page (its start may have scrolled out of a phone's rows).
        await expect(screen(page)).toContainText('Removed capabilities');
        await expect(screen(page)).toContainText('<[]string>');
        expect(docs.length, 'the documents came with the command').toBeGreaterThan(0);
        await page.keyboard.insertText('kubectl explain pod.spec.nope');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('error: field "nope" does not exist');
        // A field with enum values: the end of the page lists them (the ENUM: block above may have scrolled out).
        await page.keyboard.type('kubectl explain pod.spec.restartPolicy');
        await page.keyboard.press('Enter');
        await expect(screen(page)).toContainText('Possible enum values:');
        await expect(screen(page)).toContainText('- `"OnFailure"`');
      });
    }
  });
}
