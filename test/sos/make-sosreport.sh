#!/bin/sh
# Makes a real sosreport of this machine for test/sos/real-sosreport.test.ts and prints the
# tarball's path on its last line. Usage: make-sosreport.sh <dir>
# sos 4.0 has no --low-priority: nice and ionice keep it out of the way of other work.
# Only the plugins memtrail reads (2 min on a loaded 2-vCPU machine, ~1 min of it plugins).
set -eu
dir=${1:?usage: make-sosreport.sh <dir>}
mkdir -p "$dir"
nice -n 19 ionice -c 3 sos report --batch --tmp-dir "$dir" -o memory,kernel,process,sysvipc,filesys,logs >"$dir/sos-stdout.txt" 2>&1 ||
  { cat "$dir/sos-stdout.txt" >&2; exit 1; }
# sos prints the archive's path on the line after "saved in:".
tarball=$(sed -n '/saved in:/{n;s/^[[:space:]]*//;p;}' "$dir/sos-stdout.txt")
[ -f "$tarball" ] || { echo "no archive named in sos output:" >&2; cat "$dir/sos-stdout.txt" >&2; exit 1; }
echo "$tarball"
