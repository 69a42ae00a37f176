//! Words many messages share.

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
