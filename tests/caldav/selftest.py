#!/usr/bin/env python3
"""Proves the CalDAV harness on both real servers (scripts/test runs it).

For Radicale and Xandikos: start on loopback, MKCALENDAR a collection, PUT
hand-written objects in Meridian's published format (as Meridian will: raw
PUT, Basic auth sent up front, If-None-Match: *), read them back with
read_calendar and compare exact agendas across the 2027-03-28 DST change,
check If-Match / If-None-Match preconditions, edit and delete with
server_edit, restart on the same port, and drive `servers.py serve` as the
Rust tests will. Prints "ok KIND" per server; exit 1 on the first failure.
"""

import base64
import datetime as dt
import http.client
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import read_calendar  # noqa: E402
import server_edit  # noqa: E402
import servers  # noqa: E402
from read_calendar import caldav  # noqa: E402

LONDON = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19810329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19961027T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
NY = "X-MERIDIAN-REP;X-MERIDIAN-TZ=America/New_York:"

# resource name -> VEVENT body (wrapped in a VCALENDAR by ics()).
OBJECTS = {
    # Weekly in London across the 2027-03-28 change: 09:00Z, then 08:00Z.
    "meeting-m1.ics": ("""UID:meeting-m1@meridian
DTSTART;TZID=Europe/London:20270319T090000
DTEND;TZID=Europe/London:20270319T100000
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Weekly sync\\, EMEA
X-MERIDIAN-KIND:meeting
X-MERIDIAN-ID:m1
X-MERIDIAN-REP;X-MERIDIAN-TZ=Europe/Lisbon:ana
""" + NY + "bo\nX-MERIDIAN-REP;X-MERIDIAN-TZ=Europe/Dublin:o\\,neil\n", LONDON),
    # Starts on bo's 2027-03-19 and runs into the window's first day.
    "meeting-m2.ics": ("""UID:meeting-m2@meridian
DTSTART:20270320T033000Z
DURATION:PT1H
SUMMARY:Late call
X-MERIDIAN-KIND:meeting
X-MERIDIAN-ID:m2
""" + NY + "bo\n", ""),
    # At bo's local midnight, tied with a time-off day: time off first.
    "meeting-m3.ics": ("""UID:meeting-m3@meridian
DTSTART:20270331T040000Z
DTEND:20270331T043000Z
SUMMARY:Midnight handover
X-MERIDIAN-KIND:meeting
X-MERIDIAN-ID:m3
""" + NY + "bo\n", ""),
    "office-emea-nyc-20270324.ics": ("""UID:office-emea-nyc-20270324@meridian
DTSTART;VALUE=DATE:20270324
DTEND;VALUE=DATE:20270325
SUMMARY:In the office — New York: Bo\\, Cy
LOCATION:New York
TRANSP:TRANSPARENT
X-MERIDIAN-KIND:office_day
X-MERIDIAN-OFFICE:nyc
""" + NY + "bo\n" + NY + "cy\n", ""),
    "away-bo-20270331.ics": ("""UID:away-bo-20270331@meridian
DTSTART;VALUE=DATE:20270331
DTEND;VALUE=DATE:20270406
SUMMARY:Bo — Away
TRANSP:TRANSPARENT
X-MERIDIAN-KIND:away
""" + NY + "bo\n", ""),
}

WINDOW = (dt.date(2027, 3, 20), dt.date(2027, 4, 2))


def meeting(mid, title, start, end, local_start, local_end):
    return {"kind": "meeting", "id": mid, "title": title, "start": start, "end": end,
            "local_start": local_start, "local_end": local_end}


