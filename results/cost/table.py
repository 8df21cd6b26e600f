#!/usr/bin/env python3
"""Prints the README's cost table from results/cost/*.json (per successful call, as measured)."""
import json, pathlib, sys

here = pathlib.Path(__file__).parent
COLS = [("stmts", "statements"), ("round trips", "round_trips"), ("WAL/redo B", "wal_bytes|redo_bytes"),
        ("xids", "xids"), ("dead tuples made", "dead_tuples_made"), ("ids used", "ids_consumed"),
        ("ids burned", "ids_burned")]


def fig(cost, names):
    for n in names.split("|"):
        for f in cost["figures"]:
            if f["name"] == n:
                if f["perCall"] is None:
                    return "n/a"
                v = f["perCall"]
                return "%.0f" % v if abs(v) >= 100 else ("%.2f" % v if abs(v) >= 0.995 else ("0" if v == 0 else "%.3f" % v))
    return "–"


def main():
    files = sys.argv[1:] or [str(p) for p in sorted(here.glob("*.json"))]
    print("| server | workload | strategy | calls | " + " | ".join(c for c, _ in COLS) + " |")
    print("|---|---|---|--:|" + "--:|" * len(COLS))
    for f in files:
        doc = json.loads(pathlib.Path(f).read_text())
        workload = pathlib.Path(f).stem.split("-", 1)[1]
        for r in doc["runs"]:
            c = r.get("cost")
            if not c:
                continue
            t = r["target"]
            server = "%s %s" % (t["product"], t["version"].split("-")[0])
            approx = "≈ " if c["approximate"] else ""
            print("| %s | %s | `%s` | %s%d | %s |" % (server, workload, r["config"]["strategy"], approx,
                                                     c["successfulCalls"], " | ".join(fig(c, n) for _, n in COLS)))


main()
