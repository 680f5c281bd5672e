//! Single-field readers: dates, document numbers, plan periods and document kinds.
//!
//! Each works on one short string (a line or a title) and knows nothing of the layout.

use crate::extract::time::FiveYearPlan;
use crate::text::numerals;
use std::sync::LazyLock;

use regex::Regex;

use crate::records::Period;

static DATE_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
        .expect("valid date regex")
});
static DATE_SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*([-/.])\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})")
        .expect("valid date regex")
});
static DATE_HAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([〇○零Oo0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*(?:([一二三四五六七八九十]{1,3})\s*日)?",
    )
    .expect("valid date regex")
});

/// A Chinese number below 100 written with 十 (十二, 二十, 三十一, 九).
fn han_small_number(s: &str) -> Option<u32> {
    numerals::small(s).filter(|n| *n < 100 && !s.contains('两'))
}

fn iso(year: u32, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return None;
    }
    match day {
        Some(d) if (1..=31).contains(&d) => Some(format!("{year:04}-{month:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{year:04}-{month:02}")),
    }
}

/// The first date in `s` as ISO (`2021-12-20`, or `2021-12` without a day), with its byte
/// span. Reads `2021年12月20日`, `2021-12-20` (also `/` and `.`) and `二〇二一年十二月二十日`.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    let mut consider = |value: Option<String>, range: std::ops::Range<usize>| {
        if let Some(v) = value {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((v, range));
            }
        }
    };
    if let Some(c) = crate::text::captures(&DATE_ARABIC, s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let value = num(1).zip(num(2)).and_then(|(y, m)| iso(y, m, num(3)));
        consider(value, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = crate::text::captures(&DATE_SEPARATED, s) {
        // Both separators must agree (2021-12-20, not 2021-12.20).
        if c[2] == c[4] {
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let value = num(1)
                .zip(num(3))
                .zip(num(5))
                .and_then(|((y, m), d)| iso(y, m, Some(d)));
            consider(value, c.get(0).map_or(0..0, |m| m.range()));
        }
    }
    if let Some(c) = crate::text::captures(&DATE_HAN, s) {
        let year = numerals::year(&c[1]).and_then(|y| u32::try_from(y).ok());
        let month = han_small_number(&c[2]);
        let day = match c.get(3) {
            Some(m) => han_small_number(m.as_str()).map(Some),
            None => Some(None),
        };
        let value = match (year, month, day) {
            (Some(y), Some(m), Some(d)) if (1900..2100).contains(&y) => iso(y, m, d),
            _ => None,
        };
        consider(value, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

/// The date of a line that holds nothing but a date (maybe in brackets): a signature's date.
pub fn date_line(line: &str) -> Option<String> {
    let (value, range) = find_date(line)?;
    let rest = format!("{}{}", &line[..range.start], &line[range.end..]);
    rest.chars()
        .all(|c| c.is_whitespace() || "()〔〕[]【】".contains(c))
        .then_some(value)
}

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Han}A-Za-z]{1,16}?)\s*[〔\[【(\x{FF08}〖(［﹝]\s*((?:19|20)\d{2})\s*[〕\]】)\x{FF09}〗)］﹞]\s*(第?)\s*(\d{1,5})\s*号",
    )
    .expect("valid document number regex")
});

/// The first 发文字号 in `s`, normalised to `平政办字〔2021〕26号`, with its byte span.
pub fn find_doc_number(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    let c = crate::text::captures(&DOC_NUMBER, s)?;
    let whole = c.get(0)?;
    Some((
        format!("{}〔{}〕{}{}号", &c[1], &c[2], &c[3], &c[4]),
        whole.range(),
    ))
}

/// The 发文字号 of a line that holds only that (trailing white space allowed).
/// A red-head line may add the signer (`平政办字〔2021〕26号  签发人:张三`).
pub fn doc_number_line(line: &str) -> Option<String> {
    let (value, range) = find_doc_number(line)?;
    let rest = line[range.end..].trim();
    (range.start == 0 && (rest.is_empty() || rest.starts_with("签发人"))).then_some(value)
}

static FIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:第)?十([一二三四五六七八九])(?:个)?五(?:年)?").expect("valid period regex")
});
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年?\s*(?:[-—–~至到]+|－)\s*((?:19|20)\d{2})\s*年?")
        .expect("valid year range regex")
});

/// The first year range in `s` (`2021—2025`, `2021-2025年`, `2021年至2025年`).
pub fn find_year_range(s: &str) -> Option<(i32, i32)> {
    YEAR_RANGE.captures_iter(s).find_map(|c| {
        let start: i32 = c[1].parse().ok()?;
        let end: i32 = c[2].parse().ok()?;
        (end > start && end - start <= 15).then_some((start, end))
    })
}

/// The plan period a title names: `十四五` → 2021–2025 named 十四五; `(2021—2025)` →
/// 2021–2025 named `2021-2025`. A lone year (2019年工作要点) is no period.
pub fn period_of(title: &str) -> Option<Period> {
    let named = FIVE_YEAR.captures_iter(title).find_map(|c| {
        // `十五` alone (15) is no plan name: the match must read 十X五.
        let plan = FiveYearPlan::from_digit(&c[1])?;
        Some((format!("十{}五", &c[1]), plan.start()))
    });
    let range = find_year_range(title);
    match (named, range) {
        (Some((name, start)), Some((s, e))) if s == start => Some(Period {
            name: Some(name),
            start: s,
            end: e,
        }),
        (Some((name, start)), _) => Some(Period {
            name: Some(name),
            start,
            end: start + 4,
        }),
        (None, Some((start, end))) => Some(Period {
            name: Some(format!("{start}-{end}")),
            start,
            end,
        }),
        (None, None) => None,
    }
}

/// The period a plan states for itself in running text: `规划期为2021-2025年`, `规划期限:…`.
pub fn stated_period(text: &str) -> Option<Period> {
    static STATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"规划(?:期限|期|时限|年限|范围)\s*(?:为|是|:)?\s*").expect("valid regex")
    });
    STATED.find_iter(text).find_map(|m| {
        let after = text.get(m.end()..)?;
        let window: String = after.chars().take(20).collect();
        let (start, end) = find_year_range(&window)?;
        // The range must follow at once, not somewhere later in the sentence.
        let first = YEAR_RANGE.find(&window)?;
        (first.start() == 0).then(|| Period {
            name: Some(five_year_name(start, end, text).unwrap_or(format!("{start}-{end}"))),
            start,
            end,
        })
    })
}

/// The name of the five-year plan whose years `start..=end` are (2021–2025: 十四五), when
/// `text` uses that name too.
fn five_year_name(start: i32, end: i32, text: &str) -> Option<String> {
    let plan = FiveYearPlan::containing(start)?;
    let name = plan.name()?;
    (plan.start() == start && plan.end() == end && text.contains(&name)).then_some(name)
}

/// Strips trailing bracketed groups (`(2021—2025)`, `(试行)`) and quotes/space from a title.
pub fn strip_trailing_groups(mut s: &str) -> &str {
    loop {
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || "”\"》".contains(c));
        let stripped = ['(', '\u{ff08}', '〔', '[', '【']
            .iter()
            .zip([')', '\u{ff09}', '〕', ']', '】'])
            .find_map(|(&open, close)| {
                let body = t.strip_suffix(close)?;
                let at = body.rfind(open)?;
                Some(&t[..at])
            });
        match stripped {
            Some(rest) if !rest.trim().is_empty() => s = rest,
            _ => return t,
        }
    }
}

