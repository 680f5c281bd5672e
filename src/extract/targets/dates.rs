//! A minimal local reading of due dates, used only when the deadline extractor passed none.
//!
//! It recognises the forward-looking forms a target's deadline takes (到2025年, 2024年底前,
//! 力争2025年, 十四五末, 年内/年底 of a one-year plan, 利用三年时间) and ignores history
//! (2012年以来) and bare years in names (2023—2035年).

use regex::Regex;
use std::sync::LazyLock;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<abs>(?P<pre>到|至|于|在|力争|争取|截至)?\s*(?P<y>(?:19|20)\d{2})\s*年
            (?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?
            (?P<end>年底|年末|底|末)?(?P<post>前|之前|以前)?(?P<hist>以来|至今)?)
        |(?P<plan>[“\x22]?十(?P<n>[一二三四五六七八九])五[”\x22]?(?:末|期末|时期末|期间))
        |(?P<rel>年内|年底前|年底|年末)
        |(?P<span>利用(?P<k>[一二两三四五六七八九十]|\d{1,2})年(?:左右)?时间)
        ",
    )
    .expect("date regex")
});

/// The first forward-looking due date in `s`, as a partial ISO date. `doc_year` resolves the
/// relative forms (年内, 利用三年时间); without it they give nothing.
pub fn due_date(s: &str, doc_year: Option<i32>) -> Option<String> {
    for c in DATE.captures_iter(s) {
        if c.name("abs").is_some() {
            if c.name("hist").is_some() || c.name("pre").is_some_and(|p| p.as_str() == "截至") {
                continue;
            }
            let forward =
                c.name("pre").is_some() || c.name("end").is_some() || c.name("post").is_some();
            let dated = c.name("m").is_some() && c.name("d").is_some();
            if !forward && !dated {
                continue;
            }
            let y = &c["y"];
            return Some(match (c.name("m"), c.name("d"), c.name("end")) {
                (Some(m), Some(d), _) => {
                    format!("{y}-{:02}-{:02}", num(m.as_str()), num(d.as_str()))
                }
                (Some(m), None, _) => format!("{y}-{:02}", num(m.as_str())),
                (None, _, Some(e)) if e.as_str() != "末" => format!("{y}-12"),
                _ => y.to_owned(),
            });
        }
        if let Some(n) = c.name("n") {
            let n = cn_digit(n.as_str())? + 10;
            // The n-th five-year plan ends in 1955 + 5n (十四五: 2025).
            return Some((1955 + 5 * n).to_string());
        }
        if let Some(r) = c.name("rel") {
            let y = doc_year?;
            return Some(if r.as_str() == "年内" {
                y.to_string()
            } else {
                format!("{y}-12")
            });
        }
        if let Some(k) = c.name("k") {
            let k = k
                .as_str()
                .parse::<i32>()
                .ok()
                .or_else(|| cn_digit(k.as_str()))?;
            return doc_year.map(|y| (y + k).to_string());
        }
    }
    None
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn cn_digit(s: &str) -> Option<i32> {
    let c = s.chars().next()?;
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as i32 + 1)
        .or(if c == '两' { Some(2) } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_forward_dates() {
        assert_eq!(
            due_date("到2025年,建成智慧校园", None).as_deref(),
            Some("2025")
        );
        assert_eq!(
            due_date("2024年底前完成改造", None).as_deref(),
            Some("2024-12")
        );
        assert_eq!(
            due_date("力争在2025年前完成", None).as_deref(),
            Some("2025")
        );
        assert_eq!(
            due_date("教师节(2024年9月10日)召开大会", None).as_deref(),
            Some("2024-09-10")
        );
    }

    #[test]
    fn history_and_names_are_not_due_dates() {
        assert_eq!(due_date("2012年以来,先后招录教师", None), None);
        assert_eq!(due_date("布局规划(2023—2035年)", None), None);
    }

    #[test]
    fn plan_periods_and_relative_forms() {
        assert_eq!(
            due_date("十四五末,学校达到110所", None).as_deref(),
            Some("2025")
        );
        assert_eq!(due_date("“十五五”期间建成", None).as_deref(), Some("2030"));
        assert_eq!(
            due_date("年内再打造一所示范点", Some(2019)).as_deref(),
            Some("2019")
        );
        assert_eq!(
            due_date("年底前完成", Some(2019)).as_deref(),
            Some("2019-12")
        );
        assert_eq!(due_date("年内完成", None), None);
        assert_eq!(
            due_date("利用三年时间,培养名师", Some(2021)).as_deref(),
            Some("2024")
        );
    }
}
