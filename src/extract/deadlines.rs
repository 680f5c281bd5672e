//! Deadlines and schedules: absolute dates, plan periods, relative and recurring phrases.
//!
//! Every phrase is resolved to a partial ISO date (`2025`, `2024-12`, `2024-09-10`) and a
//! [`DeadlineRelation`]:
//!
//! - absolute dates: `到2025年` (by 2025), `到2024年年底` (by 2024-12), `2025年前`, `力争2025年`;
//!   a bare future year (`为2035年…`, `展望2035年`) is `by`; a full date in running text
//!   (`第40个教师节(2024年9月10日)`) is `on`;
//! - plan periods: `十四五末` → by 2025, `十四五期间` → within 2025;
//! - relative phrases resolve against the document's year ([`DocYears`]): `年内` → that year,
//!   `年底`/`年末` → `YYYY-12`, `上半年`/`年中` → `YYYY-06`, `利用三年时间` → year + 3 (within),
//!   `未来五年` → the plan period's end (within) when the period is five years long;
//!   an unknown year gives `date: null`;
//! - recurring schedules (`每年`, `逐年`, `每学期`, `每3-5年`, `每五年一个周期`, `每半年`) have a
//!   null date.
//!
//! History is not a deadline: years before the document's year (`2019年,…增设` in a 2021 plan),
//! `2012年以来`, `2012年以后`, year ranges naming plans (`2019-2030布局规划`), anything inside
//! `《…》`, and past plan periods (`十三五期间` in a 十四五 plan).

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::Context;
use crate::records::{Deadline, DeadlineRelation, Meta, Period};
use crate::text::contains_any;

/// The years a document's relative deadlines resolve against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocYears {
    /// The document's own year: the year in the title of a one-year plan
    /// (`2019年全市教育工作要点`), else the year of its date.
    pub doc_year: Option<i32>,
    /// The plan period (first year, last year), e.g. 十四五 → (2021, 2025).
    pub period: Option<(i32, i32)>,
}

impl DocYears {
    /// Reads the years from the document's metadata only.
    pub fn from_meta(meta: &Meta) -> Self {
        let title_year = meta.title.as_deref().and_then(one_year_plan_year);
        let date_year = meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok());
        DocYears {
            doc_year: title_year.or(date_year),
            period: meta.period.as_ref().map(|p| (p.start, p.end)),
        }
    }

    /// Reads the years from the metadata, falling back on the head of the text where the
    /// metadata lacks them (a one-year plan's title line, the signature date line, a
    /// `十X五` plan name), so the extractor works before the metadata stage knows them.
    pub fn from_text(meta: &Meta, text: &str) -> Self {
        let mut years = Self::from_meta(meta);
        if years.doc_year.is_some() && years.period.is_some() {
            return years;
        }
        let head = head_of(text, 4000);
        if years.doc_year.is_none() {
            years.doc_year = head
                .lines()
                .find_map(|l| one_year_plan_year(l.trim()))
                .or_else(|| {
                    head.lines().find_map(|l| {
                        let caps = SIGNATURE_DATE.captures(l.trim())?;
                        caps[1].parse().ok()
                    })
                });
        }
        if years.period.is_none() {
            years.period = head
                .lines()
                .filter(|l| l.contains("规划"))
                .find_map(|l| PLAN_NAME.captures(l))
                .and_then(|c| five_year_plan(&c[1]));
        }
        years
    }

    /// The year before which dated mentions are history: the document's year, else the
    /// period's first year.
    fn reference(&self) -> Option<i32> {
        self.doc_year.or(self.period.map(|p| p.0))
    }
}

/// A deadline phrase found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the phrase in the searched text.
    pub range: Range<usize>,
    /// Partial ISO date, `None` for recurring schedules or unresolvable relative phrases.
    pub date: Option<String>,
    /// How the date relates to the work.
    pub relation: DeadlineRelation,
}

