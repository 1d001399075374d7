#!/usr/bin/env python3
"""os.stat() N distinct nonexistent names in DIR: each failed lookup leaves a negative dentry.

usage: negative-dentries.py DIR N   (the approach of ../shared/fixtures/real/scripts/dentry.py)
Prints "stat N" every 250,000 names and "done N" at the end, flushed.
"""
import os
import sys

d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    try:
        os.stat(f"{d}/nx_{i:08d}")
    except FileNotFoundError:
        pass
    if (i + 1) % 250000 == 0:
        print(f"stat {i + 1}", flush=True)
print(f"done {n}", flush=True)
