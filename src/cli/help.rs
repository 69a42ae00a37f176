//! `meridian --help` with its commands in groups a lead thinks in (team,
//! planning, calendars, files, backups). clap lists subcommands in one flat
//! block, so the root's help template carries this listing instead.

use clap::Command;

/// Every visible subcommand belongs to exactly one group (a test checks).
const GROUPS: &[(&str, &[&str])] = &[
    (
        "Your team",
        &["reps", "teams", "offices", "meetings", "tasks"],
    ),
    (
        "Planning",
        &[
            "suggest-meeting",
            "rotate-offices",
            "balance",
            "agenda",
            "report",
        ],
    ),
    ("Calendars", &["calendars", "export-ics"]),
    (
        "Files",
        &["import", "export", "validate", "export-rotation-csv"],
    ),
    ("Undo", &["undo", "redo"]),
    ("Backups", &["backup", "backups", "restore"]),
    ("Meridian", &["about", "help"]),
];

/// `cmd` with its subcommands listed by group in `--help`.
pub(super) fn grouped(cmd: Command) -> Command {
    let mut built = cmd.clone();
    built.build();
    let listed: Vec<(String, String)> = built
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| {
            let about = s.get_about().map(|a| a.to_string()).unwrap_or_default();
            // The first sentence: the listing is one line per command.
            let first = about
                .split(". ")
                .next()
                .and_then(|s| s.split("; ").next())
                .unwrap_or("")
                .trim_end_matches('.');
            (s.get_name().to_string(), first.to_string())
        })
        .collect();
    let width = listed.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let line = |name: &str, about: &str| format!("  {name:<width$}  {about}\n");
    let mut text = String::new();
    let mut placed = vec![false; listed.len()];
    for (heading, names) in GROUPS {
        let mut block = String::new();
        for name in *names {
            if let Some(i) = listed.iter().position(|(n, _)| n == name) {
                placed[i] = true;
                block.push_str(&line(name, &listed[i].1));
            }
        }
        if !block.is_empty() {
            text.push_str(&format!("{heading}:\n{block}\n"));
        }
    }
    // A command added without a group still shows.
    let rest: String = listed
        .iter()
        .zip(&placed)
        .filter(|(_, p)| !**p)
        .map(|((n, a), _)| line(n, a))
        .collect();
    if !rest.is_empty() {
        text.push_str(&format!("Other:\n{rest}\n"));
    }
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{text}Options:\n{{options}}\n\nRun `meridian COMMAND --help` for a command's options.{{after-help}}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_visible_command_is_in_exactly_one_group() {
        let mut cmd = super::super::Cli::command();
        cmd.build();
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let n = GROUPS
                .iter()
                .filter(|(_, names)| names.contains(&sub.get_name()))
                .count();
            assert_eq!(n, 1, "{} is in {n} groups", sub.get_name());
        }
        for (_, names) in GROUPS {
            for name in *names {
                assert!(
                    cmd.find_subcommand(name).is_some(),
                    "{name} is grouped but is no command"
                );
            }
        }
    }

    #[test]
    fn the_help_lists_commands_under_their_groups_in_order() {
        let help = grouped(super::super::Cli::command())
            .render_help()
            .to_string();
        let at = |s: &str| {
            help.find(s)
                .unwrap_or_else(|| panic!("{s:?} missing in\n{help}"))
        };
        assert!(at("Your team:\n  reps ") < at("Planning:\n"));
        assert!(
            at("Planning:\n") < at("  rotate-offices ")
                && at("  rotate-offices ") < at("Calendars:\n")
        );
        assert!(at("Backups:\n") < at("  restore "));
        assert!(at("Options:\n") > at("Meridian:\n"));
        assert!(help.contains("--db <PATH>"), "{help}");
        assert!(!help.contains("Commands:"), "{help}");
    }
}