/// Parses the first deadline phrase in `phrase` (e.g. `到2024年年底`, `十四五末`, `年内`,
/// `利用三年时间`) against the document's year and plan period; `None` when it holds no
/// deadline (or only history).
///
/// `doc_year` is the document's own year (see [`DocYears::doc_year`]); `period` its plan period.
pub fn parse(
    phrase: &str,
    doc_year: Option<i32>,
    period: Option<&Period>,
) -> Option<(Option<String>, DeadlineRelation)> {
    let years = DocYears {
        doc_year,
        period: period.map(|p| (p.start, p.end)),
    };
    find_in(phrase, &years)
        .into_iter()
        .next()
        .map(|f| (f.date, f.relation))
}

/// Finds every deadline phrase in `text` (a sentence or clause), in text order.
pub fn find_in(text: &str, years: &DocYears) -> Vec<Found> {
    let mut out = Vec::new();
    // Every alternative of PHRASE holds one of these chars: most clauses of a plan hold none
    // and skip the big automaton.
    if !contains_any(text, &['年', '月', '十', '每', '逐']) {
        return out;
    }
    for caps in PHRASE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if inside_book_title(&text[..whole.start()]) {
            continue;
        }
        if let Some((date, relation)) = resolve(text, &caps, years) {
            out.push(Found {
                range: whole.range(),
                date,
                relation,
            });
        }
    }
    out
}

/// Extracts every deadline of the document, sentence by sentence.
pub fn extract(ctx: &Context<'_>) -> Vec<Deadline> {
    let years = DocYears::from_text(ctx.meta, ctx.text);
    let mut out = Vec::new();
    for sentence in &ctx.structure.sentences {
        let Some(s) = ctx.text.get(sentence.span.clone()) else {
            continue;
        };
        // Pipe-table rows hold column headers (2025年), not deadlines of running text.
        if s.contains('|') {
            continue;
        }
        for found in find_in(s, &years) {
            let range =
                sentence.span.start + found.range.start..sentence.span.start + found.range.end;
            out.push(Deadline {
                text: s[found.range.clone()].to_owned(),
                date: found.date,
                relation: found.relation,
                section: ctx.structure.section_at(range.start).map(str::to_owned),
                span: ctx.chars.span(range),
            });
        }
    }
    // Task tables carry deadlines in a column (完成时限: 2024年12月底前); column headers
    // (2025年 of an indicator table) are not rows and are not read.
    for table in &ctx.structure.tables {
        let value_year_columns: Vec<bool> =
            table.columns.iter().map(|c| c.year.is_some()).collect();
        for row in &table.rows {
            let Some(row_text) = ctx.text.get(row.span.clone()) else {
                continue;
            };
            let mut from = 0;
            for (i, cell) in row.cells.iter().enumerate() {
                let Some(at) = row_text[from..].find(cell.as_str()).map(|a| a + from) else {
                    continue;
                };
                from = at + cell.len();
                if value_year_columns.get(i).copied().unwrap_or(false) || cell.is_empty() {
                    continue;
                }
                for found in find_in(cell, &years) {
                    let start = row.span.start + at + found.range.start;
                    let range = start..start + found.range.len();
                    out.push(Deadline {
                        text: cell[found.range.clone()].to_owned(),
                        date: found.date,
                        relation: found.relation,
                        section: ctx.structure.section_at(range.start).map(str::to_owned),
                        span: ctx.chars.span(range),
                    });
                }
            }
        }
    }
    out
}

const CN_NUM: &str = "[0-9一二两三四五六七八九十]+";

