//! The workload balancer against the exact optimum on 20 generated teams of
//! 6 to 30 reps (issue 14): `meridian balance` must equal, on all four
//! terms of the contract's objective (§4), what an exact solver proves.
//!
//! **The instrument** is `scripts/exact/cpsat_balance.py`: a CP-SAT model
//! (Google OR-Tools) of the contract's arithmetic, read from the outside
//! checker's `../shared/tools/meridian_semantics.py`, never from our code.
//! Given our answer it proves, in turn: (1) no plan has fewer tasks at risk
//! (its minimum, proven optimal, equals ours); (2) no plan with our tasks at
//! risk has a lower highest utilisation (INFEASIBLE); (3) at our terms 1–2,
//! the fewest moves, proven optimal, equal ours; (4) at those moves, its
//! proven lower bound on the sum of squares is within 1e-9 (relative) of
//! ours. Term 4 has no integer form that fits in 64 bits, so each square
//! gets the weight `⌊S / C_r²⌋` (never above the exact one): the bound is a
//! true lower bound on every plan's exact figure, about 1e-10 below it.
//! Each solve has 2 workers and a time limit; a solve that ends without a
//! proof fails the test (it never passes silently).
//!
//! **Why OR-Tools from PyPI is fine in CI**: it is a measuring instrument
//! of the tests only, like the other outside tools (tzdata, icalendar,
//! Radicale) `scripts/test` installs with pip. The product never links,
//! ships or calls it; it is open source (Apache-2.0) and widely used, and a
//! CP-SAT proof is independent of our search, which is the point. Python
//! is `MERIDIAN_EXACT_PYTHON` or `python3`; without `ortools` the test fails
//! under CI (`CI` set) and is skipped with a note elsewhere.
//!
//! Teams: `gen_scenario.py --reps N --offices K --teams T --weeks 2 --tasks
//! 3N --seed S` for S in 101..=120, N = 6 + (S−101)·24/19, K = max(1, N/10),
//! T = max(1, N/6). Files stay in `CARGO_TARGET_TMPDIR/balance_exact/`.
//! About 2 minutes on 2 cores, nearly all of it CP-SAT's proofs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use crate::balance::balance;
use crate::shared;

/// Time limit of each CP-SAT solve (four per team).
const SOLVE_SECONDS: u32 = 40;
/// Relative tolerance on the sum of squares.
const SQUARES_REL: f64 = 1e-9;

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("balance_exact");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

fn python() -> String {
    std::env::var("MERIDIAN_EXACT_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Python with OR-Tools, or why not.
fn ortools_ready() -> Result<(), String> {
    let py = python();
    match Command::new(&py)
        .args(["-c", "import ortools.sat.python.cp_model"])
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "{py} cannot import ortools: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("{py} does not run: {e}")),
    }
}

/// The instrument's verdict on one answer (its one JSON line).
fn cpsat(shared: &Path, scenario: &Path, answer: &Path, terms: u8) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/exact/cpsat_balance.py");
    let out = Command::new(python())
        .arg(&script)
        .arg(scenario)
        .arg(answer)
        .args(["--terms", &terms.to_string(), "--workers", "2", "--seconds"])
        .arg(SOLVE_SECONDS.to_string())
        .env("MERIDIAN_SHARED_TOOLS", shared.join("tools"))
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}: cpsat_balance.py failed: {}",
        scenario.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: cpsat_balance.py printed no JSON ({e}): {}",
            scenario.display(),
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// What differs from the proven optimum on one team (empty: nothing).
fn judge(v: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let ours = &v["meridian"];
    let status = |s: &Value, want: &str, what: &str, bad: &mut Vec<String>| {
        let got = s.as_str().unwrap_or("missing");
        if got != want {
            bad.push(format!(
                "{what}: CP-SAT ended {got}, not {want} (no proof within {SOLVE_SECONDS} s)"
            ));
            false
        } else {
            true
        }
    };
    // (1) The fewest tasks at risk, proven.
    if status(&v["risk"]["status"], "OPTIMAL", "tasks at risk", &mut bad) {
        let best = v["risk"]["best"].as_f64().unwrap_or(f64::NAN);
        let mine = ours["at_risk"].as_f64().unwrap_or(f64::NAN);
        if best != mine {
            bad.push(format!("tasks at risk: ours {mine}, optimum {best}"));
        }
    }
    // (2) Nothing below our highest utilisation at our tasks at risk.
    status(
        &v["max_below"],
        "INFEASIBLE",
        "highest utilisation",
        &mut bad,
    );
    // (3) The fewest moves at terms 1-2, proven.
    if status(&v["status"], "OPTIMAL", "moves", &mut bad) && v["cpsat_moves"] != ours["moves"] {
        bad.push(format!(
            "moves: ours {}, optimum {}",
            ours["moves"], v["cpsat_moves"]
        ));
    }
    // (4) The least squares at those moves, proven within the tolerance.
    let squares = &v["squares"];
    if v["cpsat_moves"] == ours["moves"]
        && status(&squares["status"], "OPTIMAL", "sum of squares", &mut bad)
    {
        let mine = ours["sum_squares"].as_f64().unwrap_or(f64::NAN);
        let bound = squares["bound"].as_f64().unwrap_or(f64::NAN);
        if (mine - bound).abs() > SQUARES_REL * mine.abs().max(1e-12) {
            bad.push(format!(
                "sum of squares: ours {mine}, optimum {bound} (plan found {})",
                squares["cpsat"]
            ));
        }
    }
    bad
}

