#!/usr/bin/env python3
"""An independent reading of a calendar Meridian published over CalDAV.

usage:
  read_calendar.py --url COLLECTION_URL --user U --password P \\
                   --rep REP --from YYYY-MM-DD --to YYYY-MM-DD
      REP's agenda in the shape of `meridian agenda --json` (contract §5)
  read_calendar.py --url ... --user U --password P --dump
      every object: [{"href","etag","uid","kind","summary","reps"}], by UID
  read_calendar.py --url ... --user U --password P --count
      {"objects": n}: the resources in the collection

Everything comes from what the server returns (a PROPFIND for the members,
one calendar-multiget for their data and ETags) read with the `caldav`
client, `icalendar` and `recurring_ical_events`, zones from zoneinfo.
Exit 1 on a server or data error, 2 on bad arguments, 3 when a Python
module is missing.
"""

import argparse
import datetime as dt
import json
import re
import sys
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    import caldav
    import icalendar
    import recurring_ical_events
    from caldav.elements import dav
except ImportError as e:  # pragma: no cover - reported to the Rust test
    print(f"missing Python module: {e.name} (python3 -m pip install caldav icalendar "
          "recurring-ical-events tzdata)", file=sys.stderr)
    sys.exit(3)

CALENDAR_TYPE = "{urn:ietf:params:xml:ns:caldav}calendar"
UTC = dt.timezone.utc
DAY = dt.timedelta(days=1)


class DataError(Exception):
    pass


def connect(url, user, password):
    # Basic sent up front, as Meridian does (Xandikos has to ignore it).
    client = caldav.DAVClient(url=url, username=user, password=password,
                              auth_type="basic", enable_rfc6764=False, timeout=30)
    return client, client.calendar(url=url)


def fetch(calendar):
    """[{"href", "etag", "data"}] for every member resource of the collection."""
    # Xandikos answers a PROPFIND on a missing path with an empty 207, which
    # would read as an empty calendar: insist on a calendar collection.
    types = calendar.get_properties([dav.ResourceType()]).get(dav.ResourceType.tag) or []
    if CALENDAR_TYPE not in types:
        raise DataError(f"{calendar.url} is not a calendar collection (resourcetype {types})")
    members = [u for u, types, _ in calendar.children()
               if "{DAV:}collection" not in (types or [])]
    if not members:
        return []
    out = []
    for obj in calendar.multiget(members, raise_notfound=True):
        out.append({"href": urlsplit(str(obj.url)).path,
                    "etag": (obj.props or {}).get("{DAV:}getetag"),
                    "data": obj.data})
    if len(out) != len(members):
        raise DataError(f"{len(members)} members listed but {len(out)} returned by multiget")
    return out


def unescape_text(raw):
    """RFC 5545 TEXT: icalendar leaves X- properties escaped."""
    return re.sub(r"\\([\\;,nN])",
                  lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(raw))


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def reps_of(component):
    """[(rep id, zone name)] from the X-MERIDIAN-REP lines, in file order."""
    return [(unescape_text(p), p.params.get("X-MERIDIAN-TZ"))
            for p in as_list(component.get("X-MERIDIAN-REP"))]


def parse(obj):
    cal = icalendar.Calendar.from_ical(obj["data"])
    events = cal.walk("VEVENT")
    if not events:
        raise DataError(f"{obj['href']}: no VEVENT")
    master = next((e for e in events if "RECURRENCE-ID" not in e), events[0])
    kind = master.get("X-MERIDIAN-KIND")
    return {"href": obj["href"], "etag": obj["etag"], "cal": cal,
            "uid": str(master.get("UID", "")),
            "kind": unescape_text(kind) if kind is not None else None,
            "summary": str(master.get("SUMMARY", "")),
            "reps": reps_of(master)}


def dump_entry(o):
    return {"href": o["href"], "etag": o["etag"], "uid": o["uid"], "kind": o["kind"],
            "summary": o["summary"], "reps": [r for r, _ in o["reps"]]}


def rep_zone(objects, rep):
    zones = set()
    for o in objects:
        for ev in o["cal"].walk("VEVENT"):
            zones.update(z for r, z in reps_of(ev) if r == rep)
    if len(zones) > 1:
        raise DataError(f"rep {rep!r} is published with several zones: {sorted(map(str, zones))}")
    if zones == {None}:
        raise DataError(f"rep {rep!r} is published without X-MERIDIAN-TZ")
    return zones.pop() if zones else None


def day_start(date, tz):
    """The first instant of a local date: midnight, or where midnight falls in
    a DST gap (America/Santiago) the instant the clocks jump."""
    candidates = [dt.datetime.combine(date, dt.time(0), tzinfo=tz).replace(fold=f)
                  .astimezone(UTC) for f in (0, 1)]
    return min(c for c in candidates if c.astimezone(tz).date() == date)


