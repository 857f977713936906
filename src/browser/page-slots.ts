/**
 * At most `max` holders at once, first come first served: briefs in parallel and the chunks of a
 * large deck all take a slot for their page, so no more renderers than cores compete.
 */
export class PageSlots {
  private readonly waiting: Array<() => void> = [];
  private inUse = 0;

  constructor(readonly max: number) {}

  async take(): Promise<void> {
    if (this.inUse < this.max) {
      this.inUse++;
      return;
    }
    // Counted when handed over (synchronously, in the releasing call), so no newcomer slips in between.
    await new Promise<void>((resolve) =>
      this.waiting.push(() => {
        this.inUse++;
        resolve();
      }),
    );
  }

  release(): void {
    this.inUse--;
    this.waiting.shift()?.();
  }
}
