//! Words many messages share: weekdays, dates in running text, lists.

use chrono::Datelike;

use crate::model::Weekday;
use crate::tr;

/// The weekday's name in running text: "Monday", "Montag".
pub fn weekday(day: Weekday) -> String {
    match day {
        Weekday::Mon => tr!("weekday-mon"),
        Weekday::Tue => tr!("weekday-tue"),
        Weekday::Wed => tr!("weekday-wed"),
        Weekday::Thu => tr!("weekday-thu"),
        Weekday::Fri => tr!("weekday-fri"),
        Weekday::Sat => tr!("weekday-sat"),
        Weekday::Sun => tr!("weekday-sun"),
    }
}

/// The weekday's short name, for lists of days: "Mon", "Mo".
pub fn weekday_short(day: Weekday) -> String {
    match day {
        Weekday::Mon => tr!("weekday-short-mon"),
        Weekday::Tue => tr!("weekday-short-tue"),
        Weekday::Wed => tr!("weekday-short-wed"),
        Weekday::Thu => tr!("weekday-short-thu"),
        Weekday::Fri => tr!("weekday-short-fri"),
        Weekday::Sat => tr!("weekday-short-sat"),
        Weekday::Sun => tr!("weekday-short-sun"),
    }
}

/// A date in running text without its year: "Thu 3 Dec", "Do., 3. Dez.".
pub fn date(d: chrono::NaiveDate) -> String {
    tr!(
        "date-day",
        weekday = crate::i18n::weekday_short(crate::model::Weekday::of(d)),
        day = d.day(),
        month = d.month(),
    )
}

/// A date in running text with its year: "Thu 3 Dec 2026".
pub fn date_year(d: chrono::NaiveDate) -> String {
    tr!(
        "date-day-year",
        weekday = crate::i18n::weekday_short(crate::model::Weekday::of(d)),
        day = d.day(),
        month = d.month(),
        year = d.year().to_string(),
    )
}

/// "a, b and c" (one item alone; nothing for none).
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    list(items, |rest, last| {
        tr!("list-and", rest = rest, last = last)
    })
}

/// "a, b or c" (one item alone; nothing for none).
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    list(items, |rest, last| tr!("list-or", rest = rest, last = last))
}

/// All but the last item joined by commas, then `join` with the last.
fn list<S: AsRef<str>>(items: &[S], join: impl Fn(String, &str) -> String) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => join(
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_language, Lang};

    fn d(s: &str) -> chrono::NaiveDate {
        crate::model::parse_date(s).expect("test date")
    }

    #[test]
    fn dates_and_lists_read_as_before_in_english_and_naturally_in_german() {
        for s in ["2026-12-03", "2027-01-10", "2026-05-31"] {
            assert_eq!(date(d(s)), d(s).format("%a %-d %b").to_string());
            assert_eq!(date_year(d(s)), d(s).format("%a %-d %b %Y").to_string());
        }
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(or_list(&["a", "b"]), "a or b");
        with_language(Lang::De, || {
            assert_eq!(date(d("2026-12-03")), "Do., 3. Dez.");
            assert_eq!(date_year(d("2026-05-31")), "So., 31. Mai 2026");
            assert_eq!(and_list(&["a", "b", "c"]), "a, b und c");
            assert_eq!(or_list(&["a", "b"]), "a oder b");
        });
    }
}