# The lead's assumption, kept in one place: at one instant, time off comes
# before office days, office days before meetings; then by meeting id or
# office, then by date.
KIND_RANK = {"time_off": 0, "office_day": 1, "meeting": 2}


def sort_key(start, item):
    return (start, KIND_RANK[item["kind"]], item.get("id") or item.get("office") or "",
            item.get("date", ""))


def utc_text(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(t, tz):
    return t.astimezone(tz).strftime("%Y-%m-%dT%H:%M")


def meeting_items(o, rep, tz, lo, hi):
    for ev in recurring_ical_events.of(o["cal"]).between(lo, hi):
        if rep not in (r for r, _ in reps_of(ev)):
            continue
        start = ev["DTSTART"].dt
        if not isinstance(start, dt.datetime) or start.tzinfo is None:
            raise DataError(f"{o['href']}: meeting DTSTART {start} is not a zoned date-time")
        end = ev["DTEND"].dt if "DTEND" in ev else start + ev["DURATION"].dt
        # Half-open overlap with the rep's local days (§7.2), checked here
        # rather than trusting the library's edge handling.
        if not (start < hi and end > lo):
            continue
        mid = ev.get("X-MERIDIAN-ID")
        item = {"kind": "meeting", "id": unescape_text(mid) if mid is not None else o["uid"],
                "title": str(ev.get("SUMMARY", "")),
                "start": utc_text(start), "end": utc_text(end),
                "local_start": local_text(start, tz), "local_end": local_text(end, tz)}
        yield start.astimezone(UTC), item


def day_items(o, rep, tz, d_from, d_to):
    for ev in recurring_ical_events.of(o["cal"]).between(d_from, d_to + DAY):
        if rep not in (r for r, _ in reps_of(ev)):
            continue
        first = ev["DTSTART"].dt
        if isinstance(first, dt.datetime):
            raise DataError(f"{o['href']}: {o['kind']} DTSTART {first} is not a DATE")
        end = ev["DTEND"].dt if "DTEND" in ev else first + (
            ev["DURATION"].dt if "DURATION" in ev else DAY)
        day = max(first, d_from)
        while day < end and day <= d_to:
            if o["kind"] == "away":
                item = {"kind": "time_off", "date": day.isoformat()}
            else:
                office = ev.get("X-MERIDIAN-OFFICE")
                item = {"kind": "office_day", "date": day.isoformat(),
                        "office": unescape_text(office) if office is not None else None}
            yield day_start(day, tz), item
            day += DAY


def agenda(objects, rep, d_from, d_to):
    zone = rep_zone(objects, rep)
    if zone is None:
        return {"rep": rep, "time_zone": None, "items": []}
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise DataError(f"rep {rep!r}: unknown zone {zone!r}") from e
    lo, hi = day_start(d_from, tz), day_start(d_to + DAY, tz)
    found = []
    for o in objects:
        if o["kind"] == "meeting":
            found.extend(meeting_items(o, rep, tz, lo, hi))
        elif o["kind"] in ("away", "office_day"):
            found.extend(day_items(o, rep, tz, d_from, d_to))
    found.sort(key=lambda p: sort_key(*p))
    items = []
    for _, item in found:
        # Overlapping away ranges name a date twice; the agenda lists it once.
        if not items or items[-1] != item:
            items.append(item)
    return {"rep": rep, "time_zone": zone, "items": items}


def read(url, user, password):
    _, calendar = connect(url, user, password)
    return [parse(o) for o in fetch(calendar)]


def date_arg(text):
    return dt.date.fromisoformat(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--dump", action="store_true")
    mode.add_argument("--count", action="store_true")
    ap.add_argument("--rep")
    ap.add_argument("--from", dest="d_from", type=date_arg, metavar="YYYY-MM-DD")
    ap.add_argument("--to", dest="d_to", type=date_arg, metavar="YYYY-MM-DD")
    args = ap.parse_args(argv[1:])
    if not (args.dump or args.count):
        if not (args.rep and args.d_from and args.d_to):
            ap.error("an agenda needs --rep, --from and --to (or use --dump / --count)")
        if args.d_to < args.d_from:
            ap.error("--to is before --from")
    try:
        if args.count:
            _, calendar = connect(args.url, args.user, args.password)
            out = {"objects": len(fetch(calendar))}
        else:
            objects = read(args.url, args.user, args.password)
            if args.dump:
                out = [dump_entry(o) for o in sorted(objects, key=lambda o: (o["uid"], o["href"]))]
            else:
                out = agenda(objects, args.rep, args.d_from, args.d_to)
    except (caldav.lib.error.DAVError, DataError, ValueError, OSError) as e:
        print(f"read_calendar.py: {args.url}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
