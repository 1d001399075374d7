import Papa from 'papaparse';
import { makeTimeline, real, sample } from './make-timeline.js';

/**
 * MemAvailable while 06_sysstat's slow_alloc.py added 16 MiB every 1.4 s: the kbavail column of the
 * real `sadf -d -- -r` section, 14:56:02–14:57:32 UTC (10 samples, before the allocations were freed).
 */
function sysstatAvailable(): [number, number][] {
  const csv = real('06_sysstat/sadf_d_r_S_W_B.csv');
  const section = csv.slice(csv.indexOf('# hostname;interval;timestamp;kbmemfree'), csv.indexOf('# hostname;interval;timestamp;kbswpfree'));
  const rows = Papa.parse<Record<string, string>>(section.replace(/^# /, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
  return rows.slice(0, 10).map((r) => [Date.parse(r.timestamp!.replace(' UTC', 'Z').replace(' ', 'T')) / 1000, Number(r.kbavail) * 1024]);
}

export function sysstatTimeline() {
  return makeTimeline({
    artifacts: { meminfo: sysstatAvailable().map(([time, avail]) => sample('06_sysstat/sadf_d_r_S_W_B.csv', time, { MemTotal: 24684084 * 1024, MemAvailable: avail, SwapTotal: 0 })) },
  });
}

