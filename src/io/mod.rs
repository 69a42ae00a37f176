//! Reading and writing documents at the edges: the JSON team document
//! ([`scenario`]) over a strict JSON tree ([`json`]).

pub mod json;
pub mod scenario;
