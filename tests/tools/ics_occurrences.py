#!/usr/bin/env python3
"""Expands an iCalendar file with an independent reader and prints its
occurrences as JSON, for tests/it/ics.rs to compare with Meridian's own
expansion.

usage: ics_occurrences.py FILE FROM TO [--custom-tzids]

FROM and TO are UTC instants (YYYY-MM-DDTHH:MM:SSZ); occurrences that
overlap [FROM, TO) are listed, sorted. Each is
{"uid", "summary", "start", "end", "date", "end_date"}: timed events have
UTC "start"/"end" and null dates; all-day events have "date" and the
exclusive "end_date" and null instants.

--custom-tzids renames every TZID (Europe/London -> Custom/Europe/London)
before reading, so the reader must take each zone's offsets from the
file's VTIMEZONE instead of its own copy of the IANA data.

Exit 3 when icalendar or recurring_ical_events is missing (CI installs
them: python3 -m pip install icalendar recurring-ical-events tzdata).
"""

import datetime as dt
import json
import re
import sys

try:
    import icalendar
    import recurring_ical_events
except ImportError as e:  # pragma: no cover - reported to the Rust test
    print(f"missing Python module: {e.name} "
          "(python3 -m pip install icalendar recurring-ical-events tzdata)",
          file=sys.stderr)
    sys.exit(3)


def utc(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=dt.timezone.utc)


def stamp(value):
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], "rb") as f:
        data = f.read().decode("utf-8")
    if "--custom-tzids" in argv[4:]:
        data = re.sub(r"TZID=([^:;]+)", r"TZID=Custom/\1", data)
        data = re.sub(r"(?m)^TZID:(.*)$", r"TZID:Custom/\1", data)
        data = re.sub(r"(?m)^X-LIC-LOCATION:.*\r?\n", "", data)
        data = re.sub(r"(?m)^X-WR-TIMEZONE:.*\r?\n", "", data)
    cal = icalendar.Calendar.from_ical(data)
    out = []
    for ev in recurring_ical_events.of(cal).between(utc(argv[2]), utc(argv[3])):
        start = ev["DTSTART"].dt
        end = ev["DTEND"].dt if "DTEND" in ev else None
        item = {"uid": str(ev["UID"]), "summary": str(ev.get("SUMMARY", "")),
                "start": None, "end": None, "date": None, "end_date": None}
        if isinstance(start, dt.datetime):
            if start.tzinfo is None:
                print(f"{item['uid']}: floating start {start}", file=sys.stderr)
                return 4
            item["start"] = stamp(start)
            item["end"] = stamp(end if end is not None else start + ev["DURATION"].dt)
        else:
            item["date"] = start.isoformat()
            item["end_date"] = end.isoformat() if end is not None else None
        out.append(item)
    out.sort(key=lambda i: (i["uid"], i["start"] or "", i["date"] or ""))
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
