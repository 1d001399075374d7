/**
 * Was an OOM kill aimed at the leaker or at a bystander? Compares each kill's victim with the
 * leaking process tracks, or, without process samples, with the largest task in the kernel's own
 * task table for that OOM.
 */
import type { ProcessGrowth } from '../computed/process-growth.js';
import type { OomInvocationEvent } from '../model/kernel-events.js';
import type { Timeline } from '../model/timeline.js';
import { eventsOfType, type TimedOomKill } from './evidence.js';

type TimedInvocation = OomInvocationEvent & { time: number | null };

export type AimVerdict = 'leaker' | 'bystander' | 'largest-task' | 'not-largest-task' | 'unknown';

export interface KillAim {
  kill: TimedOomKill;
  invocation: TimedInvocation | null;
  verdict: AimVerdict;
  /** The leaker the verdict refers to (killed, or survived while a bystander died). */
  leaker: ProcessGrowth | null;
  /** Did that leaker have samples after the kill? */
  leakerSurvived: boolean;
  sentence: string;
}

/** The oom-invocation report that precedes this kill in the same log. */
function invocationOf(t: Timeline, kill: TimedOomKill): TimedInvocation | null {
  const before = eventsOfType(t, 'oom-invocation').filter((e) => e.source === kill.source && e.boot === kill.boot && e.line < kill.line);
  return before.at(-1) ?? null;
}

/**
 * Leakers the kernel could have picked instead of the victim: in the kill's task table when it
 * printed one (a memcg kill lists only that cgroup's tasks), and already seen growing before the
 * kill. A process leaking elsewhere, or only after the kill, says nothing about its aim.
 */
function rivalLeakers(kill: TimedOomKill, invocation: TimedInvocation | null, leaks: ProcessGrowth[]): ProcessGrowth[] {
  const tasks = invocation?.tasks ?? [];
  return leaks.filter((g) => (tasks.length === 0 || tasks.some((task) => task.pid === g.pid))
    && (kill.time === null || g.first.time < kill.time));
}

export function aimOf(t: Timeline, kill: TimedOomKill, leaks: ProcessGrowth[]): KillAim {
  const invocation = invocationOf(t, kill);
  const victim = `${kill.comm} (pid ${kill.pid})`;
  const killedLeaker = leaks.find((g) => g.pids.includes(kill.pid)) ?? null;
  if (killedLeaker) {
    return { kill, invocation, verdict: 'leaker', leaker: killedLeaker, leakerSurvived: false, sentence: `The killer hit the leaker: ${victim} was the process that grew.` };
  }
  const leader = rivalLeakers(kill, invocation, leaks)[0] ?? null;
  if (leader) {
    const survived = kill.time !== null && leader.last.time > kill.time;
    return {
      kill, invocation, verdict: 'bystander', leaker: leader, leakerSurvived: survived,
      sentence: `The killer hit a bystander: ${victim} died while the leaker ${leader.comm} (pid ${leader.pid}, ${leader.slopeMBPerHour.toFixed(0)} MiB/h) ${survived ? 'survived and kept growing' : 'was not killed'}.`,
    };
  }
  const tasks = invocation?.tasks ?? [];
  if (tasks.length === 0) {
    return { kill, invocation, verdict: 'unknown', leaker: null, leakerSurvived: false, sentence: `No process samples or task table show whether ${victim} was the one that grew.` };
  }
  const largest = tasks.reduce((a, b) => (b.rssPages > a.rssPages ? b : a));
  const isLargest = largest.pid === kill.pid;
  return {
    kill, invocation, verdict: isLargest ? 'largest-task' : 'not-largest-task', leaker: null, leakerSurvived: false,
    sentence: isLargest
      ? `${victim} was the largest of the ${tasks.length} task(s) in the kernel's table (${largest.rssPages} pages RSS).`
      : `${victim} was not the largest task: ${largest.name} (pid ${largest.pid}) held ${largest.rssPages} pages RSS and survived.`,
  };
}