BO = {"rep": "bo", "time_zone": "America/New_York", "items": [
    meeting("m2", "Late call", "2027-03-20T03:30:00Z", "2027-03-20T04:30:00Z",
            "2027-03-19T23:30", "2027-03-20T00:30"),
    {"kind": "office_day", "date": "2027-03-24", "office": "nyc"},
    meeting("m1", "Weekly sync, EMEA", "2027-03-26T09:00:00Z", "2027-03-26T10:00:00Z",
            "2027-03-26T05:00", "2027-03-26T06:00"),
    {"kind": "time_off", "date": "2027-03-31"},
    meeting("m3", "Midnight handover", "2027-03-31T04:00:00Z", "2027-03-31T04:30:00Z",
            "2027-03-31T00:00", "2027-03-31T00:30"),
    {"kind": "time_off", "date": "2027-04-01"},
    {"kind": "time_off", "date": "2027-04-02"},
    meeting("m1", "Weekly sync, EMEA", "2027-04-02T08:00:00Z", "2027-04-02T09:00:00Z",
            "2027-04-02T04:00", "2027-04-02T05:00"),
]}
ANA = {"rep": "ana", "time_zone": "Europe/Lisbon", "items": [
    meeting("m1", "Weekly sync, EMEA", "2027-03-26T09:00:00Z", "2027-03-26T10:00:00Z",
            "2027-03-26T09:00", "2027-03-26T10:00"),
    meeting("m1", "Weekly sync, EMEA", "2027-04-02T08:00:00Z", "2027-04-02T09:00:00Z",
            "2027-04-02T09:00", "2027-04-02T10:00"),
]}


def ics(event, vtimezone):
    text = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Meridian//selftest//EN\n" + vtimezone
            + "BEGIN:VEVENT\nDTSTAMP:20270101T000000Z\n" + event + "END:VEVENT\nEND:VCALENDAR\n")
    return text.replace("\n", "\r\n").encode("utf-8")


def request(method, url, user, password, body=None, headers=()):
    """One request the way Meridian sends it: Basic auth up front."""
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    conn.request(method, u.path, body=body,
                 headers={"Authorization": f"Basic {token}", **dict(headers)})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, resp.getheader("ETag")


def expect(what, got, want):
    if got != want:
        raise AssertionError(f"{what}:\n got  {json.dumps(got, indent=1)}\n want "
                             f"{json.dumps(want, indent=1)}")


def agenda(col, s, rep):
    return read_calendar.agenda(read_calendar.read(col, s.user, s.password), rep, *WINDOW)


def with_title(doc, mid, title):
    items = [dict(i, title=title) if i.get("id") == mid else i for i in doc["items"]]
    return dict(doc, items=items)


def check_server(kind, workdir):
    s = servers.start(kind, workdir)
    try:
        client = caldav.DAVClient(url=s.home, username=s.user, password=s.password,
                                  auth_type="basic", enable_rfc6764=False)
        cal = caldav.CalendarSet(client, url=s.home).make_calendar(name="Selftest",
                                                                   cal_id="selftest")
        col = str(cal.url)
        expect("collection URL", col, s.home + "selftest/")
        ics_type = {"Content-Type": "text/calendar; charset=utf-8"}
        for name, (event, tz) in OBJECTS.items():
            status, etag = request("PUT", col + name, s.user, s.password, ics(event, tz),
                                {**ics_type, "If-None-Match": "*"})
            expect(f"PUT {name}", (status, bool(etag)), (201, True))
        expect("agenda bo", agenda(col, s, "bo"), BO)
        expect("agenda ana", agenda(col, s, "ana"), ANA)
        expect("agenda of a rep nowhere",
               agenda(col, s, "zed"), {"rep": "zed", "time_zone": None, "items": []})
        objects = read_calendar.read(col, s.user, s.password)
        m1 = next(o for o in objects if o["uid"] == "meeting-m1@meridian")
        expect("m1 reps", [r for r, _ in m1["reps"]], ["ana", "bo", "o,neil"])

        # Preconditions the publisher relies on.
        body = ics(*OBJECTS["meeting-m2.ics"])
        expect("PUT If-None-Match on an existing object",
               request("PUT", col + "meeting-m2.ics", s.user, s.password, body,
                    {**ics_type, "If-None-Match": "*"})[0], 412)
        expect("PUT with a stale If-Match",
               request("PUT", col + "meeting-m2.ics", s.user, s.password, body,
                    {**ics_type, "If-Match": '"stale"'})[0], 412)
        expect("DELETE with a stale If-Match",
               request("DELETE", col + "meeting-m2.ics", s.user, s.password,
                    headers={"If-Match": '"stale"'})[0], 412)

        # Behind Meridian's back: one edit, one delete.
        out = server_edit.edit(col, s.user, s.password, "meeting-m1@meridian", "Renamed")
        expect("edit", (out["ok"], out["href"]), (True, urlsplit(col).path + "meeting-m1.ics"))
        if out["etag"] == m1["etag"]:
            raise AssertionError("edit kept the ETag")
        out = server_edit.delete(col, s.user, s.password, "office-emea-nyc-20270324@meridian")
        expect("delete", out["ok"], True)
        want = with_title(BO, "m1", "Renamed")
        want["items"] = [i for i in want["items"] if i["kind"] != "office_day"]
        expect("agenda bo after edit and delete", agenda(col, s, "bo"), want)

        try:  # Xandikos says 207 for a missing path; the reader must still refuse it
            read_calendar.read(s.home + "missing/", s.user, s.password)
            raise AssertionError("a missing collection read as a calendar")
        except caldav.lib.error.NotFoundError:
            pass

        s.restart()
        expect("objects after restart", len(read_calendar.read(col, s.user, s.password)), 4)
        check_auth(kind, col, s)
        check_cli(col, s, want)
    except BaseException:
        print(s.log_tail(), file=sys.stderr)
        raise
    finally:
        s.stop()


