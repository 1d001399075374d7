/**
 * `journalctl -o json`: one JSON object per line; every value is a string, except MESSAGE, which
 * journald writes as an array of bytes when it is not valid UTF-8. Shape (reference §0):
 *
 *     {"_TRANSPORT":"kernel","PRIORITY":"3","__REALTIME_TIMESTAMP":"1741576462123456",
 *      "_SOURCE_MONOTONIC_TIMESTAMP":"759018333000","MESSAGE":"Memory cgroup out of memory: …"}
 */
import { messageLine } from './types.js';
import type { SyslogRead } from './envelope-syslog.js';

const US_PER_S = 1e6;

function microseconds(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return null;
  return Number(value) / US_PER_S;
}

function messageText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
    return Buffer.from(value as number[]).toString('utf8');
  }
  return null;
}

function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A journal entry; entries of other transports than the kernel are the journal's own. */
export function readJournalJsonLine(line: string): SyslogRead {
  const entry = parseObject(line);
  if (entry === null) return null;
  const transport = entry._TRANSPORT;
  if (transport !== undefined && transport !== 'kernel') return 'other-program';
  const text = messageText(entry.MESSAGE);
  if (text === null) return 'other-program';
  return messageLine('journal-json', text, microseconds(entry._SOURCE_MONOTONIC_TIMESTAMP), microseconds(entry.__REALTIME_TIMESTAMP));
}
