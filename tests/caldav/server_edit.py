#!/usr/bin/env python3
"""Change a published calendar behind Meridian's back, as a calendar app would.

usage:
  server_edit.py --url COLLECTION_URL --user U --password P --edit UID --summary TEXT
  server_edit.py --url COLLECTION_URL --user U --password P --delete UID

--edit rewrites the object's SUMMARY and PUTs it back (If-Match its ETag); it
fails unless the server then reports a different ETag. --delete removes the
object (If-Match its ETag). Prints {"ok": true, "href": ..., "etag": ...}
(the new ETag; null after a delete). Exit 1 when the UID is not in the
collection or the server refuses, 3 when a Python module is missing.
"""

import argparse
import json
import sys

from read_calendar import DataError, caldav, connect, fetch, parse


def find(calendar, uid):
    for o in map(parse, fetch(calendar)):
        if o["uid"] == uid:
            return o
    raise DataError(f"no object with UID {uid!r} in {calendar.url}")


def _check(response, what):
    if not 200 <= response.status < 300:
        raise DataError(f"{what}: HTTP {response.status} {response.reason}")


def edit(url, user, password, uid, summary):
    client, calendar = connect(url, user, password)
    o = find(calendar, uid)
    for ev in o["cal"].walk("VEVENT"):
        ev["SUMMARY"] = summary
    target = calendar.url.join(o["href"])
    _check(client.put(str(target), o["cal"].to_ical().decode("utf-8"),
                      {"Content-Type": "text/calendar; charset=utf-8",
                       "If-Match": o["etag"]}), f"PUT {target}")
    new = find(calendar, uid)
    if new["etag"] == o["etag"]:
        raise DataError(f"PUT {target}: the ETag did not change ({o['etag']})")
    return {"ok": True, "href": new["href"], "etag": new["etag"]}


def delete(url, user, password, uid):
    client, calendar = connect(url, user, password)
    o = find(calendar, uid)
    target = calendar.url.join(o["href"])
    _check(client.delete(str(target), {"If-Match": o["etag"]}), f"DELETE {target}")
    return {"ok": True, "href": o["href"], "etag": None}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--edit", metavar="UID")
    what.add_argument("--delete", metavar="UID")
    ap.add_argument("--summary")
    args = ap.parse_args(argv[1:])
    if args.edit and args.summary is None:
        ap.error("--edit needs --summary")
    try:
        if args.edit:
            out = edit(args.url, args.user, args.password, args.edit, args.summary)
        else:
            out = delete(args.url, args.user, args.password, args.delete)
    except (caldav.lib.error.DAVError, DataError, OSError) as e:
        print(f"server_edit.py: {args.url}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
