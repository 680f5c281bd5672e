//! The one reader of Chinese and mixed numerals.
//!
//! Every stage that reads a number written in Chinese (heading labels, dates, periods,
//! quantities, durations) goes through here. The forms:
//!
//! - **cardinals** with 十/百/千 and the groups 万/亿: 十二, 二十三, 一百零五, 两千, 三万五千,
//!   and multipliers without a digit (千亿, 百亿, 万): [`cardinal`];
//! - **positional** runs read digit by digit, as years and codes are written: 二〇三五,
//!   二〇二一, also with the look-alikes of 〇 that dates use (○, O, 0): [`positional`];
//! - **small counts** in Arabic or Chinese digits (3, 三, 两, 十二): [`small`];
//! - **years** in either script: [`year`].
//!
//! The few real differences between callers are the entry points, not copies: a heading
//! label is a [`cardinal`] (二〇二一 is no heading number), a quantity run tries both
//! ([`parse`]), a date's year is [`positional`].

use super::CharSet;

/// Value of a Chinese digit: 零 and 〇 are 0, 一 … 九 are 1 … 9, and 两 is 2.
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of a multiplier: 十, 百, 千, 万, 亿.
pub fn multiplier(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// The chars [`digit`] or [`multiplier`] read (a test checks they agree).
pub static NUMERALS: CharSet = CharSet::new(&[
    '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万',
    '亿',
]);

/// True for a Chinese digit or multiplier. A bit test rather than two matches: quantity
/// scanning asks it of every Han char.
#[inline]
pub fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c)
}

/// Reads a cardinal: 十二 → 12, 二十三 → 23, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000,
/// 千亿 → 10¹¹. `None` for runs that are not one cardinal: two digits in a row (十四五,
/// 二〇二一), multipliers out of order (十百), or nothing at all.
pub fn cardinal(run: &str) -> Option<u64> {
    let mut total: u64 = 0; // completed 亿 / 万 groups
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None; // a digit waiting for its multiplier
    let mut last_small: u64 = u64::MAX; // the last of 十/百/千 in this section
    let mut any = false;
    for c in run.chars() {
        any = true;
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None; // two digits in a row: 十四五
            }
            if d == 0 {
                last_small = u64::MAX; // 一百零五: what follows 零 is a fresh unit
            } else {
                pending = Some(u64::from(d));
            }
            continue;
        }
        let m = multiplier(c)?;
        if m < 10_000 {
            if last_small != u64::MAX && m >= last_small {
                return None;
            }
            section = section.saturating_add(pending.take().unwrap_or(1).saturating_mul(m));
            last_small = m;
        } else {
            section = section.saturating_add(pending.take().unwrap_or(0));
            if section == 0 && total == 0 {
                section = 1; // 万, 亿 alone: one of them
            }
            // Saturating: 亿亿亿 is nonsense, not a reason to overflow.
            total = if m == 10_000 {
                total.saturating_add(section.saturating_mul(m))
            } else {
                total.saturating_add(section).saturating_mul(m)
            };
            section = 0;
            last_small = u64::MAX;
        }
    }
    any.then(|| {
        total
            .saturating_add(section)
            .saturating_add(pending.unwrap_or(0))
    })
}

/// Reads a run digit by digit: 二〇三五 → 2035, 二○二一 → 2021. Accepts the look-alikes of
/// 〇 that typed dates use (○, O, o, 0, 零) but not 两, which no positional number writes.
pub fn positional(run: &str) -> Option<u64> {
    let mut v: u64 = 0;
    let mut any = false;
    for c in run.chars() {
        let d = match c {
            '○' | 'O' | 'o' | '0' => 0,
            '两' => return None,
            c => digit(c)?,
        };
        v = v.checked_mul(10)?.checked_add(u64::from(d))?;
        any = true;
    }
    any.then_some(v)
}

