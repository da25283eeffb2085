#!/usr/bin/env python3
"""probes.py DYAD PROBES [--min-root N] [--min-exact N] [--verbose]

Codes each sentence of a verb-probe file (tests/gold/verb-probes.tsv) as a
document of its own and counts the sentences coded right: an event whose
source and target start with the expected prefixes and whose code has the
expected root (and, counted apart, the exact code); a "!NN" line is right
when no event of root NN comes out.  Prints one line, "verb probes: ...",
and exits 1 when a count is below its floor."""
import argparse
import json
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("probes")
    ap.add_argument("--min-root", type=int, default=0)
    ap.add_argument("--min-exact", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    probes = []
    with open(a.probes, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            code, src, tgt, text = line.split("\t")
            probes.append((code, src, tgt, text))
    docs = "".join(json.dumps({"id": "p%d" % i, "date": "2024-05-10", "text": t}) + "\n"
                   for i, (_, _, _, t) in enumerate(probes))
    run = subprocess.run([a.dyad, "code", "-q", "--input", "jsonl", "--output", "jsonl", "-"],
                         input=docs, capture_output=True, text=True)
    if run.returncode != 0:
        print("verb probes: dyad failed: " + run.stderr.strip()[:200])
        return 1
    events = {}
    for line in run.stdout.splitlines():
        e = json.loads(line)
        events.setdefault(e["doc"], []).append(e)
    root_ok = exact_ok = 0
    for i, (code, src, tgt, text) in enumerate(probes):
        es = events.get("p%d" % i, [])
        if code.startswith("!"):
            r = x = not any(e["root"] == code[1:3] for e in es)
        else:
            def fits(e):
                return ((src == "-" or (e["source"] or "").startswith(src)) and
                        (tgt == "-" or (e["target"] or "").startswith(tgt)))
            r = any(fits(e) and e["root"] == code[:2] for e in es)
            x = any(fits(e) and e["code"] == code for e in es)
        root_ok += r
        exact_ok += x
        if a.verbose and not r:
            got = "; ".join("%s %s %s" % (e["source"], e["code"], e["target"]) for e in es) or "none"
            print("  miss %s %s %s: %s -> %s" % (code, src, tgt, text, got))
    print("verb probes: %d sentences, right at root level %d, exactly %d" % (len(probes), root_ok, exact_ok))
    return 0 if root_ok >= a.min_root and exact_ok >= a.min_exact else 1


if __name__ == "__main__":
    sys.exit(main())
