//! The cell-level rules every Meridian CSV file shares: decoding bytes,
//! finding the separator, numbering rows as a spreadsheet does, writing
//! cells with quotes, and the spreadsheet formula-injection guard.
//!
//! Invariants:
//! - [`unguard`] undoes exactly what [`guard`] did, for every string:
//!   `unguard(&guard(s)) == s`. The export can therefore protect cells and
//!   the import still round-trips.
//! - Row numbers are the ones a spreadsheet shows: the header is row 1 and a
//!   cell spanning several lines (a quoted newline) is still one row.

use serde::{Deserialize, Serialize};

/// Characters a spreadsheet may read as the start of a formula (OWASP's CSV
/// injection list): a cell starting with one gets a leading apostrophe.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One thing wrong with (or worth knowing about) a CSV file, placed as a
/// spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CsvProblem {
    /// Spreadsheet row, 1-based, the header being row 1; `None` for the
    /// whole file.
    pub row: Option<u32>,
    /// The line of the file where that row starts (differs from `row` after
    /// cells holding line breaks).
    pub line: Option<u32>,
    /// The column's header name (`time_zone`); `None` for the whole row.
    pub column: Option<String>,
    pub message: String,
}

impl CsvProblem {
    /// A problem with the whole file.
    pub fn file(message: impl Into<String>) -> CsvProblem {
        CsvProblem {
            row: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// Where, as `row 3, column time_zone` (empty for the whole file).
    pub fn place(&self) -> String {
        match (self.row, &self.column) {
            (Some(r), Some(c)) => format!("row {r}, column {c}"),
            (Some(r), None) => format!("row {r}"),
            (None, Some(c)) => format!("column {c}"),
            (None, None) => String::new(),
        }
    }
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = self.place();
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

/// The text of a CSV file's bytes: UTF-8 with or without a byte-order mark.
///
/// # Errors
/// A whole-file [`CsvProblem`] for UTF-16 files and for bytes that are not
/// UTF-8, naming the byte offset and line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, CsvProblem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CsvProblem::file(crate::tr!("files-csv-utf16")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        CsvProblem {
            row: None,
            line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
            column: None,
            message: crate::tr!(
                "files-csv-not-utf8",
                at = at,
                line = line,
                byte = format!("{:#04x}", bytes[at])
            ),
        }
    })
}

/// The separator of a file: `;` when its header line (up to the first line
/// break outside quotes) has more semicolons than commas, else `,`.
pub fn detect_separator(text: &str) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

/// One record of a CSV file with its spreadsheet row and file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub row: u32,
    pub line: u32,
    pub cells: Vec<String>,
}

/// Splits `text` (no byte-order mark) into records with `sep`. Blank lines
/// are skipped but still counted as rows, as a spreadsheet shows them.
///
/// # Errors
/// A whole-file problem if the reader fails (it is lenient: stray quotes are
/// read as text).
pub fn records(text: &str, sep: u8) -> Result<Vec<Record>, CsvProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    // Line breaks counted up to `scanned`, and breaks inside earlier cells.
    let (mut scanned, mut breaks, mut inner) = (0usize, 0usize, 0usize);
    loop {
        match reader.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(CsvProblem::file(crate::tr!(
                    "files-csv-unreadable",
                    error = e.to_string()
                )))
            }
        }
        // The reader reports a record as starting where the previous one's
        // terminator began; skip terminators and blank lines to its first byte.
        let mut start = rec
            .position()
            .map_or(scanned, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .clamp(scanned, bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        breaks += line_breaks(&bytes[scanned..start]);
        scanned = start;
        let line = breaks + 1;
        let row = line - inner;
        inner += rec.iter().map(|c| line_breaks(c.as_bytes())).sum::<usize>();
        out.push(Record {
            row: u32::try_from(row).unwrap_or(u32::MAX),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            cells: rec.iter().map(str::to_string).collect(),
        });
    }
    Ok(out)
}

/// Line breaks in `b`: `\r\n`, `\n` and a lone `\r` each count once.
fn line_breaks(b: &[u8]) -> usize {
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// Protects a cell from being run as a formula: when it starts (after any
/// apostrophes) with one of [`FORMULA_STARTS`], one apostrophe is added.
pub fn guard(cell: &str) -> String {
    if needs_guard(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Removes the apostrophe [`guard`] added: one leading apostrophe when, after
/// all leading apostrophes, the cell starts with one of [`FORMULA_STARTS`].
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(|c| FORMULA_STARTS.contains(&c))
}

/// Appends one row to `out`: each cell guarded, quoted when it holds the
/// separator, a quote, a line break or surrounding spaces; `\n` at the end.
pub fn write_row<S: AsRef<str>>(out: &mut String, cells: &[S], sep: char) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        let cell = guard(cell.as_ref());
        let quote =
            cell.contains([sep, '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ');
        if quote {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_round_trips_every_shape_of_cell() {
        for s in [
            "",
            "=1+1",
            "+44",
            "-5",
            "@x",
            "\tx",
            "\rx",
            "'=x",
            "''=x",
            "'a",
            "a",
            "''",
            "'",
            "Etc/GMT+5",
            "'-",
        ] {
            assert_eq!(unguard(&guard(s)), s, "{s:?}");
        }
        assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard("Etc/GMT+5"), "Etc/GMT+5");
        assert_eq!(unguard("'Ana"), "'Ana");
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let recs = records("a,b\r\n\r\n1,\"x\ny\"\n\n2,3\n4,5", b',').expect("read");
        let at: Vec<(u32, u32)> = recs.iter().map(|r| (r.row, r.line)).collect();
        assert_eq!(at, vec![(1, 1), (3, 3), (5, 6), (6, 7)]);
    }

    #[test]
    fn the_separator_is_read_from_the_header_outside_quotes() {
        assert_eq!(detect_separator("id;name;\"a,b,c\"\n1,2,3,4"), b';');
        assert_eq!(detect_separator("id,name\n;;;;"), b',');
        assert_eq!(detect_separator("id"), b',');
    }

    #[test]
    fn bytes_that_are_not_utf8_are_placed() {
        let err = decode(b"id\nana\n\xff").expect_err("bad");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("byte 7"), "{}", err.message);
        assert_eq!(decode(b"\xEF\xBB\xBFid"), Ok("id"));
    }

    #[test]
    fn file_problems_read_in_german() {
        use crate::i18n::{with_language, Lang};
        let err = with_language(Lang::De, || decode(b"id\n\xff")).expect_err("bad");
        assert_eq!(
            err.message,
            "Kein UTF-8-Text: Byte 3 (Zeile 2) ist 0xff; speichern Sie die Datei als „CSV UTF-8“"
        );
        let err = with_language(Lang::De, || decode(b"\xff\xfei\0d\0")).expect_err("utf-16");
        assert_eq!(
            err.message,
            "Die Datei ist UTF-16-codiert; speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut"
        );
        assert_eq!(
            decode(b"\xff\xfei\0d\0").expect_err("utf-16").message,
            "the file is UTF-16; save it as \"CSV UTF-8\" and try again"
        );
    }
}