static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let n = CN_NUM;
    let pattern = format!(
        r"(?x)
        (?P<event>第[0-9一二三四五六七八九十百]+(?:个|届|次)\p{{Han}}{{1,10}}?\((?P<ey>\d{{4}})年(?P<em>\d{{1,2}})月(?P<ed>\d{{1,2}})日\))
        | (?P<full>(?P<fpre>截至|截止|到|至|于|在|力争在?|争取在?|确保在?)?(?P<fy>\d{{4}})年(?P<fm>\d{{1,2}})月(?P<fd>\d{{1,2}})日(?P<fsuf>前|之前|以前|以来|起)?)
        | (?P<ym>(?P<mpre>截至|截止|到|至|于|在|力争在?|争取在?|确保在?)?(?P<my>\d{{4}})年(?P<mm>\d{{1,2}})月(?:份)?(?P<msuf>底|末|前|之前|以前|以来|起)?)
        | (?P<yr>(?P<ypre>截至|截止|到|至|力争在?|争取在?|确保在?|展望|于|在)?(?P<yy>\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?P<ysuf>年底前|年底|底前|底|年末|末|上半年|下半年|年中|前|之前|以前|以来|以后|后|来|起|初|度)?)
        | (?P<plan>“?十(?P<pn>[一二三四五六七八九])五”?(?P<pk>期末|末|期间|时期|内))
        | (?P<future>未来(?P<fn>{n})年)
        | (?P<use>(?:利用|用|通过|花)(?P<un>{n})年(?:的)?时间)
        | (?P<within>(?P<wn>{n})年(?:之内|内))
        | (?P<next>明年(?:(?P<nxm>\d{{1,2}})月(?:份)?(?:底前|底|末|前|之前)?|年底前|年底|底前|底|年末|上半年|下半年|年中)?)
        | (?P<rel>(?:今年|本年度?)?(?:年内|年底前|年底|年末|上半年|下半年|年中))
        | (?P<md>(?P<mdm>\d{{1,2}})月(?P<mdd>\d{{1,2}})日(?:前|之前|以前))
        | (?P<mo>(?P<mon>\d{{1,2}})月(?:份)?(?:底前|底|末|前|之前|中旬前|上旬前|下旬前|中旬|上旬|下旬))
        | (?P<rec>每(?:学期|学年|季度|半年|年|月|周|(?:\d+|[一二两三四五六七八九十]+)(?:[-~至](?:\d+|[一二三四五六七八九十]+))?年)(?:一个周期|一次|一轮)?|逐年)
        "
    );
    Regex::new(&pattern).expect("deadline regex")
});

static SIGNATURE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})年\d{1,2}月\d{1,2}日$").expect("signature regex"));
static PLAN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十([一二三四五六七八九])五").expect("plan name regex"));
static ONE_YEAR_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^0-9]{0,20}?(\d{4})年[^0-9]{0,40}(?:工作要点|工作计划|工作安排|工作思路|工作重点|要点)$")
        .expect("one-year plan regex")
});

fn head_of(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The year of a one-year plan's title (`2019年全市教育工作要点` → 2019).
fn one_year_plan_year(title: &str) -> Option<i32> {
    ONE_YEAR_PLAN.captures(title)?[1].parse().ok()
}

/// The years of the plan `十X五` given its digit X (`四` → the 14th plan → 2021–2025).
fn five_year_plan(digit: &str) -> Option<(i32, i32)> {
    let n = 10 + small_number(digit)?;
    // From the 3rd plan (1966) on, the plans follow back to back.
    let start = 1966 + 5 * (n - 3);
    Some((start, start + 4))
}

/// Parses a small count written in digits or Chinese numerals (三, 两, 十二, 二十).
fn small_number(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse::<i32>() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as i32);
    let mut total = 0;
    let mut current = None;
    for c in s.chars() {
        if c == '十' {
            total += current.unwrap_or(1) * 10;
            current = None;
        } else if c == '两' {
            current = Some(2);
        } else {
            current = Some(digit(c)?);
        }
    }
    let n = total + current.unwrap_or(0);
    (n > 0).then_some(n)
}

