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

# the PostgreSQL REPEATABLE READ outer-transaction column: the newest <timestamp>-pg-rr/ folder of run-pg-rr.sh
rr_dirs = sorted(d for d in os.listdir(here) if d.endswith("-pg-rr") and os.path.isdir(os.path.join(here, d)))
rr_folder = rr_dirs[-1] if rr_dirs else None
if rr_folder:
    for f in sorted(os.listdir(os.path.join(here, rr_folder))):
        if f.endswith(".json"):
            for r in json.load(open(os.path.join(here, rr_folder, f)))["runs"]:
                races[(r["config"]["strategy"], "postgres", "outer-tx-rr")] = r

GH = "https://github.com/%s/%s/%d"
DJ = "https://code.djangoproject.com/ticket/%d"
def gh(repo, n, kind="issues", label=None):
    return "[%s#%d](%s)" % (label or repo.split("/")[1], n, GH % (repo, kind, n))
def dj(n):
    return "[django#%d](%s)" % (n, DJ % n)
# the upstream threads each row reproduces (or, where README.md says so, does not), from
# ../shared/reviews/frameworks-and-peers.md; README.md "Why each UNSAFE cell happens" and "Not reproduced" explain them
UPSTREAM = {
    "django": dj(30199) + ", " + dj(13906),
    "django-update-or-create": dj(28704),
    "rails-7.0": gh("rails/rails", 35543) + " (fixed by " + gh("rails/rails", 45720, "pull") + ")",
    "rails-7.1": gh("rails/rails", 48035) + " (fixed by " + gh("rails/rails", 48053, "pull") + "), "
                 + gh("rails/rails", 54281),
    "rails-main": gh("rails/rails", 58733, "pull") + " (fixes " + gh("rails/rails", 54281) + ")",
    "rails-create-or-find-by": gh("rails/rails", 39691) + ", " + gh("rails/rails", 54281),
    "laravel": gh("laravel/framework", 48144, "pull", "laravel") + " (the savepoint; the MariaDB re-read: as "
               + gh("rails/rails", 48035) + ")",
    "laravel-create-or-first": gh("laravel/framework", 47973, "pull", "laravel"),
    "laravel-10.20": gh("laravel/framework", 48143, label="laravel"),
    "laravel-10.19": gh("laravel/framework", 19372, label="laravel"),
    "sequelize": gh("sequelize/sequelize", 4333) + " (not reproduced), " + gh("sequelize/sequelize", 3931),
    "prisma-upsert": gh("prisma/prisma", 3242) + ", " + gh("prisma/prisma", 14868),
    "prisma-upsert-native": gh("prisma/prisma", 9972),
    "typeorm-save": gh("typeorm/typeorm", 2188) + ", " + gh("typeorm/typeorm", 4122),
    "typeorm-upsert": "none in the review",
    "typeorm-or-ignore": "none in the review",
    "ecto-on-conflict-nothing": gh("elixir-ecto/ecto", 3910) + " (not reproduced)",
}

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
    cols += ["%s autocommit" % db, "%s outer-tx" % db]
    if db == "postgres" and rr_folder:
        cols += ["postgres outer-tx RR"]
    cols += ["%s goodput/s (hotset:1000)" % db]
cols += ["upstream thread"]
out = ["| replay | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
for s in ids:
    cells = []
    for db in DBS:
        rr = db == "postgres" and rr_folder
        if not any(k[0] == s and k[1] == db for k in races):
            cells += ["not offered"] * (4 if rr else 3)
            continue
        cells += [verdict(races.get((s, db, "autocommit"))), verdict(races.get((s, db, "outer-tx")))]
        if rr:
            cells += [verdict(races.get((s, db, "outer-tx-rr")))]
        cells += [goodput(s, db)]
    cells.append(UPSTREAM.get(s, "none in the review"))
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
if rr_folder:
    out += ["postgres outer-tx RR: the same race inside an outer transaction at REPEATABLE READ, from"
            " `results/frameworks/%s/` (`results/frameworks/run-pg-rr.sh`; command, revision and load in its"
            " README.md)." % rr_folder]
open(os.path.join(here, "grid.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out))
