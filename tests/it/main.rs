//! Integration tests of the core, one binary: validation rule by rule, store
//! and migrations, document round trips, the facade's edits, the CLI, and the
//! meeting planner (outside checker, property tests against brute force),
//! reps CSV import/export, and replays of the committed fuzz corpora.

mod agenda;
mod balance;
mod balance_props;
mod cli;
mod concurrency;
mod csv;
mod edits;
mod fuzz_corpus;
mod ics;
mod meeting;
mod meeting_props;
mod rotation;
mod rotation_props;
mod roundtrip;
mod shared;
mod store;
mod validation;
