#!/usr/bin/env python3
"""Turns results/frameworks/latest/results.json (written by run.sh: goc compare --frameworks --quick)
into grid.md: one row per framework replay, per server the verdict of the 8-thread race in autocommit
and inside an outer transaction (rounds, anomalous rounds, the 95 % bound or the anomalies) and the
goodput of the steady run at 8 threads on hotset:1000 (1000 keys, most calls find)."""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "latest", "results.json")
doc = json.load(open(src))
runs = doc["runs"] if isinstance(doc, dict) else doc
prov = doc.get("provenance", {}) if isinstance(doc, dict) else {}
folder = os.path.basename(os.path.dirname(os.path.realpath(src)))

DBS = ("postgres", "mariadb")
races, steady, servers, ids = {}, {}, {}, []
for r in runs:
    db = r["target"]["family"].lower()
    s, c = r["config"]["strategy"], r["config"]
    servers[db] = "%s %s" % (r["target"].get("product", db), r["target"].get("version", ""))
    if s not in ids:
        ids.append(s)
    if r.get("race"):
        if c["threads"] == 8 and c.get("unique", True) and not c.get("sideEffect"):
            races[(s, db, "outer-tx" if c.get("outerTx") else "autocommit")] = r
    elif c["threads"] == 8 and not c.get("churn"):
        steady[(s, db, c["keys"])] = r

def pct(x):
    return ("%.1f" % (100 * x)).rstrip("0").rstrip(".")

def verdict(r):
    if r is None:
        return "-"
    e = r["evidence"]
    n, k = e["trials"], e["anomalous"]
    if r["verdict"] == "SAFE":
        return "SAFE 0/%d rounds (< %s %%)" % (n, pct(e["upperBound95"]))
    bad = ", ".join("%s %d" % (o, v) for o, v in r["outcomes"].items() if o not in ("CREATED", "FOUND") and v)
    inv = ", ".join("%s %d" % (i, v) for i, v in (r.get("invariants") or {}).items() if v)
    return "**%s** %d/%d rounds: %s" % (r["verdict"], k, n, "; ".join(x for x in (bad, inv) if x))

def goodput(s, db):
    r = steady.get((s, db, "hotset:1000"))
    return "-" if r is None else "%d" % round(r["totals"].get("goodputPerSecond") or 0)

cols = []
for db in DBS:
    cols += ["%s autocommit" % db, "%s outer-tx" % db, "%s goodput/s (hotset:1000)" % db]
out = ["| replay | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
for s in ids:
    cells = []
    for db in DBS:
        if not any(k[0] == s and k[1] == db for k in races):
            cells += ["not offered"] * 3
            continue
        cells += [verdict(races.get((s, db, "autocommit"))), verdict(races.get((s, db, "outer-tx"))), goodput(s, db)]
    out.append("| `%s` | " % s + " | ".join(cells) + " |")
out += ["",
        "From `results/frameworks/%s/results.json`: `goc %s` (revision %s; %s to %s UTC; load average %s before,"
        " %s after, %s cores). Servers: %s, embedded." % (
            folder, " ".join(prov.get("arguments", [])), prov.get("revision"), prov.get("started", "")[:19],
            prov.get("finished", "")[11:19], prov.get("host", {}).get("loadBefore"),
            prov.get("host", {}).get("loadAfter"), prov.get("host", {}).get("cores"),
            "; ".join("%s = %s" % kv for kv in servers.items())),
        "Race cells: 8 threads released together on a fresh key per round; outer-tx = the caller's transaction at"
        " the server's default isolation (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ) has read the key"
        " first and commits after the call. SAFE: no anomalous round, with the 95 % upper bound on the per-round"
        " anomaly rate. goodput/s: successful calls per second of the steady run at 8 threads on hotset:1000"
        " (1000 keys: most calls find the row; failed calls do not count)."]
open(os.path.join(here, "grid.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out))
