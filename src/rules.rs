//! The contract's rules shared by the parser, the store and the planners.

/// The largest file any reader accepts.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
