//! `meridian`: the command-line face of the same core the desktop app uses.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