def check_auth(kind, col, s):
    if kind == "radicale":
        expect("wrong password", request("PROPFIND", col, s.user, "wrong", headers={"Depth": "0"})[0],
               401)
        expect("rep reads lead's calendar", len(read_calendar.read(col, "rep", "r3p")), 4)
        expect("rep writes lead's calendar",
               request("DELETE", col + "meeting-m2.ics", "rep", "r3p")[0], 403)
    else:
        # No auth on Xandikos: any Basic credentials are ignored.
        expect("any password", request("PROPFIND", col, s.user, "wrong", headers={"Depth": "0"})[0],
               207)


def run(script, *args):
    done = subprocess.run([sys.executable, os.path.join(HERE, script), *args],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise AssertionError(f"{script} {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return json.loads(done.stdout)


def check_cli(col, s, want_bo):
    creds = ["--url", col, "--user", s.user, "--password", s.password]
    expect("read_calendar.py --count", run("read_calendar.py", *creds, "--count"), {"objects": 4})
    expect("read_calendar.py agenda",
           run("read_calendar.py", *creds, "--rep", "bo", "--from", WINDOW[0].isoformat(),
               "--to", WINDOW[1].isoformat()), want_bo)
    dump = run("read_calendar.py", *creds, "--dump")
    expect("read_calendar.py --dump uids", [d["uid"] for d in dump],
           sorted(f"{n.removesuffix('.ics')}@meridian" for n in OBJECTS if "office" not in n))
    out = run("server_edit.py", *creds, "--edit", "meeting-m3@meridian", "--summary", "Moved")
    expect("server_edit.py --edit", out["ok"], True)


def check_serve(kind, workdir):
    """`servers.py serve` as the Rust tests drive it: JSON line, stop/start, EOF."""
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "servers.py"), "serve", kind,
                             workdir], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(proc.stdout.readline())
        expect("serve keys", sorted(info), ["home", "password", "pid", "url", "user"])
        for cmd, want in (("stop", {"stopped": True}), ("start", {"started": True})):
            proc.stdin.write(cmd + "\n")
            proc.stdin.flush()
            got = json.loads(proc.stdout.readline())
            expect(f"serve {cmd}", {k: got[k] for k in want}, want)
        status, _ = request("PROPFIND", info["home"], info["user"], info["password"],
                         headers={"Depth": "0"})
        expect("PROPFIND home after start", status, 207)
        proc.stdin.close()
        expect("serve exit code", proc.wait(30), 0)
        deadline = time.monotonic() + 10
        while os.path.exists(f"/proc/{got['pid']}") and time.monotonic() < deadline:
            time.sleep(0.1)
        if os.path.exists(f"/proc/{got['pid']}"):
            raise AssertionError(f"{kind} server {got['pid']} outlived `serve`")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def version(package):
    return importlib.metadata.version(package)


def main():
    for kind in servers.KINDS:
        with tempfile.TemporaryDirectory(prefix=f"meridian-{kind}-") as workdir:
            try:
                check_server(kind, os.path.join(workdir, "a"))
                check_serve(kind, os.path.join(workdir, "b"))
            except (AssertionError, servers.ServerError, caldav.lib.error.DAVError) as e:
                print(f"FAIL {kind}: {e}", file=sys.stderr)
                return 1
        print(f"ok {kind} {version(kind)} (caldav {version('caldav')})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
