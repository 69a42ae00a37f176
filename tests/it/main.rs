//! Integration tests of the core, one binary: validation rule by rule, store
//! and migrations, document round trips, the facade's edits and the CLI.

mod cli;
mod edits;
mod roundtrip;
mod shared;
mod store;
mod validation;
