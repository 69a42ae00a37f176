//! Integration tests of the core, one binary: validation rule by rule, store
//! and migrations, document round trips, the facade's edits, the CLI, and the
//! meeting planner (outside checker, property tests against brute force),
//! reps CSV import/export, and replays of the committed fuzz corpora.

mod agenda;
mod balance;
mod balance_exact;
mod balance_props;
mod balance_screen;
/// The benches' seeded team generators (`benches/common`), for the tests
/// that plan generated teams (holidays, travel).
#[path = "../../benches/common/mod.rs"]
#[allow(dead_code)]
mod bench_common;
mod caldav;
mod cli;
mod cli_generate;
mod concurrency;
mod csv;
mod edits;
mod fuzz_corpus;
mod holidays;
mod ics;
mod ledger;
mod meeting;
mod meeting_list;
mod meeting_props;
mod meeting_quorum;
mod reports;
mod rotation;
mod rotation_board;
mod rotation_explain;
mod rotation_props;
mod roundtrip;
mod screens;
mod shared;
mod store;
mod team_week;
mod travel;
mod travel_calendar;
mod travel_views;
mod undo;
mod validation;
mod what_if;
