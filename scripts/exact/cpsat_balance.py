#!/usr/bin/env python3
"""Measuring instrument, not part of the product or of CI: an exact CP-SAT model
of the contract's balance objective (section 4), used by hand to measure how far
Meridian's plans are from the optimum (DESIGN.md, "The workload balancer").

    python3 cpsat_balance.py SCENARIO ANSWER.json [--seconds S] [--terms 3|4]

Reads Meridian's answer, fixes its tasks at risk and highest utilisation as
limits (terms 1-2), then minimises moves (term 3). With --terms 4 it first
looks for fewer tasks at risk and for a lower highest utilisation (INFEASIBLE
proves Meridian's), and at Meridian's moves minimises the sum of squares.
Prints one JSON line: Meridian's figures, CP-SAT's, its bounds and statuses.

Needs `pip install ortools tzdata`; reads the contract's arithmetic from
../shared/tools/meridian_semantics.py (the outside checker's, not ours).
"""
import argparse
import json
import os
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("MERIDIAN_SHARED_TOOLS")
                or os.path.join(HERE, "..", "..", "..", "shared", "tools"))
import meridian_semantics as ms  # noqa: E402
from ortools.sat.python import cp_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("answer")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--terms", type=int, default=3,
                    help="3: moves at Meridian's terms 1-2; 4: also check terms 1, 2 and 4")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    sc = ms.load_scenario(a.scenario)
    ans = json.load(open(a.answer))
    if isinstance(ans, list):
        ans = ans[0]
    bal = sc.balance
    caps, dates = ms.balance_capacities(sc, bal)
    cum = {r: ms.cumulative(row) for r, row in caps.items()}
    didx = {d: i for i, d in enumerate(dates)}
    scope, elig, unass = ms.balance_scope(sc, bal)
    scope = [t for t in scope if t not in unass]
    minutes = {t: round(sc.tasks[t].hours * 60) for t in scope}
    due = {t: didx[ms.task_due(sc.tasks[t], bal)] for t in scope}
    home = {t: sc.tasks[t].assignee for t in scope}
    reps = list(sc.rep_order)
    total = {r: cum[r][-1] if cum[r] else 0 for r in reps}

    plan = {x["task"]: x["rep"] for x in ans["assignments"]}
    ev = ans["objective"]
    risk_limit = ev["at_risk"]
    # Meridian's highest finite utilisation, exactly, from its plan.
    load = {r: 0 for r in reps}
    for t in scope:
        load[plan[t]] += minutes[t]
    lam = max((Fraction(load[r], total[r]) for r in reps if total[r] > 0), default=Fraction(0))

    def model(risk_cap, lam_cap, strict=False):
        """A CP-SAT model of the plans with at most `risk_cap` tasks at risk
        and every finite utilisation at most (or below, `strict`) `lam_cap`."""
        m = cp_model.CpModel()
        x = {}
        for t in scope:
            for r in elig[t]:
                x[t, r] = m.NewBoolVar("")
            m.AddExactlyOne(x[t, r] for r in elig[t])
        by_rep = {r: [t for t in scope if (t, r) in x] for r in reps}
        risks, loads = [], {}
        for r in reps:
            ts = by_rep[r]
            if not ts:
                continue
            ld = sum(minutes[t] * x[t, r] for t in ts)
            loads[r] = ld
            if total[r] > 0 and lam_cap is not None:
                if strict:
                    m.Add(ld * lam_cap.denominator < lam_cap.numerator * total[r])
                else:
                    m.Add(ld * lam_cap.denominator <= lam_cap.numerator * total[r])
            for i, t in enumerate(ts):
                prefix = sum(minutes[k] * x[k, r] for k in ts[: i + 1])
                z = m.NewBoolVar("")
                # z is 1 when t is on r and the running sum passes C_r(due).
                m.Add(prefix <= cum[r][due[t]]).OnlyEnforceIf([x[t, r], z.Not()])
                m.AddImplication(z, x[t, r])
                risks.append(z)
        if risk_cap is not None:
            m.Add(sum(risks) <= risk_cap)
        moves = [x[t, r] for t in scope for r in elig[t]
                 if home[t] is not None and r != home[t]]
        for (t, r), v in x.items():
            m.AddHint(v, 1 if plan.get(t) == r else 0)
        return m, x, risks, moves, loads

    def solve(m):
        s = cp_model.CpSolver()
        s.parameters.max_time_in_seconds = a.seconds
        s.parameters.num_workers = a.workers
        return s, s.Solve(m)

    out = {
        "scenario": os.path.basename(a.scenario),
        "tasks": len(scope),
        "reps": len(reps),
        "meridian": {"at_risk": risk_limit, "max_utilization": float(lam), "moves": ev["moves"],
                     "sum_squares": ev["sum_squares"]},
    }
    if a.terms >= 4:
        # Term 1: fewer tasks at risk than Meridian's?
        m, x, risks, moves, loads = model(None, None)
        m.Minimize(sum(risks))
        s, st = solve(m)
        out["risk"] = {"status": s.StatusName(st), "best": s.ObjectiveValue(),
                       "bound": s.BestObjectiveBound()}
        # Term 2: a lower highest utilisation at Meridian's tasks at risk?
        m, x, risks, moves, loads = model(risk_limit, lam, strict=True)
        s, st = solve(m)
        out["max_below"] = s.StatusName(st)  # INFEASIBLE proves term 2
    # Term 3 at Meridian's terms 1 and 2.
    m, x, risks, moves, loads = model(risk_limit, lam)
    m.Minimize(sum(moves))
    s, st = solve(m)
    out["status"] = s.StatusName(st)
    if st in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        out["cpsat_moves"] = int(round(s.ObjectiveValue()))
        out["cpsat_moves_bound"] = int(s.BestObjectiveBound() + 0.999)
        out["seconds"] = round(s.WallTime(), 1)
    if a.terms >= 4 and st == cp_model.OPTIMAL and out["cpsat_moves"] == ev["moves"]:
        # Term 4 at Meridian's moves. CP-SAT needs integer weights, and
        # sum(load_r^2 / C_r^2) has no common denominator that fits: each
        # square gets the weight W_r = floor(S / C_r^2) (never above the exact
        # one), so CP-SAT's proven bound / S is a proven lower bound on every
        # plan's exact sum of squares, within about 1/W_r (relative) of it. S
        # is as large as int64 allows given each rep's load limit (about
        # 1e-10 relative). The plan found is scored exactly (Fractions).
        m, x, risks, moves, loads = model(risk_limit, lam)
        m.Add(sum(moves) <= ev["moves"])
        finite = [r for r in loads if total[r] > 0]
        cap_load = {r: min(sum(minutes.values()),
                           lam.numerator * total[r] // lam.denominator) for r in finite}
        # sum_r cap_load_r^2 * S / C_r^2 <= 2^62 keeps every partial sum in int64.
        worst = sum(Fraction(cap_load[r] ** 2, total[r] ** 2) for r in finite) or Fraction(1)
        scale = int(Fraction(2 ** 62) / worst)
        weight = {r: scale // (total[r] ** 2) for r in finite}
        terms = []
        for r in finite:
            ld = loads[r]
            v = m.NewIntVar(0, cap_load[r], "")
            m.Add(v == ld)
            sq = m.NewIntVar(0, cap_load[r] ** 2, "")
            m.AddMultiplicationEquality(sq, [v, v])
            terms.append((sq, r))
        m.Minimize(sum(sq * weight[r] for sq, r in terms))
        s, st = solve(m)
        if st in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            lo = {r: 0 for r in reps}
            for (t, r), v in x.items():
                if s.Value(v):
                    lo[r] += minutes[t]
            exact = sum(Fraction(lo[r], total[r]) ** 2 for r in reps if total[r] > 0)
            bound = Fraction(int(s.BestObjectiveBound()), scale)
            out["squares"] = {"status": s.StatusName(st), "cpsat": float(exact),
                              "bound": float(bound), "scale": scale,
                              "seconds": round(s.WallTime(), 1)}
        else:
            out["squares"] = {"status": s.StatusName(st)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
