#!/usr/bin/env python3
"""tests/web/rollup.py BASE DB -- /api/trend and /api/dyads, which read the
store's roll-up when it serves the request, against the same aggregates
computed here from the events table itself (the quad class and Goldstein
score each event row holds).  Counts and shares must be equal; a Goldstein
sum may differ from the events' floating-point one by rounding only, and a
mean in its last printed digit at an exact tie.  Prints one FAIL line per
difference and "N passed, N failed"."""
import json
import sqlite3
import sys
import urllib.parse
import urllib.request

base, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
passed = failed = 0


def fail(msg):
    global failed
    failed += 1
    print("FAIL " + msg)


def api(path, params):
    url = base + path + "?" + urllib.parse.urlencode(params)
    return json.loads(urllib.request.urlopen(url, timeout=30).read())


def where(p):
    """The events of a request's filters, as SQL (values bound)."""
    sql, args = ["date IS NOT NULL"], []
    if p.get("copies") != "1":
        sql.append("copy = 0")
    if p.get("unique") == "1":
        sql.append("first_of_day = 1")

    def pre(col, v):
        args.append(v)
        return "substr(coalesce(%s, ''), 1, %d) = ?" % (col, len(v))
    if "actor" in p:
        a = p["actor"]
        sql.append("(" + pre("source", a) + " OR " + pre("target", a) + ")")
    if "source" in p or "target" in p:
        s, t = p.get("source"), p.get("target")
        one = " AND ".join([pre("source", s)] if s else ["1"]) + " AND " + (pre("target", t) if t else "1")
        if p.get("both") == "1":
            two = (pre("source", t) if t else "1") + " AND " + (pre("target", s) if s else "1")
            sql.append("((%s) OR (%s))" % (one, two))
        else:
            sql.append("(%s)" % one)
    for key, col in (("quad", "quad"), ("root", "root"), ("code", "code")):
        if key in p:
            sql.append(col + " = ?")
            args.append(p[key])
    if "country" in p:
        sql.append("(place_country = ? OR place_country2 = ?)")
        args += [p["country"], p["country"]]
    if "from" in p:
        sql.append("date >= ?")
        args.append(int(p["from"].replace("-", "")))
    if "to" in p:
        sql.append("date <= ?")
        args.append(int(p["to"].replace("-", "")))
    return " AND ".join(sql), args


DIV = {"day": 1, "month": 100, "year": 10000}


def label(period, p):
    if period == "day":
        return "%04d-%02d-%02d" % (p // 10000, p // 100 % 100, p % 100)
    return "%04d-%02d" % (p // 100, p % 100) if period == "month" else "%04d" % p


def check_trend(p):
    global passed
    period = p.get("period", "month")
    w, args = where(p)
    rows = con.execute("SELECT date / ?, quad, count(*), total(goldstein), count(goldstein) FROM events WHERE %s"
                       " GROUP BY 1, 2" % w, [DIV[period]] + args).fetchall()
    want = {}
    for per, quad, n, g, scored in rows:
        x = want.setdefault(per, [0, [0] * 5, 0.0, 0])
        x[0] += n
        x[1][quad or 0] += n
        x[2] += g
        x[3] += scored
    got = api("/api/trend", p)["periods"]
    name = "trend %s" % urllib.parse.urlencode(p)
    have = {x["period"]: x for x in got}
    if not want:
        if got:
            fail(name + ": periods without events")
        else:
            passed += 1
        return
    missing = [per for per in want if label(period, per) not in have]
    if missing:
        fail(name + ": no period %s" % label(period, missing[0]))
        return
    if got[0]["period"] != label(period, min(want)) or got[-1]["period"] != label(period, max(want)):
        fail(name + ": periods %s..%s" % (got[0]["period"], got[-1]["period"]))
        return
    for x in got:
        per = [k for k in want if label(period, k) == x["period"]]
        n, quads, g, scored = want[per[0]] if per else (0, [0] * 5, 0.0, 0)
        classed = sum(quads[1:])
        share = None if not classed else round((quads[3] + quads[4]) / classed, 4)
        mean = None if not scored else g / scored
        ok = (x["events"] == n and x["quads"] == quads[1:] and abs(x["goldstein_sum"] - g) < 0.051 and
              (x["conflict_share"] is None) == (share is None) and
              (share is None or abs(x["conflict_share"] - share) < 0.00006) and
              (x["goldstein_mean"] is None) == (mean is None) and
              (mean is None or abs(x["goldstein_mean"] - mean) < 0.00051))
        if not ok:
            fail("%s: period %s: %s, the events give events %d quads %s sum %.2f mean %s share %s" %
                 (name, x["period"], json.dumps(x), n, quads[1:], g, mean, share))
            return
    passed += 1


def check_dyads(p):
    global passed
    period = p.get("period", "month")
    top, min_events = int(p.get("top", 20)), int(p.get("min_events", 5))
    w, args = where(p)
    got = api("/api/dyads", p)["by_conflict_change"]
    name = "dyads %s" % urllib.parse.urlencode(p)
    last = con.execute("SELECT max(date) FROM events WHERE %s" % w, args).fetchone()[0]
    if not last:
        if got["dyads"]:
            fail(name + ": dyads without events")
        else:
            passed += 1
        return
    div = DIV[period]
    p1 = last // div
    p0 = {"day": None, "month": p1 - 1 if p1 % 100 > 1 else (p1 // 100 - 1) * 100 + 12, "year": p1 - 1}[period]
    if period == "day":
        p0 = int(con.execute("SELECT strftime('%Y%m%d', date(?, '-1 day'))",
                             ["%04d-%02d-%02d" % (p1 // 10000, p1 // 100 % 100, p1 % 100)]).fetchone()[0])
    rows = con.execute("SELECT coalesce(source, ''), coalesce(target, ''), date / ?, count(*), sum(quad IN (3, 4))"
                       " FROM events WHERE %s AND date / ? IN (?, ?) GROUP BY 1, 2, 3" % w,
                       [div] + args + [div, p0, p1]).fetchall()
    per = {}
    for s, t, pp, n, c in rows:
        x = per.setdefault((s, t), [0, 0, 0, 0])
        k = 0 if pp == p0 else 2
        x[k] += n
        x[k + 1] += c
    want = []
    for (s, t), (n0, c0, n1, c1) in per.items():
        if n0 >= min_events and n1 >= min_events:
            want.append((-(c1 / n1 - c0 / n0), s, t, n0, n1))
    want.sort()
    want = want[:top]
    have = [(-x["change"], x["source"] or "", x["target"] or "", x["events_previous"], x["events"])
            for x in got["dyads"]]
    if len(have) != len(want) or any(a[1:] != b[1:] or abs(a[0] - b[0]) > 0.00006 for a, b in zip(have, want)):
        fail("%s: %s, the events give %s" % (name, have[:5], want[:5]))
        return
    passed += 1


for p in json.loads(sys.argv[3]) if len(sys.argv) > 3 else []:
    (check_dyads if p.pop("_", "trend") == "dyads" else check_trend)(p)
print("%d passed, %d failed" % (passed, failed))
