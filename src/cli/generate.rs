//! `meridian generate completions|man DIR`: shell completions (bash, zsh,
//! fish) and manual pages, written from the very clap command `meridian`
//! parses, so they cannot drift from it.
//!
//! The subcommand is hidden and lives outside [`super::Cli`]: the command
//! the files describe is `Cli` alone, so neither `--help`, the completions
//! nor the man pages offer `generate`. `scripts/package` runs it on the
//! release binary and puts the files where a package installs them.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgMatches, Command, FromArgMatches, Subcommand};
use clap_complete::Shell;

const NAME: &str = "generate";

/// What `meridian generate` writes.
#[derive(Subcommand)]
enum Generate {
    /// Shell completions: `meridian.bash`, `_meridian` (zsh), `meridian.fish`.
    Completions {
        /// The folder to write them to (created if missing).
        dir: PathBuf,
    },
    /// Manual pages: `meridian.1` and one `meridian-<command>.1` per command.
    Man {
        /// The folder to write them to (created if missing).
        dir: PathBuf,
    },
}

/// `cli` with the hidden `generate` subcommand added.
pub fn with_generate(cli: Command) -> Command {
    cli.subcommand(Generate::augment_subcommands(
        Command::new(NAME)
            .about("Write shell completions or manual pages (for packagers)")
            .subcommand_required(true)
            .hide(true),
    ))
}

/// Runs `generate` when `matches` asked for it, describing `documented`;
/// `None` for every other command.
pub fn run(matches: &ArgMatches, documented: Command) -> Option<ExitCode> {
    let (NAME, sub) = matches.subcommand()? else {
        return None;
    };
    let written = match Generate::from_arg_matches(sub) {
        Ok(Generate::Completions { dir }) => completions(documented, &dir),
        Ok(Generate::Man { dir }) => man_pages(documented, &dir),
        Err(e) => e.exit(),
    };
    Some(match written {
        Ok(files) => {
            let list: String = files
                .iter()
                .map(|f| format!("wrote {}\n", f.display()))
                .collect();
            // A closed stdout loses only this list; the files are written.
            let _ = super::out(&list);
            ExitCode::SUCCESS
        }
        Err((path, e)) => {
            let _ = writeln!(std::io::stderr(), "error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    })
}

type Written = Result<Vec<PathBuf>, (PathBuf, std::io::Error)>;

fn create_dir(dir: &Path) -> Result<(), (PathBuf, std::io::Error)> {
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))
}

/// One completion file per shell, under the names the shells look for
/// once a package puts them in their folders.
fn completions(mut cmd: Command, dir: &Path) -> Written {
    create_dir(dir)?;
    let bin = cmd.get_name().to_owned();
    [Shell::Bash, Shell::Zsh, Shell::Fish]
        .into_iter()
        .map(|shell| {
            clap_complete::generate_to(shell, &mut cmd, &bin, dir)
                .map_err(|e| (dir.join(OsStr::new(&bin)), e))
        })
        .collect()
}

/// `meridian.1` and a page per visible subcommand at any depth
/// (`meridian-reps-put.1`), each naming the release it describes.
fn man_pages(cmd: Command, dir: &Path) -> Written {
    create_dir(dir)?;
    let source = format!("{} {}", cmd.get_name(), env!("CARGO_PKG_VERSION"));
    let mut cmd = cmd.disable_help_subcommand(true);
    // Building fills in the display names (`meridian-reps-put`) the file
    // names and the pages' titles come from.
    cmd.build();
    let mut written = Vec::new();
    let mut todo = vec![cmd];
    while let Some(cmd) = todo.pop() {
        todo.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let page = clap_mangen::Man::new(cmd)
            .source(source.clone())
            .manual("Meridian");
        let path = dir.join(page.get_filename());
        page.generate_to(dir).map_err(|e| (path.clone(), e))?;
        written.push(path);
    }
    written.sort();
    Ok(written)
}
