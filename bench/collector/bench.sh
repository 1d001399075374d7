#!/bin/sh
# Cost of `memtrail-collect record` per sample, against sysstat's sadc sampling at the same interval
# in the same run (both run side by side, so they see the same machine).
#
#   sh bench/collector/bench.sh [SAMPLES] [INTERVAL]      defaults: 120 samples, 1 s apart
#
# Per-sample figures do not depend on the interval (the collector sleeps between samples, and its
# slow series come every 6 samples whatever the interval), so a 1 s interval measures the 10 s
# configuration in a twelfth of the time; the per-day figure is scaled to 10 s (8640 samples).
# Needs GNU time (/usr/bin/time), /usr/lib/sysstat/sadc and zstd.
set -eu
SAMPLES=${1:-120}
INTERVAL=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
# SLOW_EVERY=K passes --slow-every K (default 6, the collector's default): a large K measures the
# fast samples alone. COLLECTOR=path measures another version of the script (e.g. an older one from git) the same way.
collector=${COLLECTOR:-"$here/../../collector/memtrail-collect"}
SADC=/usr/lib/sysstat/sadc
work=$(mktemp -d /var/tmp/memtrail-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
duration=$(((SAMPLES - 1) * INTERVAL))

# GNU time: user s, system s, max RSS KiB of the process and its waited-for descendants.
TIMEFMT='%U %S %M'
/usr/bin/time -o "$work/collector.time" -f "$TIMEFMT" \
	"$collector" record -D "$work/rec" -i "$INTERVAL" -d "$duration" --top 20 --slow-every "${SLOW_EVERY:-6}" 2>/dev/null &
c_pid=$!
/usr/bin/time -o "$work/sadc.time" -f "$TIMEFMT" "$SADC" "$INTERVAL" "$SAMPLES" "$work/sa.default" &
s_pid=$!
/usr/bin/time -o "$work/sadcx.time" -f "$TIMEFMT" "$SADC" -S XALL "$INTERVAL" "$SAMPLES" "$work/sa.xall" &
x_pid=$!
wait "$c_pid" "$s_pid" "$x_pid"

# Start-up and stop (cgroup discovery, host facts, the first slow sample, the first copy of the kernel
# ring buffer) cost the same whatever the run's length. A 2-sample run measures them, so that the
# marginal cost of a sample can be given too: (long run - short run) / (difference in samples).
/usr/bin/time -o "$work/short.time" -f "$TIMEFMT" \
	"$collector" record -D "$work/short" -i "$INTERVAL" -d "$INTERVAL" --top 20 --slow-every "${SLOW_EVERY:-6}" 2>/dev/null
short_samples=$(grep -c '^=== ' "$work/short/live/series/meminfo")

samples=$(grep -c '^=== ' "$work/rec/live/series/meminfo")
series_bytes=$(cat "$work/rec/live/series/"* | wc -c)
zst_bytes=$(cat "$work/rec/live/series/"* | zstd -q -3 -c | wc -c)
# Segments are compressed one file per source: measure that too.
seg_bytes=0
for f in "$work/rec/live/series/"*; do
	seg_bytes=$((seg_bytes + $(zstd -q -3 -c "$f" | wc -c)))
done
kmsg_bytes=$(wc -c <"$work/rec/dmesg.live" 2>/dev/null || echo 0)
set -- /proc/[0-9]*
procs=$#

awk -v c="$(cat "$work/collector.time")" -v short="$(cat "$work/short.time")" -v nshort="$short_samples" -v s="$(cat "$work/sadc.time")" -v x="$(cat "$work/sadcx.time")" \
	-v n="$samples" -v ns="$SAMPLES" -v raw="$series_bytes" -v zst="$zst_bytes" -v seg="$seg_bytes" \
	-v kmsg="$kmsg_bytes" -v procs="$procs" -v interval="$INTERVAL" 'BEGIN {
	split(c, C, " "); split(s, S, " "); split(x, X, " ")
	cms = (C[1] + C[2]) * 1000 / n; sms = (S[1] + S[2]) * 1000 / ns; xms = (X[1] + X[2]) * 1000 / ns
	printf "machine: %d processes; %d collector samples, %d sadc samples, interval %d s\n", procs, n, ns, interval
	split(short, T, " "); mms = (C[1] + C[2] - T[1] - T[2]) * 1000 / (n - nshort)
	printf "collector CPU per sample: %.2f ms (user %.2f s, sys %.2f s in total)\n", cms, C[1], C[2]
	printf "collector CPU per sample without start-up and stop: %.2f ms (a %d-sample run took %.2f s) -> ratio %.1fx sadc, %.1fx sadc -S XALL\n", mms, nshort, T[1] + T[2], mms / sms, mms / xms
	printf "sadc (default activities) CPU per sample: %.3f ms -> ratio %.1fx\n", sms, (sms > 0 ? cms / sms : 0)
	printf "sadc -S XALL CPU per sample: %.3f ms -> ratio %.1fx\n", xms, (xms > 0 ? cms / xms : 0)
	printf "peak RSS: collector %.1f MB, sadc %.1f MB, sadc -S XALL %.1f MB\n", C[3] / 1024, S[3] / 1024, X[3] / 1024
	printf "bytes per sample: %.0f raw, %.0f zstd -3 (whole run), %.0f zstd -3 (per file, as rotated)\n", raw / n, zst / n, seg / n
	printf "per day at 10 s (8640 samples): %.1f MB raw, %.1f MB compressed (per file: %.1f MB)\n", raw / n * 8640 / 1e6, zst / n * 8640 / 1e6, seg / n * 8640 / 1e6
	printf "kernel messages followed (one-time ring buffer copy + new ones): %d bytes\n", kmsg
}'
