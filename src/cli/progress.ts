/**
 * Reading progress on stderr, only on a terminal and not with --quiet: a long read of a week's
 * bundle must show it is alive, and a pipe or a log file must not fill with carriage returns.
 */
export interface Progress {
  update(bytesRead: number, totalBytes: number | null): void;
  done(): void;
}

export function createProgress(enabled: boolean, label: string): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update() {}, done() {} };
  let lastDraw = 0;
  let drawn = false;
  const MiB = 1024 * 1024;
  return {
    update(bytesRead, totalBytes) {
      const now = Date.now();
      if (now - lastDraw < 200) return;
      lastDraw = now;
      drawn = true;
      const of = totalBytes ? ` of ${(totalBytes / MiB).toFixed(0)} MiB` : '';
      stream.write(`\r${label}: ${(bytesRead / MiB).toFixed(0)} MiB${of}   `);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
