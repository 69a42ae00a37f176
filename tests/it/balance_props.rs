//! The balancer against brute force (contract §4): on tiny teams every
//! assignment is enumerated and the lexicographic minimum of (tasks at risk,
//! highest utilisation, moves) computed with exact fractions; the planner's
//! plan must reach it, and every figure it prints must match the plan.
//!
//! Reps work every day in UTC (capacity `⌊h × 60 / 7⌋` a day, 0 on time
//! off), so the oracle needs no zone arithmetic; capacities with meetings
//! and zones are tested in the module and by the outside checker.

use std::cmp::Ordering;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use meridian::model::{
    BalanceRequest, ClockTime, DateRange, Hours, Interval, Rep, Scenario, Task, Weekday,
};
use meridian::plan::balance::{balance, BalanceAnswer};

const FROM: &str = "2026-12-07";

#[derive(Debug, Clone)]
struct TinyRep {
    hours: u32,
    off: Vec<bool>,
    skill: bool,
}

#[derive(Debug, Clone)]
struct TinyTask {
    half_hours: u32,
    due: Option<usize>,
    home: Option<usize>,
    pinned: bool,
    skill: bool,
}

fn from() -> NaiveDate {
    meridian::model::parse_date(FROM).expect("date")
}

/// A document with nothing in it, to fill in field by field.
fn empty() -> Scenario {
    Scenario::default()
}

fn scenario(days: usize, reps: &[TinyRep], tasks: &[TinyTask]) -> Scenario {
    let iv = Interval(
        ClockTime::parse("09:00").expect("time"),
        ClockTime::parse("17:00").expect("time"),
    );
    let mut sc = empty();
    sc.reps = reps
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut rep = Rep::new(&format!("r{i}"), &format!("R{i}"), "UTC");
            rep.working_hours = Weekday::ALL.iter().map(|&w| (w, vec![iv])).collect();
            rep.capacity_hours_per_week = Hours::from_whole(r.hours);
            rep.time_off = (0..days)
                .filter(|&d| r.off[d])
                .map(|d| {
                    let day = from() + Duration::days(d as i64);
                    DateRange {
                        start: day,
                        end: day,
                    }
                })
                .collect();
            if r.skill {
                rep.skills = vec!["s".into()];
            }
            rep
        })
        .collect();
    sc.tasks = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| Task {
            id: format!("t{i}"),
            title: format!("T{i}"),
            hours: Hours::parse(&format!("{}", f64::from(t.half_hours) / 2.0)).expect("hours"),
            due: t.due.map(|d| from() + Duration::days(d as i64)),
            assignee: t.home.map(|h| format!("r{h}")),
            skills_required: if t.skill { vec!["s".into()] } else { vec![] },
            pinned: t.pinned && t.home.is_some(),
        })
        .collect();
    sc
}

/// (at risk, max load/cap as a fraction or ∞, moves), compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Obj {
    risk: u32,
    /// (num, den); den 0 is ∞.
    max: (i64, i64),
    moves: u32,
}

impl Obj {
    fn cmp(&self, o: &Obj) -> Ordering {
        let frac = |(n, d): (i64, i64), (m, e): (i64, i64)| match (d, e) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            _ => (i128::from(n) * i128::from(e)).cmp(&(i128::from(m) * i128::from(d))),
        };
        self.risk
            .cmp(&o.risk)
            .then(frac(self.max, o.max))
            .then(self.moves.cmp(&o.moves))
    }
}

struct Oracle {
    days: usize,
    daily: Vec<Vec<i64>>,
    minutes: Vec<i64>,
    due: Vec<usize>,
    /// In-scope tasks in (due, id) order; `None` eligibility: unassignable.
    order: Vec<usize>,
    eligible: Vec<Vec<usize>>,
    home: Vec<Option<usize>>,
}

impl Oracle {
    fn new(days: usize, reps: &[TinyRep], tasks: &[TinyTask]) -> Oracle {
        let daily: Vec<Vec<i64>> = reps
            .iter()
            .map(|r| {
                (0..days)
                    .map(|d| {
                        if r.off[d] {
                            0
                        } else {
                            i64::from(r.hours) * 60 / 7
                        }
                    })
                    .collect()
            })
            .collect();
        let cum = |r: usize, d: usize| -> i64 { daily[r][..=d].iter().sum() };
        let due: Vec<usize> = tasks.iter().map(|t| t.due.unwrap_or(days - 1)).collect();
        let mut order: Vec<usize> = (0..tasks.len()).collect();
        // Ids t0..t9 sort as strings the same as numbers below 10.
        order.sort_by_key(|&i| (due[i], format!("t{i}")));
        let eligible = (0..tasks.len())
            .map(|i| {
                let t = &tasks[i];
                match (t.pinned, t.home) {
                    (true, Some(h)) => vec![h],
                    _ => (0..reps.len())
                        .filter(|&r| (!t.skill || reps[r].skill) && cum(r, due[i]) > 0)
                        .collect(),
                }
            })
            .collect();
        Oracle {
            days,
            minutes: tasks.iter().map(|t| i64::from(t.half_hours) * 30).collect(),
            due,
            order,
            eligible,
            home: tasks.iter().map(|t| t.home).collect(),
            daily,
        }
    }

