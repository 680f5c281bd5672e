//! Quantities in Chinese text: number + unit + qualifier.
//!
//! - **Numbers**: Arabic (with `,` thousands separators, decimals and a sign: -5%), Chinese
//!   numerals read by [`crate::text::numerals`] (十二, 两千, 一百零五, 二〇三五, 千亿), percentages
//!   (98%, 百分之九十五, ‰), tenths (八成 → 80%), 半数 (50%), doubling (翻一番 → 2倍), fractions
//!   (三分之一), ratios (1:1), and 千/万/亿/百万/千万 multipliers folded into the value
//!   (1.96万户 → 19600 户).
//! - **Units**: the lexicon `data/lexicon/units.tsv` (measure words of every field: 所, 户,
//!   吨, 亩, 公顷, 千瓦时, 微克/立方米, 个工作日 …), longest first; rates as unit/denominator
//!   (元/人, 张/千人) and per-population rates (16.9/10万).
//! - **Qualifiers**: before the number (约, 近, 超, 突破, 逾, >, ≥, or 不低于/不超过/控制在 anywhere
//!   earlier in the clause) and after it (以上, 以下, 以内, 左右, 余, 多).
//! - **Ranges**: 3-5年, 3至5年, 4.5%—5%, 5%至6% as `value` and `upper`.
//!
//! A fraction (三分之一) is reported as its value (0.333…) without unit; a ratio (1:2) as the
//! quotient (0.5) without unit.
//!
//! [`scan`] finds every quantity of a short piece of text (a clause); it is linear in the
//! length of that text. It reports what is written; deciding which quantities are goals is
//! the job of [`super::goals`].

use crate::records::Comparator;
use crate::text::numerals::{self, is_numeral as is_chinese_numeral, NUMERALS};
pub use crate::text::units::is_weak_unit;
use crate::text::units::lexicon_unit;
use crate::text::CharSet;
use std::ops::Range;

/// One number found in a text, with what is attached to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span of the whole mention (immediate qualifiers, number, multiplier, unit,
    /// trailing 以上/左右), relative to the scanned text.
    pub span: Range<usize>,
    /// Byte span of the number itself (digits or numerals only).
    pub number: Range<usize>,
    /// The value with 千/万/亿 folded in; a percentage as written (98 for 98%).
    pub value: f64,
    /// Upper bound of a range (`3-5年` gives value 3, upper 5).
    pub upper: Option<f64>,
    /// `%`, a measure word (`所`, `人次`, `平方米`, `元`), a rate (`元/人•月`), or `None`.
    pub unit: Option<String>,
    /// The qualifier written next to the number or earlier in the text (不低于…的5%), if any.
    pub comparator: Option<Comparator>,
    /// Whether the number was written in Chinese numerals.
    pub chinese: bool,
    /// Whether the number is directly preceded by 第 (an ordinal, never a quantity).
    pub ordinal: bool,
    /// Whether the number is directly preceded by 每 (a rate's denominator: 每百名学生).
    pub per: bool,
    /// Whether a `+` is glued to the number (model names such as "1+4", "5+2").
    pub plus: bool,
}

/// Qualifiers that may stand anywhere earlier in the clause (不低于学校年度公用经费的5%),
/// longest first so 不低于 wins over 低于.
const FAR_QUALIFIERS: &[(&str, Comparator)] = &[
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("至少", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("控制在", Comparator::Le),
    ("约占", Comparator::Approx),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("不足", Comparator::Lt),
    ("不到", Comparator::Lt),
    ("至多", Comparator::Le),
    ("最多", Comparator::Le),
    ("最少", Comparator::Ge),
    ("高于", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("大于", Comparator::Gt),
];

/// The chars the far qualifiers end in (a unit test checks it against the list).
static FAR_LAST: CharSet = CharSet::new(&['于', '少', '过', '在', '足', '到', '多', '占']);

/// Qualifiers that must touch the number (近 also starts 近三年来, so it may not float),
/// longest first so ≥ wins over >.
const NEAR_QUALIFIERS: &[(&str, Comparator)] = &[
    ("大约", Comparator::Approx),
    ("约为", Comparator::Approx),
    ("将近", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("突破", Comparator::Gt),
    ("迈上", Comparator::Ge),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
    ("逾", Comparator::Gt),
    ("超", Comparator::Gt),
    (">=", Comparator::Ge),
    ("<=", Comparator::Le),
    ("≥", Comparator::Ge),
    ("≤", Comparator::Le),
    (">", Comparator::Gt),
    ("<", Comparator::Lt),
];

/// Qualifiers after the number and unit.
const SUFFIX_QUALIFIERS: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("及以下", Comparator::Le),
    ("以下", Comparator::Le),
    ("以内", Comparator::Le),
    ("之内", Comparator::Le),
    ("内", Comparator::Le),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
];

/// Parses a whole run of Chinese numerals (see [`numerals::parse`]).
pub fn parse_chinese(run: &str) -> Option<f64> {
    numerals::parse(run)
}

/// Parses a number that makes up the whole of `s` (a table cell, say): `92.63`, `1,200`,
/// `十二`, `98%` (→ 98). `None` when `s` is not one number.
pub fn parse_value(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = s.strip_suffix('%').unwrap_or(s).trim();
    if s.is_empty() {
        return None;
    }
    let (sign, digits) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (-1.0, rest.trim_start()),
        None => (1.0, s),
    };
    if let Some((v, end)) = arabic_at(digits, 0) {
        if end == digits.len() {
            return Some(sign * v);
        }
        return None;
    }
    parse_chinese(s)
}

/// Reads an Arabic number starting at byte `i`: digits, `,` thousands groups, one decimal
/// part. Returns the value and the end byte.
fn arabic_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j == i {
        return None;
    }
    let mut digits: String = s[i..j].to_owned();
    // Thousands groups: only `,ddd` followed by a non-digit, after a group of at most three
    // digits, so that "32,15" (two numbers in a list) is not read as one. Typeset documents
    // part the groups with a (thin) space instead, which NFKC made a plain one: 7 000万元.
    if j - i <= 3 && j < b.len() && matches!(b[j], b',' | b' ') {
        let separator = b[j];
        let mut k = j;
        while k + 4 <= b.len()
            && b[k] == separator
            && b[k + 1..k + 4].iter().all(u8::is_ascii_digit)
            && (k + 4 == b.len() || !b[k + 4].is_ascii_digit())
        {
            digits.push_str(&s[k + 1..k + 4]);
            k += 4;
        }
        j = k;
    }
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        digits.push('.');
        let mut k = j + 1;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        digits.push_str(&s[j + 1..k]);
        j = k;
    }
    digits
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, j))
}