/// True when `before` leaves a `《` open: the match is part of a document's title.
fn inside_book_title(before: &str) -> bool {
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when a year at `start` is part of a range such as `2019-2030` or `2021年—2025年`.
fn part_of_range(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(6).collect();
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '~' | '至' | '到');
    let before_is_range = match before.as_slice() {
        [d, rest @ ..] if dash(*d) => {
            let rest: Vec<char> = rest.iter().copied().skip_while(|c| *c == '年').collect();
            rest.len() >= 4 && rest[..4].iter().all(char::is_ascii_digit)
        }
        _ => false,
    };
    let after: Vec<char> = text[end..].chars().take(2).collect();
    let after_is_range = matches!(after.as_slice(), [d, n, ..] if dash(*d) && n.is_ascii_digit());
    before_is_range || after_is_range
}

/// A four-digit year in Arabic or Chinese digits (二〇三五 → 2035), within a sane range.
fn year(caps: &Captures<'_>, name: &str) -> Option<i32> {
    let text = caps.name(name)?.as_str();
    let y = text.parse().ok().or_else(|| {
        text.chars().try_fold(0, |acc, c| {
            let d = match c {
                '〇' | '零' => 0,
                _ => "一二三四五六七八九".chars().position(|x| x == c)? as i32 + 1,
            };
            Some(acc * 10 + d)
        })
    })?;
    (1949..=2100).contains(&y).then_some(y)
}

/// Chars that, right before `年内`/`年底`/`年中`, make them part of another word
/// (学年中, 当年底, 每年年底, 近年内, 三年内).
const BOUND_BEFORE_RELATIVE: &str =
    "年学当去今明近历多往全每逐青少成老中新周百千万半两一二三四五六七八九十数几0123456789";

