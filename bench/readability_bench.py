#!/usr/bin/env python3
"""readability_bench.py FILE.html[.gz]... -- the same measurement as
bench_html for Debian's python3-readability (readability-lxml): pages are
decompressed and decoded before the clock starts, then each is parsed and
its main text extracted (Document.summary()).  Prints MB of HTML per
second on one core (run it under taskset -c 0)."""
import gzip, sys, time

try:
    from readability import Document
except ImportError:
    print("readability: python3-readability is not installed (apt-get install python3-readability)")
    sys.exit(0)

import logging
logging.disable(logging.CRITICAL)

pages = []
for path in sys.argv[1:]:
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    pages.append(raw)
total = sum(len(p) for p in pages)
t0 = time.process_time()
done = 0
for raw in pages:
    try:
        Document(raw).summary()
        done += 1
    except Exception:
        pass
t = time.process_time() - t0
print("readability: pages=%d extracted=%d html_mb=%.2f seconds=%.3f mb_per_s=%.2f"
      % (len(pages), done, total / 1e6, t, total / 1e6 / t))
