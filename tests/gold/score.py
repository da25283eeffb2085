#!/usr/bin/env python3
"""Scores dyad's events against the gold keys in this folder.

    score.py items GOLD.jsonl EVENTS.jsonl [--min-precision P] [--min-recall R] [-v]
    score.py seed  SEED.json  EVENTS.jsonl [--min-required N] [-v]

The rules are those of tests/gold/README.md ("Scoring builtin.jsonl" and
"Scoring the seed article"); this script is their only implementation, so
the figures in the README and in the closing notes come from here.
Exit status: 0 when the floors (items) or the seed's requirements hold,
1 when not, 2 on bad input.  For the seed, --min-required sets how many
required events must be found (default: all); a forbidden event always
fails.
"""
import itertools
import json
import sys


def load_events(path):
    """System events by document id, after the README's step 2."""
    by_doc, dropped = {}, 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                e = json.loads(line)
            except json.JSONDecodeError as err:
                sys.exit(f"score: {path}:{n}: not JSON: {err}")
            if e.get("negated"):
                continue
            if not e.get("source") or not e.get("target"):
                dropped += 1
                continue
            triples = by_doc.setdefault(e["doc"], [])
            t = (e["source"], e["target"], e["code"])
            if t not in triples:
                triples.append(t)
    return by_doc, dropped


def actor_ok(system, gold):
    return any(system.startswith(a) for a in gold.split("|") if a)


def matches(s, g, symmetric=False, strict=False):
    codes = {g["code"]} | (set() if strict else set(g.get("alt_codes", [])))
    if s[2] not in codes:
        return False
    agree = (lambda a, b: a in b.split("|")) if strict else actor_ok
    if agree(s[0], g["source"]) and agree(s[1], g["target"]):
        return True
    return symmetric and agree(s[1], g["source"]) and agree(s[0], g["target"])


def best_pairing(system, gold, **kw):
    """A maximum one-to-one matching: items hold at most a few gold events,
    so trying every assignment is cheap.  Returns {gold index: system index}."""
    best = {}
    ns, ng = len(system), len(gold)
    if ng > 6 or ns > 8:  # a greedy pairing for unusually large items
        used = set()
        for gi, g in enumerate(gold):
            for si, s in enumerate(system):
                if si not in used and matches(s, g, **kw):
                    best[gi] = si
                    used.add(si)
                    break
        return best
    slots = list(range(ns)) + [None] * ng
    for perm in itertools.permutations(slots, ng):
        pairing = {gi: si for gi, si in enumerate(perm)
                   if si is not None and matches(system[si], gold[gi], **kw)}
        if len(pairing) > len(best):
            best = pairing
            if len(best) == ng:
                break
    return best


def score_items(gold_path, events_path, args):
    events, dropped = load_events(events_path)
    tp = fp = fn = 0
    per_root = {}
    failing = []
    strict_tp = strict_fp = strict_fn = 0
    r00_fp = 0
    with open(gold_path, encoding="utf-8") as f:
        items = [json.loads(l) for l in f if l.strip()]
    for item in items:
        system = events.get(item["id"], [])
        gold = item["events"]
        pairing = best_pairing(system, gold)
        paired_system = set(pairing.values())
        i_tp = sum(1 for gi in pairing if not gold[gi].get("optional"))
        i_fn = sum(1 for gi, g in enumerate(gold) if gi not in pairing and not g.get("optional"))
        i_fp = sum(1 for si in range(len(system)) if si not in paired_system)
        tp, fn, fp = tp + i_tp, fn + i_fn, fp + i_fp
        if item["root"] == "00":
            r00_fp += i_fp
        r = per_root.setdefault(item["root"], [0, 0, 0])
        r[0] += i_tp; r[1] += i_fp; r[2] += i_fn
        sp = best_pairing(system, gold, strict=True)
        strict_tp += sum(1 for gi in sp if not gold[gi].get("optional"))
        strict_fn += sum(1 for gi, g in enumerate(gold) if gi not in sp and not g.get("optional"))
        strict_fp += sum(1 for si in range(len(system)) if si not in set(sp.values()))
        if i_fn or i_fp:
            failing.append((item, system))

    def ratio(a, b):
        return a / b if b else 1.0

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if args.get("verbose"):
        for item, system in failing:
            want = " ".join(f"{g['source']}>{g['target']}:{g['code']}" for g in item["events"]) or "-"
            got = " ".join(f"{s}>{t}:{c}" for s, t, c in system) or "-"
            print(f"  {item['id']}: want {want}  got {got}\n      {item['text']}")
        print("  root   TP  FP  FN  precision recall")
        for root in sorted(per_root):
            t, p, n = per_root[root]
            print(f"  {root}   {t:3d} {p:3d} {n:3d}  {ratio(t, t + p):.3f}    {ratio(t, t + n):.3f}")
    print(f"gold: {len(items)} items, TP {tp} FP {fp} FN {fn} (FP on no-event items {r00_fp}, "
          f"events without source or target dropped {dropped}): precision {precision:.3f} recall {recall:.3f}; "
          f"strict precision {ratio(strict_tp, strict_tp + strict_fp):.3f} recall {ratio(strict_tp, strict_tp + strict_fn):.3f}")
    ok = precision >= args.get("min_precision", 0) and recall >= args.get("min_recall", 0)
    if not ok:
        print(f"gold: below the floor (precision >= {args.get('min_precision', 0)}, recall >= {args.get('min_recall', 0)})")
    return 0 if ok else 1


