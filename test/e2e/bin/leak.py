#!/usr/bin/env python3
"""Grows its heap at a known rate, paced on the wall clock, so the test knows the true leak rate.

usage: leak.py RATE_MIB_PER_S [--initial MIB] [--hold-at MIB] [--adj VALUE]
  --initial MIB  allocate this much at once before the paced growth (a bystander's working set)
  --hold-at MIB  stop growing once this much is allocated and sleep (default: grow until killed)
  --adj VALUE    write VALUE to /proc/self/oom_score_adj first (only raising works without CAP_SYS_RESOURCE)
Each 1 MiB bytearray is zero-filled by memset, so its pages are resident at once. Prints
"ready", "grew N MiB" lines and "holding N MiB" to stdout, flushed, for the test to follow.
"""
import argparse
import time

parser = argparse.ArgumentParser()
parser.add_argument("rate", type=float)
parser.add_argument("--initial", type=int, default=0)
parser.add_argument("--hold-at", type=int, default=0)
parser.add_argument("--adj", type=int)
args = parser.parse_args()

if args.adj is not None:
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write(str(args.adj))
hold = [bytearray(1 << 20) for _ in range(args.initial)]
print(f"ready {len(hold)} MiB", flush=True)
start = time.monotonic()
grown = 0
while args.rate > 0 and (args.hold_at == 0 or len(hold) < args.hold_at):
    # The n-th MiB is due at start + n / rate: sleep drift never changes the average rate.
    delay = start + grown / args.rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    hold.append(bytearray(1 << 20))
    grown += 1
    if grown % 8 == 0:
        print(f"grew {grown} MiB", flush=True)
print(f"holding {len(hold)} MiB", flush=True)
while True:
    time.sleep(3600)
