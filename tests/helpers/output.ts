/**
 * A running command's output as it comes, with waits that resolve the moment it matches: tests
 * follow what the program says instead of polling files or sleeping. A wait that never matches
 * ends with the test's own timeout.
 */
export class Output {
  text = '';
  private waits: Array<{ test: (text: string) => boolean; resolve: () => void }> = [];

  readonly write = (chunk: string): void => {
    this.text += chunk;
    this.waits = this.waits.filter((w) => (w.test(this.text) ? (w.resolve(), false) : true));
  };

  until(test: RegExp | ((text: string) => boolean)): Promise<void> {
    const check = typeof test === 'function' ? test : (text: string): boolean => test.test(text);
    if (check(this.text)) return Promise.resolve();
    return new Promise((resolve) => this.waits.push({ test: check, resolve }));
  }

  /** How often `part` occurs so far: wait for one more to follow a rebuild. */
  count(part: string): number {
    return this.text.split(part).length - 1;
  }
}
