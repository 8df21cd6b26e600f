#!/usr/bin/env python3
"""Turns json/*.json (written by run.sh) into grid.md: one row per JVM framework strategy, one column
per server x situation; a cell is SAFE with its bound, or UNSAFE with the anomalies and rounds hit."""
import glob, json, os

here = os.path.dirname(os.path.abspath(__file__))
runs, servers, described = {}, {}, {}
for f in sorted(glob.glob(os.path.join(here, "json", "*.json"))):
    d = json.load(open(f))["runs"][0]
    db = os.path.basename(f).split("-")[0]
    mode = "outer-tx" if d["config"]["outerTx"] else "autocommit"
    sid = d["config"]["strategy"]
    runs[(sid, db, mode)] = d
    described[sid] = d["config"].get("strategyDescription", "")
    servers[db] = d["target"].get("product", db) + " " + d["target"].get("version", "")

def cell(d, s="", db=""):
    if d is None:
        if "merge" in s and db == "mariadb":
            return "refused: jOOQ sends `merge into`, MariaDB has no MERGE"
        return "not run"
    r = d["race"]
    n, hit = r["rounds"], r["roundsWithAnomaly"]
    if d["verdict"] == "SAFE":
        return "SAFE (0/%d rounds, < %.1f %%)" % (n, 100 * (1 - 0.05 ** (1 / n)))
    bad = ", ".join("%s %d" % (k, v) for k, v in d["outcomes"].items() if k not in ("CREATED", "FOUND") and v)
    return "**%s** %d/%d rounds: %s" % (d["verdict"], hit, n, bad)

cols = [(db, m) for db in ("postgres", "mariadb") for m in ("autocommit", "outer-tx")]
out = ["| strategy | " + " | ".join("%s %s" % c for c in cols) + " |", "|---|" + "---|" * len(cols)]
for s in described:
    out.append("| `%s` | " % s + " | ".join(cell(runs.get((s, db, m)), s, db) for db, m in cols) + " |")
out.append("")
out.append("What each runs (`config.strategyDescription`):")
out.append("")
for s, text in described.items():
    out.append("- `%s`: %s" % (s, text))
out.append("")
out.append("Servers: " + "; ".join("%s = %s (embedded)" % kv for kv in servers.items())
           + ". 8 threads released together on a fresh key per round, no retries; outer-tx = the caller's"
           " transaction at the server's default isolation (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ)"
           " has read the key first and commits after the call. SAFE bound: 95 % upper bound on the per-round"
           " anomaly rate.")
open(os.path.join(here, "grid.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out))