/// Reads a number (Arabic, Chinese, Roman I–V before 级/类) at byte `i`.
fn number_at(s: &str, i: usize) -> Option<(f64, usize, bool)> {
    if let Some((v, end)) = arabic_at(s, i) {
        return Some((v, end, false));
    }
    let rest = &s[i..];
    let first = rest.chars().next()?;
    if is_chinese_numeral(first) {
        let len: usize = rest
            .chars()
            .take_while(|c| is_chinese_numeral(*c))
            .map(char::len_utf8)
            .sum();
        let run = &rest[..len];
        // 万/亿 at the end of a run are multipliers handled with the unit (三万人).
        return parse_chinese(run).map(|v| (v, i + len, true));
    }
    if matches!(first, 'I' | 'V') {
        let len = rest
            .bytes()
            .take_while(|b| matches!(b, b'I' | b'V'))
            .count();
        let after = &rest[len..];
        if after.starts_with('级') || after.starts_with('类') {
            let v = match &rest[..len] {
                "I" => 1.0,
                "II" => 2.0,
                "III" => 3.0,
                "IV" => 4.0,
                "V" => 5.0,
                _ => return None,
            };
            return Some((v, i + len, false));
        }
    }
    None
}

fn starts_with_any<'a>(
    s: &str,
    list: &'a [(&'a str, Comparator)],
) -> Option<(&'a str, Comparator)> {
    list.iter().find(|(w, _)| s.starts_with(w)).copied()
}

