#!/usr/bin/env python3
"""Writes src/holidays/holidays.bin from the installed python-holidays.

    pip install 'holidays==X.Y' && python3 scripts/holidays/generate.py

then update HOLIDAYS_VERSION in scripts/test (the check that CI runs
installs that version) and run the tests. The format is described in
src/holidays/table.rs; dates are days since 1 January of the first year,
written as deltas in LEB128, so the whole table stays small.
"""

import datetime
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import table  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "holidays", "holidays.bin")
MAGIC = b"MERIDIAN-HOLIDAYS-1\n"


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def text(s):
    b = s.encode("utf-8")
    return varint(len(b)) + b


def main():
    epoch = datetime.date(table.FIRST_YEAR, 1, 1)
    rows = list(table.regions())
    names = sorted({n for _, _, _, days in rows for n in days.values()})
    name_index = {n: i for i, n in enumerate(names)}
    countries = {code: days for code, _, parent, days in rows if parent is None}
    index = {code: i for i, (code, _, _, _) in enumerate(rows)}

    out = bytearray(MAGIC)
    out += text(table.version())
    out += struct.pack("<HH", table.FIRST_YEAR, table.LAST_YEAR)
    out += varint(len(names))
    for n in names:
        out += text(n)
    out += varint(len(rows))
    for code, label, parent, days in rows:
        out += text(code) + text(label)
        if parent is None:
            out += varint(0)
            removed, added = [], sorted(days.items())
        else:
            out += varint(index[parent] + 1)
            base = countries[parent]
            removed = sorted(d for d in base if d not in days or days[d] != base[d])
            added = sorted((d, n) for d, n in days.items() if base.get(d) != n)
        prev = 0
        out += varint(len(removed))
        for d in removed:
            day = (d - epoch).days
            out += varint(day - prev)
            prev = day
        prev = 0
        out += varint(len(added))
        for d, n in added:
            day = (d - epoch).days
            out += varint(day - prev) + varint(name_index[n])
            prev = day
    with open(OUT, "wb") as f:
        f.write(out)
    print(f"{len(rows)} regions, {len(names)} names, {len(out)} bytes, python-holidays {table.version()}")


if __name__ == "__main__":
    main()
