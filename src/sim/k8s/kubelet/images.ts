/**
 * The kubelet's image manager: pull policy, the pull back-off and the events
 * (kubernetes@v1.30.0 pkg/kubelet/images/image_manager.go EnsureImageExists; event reasons
 * from pkg/kubelet/events/event.go).
 */
import type { LocalImage } from '../../image/store.ts';
import type { Containerd } from '../../runtime/containerd.ts';
import { Backoff, goDuration } from './backoff.ts';
import type { Obj } from './config.ts';

export type Ensure =
  | { ok: true; image: LocalImage; imageID: string }
  | { ok: false; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName'; message: string };

export type Emit = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

export class ImageManager {
  readonly backoff = new Backoff();
  /** The repo digest each image was pulled by (containerStatuses[].imageID). */
  private readonly repoDigests = new Map<string, string>();

  constructor(
    private readonly cri: Containerd,
    private readonly now: () => number,
  ) {}

  async ensure(podUid: string, c: Obj, emit: Emit): Promise<Ensure> {
    const image = String(c.image ?? '');
    const policy = String(c.imagePullPolicy ?? (/:latest$|^[^:@]*$/.test(image.split('/').pop() ?? '') ? 'Always' : 'IfNotPresent'));
    await this.cri.bootImages();
    let present: LocalImage | undefined;
    try {
      present = this.cri.imageStatus(image);
    } catch {
      present = undefined;
    }
    const pull = policy === 'Always' || (policy === 'IfNotPresent' && !present);
    if (policy === 'Never' || !pull) {
      if (present) {
        emit('Normal', 'Pulled', `Container image "${image}" already present on machine`);
        return { ok: true, image: present, imageID: this.imageIdOf(present) };
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      emit('Warning', 'ErrImageNeverPull', message);
      return { ok: false, reason: 'ErrImageNeverPull', message };
    }
    const key = `${podUid}_${image}`;
    if (this.backoff.isInBackOffSinceUpdate(key, this.now())) {
      const message = `Back-off pulling image "${image}"`;
      emit('Normal', 'BackOff', message);
      return { ok: false, reason: 'ImagePullBackOff', message };
    }
    emit('Normal', 'Pulling', `Pulling image "${image}"`);
    const r = await this.cri.pullImage(image);
    if (!r.ok) {
      if (r.reason === 'InvalidImageName') {
        emit('Warning', 'InspectFailed', r.message);
        return { ok: false, reason: 'InvalidImageName', message: r.message };
      }
      emit('Warning', 'Failed', r.message);
      this.backoff.next(key, this.now());
      return { ok: false, reason: 'ErrImagePull', message: r.message.replace(/^Failed to pull image "[^"]*": /, '') };
    }
    this.repoDigests.set(r.image.image.id, r.repoDigest);
    // The simulated pull takes no time on the host clock; the duration stands for the transfer of the image's bytes.
    const ms = 400 + Math.round(r.image.image.size / 60_000);
    emit(
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${r.image.image.size} bytes.`,
    );
    return { ok: true, image: r.image, imageID: r.repoDigest };
  }

  /** The repo digest of a stored image: the one it was pulled by, else its first. */
  imageIdOf(li: LocalImage): string {
    return this.repoDigests.get(li.image.id) ?? [...li.digests][0] ?? li.image.id;
  }
}