fn ends_with_any<'a>(s: &str, list: &'a [(&'a str, Comparator)]) -> Option<(&'a str, Comparator)> {
    list.iter().find(|(w, _)| s.ends_with(w)).copied()
}

/// The last far qualifier in `region`, if any (the one closest to the number).
///
/// One backward pass: at each char end, only the qualifiers ending in that char are tried,
/// and the first end holding one is the closest (the longest there wins: 不低于 over 低于).
/// Searching the region once per qualifier cost more than reading the number itself.
fn last_far_qualifier(region: &str) -> Option<Comparator> {
    let best = region.char_indices().rev().find_map(|(i, c)| {
        if !FAR_LAST.contains(c) {
            return None;
        }
        let end = i + c.len_utf8();
        FAR_QUALIFIERS
            .iter()
            .filter(|(w, _)| w.ends_with(c) && region[..end].ends_with(w))
            .max_by_key(|(w, _)| w.len())
            .map(|(w, cmp)| (end - w.len(), *cmp))
    });
    // A prohibited comparison bounds the other way: 不得低于 is at least, 不应超过 at most.
    best.map(|(p, c)| {
        let negated = ["不得", "不应", "不能", "不宜", "不可", "不准"]
            .iter()
            .any(|w| region[..p].ends_with(w));
        match (negated, c) {
            (true, Comparator::Lt) => Comparator::Ge,
            (true, Comparator::Gt) => Comparator::Le,
            _ => c,
        }
    })
}

/// Chars a rate's denominator is written with (元/人•月, 张/千人, 元/亩, 吨/万元).
fn denominator_char(c: char) -> bool {
    c.is_ascii_digit()
        || "人生月年天日次学期•·.课时千万百十户亩吨床元平方米公里口辆件位瓦小".contains(c)
}

/// Whether all of `s` is one unit (`微克/立方米`, `张/千人`, `%`): a table's unit cell or
/// the unit in brackets after an indicator's name.
pub(crate) fn is_unit(s: &str) -> bool {
    unit_at(s).is_some_and(|(_, len)| len == s.len())
}

/// Reads the unit at the start of `s`: a percent or per-mille sign, a measure word of the
/// lexicon, a rate (`元/人•月`, `张/千人`), or a per-population rate's denominator alone
/// (`/10万` of 16.9/10万). Returns the unit and its byte length.
fn unit_at(s: &str) -> Option<(String, usize)> {
    if s.starts_with('%') {
        return Some(("%".to_owned(), 1));
    }
    // 16.9/10万, 3/万人: a rate per so many of a population.
    if let Some(tail) = s.strip_prefix('/') {
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &tail[digits..];
        let mult: usize = rest
            .chars()
            .take_while(|c| matches!(c, '十' | '百' | '千' | '万'))
            .map(char::len_utf8)
            .sum();
        if mult == 0 {
            return None;
        }
        let people = ["人口", "人"]
            .iter()
            .find(|p| rest[mult..].starts_with(**p))
            .map_or(0, |p| p.len());
        let len = 1 + digits + mult + people;
        return Some((s[..len].to_owned(), len));
    }
    // 6个班 counts classes: the class is the unit, as in 个百分点.
    if s.starts_with("个班") {
        return Some(("班".to_owned(), "个班".len()));
    }
    let u = lexicon_unit(s)?;
    // 部 and 方 are measures, not the start of 部门/部委 or 方面/方案/方式.
    let next = s[u.len()..].chars().next();
    if (u == "部" && next.is_some_and(|c| "门委署分".contains(c)))
        || (u == "方" && next.is_some_and(|c| "面案式法向针位".contains(c)))
    {
        return None;
    }
    // 成 is a unit only as tenths (八成), not as the start of a word (三成员, 一成不变).
    if u == "成" {
        let next = s["成".len()..].chars().next();
        if next.is_some_and(|c| "员立为效果功熟本绩长就交品套不型年".contains(c)) {
            return None;
        }
    }
    let mut unit = u.to_owned();
    let mut len = u.len();
    // A rate: 元/人•月, 元/生•年, 张/千人.
    let rest = &s[len..];
    if let Some(tail) = rest.strip_prefix('/') {
        let per: String = tail
            .chars()
            .take_while(|c| denominator_char(*c))
            .take(6)
            .collect();
        if per.chars().any(|c| !c.is_ascii_digit()) {
            unit.push('/');
            unit.push_str(&per);
            len += 1 + per.len();
        }
    }
    Some((unit, len))
}

/// Finds every quantity in `s`, in order.
pub fn scan(s: &str) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut prev_end = 0;
    while i < s.len() {
        // Fast path: ASCII bytes that cannot start a number.
        if b[i] < 0x80 && !b[i].is_ascii_digit() && b[i] != b'I' && b[i] != b'V' {
            i += 1;
            continue;
        }
        // Fast path: other chars than numerals, read off their bytes without decoding into a
        // char (most text here is Han chars, and every Chinese numeral is three bytes long).
        if b[i] >= 0x80 {
            let len = match b[i] {
                0xf0.. => 4,
                0xe0.. => 3,
                _ => 2,
            };
            let numeral = len == 3 && {
                let code = utf8_3(&b[i..i + 3]);
                NUMERALS.contains_code(code) || code == '半' as u32 || code == '倍' as u32
            };
            if !numeral {
                i += len;
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        // Words that are quantities without a numeral: 半数 (以上), half of a population, 50%;
        // 实现倍增, a doubling stated as the result, 2倍 (not 倍增计划, 倍增效应).
        if c == '半' || c == '倍' {
            let word = if c == '半' {
                s[i..].starts_with("半数").then_some(("半数", 50.0, "%"))
            } else {
                let end = i + "倍增".len();
                let stated = s[i..].starts_with("倍增")
                    && ["实现", "力争", "基本", "达到", "将", "要"]
                        .iter()
                        .any(|w| s[..i].ends_with(w))
                    && s[end..]
                        .chars()
                        .next()
                        .is_none_or(|n| matches!(n, '。' | ',' | ';' | ')' | '\n'));
                stated.then_some(("倍增", 2.0, "倍"))
            };
            match word {
                Some((w, value, unit)) => {
                    let end = i + w.len();
                    let q = finish(
                        s,
                        &s[..i],
                        i,
                        i..end,
                        end,
                        value,
                        None,
                        Some(unit.to_owned()),
                        true,
                        prev_end,
                    );
                    i = q.span.end;
                    prev_end = q.span.end;
                    out.push(q);
                }
                None => i += c.len_utf8(),
            }
            continue;
        }
        // Do not start inside a word of digits or letters (e.g. the 5 of "A5", "100M").
        // Nor after a % of percent-encoding (%E5%AE%89 in a pasted address).
        // Nor inside a date or code written with dashes or slashes (2023-09-12).
        let glued = i > 0
            && (b[i - 1].is_ascii_alphanumeric()
                || b[i - 1] == b'.'
                || b[i - 1] == b'%'
                || (matches!(b[i - 1], b'-' | b'/') && i >= 2 && b[i - 2].is_ascii_digit()));
        let startable = c.is_ascii_digit() || is_chinese_numeral(c) || matches!(c, 'I' | 'V');
        if !startable || (glued && c.is_ascii()) {
            i += c.len_utf8();
            continue;
        }
        // Chinese numerals are mostly words (一体化, 统一, 十四五): only parse a run that a
        // unit, multiplier, fraction, range or 余/多 follows, or 百分之.
        let worth = if c.is_ascii() {
            true
        } else {
            let run: usize = s[i..]
                .chars()
                .take_while(|c| is_chinese_numeral(*c))
                .map(char::len_utf8)
                .sum();
            let rest = &s[i + run..];
            s[i..].starts_with("百分之")
                || unit_at(rest).is_some()
                || rest.starts_with(['余', '多', '至', '到', '-', '—', '~', '级', '类'])
                || (rest.starts_with('番') && s[..i].ends_with('翻'))
                || rest.starts_with("分之")
                || (run > 0 && (s[i..i + run].ends_with('万') || s[i..i + run].ends_with('亿')))
        };
        if let Some(q) = worth.then(|| quantity_at(s, i, prev_end)).flatten() {
            i = q.span.end.max(i + c.len_utf8());
            prev_end = q.span.end;
            if !names_a_class(s, &q) {
                out.push(q);
            }
        } else {
            // Skip the whole run so that "2021" is not read again as "021".
            let mut j = i + c.len_utf8();
            if c.is_ascii_digit() {
                while j < s.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                    j += 1;
                }
            } else if is_chinese_numeral(c) {
                while let Some(n) = s[j..].chars().next() {
                    if !is_chinese_numeral(n) {
                        break;
                    }
                    j += n.len_utf8();
                }
            }
            i = j;
        }
    }
    out
}

/// True when the quantity only names a size class (千亿级产业集群, 10万吨级泊位, 百亿级企业):
/// a magnitude read as so many 级, or a measure followed by 级.
fn names_a_class(s: &str, q: &Quantity) -> bool {
    let unit = q.unit.as_deref();
    (unit == Some("级") && q.value >= 1000.0)
        || (unit.is_some_and(|u| u != "级") && s[q.span.end..].starts_with('级'))
}

/// `j` past one space (ASCII or ideographic) when a multiplier or a unit follows it.
fn skip_space_before_unit(s: &str, j: usize) -> usize {
    let Some(space) = s[j..]
        .chars()
        .next()
        .filter(|c| matches!(c, ' ' | '\u{3000}'))
    else {
        return j;
    };
    let after = &s[j + space.len_utf8()..];
    let multiplier = after.starts_with(['万', '亿', '千', '百']);
    if multiplier || unit_at(after).is_some() {
        j + space.len_utf8()
    } else {
        j
    }
}

/// True when `before` ends with a minus sign that belongs to the number after it: a `-` or
/// `−` not preceded by a digit, letter or closing bracket (which would make it a range or a
/// hyphen).
fn negative_sign_before(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(['-', '−']) else {
        return false;
    };
    !rest.chars().next_back().is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, ')' | '%' | '.' | '-' | '—' | '年')
    })
}

