//! The bundled table, read once from the bytes `scripts/holidays/generate.py`
//! writes.
//!
//! Layout (integers are LEB128 unless said otherwise, texts are a length and
//! UTF-8 bytes):
//! - the magic line `MERIDIAN-HOLIDAYS-1\n`, the python-holidays version (text),
//!   the first and last year (two little-endian `u16`);
//! - the holiday names (a count, then texts), sorted;
//! - the regions (a count), each: code, label, its country's index + 1 (0 for
//!   a country), the days removed from the country's list (a count, then day
//!   deltas) and the days added (a count, then pairs of day delta and name
//!   index). A day is the number of days since 1 January of the first year.
//!
//! A subdivision is stored as its difference from its country, so the file
//! stays small; its whole list is worked out the first time it is asked for.

use std::sync::OnceLock;

use chrono::NaiveDate;

const MAGIC: &[u8] = b"MERIDIAN-HOLIDAYS-1\n";

/// One region's holidays: (day, name index), sorted by day, one per day.
pub(super) type Days = Vec<(u16, u16)>;

pub(super) struct RegionRow {
    pub code: &'static str,
    pub label: &'static str,
    pub country: Option<usize>,
    removed: Vec<u16>,
    added: Days,
    days: OnceLock<Days>,
}

pub(super) struct Table {
    pub version: &'static str,
    pub first_year: i32,
    pub last_year: i32,
    pub epoch: NaiveDate,
    pub names: Vec<&'static str>,
    pub regions: Vec<RegionRow>,
    /// Region indices sorted by code, for lookups in any case.
    pub by_code: Vec<usize>,
    /// Canonical code → region index: the documents hold canonical codes,
    /// and rule checks look one up per rep and day.
    pub exact: std::collections::HashMap<&'static str, usize>,
}

impl Table {
    /// The holidays of region `i`, sorted by day.
    pub fn days(&self, i: usize) -> &[(u16, u16)] {
        let row = &self.regions[i];
        row.days.get_or_init(|| match row.country {
            None => row.added.clone(),
            Some(c) => {
                let base = self.days(c);
                let mut out: Days = base
                    .iter()
                    .filter(|(d, _)| row.removed.binary_search(d).is_err())
                    .copied()
                    .collect();
                out.extend_from_slice(&row.added);
                out.sort_unstable();
                out
            }
        })
    }
}

struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut out = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            out |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(out);
            }
        }
        None
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    fn small(&mut self) -> Option<u16> {
        u16::try_from(self.varint()?).ok()
    }

    fn text(&mut self) -> Option<&'static str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn u16_le(&mut self) -> Option<u16> {
        let b = self.take(2)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }

    /// `n` days written as deltas, each optionally followed by a name index.
    fn days(&mut self, with_names: bool, n_names: usize) -> Option<Days> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n.min(4096));
        let mut day = 0u16;
        for _ in 0..n {
            day = day.checked_add(self.small()?)?;
            let name = if with_names { self.small()? } else { 0 };
            if usize::from(name) >= n_names.max(1) {
                return None;
            }
            out.push((day, name));
        }
        Some(out)
    }
}

/// Reads the table; `None` if the bytes are not a table this build reads
/// (a test checks the bundled one is).
pub(super) fn read(bytes: &'static [u8]) -> Option<Table> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let version = r.text()?;
    let first_year = i32::from(r.u16_le()?);
    let last_year = i32::from(r.u16_le()?);
    let epoch = NaiveDate::from_ymd_opt(first_year, 1, 1)?;
    let n_names = r.count()?;
    let mut names = Vec::with_capacity(n_names.min(1 << 16));
    for _ in 0..n_names {
        names.push(r.text()?);
    }
    let n_regions = r.count()?;
    let mut regions = Vec::with_capacity(n_regions.min(1 << 12));
    for i in 0..n_regions {
        let code = r.text()?;
        let label = r.text()?;
        let country = match r.count()? {
            0 => None,
            // A country comes before its subdivisions.
            c if c <= i => Some(c - 1),
            _ => return None,
        };
        let removed: Vec<u16> = r
            .days(false, n_names)?
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let added = r.days(true, n_names)?;
        regions.push(RegionRow {
            code,
            label,
            country,
            removed,
            added,
            days: OnceLock::new(),
        });
    }
    if r.at != bytes.len() {
        return None;
    }
    let mut by_code: Vec<usize> = (0..regions.len()).collect();
    by_code.sort_by(|&a, &b| regions[a].code.cmp(regions[b].code));
    let exact = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code, i))
        .collect();
    Some(Table {
        exact,
        version,
        first_year,
        last_year,
        epoch,
        names,
        regions,
        by_code,
    })
}
