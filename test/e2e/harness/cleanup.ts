/**
 * Undo steps registered as a scenario sets things up, run last-first in afterEach so that a
 * failed assertion still leaves no process, cgroup, segment, mount or file behind.
 */
export class CleanupStack {
  private readonly steps: { what: string; run: () => unknown }[] = [];

  defer(what: string, run: () => unknown): void {
    this.steps.push({ what, run });
  }

  /** Runs every step even when one fails, then throws the failures together. */
  async runAll(): Promise<void> {
    const failures: string[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (err) {
        failures.push(`${step.what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (failures.length > 0) throw new Error(`cleanup failed:\n${failures.join('\n')}`);
  }
}
