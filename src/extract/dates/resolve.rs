//! Calendar arithmetic and TIMEX3 value formatting against a reference date.
//!
//! Every function takes the reference date as an `Option`: without one the
//! unknown parts stay `X` placeholders, as TimeML prescribes, instead of an
//! invented value.

use super::lexicon::{Holiday, Unit};
use chrono::{Datelike, Duration, NaiveDate};

/// Tense of the clause around an expression, to pick which occurrence of a
/// bare weekday or month is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// `YYYY-MM-DD`.
pub fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `YYYY-Www` (ISO week).
pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_months(y: i32, m: u32, k: i64) -> (i32, u32) {
    let t = y as i64 * 12 + (m as i64 - 1) + k;
    (t.div_euclid(12) as i32, (t.rem_euclid(12) + 1) as u32)
}

/// The period `k` units away from `r` ("last month" is k = -1), at the
/// granularity of the unit.
pub fn shifted(r: Option<NaiveDate>, unit: Unit, k: i64) -> String {
    let Some(r) = r else {
        return match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX".into(),
            Unit::Week => "XXXX-WXX".into(),
            Unit::Weekend => "XXXX-WXX-WE".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
            _ => "XXXX".into(),
        };
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => day(r),
        Unit::Day => day(r + Duration::days(k)),
        Unit::Week => week(r + Duration::days(7 * k)),
        Unit::Weekend => format!("{}-WE", week(r + Duration::days(7 * k))),
        Unit::Month => {
            let (y, m) = add_months(r.year(), r.month(), k);
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let q = (r.month() as i64 - 1) / 3 + k;
            format!("{:04}-Q{}", r.year() as i64 + q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Year => format!("{:04}", r.year() as i64 + k),
        Unit::Decade => format!("{:03}", (r.year() as i64 / 10) + k),
        Unit::Century => format!("{:02}", (r.year() as i64 / 100) + k),
    }
}

/// The year, month or day `k` units after the date `anchor` (a TIMEX3
/// value such as "1998-10-23" or "1998"); X placeholders when the anchor
/// is missing or coarser than the unit.
pub fn from_anchor(anchor: Option<&str>, unit: Unit, k: i64) -> String {
    let a = anchor.unwrap_or("");
    let num = |r: std::ops::Range<usize>| a.get(r).and_then(|s| s.parse::<u32>().ok());
    match unit {
        Unit::Day => match a.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
            Some(d) => day(d + Duration::days(k)),
            None => "XXXX-XX-XX".into(),
        },
        Unit::Month => match (num(0..4), a.as_bytes().get(4), num(5..7)) {
            (Some(y), Some(b'-'), Some(m)) if (1..=12).contains(&m) => {
                let (y, m) = add_months(y as i32, m, k);
                format!("{y:04}-{m:02}")
            }
            _ => "XXXX-XX".into(),
        },
        _ => num(0..4).map_or("XXXX".into(), |y| format!("{:04}", y as i64 + k)),
    }
}

/// A length of `n` units: "P3D", "PT24H"; decades and centuries in years
/// ("two decades" is P20Y), the form TIMEX3 annotators use.
pub fn length(unit: Unit, n: u32) -> String {
    match unit {
        Unit::Decade => format!("P{}Y", n * 10),
        Unit::Century => format!("P{}Y", n * 100),
        _ => {
            let (p, d) = unit.designator();
            format!("{p}{n}{d}")
        }
    }
}

/// A length of `n` and a half units, the half in the next smaller unit
/// ("2 1/2 years" is P2Y6M, "an hour and a half" PT1H30M) or, for units
/// without an exact half, as an ISO decimal fraction ("P2.5W").
pub fn length_and_half(unit: Unit, n: u32) -> String {
    match unit {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Decade => format!("P{}Y", n * 10 + 5),
        Unit::Century => format!("P{}Y", n * 100 + 50),
        _ => {
            let (p, d) = unit.designator();
            format!("{p}{n}.5{d}")
        }
    }
}

/// "three days ago": a point `n` units before (or after, `sign` = 1) the
/// reference, at the unit's granularity ("a year ago" is a year, as TIMEX3
/// values follow the granularity of the expression).
pub fn offset(r: Option<NaiveDate>, unit: Unit, n: Option<u32>, sign: i64) -> String {
    let Some(n) = n else {
        return if sign < 0 { "PAST_REF".into() } else { "FUTURE_REF".into() };
    };
    let k = sign * n as i64;
    match (unit, r) {
        (Unit::Decade, Some(_)) => shifted(r, Unit::Year, 10 * k),
        (Unit::Century, Some(_)) => shifted(r, Unit::Year, 100 * k),
        _ => shifted(r, unit, k),
    }
}

/// The weekday `wd` nearest the reference in the direction of `tense`
/// (the reference day itself included).
/// Without a reference, the weekday alone ("XXXX-WXX-2" for Tuesday).
pub fn weekday(r: Option<NaiveDate>, wd: u32, tense: Tense) -> String {
    let Some(r) = r else { return format!("XXXX-WXX-{wd}") };
    let cur = r.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let delta = match tense {
        Tense::Past => -((cur - wd).rem_euclid(7)),
        Tense::Future => (wd - cur).rem_euclid(7),
    };
    day(r + Duration::days(delta))
}

