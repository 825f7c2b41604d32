/**
 * A one-shot "the device is lost" signal that work in flight can race against: a chunk that
 * waits on a destroyed GPU device may never finish, so the session abandons it instead.
 */

/** Thrown into work that was waiting on a device that is gone. */
export class DeviceLostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DeviceLostError';
  }
}

/** The signal; `race` work against it, `lose` fires it. */
export class LostSignal {
  private fire: (reason: string) => void = () => {};
  private readonly promise = new Promise<string>((resolve) => (this.fire = resolve));
  /** Whether the device was lost (the signal is then spent; make a new one). */
  fired = false;

  /** Announce the loss (once). */
  lose(reason: string): void {
    if (this.fired) return;
    this.fired = true;
    this.fire(reason);
  }

  /** `p`, unless the device is lost first: then DeviceLostError, and `p` is abandoned. */
  async race<T>(p: Promise<T>): Promise<T> {
    p.catch(() => {}); // an abandoned chunk may fail later; nobody is waiting for it then
    const r = await Promise.race([p.then((value) => ({ value })), this.promise.then((reason) => ({ reason }))]);
    if ('reason' in r) throw new DeviceLostError(r.reason);
    return r.value;
  }
}