fn resolve(
    text: &str,
    caps: &Captures<'_>,
    years: &DocYears,
) -> Option<(Option<String>, DeadlineRelation)> {
    use DeadlineRelation::*;
    let whole = caps.get(0)?;
    // A date or period the copula describes (2023年,是…之年; “十四五”时期是…) is a topic,
    // not a deadline.
    let after = text[whole.end()..].trim_start_matches([',', '”', ' ']);
    let after = after.strip_prefix('更').unwrap_or(after);
    if after.starts_with('是') && !after.starts_with("是否") {
        return None;
    }
    let reference = years.reference();
    let past = |y: i32| reference.is_some_and(|r| y < r);
    if caps.name("event").is_some() {
        let y = year(caps, "ey")?;
        let (m, d) = (
            caps["em"].parse::<u32>().ok()?,
            caps["ed"].parse::<u32>().ok()?,
        );
        return valid_day(m, d).then(|| (Some(format!("{y}-{m:02}-{d:02}")), On));
    }
    if caps.name("full").is_some() {
        let y = year(caps, "fy")?;
        let (m, d) = (
            caps["fm"].parse::<u32>().ok()?,
            caps["fd"].parse::<u32>().ok()?,
        );
        let suffix = caps.name("fsuf").map_or("", |s| s.as_str());
        // A date alone on its line or after 时间/日期 is a signature or a web page stamp.
        let alone = text.trim() == whole.as_str();
        let stamp = ["时间", "日期", "发布", "印发", "成文"].iter().any(|w| {
            text[..whole.start()]
                .trim_end_matches([':', ' '])
                .ends_with(w)
        });
        if alone || stamp || past(y) || !valid_day(m, d) || matches!(suffix, "以来" | "起") {
            return None;
        }
        let by = caps.name("fpre").is_some() || !suffix.is_empty();
        return Some((Some(format!("{y}-{m:02}-{d:02}")), if by { By } else { On }));
    }
    if caps.name("ym").is_some() {
        let y = year(caps, "my")?;
        let m = caps["mm"]
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let suffix = caps.name("msuf").map_or("", |s| s.as_str());
        if past(y) || reference.is_none() || matches!(suffix, "以来" | "起") {
            return None;
        }
        let by = caps.name("mpre").is_some() || !suffix.is_empty();
        // A bare month of the document's own year is more often a report (2022年1月,召开…).
        if !by && reference.is_some_and(|r| y <= r) {
            return None;
        }
        return Some((Some(format!("{y}-{m:02}")), if by { By } else { On }));
    }
    if caps.name("yr").is_some() {
        let y = year(caps, "yy")?;
        let m = caps.name("yy")?;
        if part_of_range(text, m.start(), whole.end()) {
            return None;
        }
        let prefix = caps.name("ypre").map(|p| p.as_str());
        let suffix = caps.name("ysuf").map_or("", |s| s.as_str());
        let date = match suffix {
            "以来" | "以后" | "后" | "来" | "起" | "初" | "度" => return None,
            "年底前" | "年底" | "底前" | "底" | "年末" | "末" | "下半年" => {
                format!("{y}-12")
            }
            "上半年" | "年中" => format!("{y}-06"),
            _ => y.to_string(),
        };
        if past(y) {
            return None;
        }
        // A bare year is a deadline only when it lies ahead of the document.
        let future = reference.is_some_and(|r| y > r);
        if prefix.is_none() && suffix.is_empty() && !future {
            return None;
        }
        if matches!(prefix, Some("于" | "在")) && suffix.is_empty() && !future {
            return None;
        }
        return Some((Some(date), By));
    }
    if caps.name("plan").is_some() {
        let (start, end) = five_year_plan(&caps["pn"])?;
        let _ = start;
        let history = match reference {
            Some(r) => end < r,
            None => false,
        };
        if history {
            return None;
        }
        let relation = match &caps["pk"] {
            "末" | "期末" => By,
            _ => Within,
        };
        return Some((Some(end.to_string()), relation));
    }
    if caps.name("future").is_some() {
        let n = small_number(&caps["fn"])?;
        let date = match (years.period, years.doc_year) {
            (Some((s, e)), _) if e - s + 1 == n => Some(e),
            (_, Some(y)) => Some(y + n),
            _ => None,
        };
        return Some((date.map(|y| y.to_string()), Within));
    }
    if caps.name("use").is_some() || caps.name("within").is_some() {
        let n = small_number(caps.name("un").or(caps.name("wn"))?.as_str())?;
        if caps.name("within").is_some() {
            let before = text[..whole.start()].chars().next_back();
            if before.is_some_and(|c| "近前过去多每".contains(c)) {
                return None;
            }
        }
        return Some((years.doc_year.map(|y| (y + n).to_string()), Within));
    }
    if let Some(next) = caps.name("next") {
        // The year after the document's: 明年8月底 in a 2023 plan is 2024-08.
        let rest = &next.as_str()["明年".len()..];
        let date = years.doc_year.map(|y| y + 1).map(|y| {
            if let Some(m) = caps
                .name("nxm")
                .and_then(|m| m.as_str().parse::<u32>().ok())
            {
                format!("{y}-{m:02}")
            } else if rest.contains("上半年") || rest.contains("年中") {
                format!("{y}-06")
            } else if rest.is_empty() {
                y.to_string()
            } else {
                format!("{y}-12")
            }
        });
        if caps
            .name("nxm")
            .is_some_and(|m| !matches!(m.as_str().parse::<u32>(), Ok(1..=12)))
        {
            return None;
        }
        return Some((date, By));
    }
    if let Some(rel) = caps.name("rel") {
        let before = text[..rel.start()].chars().next_back();
        if before.is_some_and(|c| BOUND_BEFORE_RELATIVE.contains(c)) {
            return None;
        }
        let phrase = rel
            .as_str()
            .trim_start_matches("今年")
            .trim_start_matches("本年度")
            .trim_start_matches("本年");
        let date = years.doc_year.map(|y| match phrase {
            "年底前" | "年底" | "年末" | "下半年" => format!("{y}-12"),
            "上半年" | "年中" => format!("{y}-06"),
            _ => y.to_string(),
        });
        return Some((date, By));
    }
    if let Some(md) = caps.name("md") {
        // A day of the document's year before which something is due: 6月30日前.
        let before = text[..md.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '年' || c == '每' || c == '个') {
            return None;
        }
        let (m, d) = (
            caps["mdm"].parse::<u32>().ok()?,
            caps["mdd"].parse::<u32>().ok()?,
        );
        if !valid_day(m, d) {
            return None;
        }
        return Some((years.doc_year.map(|y| format!("{y}-{m:02}-{d:02}")), By));
    }
    if let Some(mo) = caps.name("mo") {
        // A month of the document's year with an end marker: 12月底前 → YYYY-12, by.
        let before = text[..mo.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '年' || c == '每' || c == '个') {
            return None;
        }
        let m = caps["mon"]
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        return Some((years.doc_year.map(|y| format!("{y}-{m:02}")), By));
    }
    if let Some(rec) = caps.name("rec") {
        // 每人每学期500元 is a rate, not a schedule.
        let before: String = text[..rec.start()].chars().rev().take(2).collect();
        let rate_before = before.chars().nth(1) == Some('每');
        let after = &text[rec.end()..];
        let amount_after = after.starts_with(|c: char| c.is_ascii_digit());
        // 每年生均补助1000元: an amount per year and head, not a schedule.
        let per_head_after = ["生均", "人均", "户均", "每"]
            .iter()
            .any(|w| after.starts_with(w));
        // 每年级 is every grade, not every year.
        let grade = rec.as_str() == "每年" && after.starts_with('级');
        if (rate_before && amount_after) || per_head_after || grade {
            return None;
        }
        return Some((None, Recurring));
    }
    None
}

