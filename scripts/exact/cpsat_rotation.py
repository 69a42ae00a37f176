#!/usr/bin/env python3
"""Measuring instrument, not part of the product or of CI: an exact CP-SAT model
of the contract's rotation (section 3), used by hand to measure how far
Meridian's plans and its printed upper bound are from the optimum (DESIGN.md,
"The rotation planner").

    python3 cpsat_rotation.py SCENARIO ANSWER.json [--seconds S] [--office O]
                              [--workers N] [--quiet]

Offices never share reps and no term spans two ISO weeks, so the model is
solved per (office, ISO week) subproblem: x[r,d] booleans on the days rule 1
leaves open (`avail`), locks fixed, desks per day, the policy's
min(min_r, |avail|) <= sum <= max_r, and the objective's weights plus, per
team and day, the pairs C(n, 2) of the team's count n (an element table, so
the convex term is exact). Meridian's plan of the subproblem is the solver's
hint. Prints one JSON line per subproblem (Meridian's objective there,
CP-SAT's best, its bound, status, seconds) and one "total" line: the sums,
Meridian's objective as a share of CP-SAT's best and of its bound, and the
answer's `upper_bound` against CP-SAT's bound.

`--seconds` is per subproblem. Needs ortools and tzdata; reads the contract's
rules from ../shared/tools/meridian_semantics.py (the outside checker's code,
not ours).
"""
import argparse
import json
import os
import sys
import time
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "tools"))
import meridian_semantics as ms  # noqa: E402
from ortools.sat.python import cp_model  # noqa: E402


def subproblem(sc, rot, office, wi, days, bounds, ipw, locks, present, a):
    """Solves one (office, week); returns its JSON record, or None when the
    office has no reps."""
    reps = [rid for rid in sc.rep_order if sc.reps[rid].office == office.id]
    if not reps:
        return None
    mine = {(r, d) for (r, d) in present if r in set(reps) and d in set(days)}
    meridian = ms.rotation_objective(sc, rot, mine, ipw)["total"]

    m = cp_model.CpModel()
    x = {}
    for r in reps:
        lo, hi, avail = bounds[(r, wi)]
        for d in avail:
            v = m.NewBoolVar("")
            lock = locks.get((r, d))
            if lock is not None:
                m.Add(v == (1 if lock else 0))
            x[r, d] = v
        m.Add(sum(x[r, d] for d in avail) >= lo)
        m.Add(sum(x[r, d] for d in avail) <= hi)
    for d in days:
        here = [x[r, d] for r in reps if (r, d) in x]
        if here:
            m.Add(sum(here) <= office.desks)
    terms = []
    for (r, d), v in x.items():
        rep = sc.reps[r]
        w = 0
        if rep.team is not None and d.weekday() in sc.teams[rep.team].anchor_days:
            w += 2
        if d.weekday() in rep.preferred:
            w += 2
        w += 3 * ipw.get((r, d), 0)
        if w:
            terms.append(w * v)
    teams = sorted({sc.reps[r].team for r in reps if sc.reps[r].team is not None})
    for t in teams:
        members = [r for r in reps if sc.reps[r].team == t]
        for d in days:
            here = [x[r, d] for r in members if (r, d) in x]
            if len(here) < 2:
                continue
            k = len(here)
            n = m.NewIntVar(0, min(k, office.desks), "")
            m.Add(n == sum(here))
            pairs = m.NewIntVar(0, k * (k - 1) // 2, "")
            m.AddElement(n, [j * (j - 1) // 2 for j in range(k + 1)], pairs)
            terms.append(pairs)
    m.Maximize(sum(terms))
    for (r, d), v in x.items():
        m.AddHint(v, 1 if (r, d) in mine else 0)
    s = cp_model.CpSolver()
    s.parameters.max_time_in_seconds = a.seconds
    s.parameters.num_workers = a.workers
    st = s.Solve(m)
    rec = {
        "office": office.id,
        "week": ms.iso_week_label(days[0]),
        "reps": len(reps),
        "meridian": meridian,
        "status": s.StatusName(st),
        "seconds": round(s.WallTime(), 2),
    }
    if st in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        rec["cpsat_best"] = int(round(s.ObjectiveValue()))
        rec["cpsat_bound"] = int(s.BestObjectiveBound() + 1e-6)
    return rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("answer")
    ap.add_argument("--seconds", type=float, default=10, help="per (office, week)")
    ap.add_argument("--office")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quiet", action="store_true", help="only the total line")
    a = ap.parse_args()

    sc = ms.load_scenario(a.scenario)
    rot = sc.rotation
    ans = json.load(open(a.answer))
    if isinstance(ans, list):
        ans = ans[0]
    if ans.get("objective") is None:
        sys.exit(f"{a.answer}: the answer is infeasible: {ans.get('infeasible_reason')}")
    present = {(x["rep"], date.fromisoformat(x["date"])) for x in ans["assignments"]}
    ipw = ms.in_person_weights(sc, rot)
    bounds = ms.rotation_bounds(sc, rot)
    locks = {(r, d): inn for (r, d, inn) in rot.locks}

    start = time.time()
    total = {"meridian": 0, "cpsat_best": 0, "cpsat_bound": 0, "subproblems": 0, "optimal": 0}
    for wi, (_label, days) in enumerate(ms.rotation_weeks(rot)):
        for oid in sc.offices:
            if a.office and oid != a.office:
                continue
            rec = subproblem(sc, rot, sc.offices[oid], wi, days, bounds, ipw, locks, present, a)
            if rec is None:
                continue
            if not a.quiet:
                print(json.dumps(rec), flush=True)
            if "cpsat_best" not in rec:
                sys.exit(f"{oid} {rec['week']}: CP-SAT found no plan ({rec['status']})")
            total["subproblems"] += 1
            total["optimal"] += rec["status"] == "OPTIMAL"
            for k in ("meridian", "cpsat_best", "cpsat_bound"):
                total[k] += rec[k]
    best = max(total["cpsat_best"], total["meridian"])
    total.update({
        "scenario": os.path.basename(a.scenario),
        "share_of_best_pct": round(100 * total["meridian"] / max(best, 1), 3),
        "share_of_bound_pct": round(100 * total["meridian"] / max(total["cpsat_bound"], 1), 3),
        "seconds": round(time.time() - start, 1),
    })
    if not a.office and ans.get("upper_bound") is not None:
        ub = ans["upper_bound"]
        total["meridian_upper_bound"] = ub
        # How far Meridian's printed bound is above the true optimum, at most
        # (CP-SAT's best is a plan) and at least (CP-SAT's bound).
        total["meridian_bound_over_best_pct"] = round(100 * (ub - best) / max(best, 1), 3)
        total["meridian_bound_over_cpsat_bound_pct"] = round(
            100 * (ub - total["cpsat_bound"]) / max(total["cpsat_bound"], 1), 3)
    print(json.dumps({"total": total}))


if __name__ == "__main__":
    main()
