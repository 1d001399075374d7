/**
 * When a one-shot capture (proc/meminfo, commands/df_-kPT, …) was taken. In order:
 *  1. the manifest artifact's own `time`, when the collector recorded it;
 *  2. the manifest's `end` for `bundle` mode (the static capture is taken when packing, after
 *     the recording), its `start` otherwise (snapshot mode captures static files first);
 *  3. the latest series record time (a directory without manifest: the capture is the newest);
 *  4. null: the loader stores UNKNOWN_CAPTURE_TIME and says so in a diagnostic (docs/timeline.md).
 */
import type { Manifest } from '../model/artifacts.js';

/** Sample.time of a one-shot capture whose time nothing in the bundle tells. The timeline skips it. */
export const UNKNOWN_CAPTURE_TIME = 0;

export function staticCaptureTime(manifest: Manifest | null, path: string, latestSeriesTime: number | null): number | null {
  const own = manifest?.artifacts.find((a) => a.path === path)?.time;
  if (own !== undefined) return own;
  if (manifest) {
    const preferred = manifest.mode === 'bundle' ? manifest.end : manifest.start;
    const fallback = preferred ?? manifest.start ?? manifest.end;
    if (fallback !== null) return fallback;
  }
  return latestSeriesTime;
}