/// The code point of a three-byte UTF-8 sequence.
fn utf8_3(b: &[u8]) -> u32 {
    (u32::from(b[0] & 0x0f) << 12) | (u32::from(b[1] & 0x3f) << 6) | u32::from(b[2] & 0x3f)
}

/// Reads the quantity whose number starts at byte `start`; `prev_end` bounds the look-back
/// for far qualifiers.
fn quantity_at(s: &str, start: usize, prev_end: usize) -> Option<Quantity> {
    let before = &s[..start];
    // 百分之九十五, 百分之百.
    if let Some(rest) = s[start..].strip_prefix("百分之") {
        let len: usize = rest
            .chars()
            .take_while(|c| is_chinese_numeral(*c))
            .map(char::len_utf8)
            .sum();
        let run = &rest[..len];
        let v = if run == "百" {
            Some(100.0)
        } else {
            parse_chinese(run)
        };
        let v = v?;
        let end = start + "百分之".len() + len;
        return Some(finish(
            s,
            before,
            start,
            start..end,
            end,
            v,
            None,
            Some("%".to_owned()),
            true,
            prev_end,
        ));
    }
    let (mut value, num_end, chinese) = number_at(s, start)?;
    // 翻一番, 翻两番: doubling n times.
    if before.ends_with('翻') && s[num_end..].starts_with('番') && (1.0..=4.0).contains(&value) {
        let end = num_end + '番'.len_utf8();
        let times = 2f64.powf(value.round());
        return Some(finish(
            s,
            before,
            start,
            start..num_end,
            end,
            times,
            None,
            Some("倍".to_owned()),
            chinese,
            prev_end,
        ));
    }
    // A sign glued to an Arabic number (-5%, 增长-2.1%), not a range's dash (3-5年).
    if !chinese && negative_sign_before(before) {
        value = -value;
    }
    // Fractions: 三分之一.
    if let Some(rest) = s[num_end..].strip_prefix("分之") {
        let len: usize = rest
            .chars()
            .take_while(|c| is_chinese_numeral(*c))
            .map(char::len_utf8)
            .sum();
        let numerator = parse_chinese(&rest[..len])?;
        if value == 0.0 {
            return None;
        }
        let end = num_end + "分之".len() + len;
        let v = numerator / value;
        return Some(finish(
            s,
            before,
            start,
            start..end,
            end,
            v,
            None,
            None,
            chinese,
            prev_end,
        ));
    }
    let mut j = num_end;
    // Ratios: 1:1, also with the ratio sign NFKC keeps (1∶15).
    if !chinese {
        let colon = s[j..].chars().next().filter(|c| matches!(c, ':' | '∶'));
        if let Some(rest) = colon.map(|c| &s[j + c.len_utf8()..]) {
            if let Some((den, end)) = arabic_at(rest, 0) {
                if den != 0.0 && end > 0 && !rest[end..].starts_with([':', '∶']) {
                    let v = value / den;
                    let stop = s.len() - rest.len() + end;
                    return Some(finish(
                        s,
                        before,
                        start,
                        start..stop,
                        stop,
                        v,
                        None,
                        None,
                        false,
                        prev_end,
                    ));
                }
            }
        }
    }
    // Ranges: 3-5年, 3至5年, 3~5.
    let mut upper = None;
    for sep in ["-", "—", "–", "~", "～", "至", "到"] {
        if let Some(rest) = s[j..].strip_prefix(sep) {
            if let Some((u, uend, uchinese)) = number_at(rest, 0) {
                if uchinese == chinese && u > value {
                    upper = Some(u);
                    j += sep.len() + uend;
                }
            }
            break;
        }
    }
    let number = start..num_end;
    // Text out of a PDF spaces numbers from their words (424.74 亿元, 7.4 %): one space
    // before a multiplier or a unit is no gap.
    j = skip_space_before_unit(s, j);
    // Multipliers: 千, 万, 亿, 百万, 千万 (a Chinese run has already swallowed them).
    let mut mult = 1.0;
    for (w, m) in [
        ("百万", 1e6),
        ("千万", 1e7),
        ("万亿", 1e12),
        ("千", 1e3),
        ("万", 1e4),
        ("亿", 1e8),
    ] {
        // 千瓦, 千米, 千克: the 千 belongs to the unit.
        let unit_here = lexicon_unit(&s[j..]).is_some_and(|u| u.starts_with(w) && u != w);
        if !chinese && s[j..].starts_with(w) && !unit_here {
            mult = m;
            j += w.len();
            break;
        }
    }
    value *= mult;
    let upper = upper.map(|u| u * mult);
    // 余 / 多 between number and unit: 150余人, 800多个; also 3万多人.
    let mut cmp = None;
    for w in ["余", "多"] {
        if let Some(rest) = s[j..].strip_prefix(w) {
            // 多 as the start of a word (多媒体) is not a qualifier: require a unit or 万 next.
            if unit_at(rest).is_some() || rest.starts_with('万') || rest.starts_with('亿') {
                cmp = Some(Comparator::Gt);
                j += w.len();
                for (w2, m) in [("万", 1e4), ("亿", 1e8)] {
                    if s[j..].starts_with(w2) {
                        value *= m;
                        j += w2.len();
                    }
                }
            }
            break;
        }
    }
    j = skip_space_before_unit(s, j);
    let mut unit = unit_at(&s[j..]).map(|(u, len)| {
        j += len;
        u
    });
    // 八成 is eight tenths: 80%.
    if unit.as_deref() == Some("成") {
        if upper.is_some() || !(0.0..=10.0).contains(&value) {
            return None;
        }
        value *= 10.0;
        unit = Some("%".to_owned());
    }
    // A range with the unit on both bounds: 5%-8%, 3年至5年.
    let mut upper = upper;
    if upper.is_none() && !chinese {
        if let Some(u) = unit.as_deref() {
            for sep in ["-", "—", "–", "~", "～", "至", "到"] {
                let Some(rest) = s[j..].strip_prefix(sep) else {
                    continue;
                };
                if let Some((hi, hend)) = arabic_at(rest, 0) {
                    let hi = hi * mult;
                    if hi > value && rest[hend..].starts_with(u) {
                        upper = Some(hi);
                        j += sep.len() + hend + u.len();
                    }
                }
                break;
            }
        }
    }
    Some(
        finish(
            s, before, start, number, j, value, upper, unit, chinese, prev_end,
        )
        .with_cmp(cmp),
    )
}