/// Reads a whole run of Chinese numerals as a quantity: a cardinal (十二, 两千, 千亿), a single
/// digit (三), or a positional number when it can only be one (二〇三五: a zero inside, or
/// three digits or more). `None` for runs that are words, not numbers (十四五, 一一, 三五).
pub fn parse(run: &str) -> Option<f64> {
    if run.is_empty() || !run.chars().all(is_numeral) {
        return None;
    }
    let digits_only = run.chars().all(|c| digit(c).is_some());
    if digits_only {
        let n = run.chars().count();
        if n == 1 {
            return run.chars().next().and_then(digit).map(f64::from);
        }
        let zero = run.contains(['〇', '零']);
        return (n >= 3 || zero)
            .then(|| positional(run))
            .flatten()
            .map(|v| v as f64);
    }
    cardinal(run).map(|v| v as f64)
}

/// A small count written in Arabic digits or as a Chinese cardinal (3, 三, 两, 十二, 二十).
/// `None` for zero, for anything over 10,000 and for text that is no count.
pub fn small(s: &str) -> Option<u32> {
    let n = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<u64>().ok()?
    } else {
        cardinal(s)?
    };
    u32::try_from(n).ok().filter(|n| (1..=10_000).contains(n))
}

/// A year written in Arabic or Chinese digits (2025, 二〇二五, 二○二五) between 1900 and 2200.
pub fn year(s: &str) -> Option<i32> {
    let v = if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<u64>().ok()?
    } else {
        positional(s)?
    };
    i32::try_from(v).ok().filter(|y| (1900..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_the_numeral_set_agree() {
        for c in '\u{3000}'..='\u{9fff}' {
            let read = digit(c).is_some() || multiplier(c).is_some();
            assert_eq!(is_numeral(c), read, "{c}");
        }
        let digits: Vec<Option<u32>> = "〇一二三四五六七八九两十".chars().map(digit).collect();
        let want: Vec<Option<u32>> = (0..10).map(Some).chain([Some(2), None]).collect();
        assert_eq!(digits, want);
        assert_eq!(digit('零'), Some(0));
    }

    #[test]
    fn cardinals() {
        for (run, want) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("一百一十", 110),
            ("两千", 2000),
            ("三万五千", 35_000),
            ("一万零五百", 10_500),
            ("十万", 100_000),
            ("一亿二千万", 120_000_000),
            ("千亿", 100_000_000_000),
            ("百亿", 10_000_000_000),
            ("万", 10_000),
            ("零", 0),
        ] {
            assert_eq!(cardinal(run), Some(want), "{run}");
        }
        for run in ["", "十四五", "二〇二一", "十百", "一一", "x"] {
            assert_eq!(cardinal(run), None, "{run}");
        }
        // Nonsense saturates instead of overflowing.
        assert!(cardinal("亿亿亿亿亿").is_some());
    }

    #[test]
    fn positional_runs() {
        assert_eq!(positional("二〇三五"), Some(2035));
        assert_eq!(positional("二○二一"), Some(2021));
        assert_eq!(positional("二O二O"), Some(2020));
        assert_eq!(positional("两〇二一"), None);
        assert_eq!(positional(""), None);
        assert_eq!(positional("二十"), None);
    }

    #[test]
    fn quantity_runs() {
        assert_eq!(parse("十二"), Some(12.0));
        assert_eq!(parse("两千"), Some(2000.0));
        assert_eq!(parse("二〇三五"), Some(2035.0));
        assert_eq!(parse("三"), Some(3.0));
        assert_eq!(parse("千亿"), Some(1e11));
        assert_eq!(parse("十四五"), None);
        assert_eq!(parse("一一"), None);
        assert_eq!(parse("三五"), None);
        assert_eq!(parse("一二三"), Some(123.0));
        assert_eq!(parse("x"), None);
    }

    #[test]
    fn small_counts_and_years() {
        assert_eq!(small("3"), Some(3));
        assert_eq!(small("三"), Some(3));
        assert_eq!(small("两"), Some(2));
        assert_eq!(small("十二"), Some(12));
        assert_eq!(small("0"), None);
        assert_eq!(small("零"), None);
        assert_eq!(small("二〇二一"), None);
        assert_eq!(year("2025"), Some(2025));
        assert_eq!(year("二〇二五"), Some(2025));
        assert_eq!(year("二○二五"), Some(2025));
        assert_eq!(year("1850"), None);
        assert_eq!(year("十二"), None);
    }
}
