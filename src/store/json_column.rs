//! JSON text columns: small structured values (weekday lists, hour maps) that
//! are always read and written whole.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::StoreError;

pub(crate) fn to_text<T: Serialize>(v: &T) -> String {
    // Plain data with string keys always serialises.
    serde_json::to_string(v).unwrap_or_default()
}

pub(crate) fn from_text<T: DeserializeOwned>(
    table: &'static str,
    id: &str,
    column: &str,
    text: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        table,
        id: id.to_string(),
        detail: format!("{column}: {e}"),
    })
}
