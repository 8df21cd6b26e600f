#!/usr/bin/env python3
"""Turns json/*.json (written by run.sh) into grid.md: one row per framework replay, one column per
server x situation; a cell is SAFE with its bound, or UNSAFE with the anomalies and rounds hit."""
import glob, json, math, os, subprocess

here = os.path.dirname(os.path.abspath(__file__))
runs = {}
servers = {}
for f in sorted(glob.glob(os.path.join(here, "json", "*.json"))):
    d = json.load(open(f))
    d = d[0] if isinstance(d, list) else d
    db = os.path.basename(f).split("-")[0]
    mode = "outer-tx" if d["config"]["outerTx"] else "autocommit"
    runs[(d["config"]["strategy"], db, mode)] = d
    servers[db] = d["target"].get("product", db) + " " + d["target"].get("version", "")

def cell(d):
    if d is None:
        return "not run"
    r = d["race"]
    n, hit = r["rounds"], r["roundsWithAnomaly"]
    if d["verdict"] == "SAFE":
        return "SAFE (0/%d rounds, < %.1f %%)" % (n, 100 * (1 - 0.05 ** (1 / n)))
    bad = ", ".join("%s %d" % (k, v) for k, v in d["outcomes"].items() if k not in ("CREATED", "FOUND") and v)
    return "**%s** %d/%d rounds: %s" % (d["verdict"], hit, n, bad)

ids = []
for (s, _, _) in runs:
    if s not in ids:
        ids.append(s)
cols = [(db, m) for db in ("postgres", "mariadb") for m in ("autocommit", "outer-tx")]
out = ["| replay | " + " | ".join("%s %s" % (db, m) for db, m in cols) + " |",
       "|---|" + "---|" * len(cols)]
for s in ids:
    out.append("| `%s` | " % s + " | ".join(cell(runs.get((s, db, m))) for db, m in cols) + " |")
out.append("")
out.append("Servers: " + "; ".join("%s = %s (embedded)" % kv for kv in servers.items())
           + ". 8 threads released together on a fresh key per round; outer-tx = the caller's transaction at"
           " the server's default isolation (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ) has read the"
           " key first and commits after the call. SAFE bound: 95 % upper bound on the per-round anomaly rate.")
open(os.path.join(here, "grid.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out))
