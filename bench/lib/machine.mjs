/** The machine the figures come from, for bench/README.md. */
import { cpus, loadavg, totalmem } from 'node:os';
import { sh } from './measure.mjs';

export function machine() {
  const cpu = cpus();
  return {
    uname: sh('uname -a'),
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    ramGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    zstd: sh('zstd --version').replace(/\*/g, '').trim(),
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}