/// The kind of document a title names, by how it ends: 规划, 实施方案, 工作要点, 意见, 通知,
/// 办法, 报告; `None` for anything else (an article, a bare 计划).
pub fn kind_of(title: &str) -> Option<&'static str> {
    let t = strip_trailing_groups(title);
    // A breakdown of a report's or plan's tasks among departments (任务分解表, 任务分解和
    // 责任分工方案) is a year's work plan, whatever its last word.
    let breakdown = (t.contains("任务分解") || t.contains("责任分工") || t.ends_with("分工方案"))
        && ["表", "方案", "清单"].iter().any(|e| t.ends_with(e));
    if breakdown {
        return Some("工作要点");
    }
    // A body's summary of its year, often with the next year's plans (…2023年工作总结和2024年
    // 工作安排), reports.
    if t.contains("工作总结") {
        return Some("报告");
    }
    // A year's list of key tasks (2023年重点工作任务) is that year's work plan.
    let year_named = t
        .char_indices()
        .any(|(i, c)| c == '年' && i >= 4 && t.as_bytes()[i - 4..i].iter().all(u8::is_ascii_digit));
    if year_named && (t.ends_with("重点工作任务") || t.ends_with("重点任务")) {
        return Some("工作要点");
    }
    const ENDINGS: &[(&str, &str)] = &[
        ("要点", "工作要点"),
        ("工作计划", "工作要点"),
        ("工作意见", "工作要点"),
        ("任务分解", "工作要点"),
        ("任务清单", "工作要点"),
        ("行动计划", "实施方案"),
        // A year's plan of the economy and society (2020年…国民经济和社会发展计划).
        ("社会发展计划", "工作要点"),
        ("方案", "实施方案"),
        ("措施", "措施"),
        ("规划", "规划"),
        ("纲要", "规划"),
        ("意见", "意见"),
        ("通知", "通知"),
        ("办法", "办法"),
        ("细则", "办法"),
        ("政府工作报告", "政府工作报告"),
        ("报告", "报告"),
        ("工作安排", "工作要点"),
        // Traditional forms, should a text reach here unconverted.
        ("要點", "工作要点"),
        ("規劃", "规划"),
        ("綱要", "规划"),
        ("意見", "意见"),
        ("辦法", "办法"),
        ("細則", "办法"),
        ("政府工作報告", "政府工作报告"),
        ("報告", "报告"),
    ];
    ENDINGS
        .iter()
        .find(|(ending, _)| t.ends_with(ending))
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_in_three_notations() {
        assert_eq!(date_line("2021年12月20日").as_deref(), Some("2021-12-20"));
        assert_eq!(
            date_line("2021 年 3 月 5 日").as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(date_line("2021-12-20").as_deref(), Some("2021-12-20"));
        assert_eq!(date_line("2021/1/2").as_deref(), Some("2021-01-02"));
        assert_eq!(
            date_line("二〇二一年十二月二十日").as_deref(),
            Some("2021-12-20")
        );
        assert_eq!(
            date_line("二○二四年五月八日").as_deref(),
            Some("2024-05-08")
        );
        assert_eq!(
            date_line("二〇二〇年十月三十一日").as_deref(),
            Some("2020-10-31")
        );
        assert_eq!(date_line("(2022年6月)").as_deref(), Some("2022-06"));
        assert_eq!(date_line("2021年13月1日"), None);
        assert_eq!(date_line("到2025年12月底完成"), None);
        assert_eq!(date_line("2021-12.20"), None);
        assert_eq!(
            find_date("时间:2021年04月15日 14:27")
                .map(|d| d.0)
                .as_deref(),
            Some("2021-04-15")
        );
    }

    #[test]
    fn normalises_document_numbers() {
        for raw in [
            "平政办字〔2021〕26号",
            "平政办字[2021]26号",
            "平政办字【2021】26号",
            "平政办字(2021)26号",
            "平政办字 〔 2021 〕 26 号",
            "平政办字﹝2021﹞26号",
        ] {
            assert_eq!(
                doc_number_line(raw).as_deref(),
                Some("平政办字〔2021〕26号"),
                "{raw}"
            );
        }
        assert_eq!(
            doc_number_line("鲁教发〔2020〕第3号").as_deref(),
            Some("鲁教发〔2020〕第3号")
        );
        assert_eq!(doc_number_line("根据鲁政发〔2021〕5号文件"), None);
        assert_eq!(
            doc_number_line("鲁政发〔2021〕5号    签发人:张三").as_deref(),
            Some("鲁政发〔2021〕5号")
        );
        assert_eq!(
            find_doc_number("文号:济教字[2019]12号")
                .map(|d| d.0)
                .as_deref(),
            Some("济教字〔2019〕12号")
        );
    }

    #[test]
    fn reads_periods_from_titles() {
        let p = period_of("平阴县教育事业发展“十四五”规划(2021—2025)").unwrap();
        assert_eq!(
            (p.name.as_deref(), p.start, p.end),
            (Some("十四五"), 2021, 2025)
        );
        let p = period_of("某县“十三五”教育规划").unwrap();
        assert_eq!(
            (p.name.as_deref(), p.start, p.end),
            (Some("十三五"), 2016, 2020)
        );
        let p = period_of("某市国民经济和社会发展第十五个五年规划纲要").unwrap();
        assert_eq!(
            (p.name.as_deref(), p.start, p.end),
            (Some("十五五"), 2026, 2030)
        );
        let p = period_of("学前教育三年行动计划(2023-2025年)").unwrap();
        assert_eq!(
            (p.name.as_deref(), p.start, p.end),
            (Some("2023-2025"), 2023, 2025)
        );
        assert_eq!(period_of("2019年全市教育工作要点"), None);
        assert_eq!(period_of("十五年一贯制学校建设方案"), None);
        let p = stated_period("规划期为2021—2025年,展望到2035年。").unwrap();
        assert_eq!((p.start, p.end), (2021, 2025));
        assert_eq!(stated_period("规划期内,到2025年实现"), None);
    }

    #[test]
    fn reads_kinds_from_title_endings() {
        assert_eq!(
            kind_of("平阴县教育事业发展“十四五”规划(2021—2025)"),
            Some("规划")
        );
        assert_eq!(
            kind_of("创建全国义务教育优质均衡发展县实施方案"),
            Some("实施方案")
        );
        assert_eq!(kind_of("2019年全市教育工作要点"), Some("工作要点"));
        // A breakdown of tasks among departments is a year's work plan.
        assert_eq!(kind_of("2024年重点工作目标任务分解表"), Some("工作要点"));
        assert_eq!(
            kind_of("某省建设先行区2023年重点工作任务"),
            Some("工作要点")
        );
        assert_eq!(kind_of("某省2024年重点任务"), Some("工作要点"));
        assert_eq!(kind_of("生态保护重点任务"), None);
        assert_eq!(
            kind_of("某省“十四五”应急体系规划重点工程分工方案"),
            Some("工作要点")
        );
        assert_eq!(
            kind_of("2021年某市国民经济和社会发展计划"),
            Some("工作要点")
        );
        assert_eq!(
            kind_of("某区农业农村局2023年工作总结和2024年工作安排"),
            Some("报告")
        );
        assert_eq!(kind_of("某县卫生健康局2024年工作安排"), Some("工作要点"));
        assert_eq!(
            kind_of("2024年市工作报告任务分解和责任分工方案"),
            Some("工作要点")
        );
        assert_eq!(kind_of("乡村建设行动实施方案"), Some("实施方案"));
        assert_eq!(kind_of("关于加快发展学前教育的意见(试行)"), Some("意见"));
        assert_eq!(kind_of("某县中小学校管理办法(征求意见稿)"), Some("办法"));
        assert_eq!(kind_of("关于2020年教育工作情况的报告"), Some("报告"));
        assert_eq!(kind_of("切实推动教育均衡发展"), None);
        assert_eq!(kind_of("某縣教育事業發展規劃"), Some("规划"));
        assert_eq!(kind_of("学前教育三年行动计划"), Some("实施方案"));
        assert_eq!(
            kind_of("县卫健委2021年政府工作报告任务分解"),
            Some("工作要点")
        );
        assert_eq!(kind_of("某县2022年招生计划"), None);
    }
}