/// `../shared`, when it and OR-Tools are there (under CI both must be).
fn instrument() -> Option<PathBuf> {
    let Some(shared_dir) = shared::shared_dir() else {
        eprintln!("../shared is missing: balance against CP-SAT not checked");
        return None;
    };
    if let Err(why) = ortools_ready() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{why}; CI installs it with `python3 -m pip install ortools` (scripts/test)"
        );
        eprintln!("skipped: {why} (set MERIDIAN_EXACT_PYTHON to a Python with ortools)");
        return None;
    }
    Some(shared_dir)
}

/// Writes `gen_scenario.py ARGS` to `CARGO_TARGET_TMPDIR/balance_exact/NAME`.
fn generated(name: &str, args: &[String]) -> PathBuf {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let text = shared::generate(&args).expect("../shared is present");
    let scenario = work_dir().join(name);
    std::fs::write(&scenario, text).expect("write scenario");
    scenario
}

/// `gen_scenario.py` arguments of a two-week team.
fn team_args(reps: u32, offices: u32, teams: u32, tasks: u32, seed: u32) -> Vec<String> {
    [
        ("--reps", reps),
        ("--offices", offices),
        ("--teams", teams),
        ("--weeks", 2),
        ("--tasks", tasks),
        ("--seed", seed),
    ]
    .iter()
    .flat_map(|(k, v)| [(*k).to_owned(), v.to_string()])
    .collect()
}

#[test]
fn small_generated_teams_reach_the_proven_optimum_on_all_four_terms() {
    let Some(shared_dir) = instrument() else {
        return;
    };
    let started = Instant::now();
    let mut failures = Vec::new();
    for seed in 101..=120u32 {
        let n = 6 + (seed - 101) * 24 / 19;
        let (k, t) = ((n / 10).max(1), (n / 6).max(1));
        let scenario = generated(
            &format!("team-{seed}.json"),
            &team_args(n, k, t, 3 * n, seed),
        );
        let (answer, _) = balance(&scenario);
        let verdict = cpsat(&shared_dir, &scenario, &answer, 4);
        let bad = judge(&verdict);
        if !bad.is_empty() {
            failures.push(format!(
                "seed {seed} ({n} reps, {}): {}",
                scenario.display(),
                bad.join("; ")
            ));
        }
    }
    eprintln!(
        "20 teams against CP-SAT in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of 20 teams differ from the proven optimum:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Dense teams (10 tasks a rep, most reps near their limit) where the
/// exact search of the whole team runs out of nodes: the groups after it
/// (`moves.rs`) must still reach the fewest moves CP-SAT proves at our
/// terms 1–2 (the sum of squares is not asked for here). Without the
/// random groups seeds 4 and 7 end 2 and 1 moves above it; with them all
/// three reach it from each of four seeds of the groups' draws. Seed 25
/// needs the groups searched as teams of their own (`subteam.rs`):
/// without them it ends at 32 against 30. Seeds 13 and 42 need those
/// groups' bound sought by the volume algorithm (`lagrange.rs`): without
/// it they end at 18 and 27 against 17 and 26.
#[test]
fn dense_teams_reach_the_proven_fewest_moves() {
    let Some(shared_dir) = instrument() else {
        return;
    };
    let mut failures = Vec::new();
    for seed in [4, 6, 7, 13, 25, 42] {
        let (reps, offices, teams) = (20, 2, 3);
        let scenario = generated(
            &format!("dense-{reps}-{seed}.json"),
            &team_args(reps, offices, teams, 200, seed),
        );
        let (answer, _) = balance(&scenario);
        let v = cpsat(&shared_dir, &scenario, &answer, 3);
        if v["status"] != "OPTIMAL" || v["cpsat_moves"] != v["meridian"]["moves"] {
            failures.push(format!(
                "{reps} reps, seed {seed} ({}): ours {} moves, CP-SAT {} ({})",
                scenario.display(),
                v["meridian"]["moves"],
                v["cpsat_moves"],
                v["status"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A dense 30-rep team (3 offices, 4 teams, 200 tasks, seed 40) whose
/// fewest moves at our terms 1–2, 30, CP-SAT proves only sometimes
/// within a test's time (by hand, on 1 worker: OPTIMAL in 9.8 s from a
/// 31-move start and in 49.7 s from ours; 40 s on 2 workers from ours
/// left its bound at 28), so the proven figure is recorded here rather
/// than proven on every run.
/// The groups searched as teams of their own (`moves.rs`) reach it only
/// when their draw runs 4,000,000 nodes without a better plan: at
/// 2,000,000 the team ended at 32.
#[test]
fn a_dense_30_rep_team_reaches_its_proven_fewest_moves() {
    if shared::shared_dir().is_none() {
        eprintln!("../shared is missing: the dense 30-rep team not checked");
        return;
    }
    let scenario = generated("dense-30-40.json", &team_args(30, 3, 4, 200, 40));
    let (answer, value) = balance(&scenario);
    if let Some(Err(why)) = shared::check_answer("balance", &scenario, &answer, None) {
        panic!("{}: {why}", scenario.display());
    }
    // 30 is the fewest moves at these terms 1–2 (4 at risk, 27/71 the
    // highest utilisation); were either to change, so might the figure.
    let objective = &value["objective"];
    let said = format!("{}: {objective}", scenario.display());
    let top = objective["max_utilization"].as_f64().unwrap_or(f64::NAN);
    assert_eq!(objective["at_risk"], 4, "{said}");
    assert!((top - 27.0 / 71.0).abs() < 1e-12, "{said}");
    assert_eq!(objective["moves"], 30, "{said}");
}
