//! Reading and writing documents at the edges: the JSON team document
//! ([`scenario`]) over a strict JSON tree ([`json`]); reps and the saved
//! rotation as CSV ([`csv_reps`], [`csv_rotation`] over [`csv_cells`]).

pub mod csv_cells;
pub mod csv_report;
pub mod csv_reps;
pub mod csv_rotation;
pub mod ics;
pub mod json;
pub mod scenario;
pub mod what_if;
