#!/usr/bin/env python3
"""Compares the bundled holiday table, as Meridian reads it, with python-holidays.

    python3 scripts/holidays/check.py DUMP.json

DUMP.json is what tests/it/holidays.rs writes through Meridian's own lookup:
{"version": ..., "years": [first, last], "regions": [{"code", "label",
"days": [[date, name], ...]}, ...]}. Exit 0 when every region, date and name
equals python-holidays (the release the table names, which must be the one
installed); otherwise it prints the first differences and exits 1.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import table  # noqa: E402


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        dump = json.load(f)
    problems = []
    if dump["version"] != table.version():
        print(
            f"the bundled table is python-holidays {dump['version']}, the installed one is "
            f"{table.version()}: install that release (scripts/test does) or regenerate the "
            "table with scripts/holidays/generate.py"
        )
        return 1
    if dump["years"] != [table.FIRST_YEAR, table.LAST_YEAR]:
        problems.append(f"years {dump['years']} != {[table.FIRST_YEAR, table.LAST_YEAR]}")
    ours = {r["code"]: r for r in dump["regions"]}
    theirs = {code: (label, days) for code, label, _, days in table.regions()}
    for code in sorted(set(theirs) - set(ours)):
        problems.append(f"{code}: missing from the bundled table")
    for code in sorted(set(ours) - set(theirs)):
        problems.append(f"{code}: not a python-holidays region")
    days_compared = 0
    for code in sorted(set(ours) & set(theirs)):
        label, days = theirs[code]
        if ours[code]["label"] != label:
            problems.append(f"{code}: label {ours[code]['label']!r} != {label!r}")
        mine = {d: n for d, n in ours[code]["days"]}
        want = {d.isoformat(): n for d, n in days.items()}
        days_compared += len(want)
        for d in sorted(set(mine) | set(want)):
            if mine.get(d) != want.get(d):
                problems.append(f"{code} {d}: Meridian {mine.get(d)!r}, python-holidays {want.get(d)!r}")
    if problems:
        print(f"{len(problems)} differences; the first ones:")
        for p in problems[:40]:
            print("  " + p)
        return 1
    print(f"{len(ours)} regions, {days_compared} holidays equal to python-holidays {table.version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
