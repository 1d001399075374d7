/**
 * Every number an audit compares against, with where it comes from and why. docs/findings.md
 * lists them per finding. `memtrail` as the source means our own choice; its reason says why.
 */
export interface Threshold {
  value: number;
  unit: string;
  source: string;
  reason: string;
}

const t = (value: number, unit: string, source: string, reason: string): Threshold => ({ value, unit, source, reason });

export const THRESHOLDS = {
  // atop (man atop, MEM/SWP/PAG colouring defaults)
  memUsedExclCachePct: t(90, '%', 'atop (MEM critical, cache and reclaimable slab excluded)', 'Memory in use that the kernel cannot drop is what runs out; page cache and reclaimable slab come back.'),
  swapOutWarnPerS: t(1, 'pages/s', 'atop (PAG swout, warning)', 'Any steady swap-out means anonymous memory no longer fits in RAM.'),
  swapOutCritPerS: t(10, 'pages/s', 'atop (PAG swout, critical)', 'Above 10 pages/s swapping visibly slows the workload.'),
  swapUsedPct: t(80, '%', 'atop (SWP critical)', 'With four fifths of swap used the overflow buffer is nearly gone.'),
  // PCP pmie rules
  pcpSwapOutPerS: t(5, 'pages/s', 'PCP pmieconf (swap.pagesout)', 'A sustained swap-out rate, not a single burst.'),
  pcpSwapOutSampleFraction: t(0.3, 'fraction of samples', 'PCP pmieconf (swap.pagesout holds in 30% of samples)', 'Sustained means in at least 30% of the samples.'),
  // Prometheus alerting practice (node-exporter mixin)
  memAvailableLowPct: t(10, '% of MemTotal', 'Prometheus node-exporter mixin (NodeMemoryHighUtilization)', 'Below 10% available the next burst can trigger reclaim stalls or an OOM kill.'),
  memAvailableLowForS: t(900, 's', 'Prometheus node-exporter mixin (for: 15m)', 'Fifteen minutes rules out a short burst.'),
  majorFaultsPerS: t(500, 'faults/s', 'Prometheus node-exporter mixin (NodeMemoryMajorPagesFaults)', 'Above 500 major faults/s the machine is thrashing: pages are read back as fast as they are evicted.'),
  // systemd-oomd
  psiFullAvg10Pct: t(60, '%', 'systemd-oomd (DefaultMemoryPressureLimit=60%)', 'systemd-oomd acts when full memory pressure stays this high: tasks spend most of their time stalled on memory.'),
  // The runbook (shared/reference/linux-memory-leak-runbook.txt)
  swappinessServerMax: t(60, 'vm.swappiness', 'runbook, Root Cause 5', 'At 60 or above the kernel pages warm anonymous memory out at the first sign of pressure.'),
  availDropPerHourPct: t(20, '% per hour', 'runbook, Prevention', 'MemAvailable falling by more than 20% in an hour means something is likely leaking.'),
  alertWindowDefaultS: t(7200, 's', 'runbook, Prevention (predict_linear(...[2h], 3600))', 'The runbook\'s rule, used when no leak rate was observed.'),
  alertHorizonDefaultS: t(3600, 's', 'runbook, Prevention (predict_linear(...[2h], 3600))', 'The runbook\'s rule, used when no leak rate was observed.'),
  runtimeMaxSecDefault: t(86400, 's', 'runbook, Root Cause 1 (RuntimeMaxSec=86400)', 'A daily restart, unless the leak would reach MemoryMax sooner.'),
  // memtrail choices
  leakMinPoints: t(4, 'samples', 'memtrail', 'Fewer points cannot separate a trend from noise.'),
  leakMinR2: t(0.8, 'r²', 'memtrail', 'A leak grows steadily; a noisy working set does not fit a line this well.'),
  leakMinGrowthBytes: t(10 * 1024 * 1024, 'bytes', 'memtrail', 'Growth below 10 MiB is allocator noise.'),
  leakMinGrowthFraction: t(0.25, 'of first value', 'memtrail', 'Growth of a quarter of the starting size over the window is not warm-up.'),
  leakMinAnonShare: t(0.25, 'of the RSS climb', 'memtrail', 'A climb that is mostly file-backed pages (smaps_rollup Anonymous + Swap barely moved) is mmap retention, not a heap leak.'),
  memoryMaxMarginFraction: t(0.25, 'of observed peak', 'memtrail', 'A 25% margin over the observed peak keeps a healthy process clear of the limit.'),
  exhaustionCriticalS: t(4 * 3600, 's', 'memtrail', 'Exhaustion within 4 hours leaves less than a shift to act.'),
  forecastHorizonS: t(24 * 3600, 's', 'memtrail', 'A day ahead: far enough to plan a fix, near enough for a linear fit to mean something.'),
  confidenceHighR2: t(0.9, 'r²', 'memtrail', 'The line explains 90% of the variation.'),
  confidenceHighN: t(10, 'samples', 'memtrail', 'Ten or more points.'),
  confidenceMediumR2: t(0.7, 'r²', 'memtrail', 'The line explains most of the variation.'),
  confidenceMediumN: t(4, 'samples', 'memtrail', 'At least four points.'),
  confidenceMaxExtrapolation: t(10, '× window', 'memtrail', 'Projecting more than ten times the observed window lowers confidence one step.'),
  forecastMinWindowS: t(600, 's', 'memtrail (Prometheus alert windows are 30 min and up)', 'A fit over less than ten minutes cannot tell a trend from a burst: its forecast is low confidence whatever its r².'),
  slabShareWarnPct: t(20, '% of MemTotal', 'memtrail (runbook example: 8 GB of 16 GB is the problem)', 'Slab normally stays a few percent of RAM.'),
  slabShareCritPct: t(40, '% of MemTotal', 'memtrail (runbook example: 8 GB of 16 GB is the problem)', 'At this share the kernel, not a process, holds the machine\'s memory.'),
  sUnreclaimShareWarnPct: t(10, '% of MemTotal', 'memtrail', 'Unreclaimable slab cannot be given back; past 10% of RAM it is a kernel-side leak suspect.'),
  slabExplosionFactor: t(10, '× first sample', 'memtrail (runbook: dentry cache explosion)', 'A cache ten times its starting size is being filled faster than it is evicted.'),
  slabExplosionMinBytes: t(64 * 1024 * 1024, 'bytes', 'memtrail', 'Ignore small caches that grow from a few pages.'),
  thpOrder: t(9, 'order', 'kernel (x86-64 pageblock/THP order)', 'A zone with no free block at order 9 cannot give a huge page without compaction.'),
  compactFailFraction: t(0.5, 'of stalls', 'memtrail', 'When half the direct compactions fail, compaction cannot keep up with fragmentation.'),
  memExhaustedPct: t(2, '% of MemTotal', 'memtrail', 'MemAvailable this low is "out of memory" for practical purposes.'),
  oomFollowWindowS: t(300, 's', 'memtrail', 'A working OOM killer acts within seconds; five minutes without a kill means it did not.'),
  oomContextWindowS: t(300, 's', 'memtrail', 'The "minutes before" an OOM kill that the report looks at.'),
  tmpfsFullPct: t(90, '%', 'memtrail (runbook example: 97% and 90% used mounts)', 'A tmpfs this full is about to give ENOSPC or already holds a runaway writer\'s data.'),
  tmpfsRamShareCritPct: t(25, '% of MemTotal', 'memtrail (runbook example: 7.5 GB of 16 GB in /run/shm)', 'tmpfs data this large is RAM that no process RSS shows.'),
  tmpfsUnlimitedSharePct: t(50, '% of MemTotal', 'kernel tmpfs default (size = 50% of RAM)', 'A mount at or above the default size was not given a deliberate size=.'),
  tmpfsSizeRoundBytes: t(256 * 1024 * 1024, 'bytes', 'memtrail', 'fstab sizes rounded up to 256 MiB.'),
  sysvOrphanWarnPct: t(1, '% of MemTotal', 'memtrail', 'Orphaned segments this large are worth an ipcrm.'),
  mmapLargeBytes: t(256 * 1024 * 1024, 'bytes', 'memtrail', 'File-backed mappings above 256 MiB per process are worth naming.'),
  mmapRepeatMinBytes: t(64 * 1024 * 1024, 'bytes', 'memtrail', 'Below 64 MiB a file mapped several times is a shared library\'s segments, not retention.'),
  mmapWarnPct: t(5, '% of MemTotal', 'memtrail', 'Page cache pinned by mappings (Pss_File, or clean RSS) at this share of RAM is real pressure.'),
  unexplainedWarnPct: t(10, '% of MemTotal', 'memtrail', 'meminfo lines normally account for all but a few percent of MemTotal.'),
  unexplainedCritPct: t(25, '% of MemTotal', 'memtrail', 'A quarter of RAM in no meminfo line: the "memory is just gone" case.'),
} as const satisfies Record<string, Threshold>;

export type ThresholdName = keyof typeof THRESHOLDS;

/** The threshold's value: `th('swapUsedPct')` → 80. */
export const th = (name: ThresholdName): number => THRESHOLDS[name].value;

/** The runbook's /etc/sysctl.d/99-memory.conf, with each line's reason. */
export const RUNBOOK_SYSCTLS: { key: string; value: string; reason: string }[] = [
  { key: 'vm.swappiness', value: '10', reason: 'prefer keeping anonymous pages in RAM; swap only under serious pressure' },
  { key: 'vm.vfs_cache_pressure', value: '200', reason: 'reclaim dentry and inode caches twice as aggressively' },
  { key: 'vm.overcommit_memory', value: '2', reason: 'refuse allocations at malloc() time instead of OOM chaos later (check Redis and fork-heavy services first)' },
  { key: 'vm.overcommit_ratio', value: '80', reason: 'commit limit = 80% of RAM plus swap' },
  { key: 'vm.compaction_proactiveness', value: '20', reason: 'background compaction keeps large blocks available' },
  { key: 'vm.oom_kill_allocating_task', value: '1', reason: 'kill the task that triggered the OOM rather than a bystander with a high score' },
];
