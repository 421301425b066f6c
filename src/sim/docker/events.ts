/**
 * The daemon's event log (moby@v27.3.1:daemon/events.go LogContainerEventWithAttributes,
 * LogImageEvent…): type, action, actor id and attributes, stamped with the clock.
 */
import { containerLabels, type Container } from './container.ts';

export interface DockerEvent {
  type: 'container' | 'image' | 'network' | 'volume' | 'builder';
  action: string;
  id: string;
  attributes: Record<string, string>;
  /** Milliseconds since the epoch (the sim's clock has ms resolution). */
  timeMs: number;
  /** A sequence number, so two events in one millisecond keep their order in TimeNano. */
  seq: number;
}

export class EventLog {
  readonly list: DockerEvent[] = [];
  private seq = 0;
  add(e: Omit<DockerEvent, 'seq'>): void {
    this.list.push({ ...e, seq: this.seq++ });
    if (this.list.length > 1000) this.list.shift();
  }
}

/** A container event's attributes: the container's labels, then image and name (moby copies labels first). */
export function containerAttributes(c: Container, extra: Record<string, string> = {}): Record<string, string> {
  const labels = containerLabels(c);
  return { ...labels, ...extra, image: c.imageArg, name: c.name };
}