fn valid_day(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineRelation::*;

    fn years(doc: Option<i32>, period: Option<(i32, i32)>) -> DocYears {
        DocYears {
            doc_year: doc,
            period,
        }
    }

    fn found(text: &str, y: DocYears) -> Vec<(String, Option<String>, DeadlineRelation)> {
        find_in(text, &y)
            .into_iter()
            .map(|f| (text[f.range].to_owned(), f.date, f.relation))
            .collect()
    }

    fn one(text: &str, y: DocYears) -> (Option<String>, DeadlineRelation) {
        let all = found(text, y);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].1.clone(), all[0].2)
    }

    const PLAN: Option<(i32, i32)> = Some((2021, 2025));

    #[test]
    fn absolute_years_and_year_ends() {
        let y = years(Some(2021), PLAN);
        assert_eq!(
            one("到2026年,全区建成智慧校园", y),
            (Some("2026".into()), By)
        );
        assert_eq!(one("力争在2027年前完成改造", y), (Some("2027".into()), By));
        assert_eq!(one("力争2023年通过验收", y), (Some("2023".into()), By));
        assert_eq!(one("到2023年年底完成建设", y), (Some("2023-12".into()), By));
        assert_eq!(one("到2022年底实现全覆盖", y), (Some("2022-12".into()), By));
        assert_eq!(one("2023年上半年启动", y), (Some("2023-06".into()), By));
        assert_eq!(
            one("到二〇三五年,建成教育强区", y),
            (Some("2035".into()), By)
        );
        assert_eq!(
            one("展望2035年,基本实现现代化", y),
            (Some("2035".into()), By)
        );
        assert_eq!(
            one("为2035年全面实现现代化奠定基础", y),
            (Some("2035".into()), By)
        );
    }

    #[test]
    fn full_dates_are_events_or_deadlines() {
        let y = years(Some(2021), PLAN);
        let (date, rel) = one("第38个教师节(2022年9月10日),召开表彰大会", y);
        assert_eq!((date.as_deref(), rel), (Some("2022-09-10"), On));
        let f = found("第38个教师节(2022年9月10日),召开表彰大会", y);
        assert_eq!(f[0].0, "第38个教师节(2022年9月10日)");
        assert_eq!(
            one("2023年6月30日前完成摸底", y),
            (Some("2023-06-30".into()), By)
        );
        // Signature and page stamps are not deadlines.
        assert!(found("2021年12月20日", y).is_empty());
        assert!(found("时间:2021年04月15日 14:27", y).is_empty());
    }

    #[test]
    fn history_is_not_a_deadline() {
        let y = years(Some(2021), PLAN);
        assert!(found("2012年以来,先后招录教师814人", y).is_empty());
        assert!(found("2019年,第一中学增设普通高中", y).is_empty());
        assert!(found("至2020年在校生196人", y).is_empty());
        assert!(found("补办2012年以后新建项目的手续", y).is_empty());
        assert!(found("“十三五”期间,全区教育事业保持良好态势", y).is_empty());
        assert!(found("去年3月份承办了现场会", y).is_empty());
        // Plan names with year ranges and titles of documents.
        assert!(found("根据“某县2019-2030中小学布局规划”", y).is_empty());
        assert!(found("落实《特殊教育提升计划(2017—2020年)》", y).is_empty());
        assert!(found("编制《到2035年远景目标纲要》", y).is_empty());
        // An unknown document year: a bare year is not known to lie ahead.
        assert!(found("在8月举办的2023年研讨会上交流", years(None, None)).is_empty());
    }

    #[test]
    fn dates_the_copula_describes_are_topics() {
        let y = years(Some(2021), PLAN);
        assert!(found("2023年,是全县教育提质的攻坚之年", y).is_empty());
        assert!(found("“十五五”时期是加快建设教育强县的关键五年", y).is_empty());
        assert!(found("2024年更是全面完成目标的决战之年", y).is_empty());
        // 是否 is no copula.
        assert_eq!(
            one("到2023年是否达标另行评估", y).0.as_deref(),
            Some("2023")
        );
    }

    #[test]
    fn next_year_resolves_against_the_document_year() {
        let y = years(Some(2023), None);
        assert_eq!(
            one("明年8月底全部竣工", y),
            (Some("2024-08".to_owned()), By)
        );
        assert_eq!(
            one("明年年底前完成改造", y),
            (Some("2024-12".to_owned()), By)
        );
        assert_eq!(
            one("明年上半年投入使用", y),
            (Some("2024-06".to_owned()), By)
        );
        assert_eq!(one("明年启动二期工程", y), (Some("2024".to_owned()), By));
        assert_eq!(one("明年底建成", years(None, None)), (None, By));
    }

    #[test]
    fn days_before_which_work_is_due() {
        let y = years(Some(2021), PLAN);
        assert_eq!(
            one("9月15日前完成校舍排查", y),
            (Some("2021-09-15".to_owned()), By)
        );
        assert_eq!(one("11月20日之前报送材料", years(None, None)), (None, By));
        assert!(found("每月15日前上报数据", y)
            .iter()
            .all(|f| f.2 == Recurring));
        assert!(found("于13月5日前完成", y).is_empty());
    }

    #[test]
    fn plan_periods() {
        let y = years(Some(2021), PLAN);
        assert_eq!(one("十四五末,学校达到110所", y), (Some("2025".into()), By));
        assert_eq!(
            one("“十四五”期间新建幼儿园8所", y),
            (Some("2025".into()), Within)
        );
        assert_eq!(
            one("“十五五”时期基本建成", y),
            (Some("2030".into()), Within)
        );
    }

    #[test]
    fn relative_phrases_resolve_against_the_document_year() {
        let work_plan = years(Some(2019), None);
        assert_eq!(
            one("年内再打造一所示范点", work_plan),
            (Some("2019".into()), By)
        );
        assert_eq!(
            one("结果年底和等级挂钩", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(
            one("年底前全部完成", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(
            one("上半年完成招聘", work_plan),
            (Some("2019-06".into()), By)
        );
        assert_eq!(
            one("利用两年时间完成改造", work_plan),
            (Some("2021".into()), Within)
        );
        assert_eq!(
            one("三年内实现全覆盖", work_plan),
            (Some("2022".into()), Within)
        );
        let y = years(Some(2021), PLAN);
        assert_eq!(
            one("利用三年时间培养名师", y),
            (Some("2024".into()), Within)
        );
        assert_eq!(
            one("未来五年持续扩大资源", y),
            (Some("2025".into()), Within)
        );
        // No document year: resolved to null, not guessed.
        assert_eq!(
            one("利用四年时间更新教室", years(None, PLAN)),
            (None, Within)
        );
        assert_eq!(one("年内完成", years(None, None)), (None, By));
        // Words that merely contain 年中/年内.
        assert!(found("每个学年中开展两次评估", y).is_empty());
        assert_eq!(
            one("考核结果于12月底前报送", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(
            one("9月中旬前完成招生", work_plan),
            (Some("2019-09".into()), By)
        );
        assert!(found("每年3月开展宣传", work_plan)
            .iter()
            .all(|f| f.2 == Recurring));
        assert_eq!(
            one("今年年底前完成", work_plan),
            (Some("2019-12".into()), By)
        );
        // 每年年底 is a yearly schedule, not this year's end.
        assert_eq!(one("每年年底前报送", work_plan), (None, Recurring));
        assert!(found("每年级配备一名教研员", y).is_empty());
        // A bare month of the document's year reports; a later one plans.
        assert!(found("2021年3月,召开全县教育大会", y).is_empty());
        assert_eq!(one("2022年9月投入使用", y), (Some("2022-09".into()), On));
    }

    #[test]
    fn recurring_schedules() {
        let y = years(Some(2021), PLAN);
        for (text, phrase) in [
            ("每年招聘新教师120名", "每年"),
            ("教育支出逐年增长", "逐年"),
            ("每学期开展一次家访", "每学期"),
            ("校长每3-5年交流一次", "每3-5年"),
            ("实施每五年一个周期的全员培训", "每五年一个周期"),
            ("每半年听取一次汇报", "每半年"),
        ] {
            let f = found(text, y);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.clone(), f[0].2),
                (phrase, None, Recurring)
            );
        }
        // Rates and "every single" are not schedules.
        assert!(found("按每人每学期600元标准资助", y).is_empty());
        assert!(found("小学生每年生均补助1000元", y).is_empty());
        assert!(found("上好每一节课", y).is_empty());
    }

    #[test]
    fn parse_helper() {
        let period = Period {
            name: Some("十四五".into()),
            start: 2021,
            end: 2025,
        };
        assert_eq!(
            parse("到2024年年底", Some(2021), Some(&period)),
            Some((Some("2024-12".into()), By))
        );
        assert_eq!(
            parse("十四五末", None, Some(&period)),
            Some((Some("2025".into()), By))
        );
        assert_eq!(parse("坚持教育优先发展", Some(2021), None), None);
    }

    #[test]
    fn doc_years_from_meta_and_text() {
        let meta = Meta {
            title: Some("2019年全市教育工作要点".into()),
            date: Some("2021-04-15".into()),
            ..Meta::default()
        };
        assert_eq!(DocYears::from_meta(&meta).doc_year, Some(2019));
        let meta = Meta {
            title: Some("某区2023年教育工作要点".into()),
            ..Meta::default()
        };
        assert_eq!(DocYears::from_meta(&meta).doc_year, Some(2023));
        let meta = Meta {
            title: Some("某县教育事业发展“十四五”规划(2021-2025年)".into()),
            ..Meta::default()
        };
        assert_eq!(DocYears::from_meta(&meta).doc_year, None);
        let text = "某县教育事业发展“十四五”规划\n某县人民政府办公室\n2021年12月20日\n正文";
        let y = DocYears::from_text(&Meta::default(), text);
        assert_eq!(y, years(Some(2021), Some((2021, 2025))));
        assert_eq!(five_year_plan("三"), Some((2016, 2020)));
        assert_eq!(five_year_plan("五"), Some((2026, 2030)));
        assert_eq!(small_number("十二"), Some(12));
        assert_eq!(small_number("二十"), Some(20));
    }
}