    fn evaluate(&self, rep_of: &[Option<usize>]) -> Obj {
        let n = self.daily.len();
        let mut load = vec![0i64; n];
        let mut risk = 0;
        let mut moves = 0;
        for &i in &self.order {
            let Some(r) = rep_of[i] else { continue };
            load[r] += self.minutes[i];
            let cap: i64 = self.daily[r][..=self.due[i]].iter().sum();
            if load[r] > cap {
                risk += 1;
            }
            if self.home[i].is_some_and(|h| h != r) {
                moves += 1;
            }
        }
        let mut max = (0i64, 1i64);
        for (days, &l) in self.daily.iter().zip(&load) {
            let c: i64 = days.iter().sum();
            let u = match (l, c) {
                (0, _) => (0, 1),
                (_, 0) => (1, 0),
                (l, c) => (l, c),
            };
            if (Obj {
                risk: 0,
                max: u,
                moves: 0,
            })
            .cmp(&Obj {
                risk: 0,
                max,
                moves: 0,
            }) == Ordering::Greater
            {
                max = u;
            }
        }
        Obj { risk, max, moves }
    }

    fn best(&self) -> Obj {
        let tasks: Vec<usize> = (0..self.minutes.len())
            .filter(|&i| !self.eligible[i].is_empty() && self.due[i] < self.days)
            .collect();
        let mut rep_of: Vec<Option<usize>> = vec![None; self.minutes.len()];
        let mut best: Option<Obj> = None;
        self.walk(&tasks, 0, &mut rep_of, &mut best);
        best.unwrap_or(Obj {
            risk: 0,
            max: (0, 1),
            moves: 0,
        })
    }

    fn walk(
        &self,
        tasks: &[usize],
        k: usize,
        rep_of: &mut Vec<Option<usize>>,
        best: &mut Option<Obj>,
    ) {
        if k == tasks.len() {
            let o = self.evaluate(rep_of);
            if best.is_none_or(|b| o.cmp(&b) == Ordering::Less) {
                *best = Some(o);
            }
            return;
        }
        let i = tasks[k];
        for &r in &self.eligible[i] {
            rep_of[i] = Some(r);
            self.walk(tasks, k + 1, rep_of, best);
        }
        rep_of[i] = None;
    }

    /// The plan of an answer, in task order.
    fn plan_of(&self, a: &BalanceAnswer) -> Vec<Option<usize>> {
        let mut rep_of = vec![None; self.minutes.len()];
        for x in &a.assignments {
            let i: usize = x.task[1..].parse().expect("task id");
            let r: usize = x.rep[1..].parse().expect("rep id");
            rep_of[i] = Some(r);
        }
        rep_of
    }
}

fn tiny() -> impl Strategy<Value = (usize, Vec<TinyRep>, Vec<TinyTask>)> {
    (1usize..=4, 1usize..=4).prop_flat_map(|(days, n_reps)| {
        let rep = (
            0u32..=14,
            prop::collection::vec(prop::bool::weighted(0.25), days),
            prop::bool::weighted(0.6),
        )
            .prop_map(|(hours, off, skill)| TinyRep { hours, off, skill });
        let task = (
            1u32..=12,
            prop::option::weighted(0.8, 0..days),
            prop::option::weighted(0.7, 0..n_reps),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.3),
        )
            .prop_map(|(half_hours, due, home, pinned, skill)| TinyTask {
                half_hours,
                due,
                home,
                pinned,
                skill,
            });
        (
            Just(days),
            prop::collection::vec(rep, n_reps),
            prop::collection::vec(task, 1..=6),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_reaches_the_brute_force_optimum_on_risk_utilisation_and_moves(
        (days, reps, tasks) in tiny()
    ) {
        let sc = scenario(days, &reps, &tasks);
        let to = from() + Duration::days(days as i64 - 1);
        let answer = balance(&sc, &BalanceRequest { from: from(), to }).expect("plan");
        let oracle = Oracle::new(days, &reps, &tasks);
        let plan = oracle.plan_of(&answer);
        let got = oracle.evaluate(&plan);
        let want = oracle.best();
        prop_assert_eq!(got.cmp(&want), Ordering::Equal, "got {:?}, brute force {:?}", got, want);
        // Printed figures are the plan's.
        prop_assert_eq!(answer.objective.at_risk, got.risk);
        prop_assert_eq!(answer.objective.moves, got.moves);
        let max = (got.max.1 != 0).then(|| got.max.0 as f64 / got.max.1 as f64);
        prop_assert_eq!(answer.objective.max_utilization, max);
        prop_assert!(answer.bounds.optimal);
        // Every assignable task is assigned, the others listed.
        let assignable = (0..tasks.len()).filter(|&i| !oracle.eligible[i].is_empty()).count();
        prop_assert_eq!(answer.assignments.len(), assignable);
        prop_assert_eq!(answer.unassignable.len(), tasks.len() - assignable);
    }
}
