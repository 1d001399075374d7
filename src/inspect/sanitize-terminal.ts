/**
 * Bundle text is hostile input: a process can name itself `\x1b]0;pwned\x07` or `\x1b[2J`, and
 * a kernel log repeats it verbatim. Everything from a bundle goes through sanitizeTerminal before
 * it reaches a terminal: escape sequences (CSI, OSC, DCS…, 7- and 8-bit), the remaining C0/C1
 * control characters, and bidi overrides (text that renders in another order than it reads).
 */
const CSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]/g;
/** OSC, DCS, SOS, PM, APC strings: up to BEL or ST (ESC \ or 0x9c), or to the end if unterminated. */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)/g;
/** Two-character escapes (ESC c, ESC 7, ESC ( B …). */
const SHORT_ESCAPE = /\x1b[ -/]*[0-~]?/g;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function sanitizeTerminal(text: string): string {
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CSI, '')
    .replace(SHORT_ESCAPE, '')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/\t/g, ' ');
}
