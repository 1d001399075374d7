/**
 * Scenario 6: a large file on disk mapped 4 times by each of 3 processes, every page read. The
 * report must name the file with its mappings and totals (RSS counts the file once per mapping
 * process; the page cache pinned is the file once), and not mistake the readers' RSS for a leak.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { python, realScriptsDir } from './harness/env.js';
import { describeIncident } from './harness/incident.js';
import { findingOf, tableOf } from './harness/report.js';

const MiB = 1024 * 1024;
const FILE_MIB = 512;
const READERS = 3;
const MAPS_PER_READER = 4;

let file = '';
let readerPids: number[] = [];

describeIncident('mmap', 'scenario 6: mmap retention of a large file', {}, async (incident) => {
  file = path.join(incident.dir, 'dataset.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * MiB, 0xa5);
  for (let i = 0; i < FILE_MIB / 16; i++) writeSync(fd, chunk);
  // Written back, so the mapped pages are clean page cache, as for a dataset read from disk.
  fsyncSync(fd);
  closeSync(fd);
  const recorder = await incident.record();
  // mmap_reader.py: MAP_SHARED the whole file 4 times, touch one byte per page of each, then sleep.
  const readers = Array.from({ length: READERS }, (_, i) =>
    incident.start([python, path.join(realScriptsDir, 'mmap_reader.py'), file, path.join(incident.dir, `ready${i}`)]));
  readerPids = readers.map((r) => r.pid);
  for (const r of readers) await r.waitForOutput(/touched 4 x \d+ bytes/, 30_000);
  await recorder.moreSamples(3, 'of the mapped state');
  return incident.bundle(recorder);
}, (report) => {
  it('names the file, its mappings per process and the totals', () => {
    const f = findingOf(report(), 'mmap-retention');
    expect(f.title).toBe(`${file} is mapped repeatedly`);
    const perPid = readerPids.map((pid) => `${MAPS_PER_READER}× in pid ${pid}`);
    expect(f.summary).toContain(`${file} is mapped ${READERS * MAPS_PER_READER} times across ${READERS} processes (`);
    for (const p of perPid) expect(f.summary).toContain(p);
    expect(f.summary).toContain(`: ${((READERS * MAPS_PER_READER * FILE_MIB) / 1024).toFixed(1)} GiB of address space;`);
    // Every reader shows the whole file 4× in its RSS; the page cache really pinned is the file, once.
    const sentence = f.summary.slice(f.summary.indexOf(`${file} is mapped`));
    const clean = /those processes show ([\d.]+) GiB of clean file-backed RSS/.exec(sentence);
    expect(Number(clean?.[1]), sentence).toBeGreaterThan((0.95 * READERS * MAPS_PER_READER * FILE_MIB) / 1024);
    const pinned = /the page cache they pin \(their Pss_File\) is ([\d.]+) MiB/.exec(sentence);
    expect(Number(pinned?.[1]), sentence).toBeGreaterThan(0.95 * FILE_MIB);
    expect(Number(pinned?.[1]), sentence).toBeLessThan(1.05 * FILE_MIB);
    const rows = tableOf(f, 'Large mapped files').rows.filter((r) => r.path === file);
    expect(rows.map((r) => r.pid).sort()).toEqual([...readerPids].sort());
    for (const r of rows) expect(r).toMatchObject({ count: MAPS_PER_READER, size: MAPS_PER_READER * FILE_MIB * MiB });
  });

  it('does not call the readers leakers: their RSS is mapped file pages', () => {
    const leak = report().findings.find((x) => x.id === 'process-leak');
    const rows = leak?.details?.find((d) => d.title === 'Growing processes')?.rows ?? [];
    expect(rows.filter((r) => readerPids.includes(Number(r.pid)))).toEqual([]);
  });
});
