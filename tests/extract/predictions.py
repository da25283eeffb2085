#!/usr/bin/env python3
"""predictions.py EXTRACT.jsonl > PREDICTIONS.json

Turns `dyad extract --json` output over the pages of an article-extraction
benchmark into the benchmark's predictions file: each page's key (its file
name without .html.gz) maps to {"articleBody": ...}, the document text
without the headline that opens it (the benchmark's bodies have none).

With --worst N GROUND_TRUTH.json it lists the N pages of lowest F1 instead
(for looking at failures, never for tuning to single pages)."""
import json, re, sys
from collections import Counter


def body(doc):
    text, title = doc.get("text") or "", doc.get("title") or ""
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    return text


def main():
    docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    pred = {}
    for d in docs:
        key = re.sub(r"\.html?(\.gz)?$", "", d["id"])
        pred[key] = {"articleBody": body(d)}
    if len(sys.argv) > 3 and sys.argv[2] == "--worst":
        n, gt = int(sys.argv[3]), json.load(open(sys.argv[4], encoding="utf-8"))
        word = re.compile(r"\w+")
        def sh(t):
            w = word.findall(t)
            return Counter(tuple(w[i:i + 4]) for i in range(max(1, len(w) - 3)))
        rows = []
        for k, g in gt.items():
            a, b = sh(g["articleBody"]), sh(pred.get(k, {}).get("articleBody", ""))
            tp = sum((a & b).values())
            p = tp / max(1, sum(b.values())); r = tp / max(1, sum(a.values()))
            rows.append((2 * p * r / (p + r) if p + r else 0, p, r, k))
        for f, p, r, k in sorted(rows)[:n]:
            print("%.3f P %.3f R %.3f %s" % (f, p, r, k))
        return
    json.dump(pred, sys.stdout, ensure_ascii=False)


main()
