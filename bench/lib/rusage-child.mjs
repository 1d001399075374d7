/**
 * Fallback for machines without GNU time: `node rusage-child.mjs REPORT cmd args...` runs the
 * command, waits for it, and writes "elapsed user sys maxrss_kb" (the reaped child's rusage,
 * RUSAGE_CHILDREN as `process.resourceUsage` does not expose it: read from /proc/self/stat's
 * cutime/cstime and the child's VmHWM, sampled while it runs).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [report, command, ...args] = process.argv.slice(2);
const ticks = 100; // USER_HZ on Linux
const began = performance.now();
const child = spawn(command, args, { stdio: 'inherit' });
let peakKb = 0;
const sample = () => {
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
  } catch {
    // the child has exited between two samples
  }
};
const timer = setInterval(sample, 20);
child.on('exit', (code) => {
  clearInterval(timer);
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const [cutime, cstime] = [Number(fields[13]), Number(fields[14])];
  writeFileSync(report, `${((performance.now() - began) / 1000).toFixed(2)} ${(cutime / ticks).toFixed(2)} ${(cstime / ticks).toFixed(2)} ${peakKb}\n`);
  process.exitCode = code ?? 1;
});
