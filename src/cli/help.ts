/** --help texts. Keep them true to the code and to docs/cli.md. */
export const MAIN_HELP = `memtrail: offline forensics for Linux memory incidents

Usage:
  memtrail report  <bundle> [-o FILE|-] [--format html|md|json] [--fail-on critical|warning]
  memtrail inspect <bundle> [--no-color]
  memtrail diff    <before> <after> [-o FILE|-] [--format html|md|json]
  memtrail batch   <dir or files...> --out FILE.ndjson [--jobs N]
  memtrail --help | --version

A <bundle> is a collector bundle (.tar.zst, .tar.gz, .tar), an unpacked bundle directory (or a
directory holding only part of the layout), an sosreport (.tar.xz, .tar.gz, .tar.zst or
unpacked), a sysstat history as 'sadf -d' CSV (.csv), or a bare kernel log file
(dmesg, journalctl -k, kern.log, syslog, /dev/kmsg).

Limits (every command):
  --max-file-mb N     largest decompressed entry read (default 1024)
  --max-total-mb N    largest decompressed bundle read (default 4096)

Exit codes: 0 ok, 1 --fail-on matched, 2 usage error, 3 input unreadable, 4 internal error.
Run 'memtrail <command> --help' for details. Docs: docs/cli.md`;

export const REPORT_HELP = `Usage: memtrail report <bundle> [options]

Turns a bundle into a postmortem: verdict, incident timeline, charts, findings with evidence and fixes.

Options:
  -o, --output FILE    where to write; '-' = stdout (default: <bundle name>.report.<html|md|json>
                       in the current directory)
  -f, --format FMT     html (default), md (ticket-sized summary) or json (memtrail-report/1)
  --fail-on SEVERITY   exit 1 when a finding at or above critical|warning exists
  --max-file-mb N      largest decompressed entry read (default 1024)
  --max-total-mb N     largest decompressed bundle read (default 4096)
  -q, --quiet          no progress on stderr
  -h, --help           this help`;

export const DIFF_HELP = `Usage: memtrail diff <before> <after> [options]

Compares two bundles: before and after a fix, or a known-good baseline against today. Warns when
they come from different hosts or kernels (and compares anyway). Shows findings resolved, new and
still failing; rates, pressure, peaks, slopes and time to exhaustion (ratio after/before, flagged
at 2x either way, a zero side marked); memory accounting; slab caches and processes (matched by
command) side by side; configuration changes; the largest free block per zone.

Options:
  -o, --output FILE    where to write; '-' = stdout (default: <after name>.diff.<html|md|json>
                       in the current directory)
  -f, --format FMT     html (default), md (ticket-sized summary) or json (memtrail-diff/1)
  --max-file-mb N      largest decompressed entry read (default 1024)
  --max-total-mb N     largest decompressed bundle read (default 4096)
  -q, --quiet          no progress on stderr
  -h, --help           this help`;

export const INSPECT_HELP = `Usage: memtrail inspect <bundle> [options]

A terminal summary: host, kernel and span; samples per series; artifacts present, absent and why;
kernel events (OOM kills with time, victim, scope and memcg); top memory consumers; meminfo
breakdown; parse diagnostics. Colour only on a terminal and never with NO_COLOR set.

Options:
  --no-color           plain text even on a terminal
  --max-file-mb N      largest decompressed entry read (default 1024)
  --max-total-mb N     largest decompressed bundle read (default 4096)
  -q, --quiet          no progress on stderr
  -h, --help           this help`;

export const BATCH_HELP = `Usage: memtrail batch <dir or files...> --out FILE.ndjson [options]

Analyses many bundles in parallel (worker threads) and writes one JSON line per bundle
(memtrail-batch/1, docs/batch-ndjson.md): host, span, findings with severities, OOM kills and the
MemAvailable forecast. A bundle that cannot be analysed gets a line with status "error"; the
batch goes on. Lines come in input order, whatever --jobs is. Progress goes to stderr.

A directory argument holding manifest.json is one unpacked bundle; any other directory stands
for the bundles directly inside it (not recursive): archives by name (.tar, .tar.zst, .tar.gz,
.tgz, .tar.xz, .tar.bz2) and subdirectories holding manifest.json. A file is taken as is.

Options:
  --out FILE           where the NDJSON goes; '-' = stdout (required)
  -j, --jobs N         worker threads (default: available CPUs)
  --max-file-mb N      largest decompressed entry read (default 1024)
  --max-total-mb N     largest decompressed bundle read (default 4096)
  -q, --quiet          no progress on stderr
  -h, --help           this help

Exit codes: 0 when every bundle got a line, even if some lines are errors (count them with
  jq 'select(.status == "error")'); 2 usage error; 3 no bundle found in the arguments.`;
