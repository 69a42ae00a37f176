//! The rotation planner (issue 4, in progress): plans that the outside checker
//! accepts, with the printed figures recomputed, on the contract's examples.

use std::process::Command;

use crate::shared;

#[test]
fn rotations_of_the_examples_pass_the_checker_at_the_known_optimum() {
    let Some(dir) = shared::shared_dir() else {
        eprintln!("../shared is missing: rotation examples not checked");
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    for path in shared::examples() {
        let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
            .args(["rotate-offices", "--scenario"])
            .arg(&path)
            .arg("--json")
            .output()
            .expect("meridian runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let answer = tmp.path().join("rotation.json");
        std::fs::write(&answer, &out.stdout).expect("write");
        let expected = path.with_extension("expected.json");
        let check = Command::new("python3")
            .arg(dir.join("tools/check_solution.py"))
            .args(["rotation"])
            .arg(&path)
            .arg(&answer)
            .arg("--best")
            .arg(&expected)
            .arg("--require-best")
            .output()
            .expect("checker runs");
        assert!(
            check.status.success(),
            "{}: {}{}",
            path.display(),
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
    }
}
