#!/usr/bin/env python3
"""Times publishing a big team to a real CalDAV server (issue 13).

A 2,000-rep team from ../shared/tools/gen_scenario.py gets 4 weeks of office
days (the CLI's own rotation plan, stored as accepted days), then
`meridian calendars publish` sends every team's calendar to a Radicale
started on loopback (tests/caldav/servers.py): once from nothing, then again
with nothing changed (which must send no PUT). Prints a Markdown section for
bench-report.md on stdout; progress on stderr.

Environment: BENCH_CALDAV_REPS (default 2000), BENCH_CALDAV_WEEKS (4).
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "debug" / "meridian"
GEN = ROOT.parent / "shared" / "tools" / "gen_scenario.py"
sys.path.insert(0, str(ROOT / "tests" / "caldav"))
import servers  # noqa: E402  (the test harness: real servers on loopback)

START = "2027-01-04"  # a Monday


def cli(db, *args, env=None):
    out = subprocess.run([str(CLI), "--db", str(db), *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"meridian {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def team_file(reps, weeks, work):
    path = work / f"team-{reps}-{weeks}.json"
    if not path.exists():
        teams = max(1, reps // 10)
        offices = max(1, reps // 20)
        subprocess.run(
            [sys.executable, str(GEN), "--reps", str(reps), "--offices", str(offices), "--teams", str(teams),
             "--weeks", str(weeks), "--tasks", str(reps), "--seed", "13", "--start", START, "--out", str(path)],
            check=True,
        )
    return path


def main():
    reps = int(os.environ.get("BENCH_CALDAV_REPS", "2000"))
    weeks = int(os.environ.get("BENCH_CALDAV_WEEKS", "4"))
    if not GEN.exists():
        sys.exit(f"bench-caldav: {GEN} is missing (the shared tools sit beside the checkout)")
    work = ROOT / "target" / "bench-caldav"
    work.mkdir(parents=True, exist_ok=True)
    source = team_file(reps, weeks, work)
    with tempfile.TemporaryDirectory(prefix="meridian-bench-caldav-") as tmp:
        tmp = pathlib.Path(tmp)
        db = tmp / "lead.db"
        cli(db, "import", str(source))
        print(f"bench-caldav: planning {weeks} weeks of office days for {reps} reps", file=sys.stderr)
        plan = json.loads(cli(db, "rotate-offices", "--from", START, "--weeks", str(weeks), "--json"))
        doc = json.loads(cli(db, "export"))
        doc["office_days"] = plan["assignments"]
        with_days = tmp / "with-days.json"
        with_days.write_text(json.dumps(doc))
        cli(db, "import", str(with_days))
        server = servers.start("radicale", tmp / "radicale")
        env = dict(os.environ, BENCH_CALDAV_PASSWORD=server.password)
        runs = []
        try:
            for label in ("first publish", "re-publish, nothing changed"):
                print(f"bench-caldav: {label}", file=sys.stderr)
                t0 = time.monotonic()
                out = cli(db, "calendars", "publish", "--url", server.home, "--user", server.user,
                          "--password-env", "BENCH_CALDAV_PASSWORD", "--json", env=env)
                seconds = time.monotonic() - t0
                r = json.loads(out)
                runs.append((label, seconds, r))
        finally:
            server.stop()
    lines = [
        "## Publishing to CalDAV (scripts/bench-caldav)",
        "",
        f"`meridian calendars publish` (debug build) of a {reps:,}-rep team "
        f"({len(doc['teams'])} team calendars; {len(plan['assignments']):,} office days over {weeks} weeks, "
        f"{len(doc['meetings']):,} meetings, time off) to Radicale on loopback, "
        "4 requests in flight. Issue 13's bench.",
        "",
        "| run | seconds | created | updated | deleted | unchanged | error |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, seconds, r in runs:
        lines.append(
            f"| {label} | {seconds:.1f} | {r['created']} | {r['updated']} | {r['deleted']} | {r['unchanged']} | "
            f"{r.get('error') or '—'} |"
        )
    print("\n".join(lines))
    first, second = runs[0][2], runs[1][2]
    if first.get("error") or second.get("error") or second["created"] + second["updated"] + second["deleted"]:
        sys.exit("bench-caldav: a run failed or the re-publish sent changes")


if __name__ == "__main__":
    main()
