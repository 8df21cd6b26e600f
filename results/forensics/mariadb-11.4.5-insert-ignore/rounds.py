"""Prints one line per kept anomalous round: when the winner's INSERT was sent and answered, when
the loser's INSERT IGNORE and SELECT were (microseconds after the round's release)."""
import json
import sys

print("| run | round | winner INSERT IGNORE sent / answered | loser INSERT IGNORE sent / answered | loser SELECT sent / answered | loser's SELECT answered before the winner's INSERT? | sessions |")
print("|---|---:|---|---|---|---|---|")
for f in sys.argv[1:]:
    run = json.load(open(f))["runs"][0]
    for t in run["timelines"]:
        loser = next(c["index"] for c in t["callers"] if c["answer"] == "NOT_FOUND_AFTER_CONFLICT")
        mine = [s for s in t["steps"] if s["caller"] == loser]
        other = [s for s in t["steps"] if s["caller"] != loser]
        ins, sel, win = mine[0], mine[1], other[0]
        us = lambda s: f"{s['startNanos'] / 1000:.1f} / {s['endNanos'] / 1000:.1f}"
        print(f"| {f.split('-')[0]} | {t['round']} | {us(win)} ({win['result']}) | {us(ins)} ({ins['result']}) | "
              f"{us(sel)} ({sel['result']}) | {'yes' if sel['endNanos'] < win['endNanos'] else 'no'} | "
              f"{', '.join(str(c['connection']) for c in t['callers'])} |")