def score_seed(seed_path, events_path, args):
    events, _ = load_events(events_path)
    system = [t for triples in events.values() for t in triples]
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    failures = []
    for g in seed["required"]:
        if not any(matches(s, g, symmetric=g.get("symmetric", False)) for s in system):
            failures.append(f"required event missing: {g['id']} ({g['source']}>{g['target']}:{g['code']})")
    for rule in seed["forbidden"]:
        for s in system:
            if rule["rule"] == "root" and s[2][:2] in rule["roots"]:
                failures.append(f"forbidden event {s[0]}>{s[1]}:{s[2]}: {rule['why']}")
            if rule["rule"] == "source_prefix" and any(s[0].startswith(p) for p in rule["prefixes"]):
                failures.append(f"forbidden event {s[0]}>{s[1]}:{s[2]}: {rule['why']}")
    unexpected = []
    for rule in seed["unexpected"]:
        for s in system:
            hit = ((rule["rule"] == "code" and s[2] in rule["codes"]) or
                   (rule["rule"] == "root" and s[2][:2] in rule["roots"]) or
                   (rule["rule"] == "target_prefix" and any(s[1].startswith(p) for p in rule["prefixes"])))
            if hit:
                unexpected.append(f"{s[0]}>{s[1]}:{s[2]}")
    credited = [s for s in system
                if any(matches(s, g, symmetric=g.get("symmetric", False)) for g in seed["required"])
                or any(matches(s, g) for g in seed["acceptable"])]
    found = len(seed["required"]) - sum(1 for f in failures if f.startswith("required"))
    print(f"seed: {found}/{len(seed['required'])} required events, {len(system)} events in all "
          f"({len(credited)} required or acceptable, {len(set(unexpected))} unexpected), "
          f"{sum(1 for f in failures if f.startswith('forbidden'))} forbidden")
    forbidden = [f for f in failures if f.startswith("forbidden")]
    ok = not forbidden and found >= args.get("min_required", len(seed["required"]))
    if args.get("verbose") or not ok:
        for s in system:
            print(f"  event {s[0]}>{s[1]}:{s[2]}")
        for f in failures:
            print(f"  {f}")
        for u in sorted(set(unexpected)):
            print(f"  unexpected: {u}")
    return 0 if ok else 1


def main(argv):
    if len(argv) < 4 or argv[1] not in ("items", "seed"):
        print(__doc__, file=sys.stderr)
        return 2
    args = {"verbose": "-v" in argv}
    for flag, key in (("--min-precision", "min_precision"), ("--min-recall", "min_recall"),
                      ("--min-required", "min_required")):
        if flag in argv:
            args[key] = float(argv[argv.index(flag) + 1])
    if argv[1] == "items":
        return score_items(argv[2], argv[3], args)
    return score_seed(argv[2], argv[3], args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
