/** Incident processes: started in their own process group (optionally inside a memory cgroup) and followed. */
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { python } from './env.js';
import { waitUntil } from './wait.js';

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

export interface Proc {
  pid: number;
  /** stdout and stderr so far. */
  output(): string;
  /** How it ended, or null while it runs. */
  exitStatus(): Exit | null;
  exited: Promise<Exit>;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGKILL to its whole process group, then wait for it: a no-op once it has exited. */
  kill(): Promise<Exit>;
}

/**
 * Starts argv. With `cgroupDir`, a shell first moves itself into the cgroup and then execs argv, so
 * that every page the process touches is charged there from its first instruction.
 */
export function startProcess(argv: string[], options: { cgroupDir?: string; cwd?: string } = {}): Proc {
  const full = options.cgroupDir ? ['sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', options.cgroupDir, ...argv] : argv;
  const child = spawn(full[0]!, full.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd });
  if (child.pid === undefined) throw new Error(`could not start ${argv.join(' ')}`);
  const pid = child.pid;
  let text = '';
  let status: Exit | null = null;
  child.stdout.on('data', (chunk: Buffer) => void (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (text += chunk.toString()));
  // 'close' comes after 'exit' and after stdout has been read to its end, so no output is lost.
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });
  return {
    pid,
    output: () => text,
    exitStatus: () => status,
    exited,
    waitForOutput: (pattern, timeoutMs) => waitUntil(`${pattern} from ${argv.join(' ')} (output so far: ${text.slice(-300)})`, () => {
      const match = pattern.exec(text);
      if (!match && status) throw new Error(`${argv.join(' ')} exited (${status.signal ?? status.code}) without printing ${pattern}: ${text.slice(-300)}`);
      return match;
    }, timeoutMs),
    kill: async () => {
      if (status) return status;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // the group is already gone; 'exit' follows
      }
      return exited;
    },
  };
}

/**
 * The system python3 under another name: the kernel takes a process's comm from the file name it
 * was executed as, so a symlink makes the culprit stand out in the kernel log and in series/procs.
 */
export function pythonNamed(dir: string, comm: string): string {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const link = path.join(bin, comm);
  symlinkSync(python, link);
  return link;
}
