/** Which systemd unit runs a pid, from its /proc/PID/cgroup lines. */
import type { Timeline } from '../model/timeline.js';

/** `0::/system.slice/app-worker.service` → `app-worker.service`; null when the pid is not in a service. */
export function unitOfPid(t: Timeline, pid: number): string | null {
  const lines = t.artifacts.processes.find((p) => p.pid === pid)?.cgroup ?? [];
  for (const line of lines) {
    const path = line.split(':').slice(2).join(':');
    const unit = path.split('/').find((part) => part.endsWith('.service'));
    if (unit) return unit;
  }
  return null;
}

/**
 * The unit of a process track: its pids in turn, the described one first. A leaker the OOM killer
 * took was captured only as its restarted successor, which runs in the same service.
 */
export function unitOfTrack(t: Timeline, pid: number, pids: number[]): string | null {
  for (const candidate of [pid, ...pids.filter((p) => p !== pid)]) {
    const unit = unitOfPid(t, candidate);
    if (unit) return unit;
  }
  return null;
}