impl Quantity {
    /// Sets the 余/多 comparator unless a stronger qualifier was written.
    fn with_cmp(mut self, cmp: Option<Comparator>) -> Self {
        if self.comparator.is_none() {
            self.comparator = cmp;
        }
        self
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    s: &str,
    before: &str,
    start: usize,
    number: Range<usize>,
    mut end: usize,
    value: f64,
    upper: Option<f64>,
    unit: Option<String>,
    chinese: bool,
    prev_end: usize,
) -> Quantity {
    let mut comparator = None;
    let mut span_start = start;
    // Suffix qualifiers win: they are the most explicit.
    if let Some((w, c)) = starts_with_any(&s[end..], SUFFIX_QUALIFIERS) {
        comparator = Some(c);
        end += w.len();
    }
    if let Some((w, c)) = ends_with_any(before, NEAR_QUALIFIERS) {
        // 近 at the start of 近年来 is never attached to a number, but "近三年" is: guard by
        // requiring the number to carry a unit other than 年.
        if comparator.is_none() {
            comparator = Some(c);
        }
        span_start = start - w.len();
    }
    let lo = prev_end.min(start);
    // 高于全省平均水平1.6个百分点: a comparison's difference, stated exactly.
    let difference = unit.as_deref().is_some_and(|u| u.ends_with("百分点"))
        && ["高于", "低于", "快于", "慢于", "超过", "多于", "少于"]
            .iter()
            .any(|w| s[lo..start].contains(w));
    if comparator.is_none() && !difference {
        comparator = last_far_qualifier(&s[lo..start]);
    } else if comparator == Some(Comparator::Approx) && s[lo..start].contains("至少") {
        // 至少配齐2名左右: the floor is what is committed.
        comparator = Some(Comparator::Ge);
    }
    let ordinal = before.ends_with('第');
    let per = before.ends_with('每');
    let plus =
        before.ends_with('+') || s[end..].starts_with('+') || s[number.end..].starts_with('+');
    Quantity {
        span: span_start..end,
        number,
        value,
        upper,
        unit,
        comparator,
        chinese,
        ordinal,
        per,
        plus,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn far_qualifiers_end_in_listed_chars() {
        for (w, _) in super::FAR_QUALIFIERS {
            let last = w.chars().last().expect("non-empty qualifier");
            assert!(super::FAR_LAST.contains(last), "{w}");
        }
    }

    #[test]
    fn far_qualifier_closest_to_the_number_wins() {
        use super::{last_far_qualifier, Comparator};
        assert_eq!(last_far_qualifier("约占全县"), Some(Comparator::Approx));
        assert_eq!(
            last_far_qualifier("不超过上年,不低于"),
            Some(Comparator::Ge)
        );
        assert_eq!(last_far_qualifier("低于去年"), Some(Comparator::Lt));
        assert_eq!(last_far_qualifier("不得低于"), Some(Comparator::Ge));
        assert_eq!(last_far_qualifier("全县学校"), None);
    }

    use super::*;
    use Comparator::*;

    #[test]
    fn numeral_set_agrees_with_the_digit_and_unit_readers() {
        for c in (0..=0xffffu32).filter_map(char::from_u32) {
            let slow = numerals::digit(c).is_some() || numerals::multiplier(c).is_some();
            assert_eq!(is_chinese_numeral(c), slow, "{c}");
            // The scan's byte-level fast path skips every char that is not three bytes long.
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if bytes.len() == 3 {
                assert_eq!(utf8_3(bytes), c as u32, "{c}");
            } else {
                assert!(!slow, "{c}");
            }
        }
    }

    /// (text, value, unit, comparator, upper) of the first quantity found.
    type Case = (
        &'static str,
        f64,
        Option<&'static str>,
        Option<Comparator>,
        Option<f64>,
    );

    const CASES: &[Case] = &[
        ("达到98%", 98.0, Some("%"), None, None),
        ("安排资金7 000万元", 70_000_000.0, Some("元"), None, None),
        ("改造农田12 500亩", 12_500.0, Some("亩"), None, None),
        ("达到90%以上", 90.0, Some("%"), Some(Ge), None),
        ("普惠率92.63%", 92.63, Some("%"), None, None),
        ("建成5所", 5.0, Some("所"), None, None),
        ("招聘100人", 100.0, Some("人"), None, None),
        ("100名新教师", 100.0, Some("名"), None, None),
        ("7处", 7.0, Some("处"), None, None),
        ("4个学段", 4.0, Some("个"), None, None),
        ("217项", 217.0, Some("项"), None, None),
        ("807人次", 807.0, Some("人次"), None, None),
        ("36间", 36.0, Some("间"), None, None),
        ("1500余台", 1500.0, Some("台"), Some(Gt), None),
        ("360学时", 360.0, Some("学时"), None, None),
        ("11.63万平方米", 116300.0, Some("平方米"), None, None),
        ("1.3万人次", 13000.0, Some("人次"), None, None),
        ("10.87亿元", 1_087_000_000.0, Some("元"), None, None),
        ("3676万元", 36_760_000.0, Some("元"), None, None),
        ("1778.4万元", 17_784_000.0, Some("元"), None, None),
        ("1,200名", 1200.0, Some("名"), None, None),
        ("12,345,678元", 12_345_678.0, Some("元"), None, None),
        ("118场", 118.0, Some("场"), None, None),
        ("2家", 2.0, Some("家"), None, None),
        ("15套", 15.0, Some("套"), None, None),
        ("1座", 1.0, Some("座"), None, None),
        ("80种", 80.0, Some("种"), None, None),
        ("40多种", 40.0, Some("种"), Some(Gt), None),
        ("800多个", 800.0, Some("个"), Some(Gt), None),
        ("150余人", 150.0, Some("人"), Some(Gt), None),
        ("3800余节", 3800.0, Some("节"), Some(Gt), None),
        ("6轨", 6.0, Some("轨"), None, None),
        ("6个班", 6.0, Some("班"), None, None),
        ("改造校舍12栋", 12.0, Some("栋"), None, None),
        ("新建教学楼2幢", 2.0, Some("幢"), None, None),
        ("5%-8%", 5.0, Some("%"), None, Some(8.0)),
        ("3年至5年", 3.0, Some("年"), None, Some(5.0)),
        ("不到10%", 10.0, Some("%"), Some(Lt), None),
        ("至多2次", 2.0, Some("次"), Some(Le), None),
        ("最少3名", 3.0, Some("名"), Some(Ge), None),
        ("100人上下", 100.0, Some("人"), Some(Approx), None),
        ("近3万人", 30000.0, Some("人"), Some(Approx), None),
        ("近100所", 100.0, Some("所"), Some(Approx), None),
        ("约200人", 200.0, Some("人"), Some(Approx), None),
        ("大约30%", 30.0, Some("%"), Some(Approx), None),
        ("50人左右", 50.0, Some("人"), Some(Approx), None),
        ("10人以下", 10.0, Some("人"), Some(Le), None),
        ("5%以内", 5.0, Some("%"), Some(Le), None),
        ("不低于10%", 10.0, Some("%"), Some(Ge), None),
        ("不得低于3.5亩", 3.5, Some("亩"), Some(Ge), None),
        ("不应超过40人", 40.0, Some("人"), Some(Le), None),
        ("不宜少于2名", 2.0, Some("名"), Some(Ge), None),
        ("不得高于全省平均的5%", 5.0, Some("%"), Some(Le), None),
        ("不低于总数的20%", 20.0, Some("%"), Some(Ge), None),
        ("不少于课时的50%", 50.0, Some("%"), Some(Ge), None),
        ("至少为6个", 6.0, Some("个"), Some(Ge), None),
        ("不超过45人", 45.0, Some("人"), Some(Le), None),
        ("不高于3%", 3.0, Some("%"), Some(Le), None),
        ("控制在5%", 5.0, Some("%"), Some(Le), None),
        ("低于0.15", 0.15, None, Some(Lt), None),
        ("少于30人", 30.0, Some("人"), Some(Lt), None),
        ("不足100名", 100.0, Some("名"), Some(Lt), None),
        ("超过2000人", 2000.0, Some("人"), Some(Gt), None),
        ("高于全省平均的5%", 5.0, Some("%"), Some(Gt), None),
        ("逾千人", 1000.0, Some("人"), Some(Gt), None),
        ("95%及以上", 95.0, Some("%"), Some(Ge), None),
        ("十二所", 12.0, Some("所"), None, None),
        ("两千人", 2000.0, Some("人"), None, None),
        ("一百零五名", 105.0, Some("名"), None, None),
        ("二〇三五年", 2035.0, Some("年"), None, None),
        ("三万五千人", 35000.0, Some("人"), None, None),
        ("一所", 1.0, Some("所"), None, None),
        ("两所", 2.0, Some("所"), None, None),
        ("十所", 10.0, Some("所"), None, None),
        ("二十一个", 21.0, Some("个"), None, None),
        ("一百个", 100.0, Some("个"), None, None),
        ("三千五百万元", 35_000_000.0, Some("元"), None, None),
        ("五亿元", 500_000_000.0, Some("元"), None, None),
        ("百分之九十五", 95.0, Some("%"), None, None),
        ("百分之百", 100.0, Some("%"), None, None),
        ("百分之五十以上", 50.0, Some("%"), Some(Ge), None),
        ("三分之一", 1.0 / 3.0, None, None, None),
        ("四分之三", 0.75, None, None, None),
        ("3-5年", 3.0, Some("年"), None, Some(5.0)),
        ("3至5年", 3.0, Some("年"), None, Some(5.0)),
        ("3~5人", 3.0, Some("人"), None, Some(5.0)),
        ("三至五年", 3.0, Some("年"), None, Some(5.0)),
        ("20-30万元", 200_000.0, Some("元"), None, Some(300_000.0)),
        ("500元/人•月", 500.0, Some("元/人•月"), None, None),
        ("1200元/生•年", 1200.0, Some("元/生•年"), None, None),
        ("比达1:1", 1.0, None, None, None),
        ("师生比不低于1∶15", 1.0 / 15.0, None, Some(Ge), None),
        ("比达到1:2", 0.5, None, None, None),
        ("III级以上", 3.0, Some("级"), Some(Ge), None),
        ("0.15", 0.15, None, None, None),
        ("99.9%", 99.9, Some("%"), None, None),
        ("100%", 100.0, Some("%"), None, None),
        ("2500元", 2500.0, Some("元"), None, None),
        ("3万多人", 30000.0, Some("人"), Some(Gt), None),
        ("5个百分点", 5.0, Some("个百分点"), None, None),
        ("2万册", 20000.0, Some("册"), None, None),
        ("200平方米", 200.0, Some("平方米"), None, None),
        // Units of every field.
        ("1.96万户", 19600.0, Some("户"), None, None),
        ("粮食产量35万吨", 350_000.0, Some("吨"), None, None),
        ("建成高标准农田2.5万亩", 25_000.0, Some("亩"), None, None),
        ("造林1200公顷", 1200.0, Some("公顷"), None, None),
        ("新改建农村公路120公里", 120.0, Some("公里"), None, None),
        ("治理面积15平方公里", 15.0, Some("平方公里"), None, None),
        (
            "用水总量控制在3.2亿立方米以内",
            320_000_000.0,
            Some("立方米"),
            Some(Le),
            None,
        ),
        ("光伏装机50万千瓦", 500_000.0, Some("千瓦"), None, None),
        ("发电量8亿千瓦时", 800_000_000.0, Some("千瓦时"), None, None),
        ("5千瓦", 5.0, Some("千瓦"), None, None),
        (
            "PM2.5浓度35微克/立方米",
            35.0,
            Some("微克/立方米"),
            None,
            None,
        ),
        ("化学需氧量20毫克/升", 20.0, Some("毫克/升"), None, None),
        ("昼间噪声55分贝", 55.0, Some("分贝"), None, None),
        ("婴儿死亡率5.4‰", 5.4, Some("‰"), None, None),
        ("孕产妇死亡率16.9/10万", 16.9, Some("/10万"), None, None),
        ("床位数6.5张/千人", 6.5, Some("张/千人"), None, None),
        ("压缩至3个工作日", 3.0, Some("个工作日"), None, None),
        ("生猪出栏12万头", 120_000.0, Some("头"), None, None),
        ("人均预期寿命80岁", 80.0, Some("岁"), None, None),
        ("补助300元/亩", 300.0, Some("元/亩"), None, None),
        ("新能源公交车50辆", 50.0, Some("辆"), None, None),
        ("保障性住房800套", 800.0, Some("套"), None, None),
        ("产值翻一番", 2.0, Some("倍"), None, None),
        ("装机容量力争实现倍增。", 2.0, Some("倍"), None, None),
        ("经济总量翻两番", 4.0, Some("倍"), None, None),
        // Number forms and qualifiers.
        ("超千亿元", 1e11, Some("元"), Some(Gt), None),
        ("突破500亿元", 5e10, Some("元"), Some(Gt), None),
        ("超3万人", 30_000.0, Some("人"), Some(Gt), None),
        ("八成以上", 80.0, Some("%"), Some(Ge), None),
        ("九成", 90.0, Some("%"), None, None),
        ("半数以上", 50.0, Some("%"), Some(Ge), None),
        ("增长-2.1%", -2.1, Some("%"), None, None),
        (">80%", 80.0, Some("%"), Some(Gt), None),
        ("≥90%", 90.0, Some("%"), Some(Ge), None),
        ("<0.15", 0.15, None, Some(Lt), None),
        ("4.5%—5%", 4.5, Some("%"), None, Some(5.0)),
        ("4.5-5%", 4.5, Some("%"), None, Some(5.0)),
        ("5%至6%", 5.0, Some("%"), None, Some(6.0)),
        ("6%左右", 6.0, Some("%"), Some(Approx), None),
        ("近5万人", 50_000.0, Some("人"), Some(Approx), None),
    ];

    #[test]
    fn table_of_cases() {
        assert!(CASES.len() >= 80, "only {} cases", CASES.len());
        for (text, value, unit, cmp, upper) in CASES {
            let found = scan(text);
            let q = found
                .first()
                .unwrap_or_else(|| panic!("nothing found in {text}"));
            assert!(
                (q.value - value).abs() < 1e-9 * value.abs().max(1.0),
                "{text}: value {}",
                q.value
            );
            assert_eq!(q.unit.as_deref(), *unit, "{text}: unit");
            assert_eq!(q.comparator, *cmp, "{text}: comparator");
            assert_eq!(q.upper, *upper, "{text}: upper");
        }
    }

    #[test]
    fn flags_ordinals_rates_and_model_names() {
        assert!(scan("第40个教师节")[0].ordinal);
        assert!(scan("每百名学生拥有")[0].per);
        assert!(scan("“1+4”办学模式").iter().all(|q| q.plus));
        assert!(scan("5+2").iter().all(|q| q.plus));
    }

    #[test]
    fn rejects_non_numbers() {
        assert_eq!(parse_chinese("十四五"), None);
        assert_eq!(parse_chinese("一一"), None);
        assert_eq!(parse_chinese("十二"), Some(12.0));
        // Absurd runs do not overflow.
        assert!(parse_chinese("亿亿亿亿亿亿亿亿").is_some());
        assert!(scan("多媒体教室").is_empty());
        // Words that hold 成 or a dash are no tenths and no signs.
        assert!(scan("一成不变").is_empty());
        assert!(scan("3成员单位").iter().all(|q| q.unit.is_none()));
        assert_eq!(scan("2021-2025年")[0].value, 2021.0);
        assert_eq!(scan("3-5年")[0].value, 3.0);
        assert!(scan("十四五规划").iter().all(|q| q.unit.is_none()));
        // Years keep 年 as unit so callers can drop them; no thousands group across a list.
        let q = scan("2025年");
        assert_eq!(q[0].value, 2025.0);
        let q = scan("小学32,15人");
        assert_eq!(q[0].value, 32.0);
        // A word glued to letters is not a number: 100M is read, but not the 5 of A5.
        assert!(scan("A5纸").is_empty());
    }

    #[test]
    fn several_quantities_and_far_qualifiers_stop_at_the_previous_number() {
        let q = scan("不低于90%,其中骨干教师20%");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].comparator, Some(Ge));
        assert_eq!(q[1].comparator, None);
        let q = scan("幼儿园2处、特殊教育学校1处");
        assert_eq!((q[0].value, q[1].value), (2.0, 1.0));
    }

    #[test]
    fn parse_value_reads_table_cells() {
        assert_eq!(parse_value("92.63"), Some(92.63));
        assert_eq!(parse_value(" 100 "), Some(100.0));
        assert_eq!(parse_value("98%"), Some(98.0));
        assert_eq!(parse_value("十二"), Some(12.0));
        assert_eq!(parse_value("约90"), None);
        assert_eq!(parse_value("-2.1"), Some(-2.1));
        assert_eq!(parse_value("−3"), Some(-3.0));
        assert_eq!(parse_value("-"), None);
        assert_eq!(parse_value(""), None);
    }
}
