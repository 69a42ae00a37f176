//! Access to `../shared` (the contract's examples and the outside Python
//! tools), which CI lays beside the checkout. The project never needs it to
//! run; tests that use it say so when it is missing.

use std::path::PathBuf;
use std::process::Command;

pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("spec/scenario-format.md").exists().then_some(dir)
}

/// Example scenario files of the contract.
pub fn examples() -> Vec<PathBuf> {
    let Some(dir) = shared_dir() else {
        eprintln!("../shared is missing: contract examples not checked");
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir.join("spec/examples"))
        .expect("examples folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".expected.json")
        })
        .collect();
    out.sort();
    out
}

/// Runs `gen_scenario.py` and returns the document's text.
pub fn generate(args: &[&str]) -> Option<String> {
    let dir = shared_dir()?;
    let out = Command::new("python3")
        .arg(dir.join("tools/gen_scenario.py"))
        .args(args)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "gen_scenario failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("generator writes UTF-8"))
}

/// Runs `check_solution.py validate FILE`: (exit code, output).
pub fn outside_validate(file: &std::path::Path) -> Option<(i32, String)> {
    outside_check(&["validate".as_ref(), file.as_os_str()])
}

/// Runs `check_solution.py ARGS…` (e.g. `meeting SCENARIO ANSWER --best B`):
/// (exit code, stdout and stderr). `None` when `../shared` is missing.
pub fn outside_check(args: &[&std::ffi::OsStr]) -> Option<(i32, String)> {
    let dir = shared_dir()?;
    let out = Command::new("python3")
        .arg(dir.join("tools/check_solution.py"))
        .args(args)
        .output()
        .ok()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.code().unwrap_or(-1), text))
}

/// `NAME.expected.json` beside a contract example, when there is one.
pub fn expected_of(example: &std::path::Path) -> Option<PathBuf> {
    let best = example.with_extension("expected.json");
    best.exists().then_some(best)
}

/// Runs the outside checker (`check_solution.py KIND`) on an answer file,
/// with `--best FILE --require-best` when `best` is given. `None` when
/// `../shared` is missing; `Err` carries the checker's words.
pub fn check_answer(
    kind: &str,
    scenario: &std::path::Path,
    answer: &std::path::Path,
    best: Option<&std::path::Path>,
) -> Option<Result<String, String>> {
    use std::ffi::OsStr;
    let mut args: Vec<&OsStr> = vec![kind.as_ref(), scenario.as_os_str(), answer.as_os_str()];
    if let Some(best) = best {
        args.extend([
            "--best".as_ref(),
            best.as_os_str(),
            "--require-best".as_ref(),
        ]);
    }
    let (code, said) = outside_check(&args)?;
    Some(if code == 0 {
        Ok(said)
    } else {
        Err(format!(
            "{} (answer {}): check_solution.py exited {code}:\n{said}",
            scenario.display(),
            answer.display()
        ))
    })
}
