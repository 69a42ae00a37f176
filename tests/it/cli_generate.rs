//! `meridian generate completions|man DIR`: the files the packages install,
//! written from the CLI's own clap command.

use std::path::Path;
use std::process::{Command, Output};

fn meridian(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meridian"))
        .args(args)
        .output()
        .expect("meridian runs")
}

fn generate(what: &str, dir: &Path) -> Output {
    let out = meridian(&["generate".as_ref(), what.as_ref(), dir.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn completions_offer_every_command_for_bash_zsh_and_fish_but_not_generate() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = generate("completions", &dir.path().join("new"));
    let listed = String::from_utf8_lossy(&out.stdout);
    for name in ["meridian.bash", "_meridian", "meridian.fish"] {
        assert!(listed.contains(name), "{listed}");
        let text = read(&dir.path().join("new").join(name));
        for command in [
            "suggest-meeting",
            "rotate-offices",
            "calendars",
            "csv-template",
        ] {
            assert!(text.contains(command), "{name} lacks {command}");
        }
        assert!(
            !text.contains("generate"),
            "{name} offers the hidden generate"
        );
    }
}

#[test]
fn man_pages_describe_the_command_and_each_subcommand() {
    let dir = tempfile::tempdir().expect("tmp");
    generate("man", dir.path());
    let top = read(&dir.path().join("meridian.1"));
    assert!(top.contains(".TH meridian 1"), "{top}");
    assert!(top.contains(env!("CARGO_PKG_VERSION")), "{top}");
    assert!(top.contains("suggest\\-meeting"), "{top}");
    assert!(!top.contains("generate"), "{top}");
    let put = read(&dir.path().join("meridian-reps-put.1"));
    assert!(put.contains(".TH meridian-reps-put 1"), "{put}");
    assert!(!dir.path().join("meridian-generate.1").exists());
}

#[test]
fn help_does_not_list_generate() {
    let out = meridian(&["--help".as_ref()]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("suggest-meeting"), "{help}");
    assert!(!help.contains("generate"), "{help}");
}

#[test]
fn an_unwritable_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let out = meridian(&["generate".as_ref(), "man".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("a-file"),
        "{err}"
    );
}