/// The year of a month (and day) given without one. News mostly speaks of
/// the reference year; only a month well past the reference in a past
/// clause (or well before it in a future clause) moves to the adjacent
/// year. Without a tense cue the nearest occurrence is meant (ties to the
/// past): unmarked months are as often announcements ("payable Feb. 1",
/// in November) as reports ("December's figures", in February).
pub fn year_for(r: Option<NaiveDate>, month: u32, tense: Option<Tense>) -> Option<i32> {
    let r = r?;
    let delta = month as i32 - r.month() as i32;
    let y = r.year();
    Some(match tense {
        Some(Tense::Past) if delta > 2 => y - 1,
        Some(Tense::Future) if delta < -2 => y + 1,
        None if delta > 6 => y - 1,
        None if delta < -6 => y + 1,
        _ => y,
    })
}

/// `YYYY-MM-DD`, `YYYY-MM` or with X for an unknown year; `None` for an
/// impossible date ("February 30").
pub fn month_day(year: Option<i32>, month: u32, dom: Option<u32>) -> Option<String> {
    match (year, dom) {
        (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, month, d).map(day),
        (None, Some(d)) => (d <= 31).then(|| format!("XXXX-{month:02}-{d:02}")),
        (Some(y), None) => Some(format!("{y:04}-{month:02}")),
        (None, None) => Some(format!("XXXX-{month:02}")),
    }
}

/// Season code (SP, SU, FA, WI) and its year for "last/this/next summer"
/// (`k` -1, 0, 1) or a bare "summer" (`k` 0 with the clause's tense).
/// "this summer" (no tense) is the one of the current season-year: in
/// March that is the summer to come whatever the verb, in October the one
/// just past.
/// TIMEX3 season codes, indexed like `Lex::Season` (spring first).
pub const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

pub fn season(r: Option<NaiveDate>, s: u32, k: i64, tense: Option<Tense>) -> String {
    let code = SEASON_CODES[s as usize];
    let Some(r) = r else { return format!("XXXX-{code}") };
    // Current season index (winter counts with the December year).
    let cur = match r.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    };
    let base = if r.month() <= 2 { r.year() - 1 } else { r.year() };
    let y = match k {
        -1 => {
            if s < cur {
                base
            } else {
                base - 1
            }
        }
        1 => {
            if s > cur {
                base
            } else {
                base + 1
            }
        }
        _ => match tense {
            Some(Tense::Past) if s > cur => base - 1,
            Some(Tense::Future) if s < cur => base + 1,
            _ => base,
        },
    };
    format!("{y:04}-{code}")
}

/// The quarter `q` meant without a year: the latest one reported on (past)
/// or the next one (future).
pub fn quarter(r: Option<NaiveDate>, q: u32, tense: Tense) -> String {
    let Some(r) = r else { return format!("XXXX-Q{q}") };
    let cur = (r.month() - 1) / 3 + 1;
    let y = match tense {
        Tense::Past if q > cur => r.year() - 1,
        _ => r.year(),
    };
    format!("{y:04}-Q{q}")
}

/// "the quarter" in a report: the last complete quarter in past clauses,
/// the current one otherwise; `years_back` = 1 for "the year-ago quarter".
pub fn reported_quarter(r: Option<NaiveDate>, tense: Tense, years_back: i64) -> String {
    let k = if tense == Tense::Past { -1 } else { 0 } - 4 * years_back;
    shifted(r, Unit::Quarter, k)
}

/// A weekday's TIMEX3 week-day form when recurring ("every Thursday").
pub fn weekday_set(wd: u32) -> String {
    format!("XXXX-WXX-{wd}")
}

/// The date of holiday `h` in year `y`.
pub fn holiday_in(h: Holiday, y: i32) -> Option<NaiveDate> {
    let nth = |m: u32, wd: u32, n: u32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let lead = (wd as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
        Some(first + Duration::days(lead + 7 * (n as i64 - 1)))
    };
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Nth(m, wd, n) => nth(m, wd, n),
        Holiday::Last(m, wd) => {
            let (ny, nm) = add_months(y, m, 1);
            let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
            let back = (last.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
            Some(last - Duration::days(back))
        }
        Holiday::Easter(k) => easter(y).map(|e| e + Duration::days(k)),
        Holiday::Election => nth(11, 1, 1).map(|m| m + Duration::days(1)),
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// The occurrence of holiday `h` meant around reference `r`: `dir` -1 for
/// "last Thanksgiving" (strictly before), 1 for "next" (strictly after);
/// otherwise by tense (the latest on or before the reference in the past,
/// the first on or after it in the future), or the nearest one unmarked.
pub fn holiday(r: Option<NaiveDate>, h: Holiday, dir: i64, tense: Option<Tense>) -> Option<String> {
    let Some(r) = r else {
        return Some(match h {
            Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
            _ => "XXXX-XX-XX".into(),
        });
    };
    holiday_date(r, h, dir, tense).map(day)
}

/// The date of holiday `h` that [`holiday`] names, given a reference date.
pub fn holiday_date(r: NaiveDate, h: Holiday, dir: i64, tense: Option<Tense>) -> Option<NaiveDate> {
    let dates = [-1, 0, 1].map(|k| holiday_in(h, r.year() + k));
    let mut it = dates.iter().flatten().copied();
    match (dir, tense) {
        (-1, _) => it.filter(|d| *d < r).max(),
        (1, _) => it.find(|d| *d > r),
        (_, Some(Tense::Past)) => it.filter(|d| *d <= r).max(),
        (_, Some(Tense::Future)) => it.find(|d| *d >= r),
        (_, None) => it.min_by_key(|d| (*d - r).num_days().abs()),
    }
}
