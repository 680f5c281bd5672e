//! Numeric goals and reported figures ([`NumericGoal`]) from running text and tables.
//!
//! Running text is read clause by clause: every quantity that carries a unit (or is the value
//! of a rate such as 差异率低于0.15) becomes a goal, unless it is a year, a date, an ordinal
//! (第40个), a rank (前3名), a model name ("1+4"), a quantity inside a book title 《…》 or a
//! quoted name (“三个课堂”), a rate's denominator (每百名学生), a duration naming a noun
//! (15分钟教育服务圈) or a modifier of a noun (10人以下“微型学校”, 不足100名学生的学校).
//! Chinese numerals count only after a creation verb (引进两所高校), since elsewhere they are
//! mostly names and slogans (八项规定, 十项准则).
//!
//! - **indicator**: the text of the clause segment before the number (from the previous
//!   quantity or the clause start), stripped of time phrases and markers (到2025年, 力争, 确保)
//!   and of the predicate (达到, 保持在, 不低于…), joined with the noun phrase after the unit
//!   when the number comes first (建成800多个智慧教室 → 建成智慧教室). Subjects listed with
//!   `和`/`、` are distributed: one goal per part when the numbers pair up (分别达到98%、100%)
//!   or when one number is shared by indicators (入学率、巩固率达到100%).
//! - **comparator**: from explicit qualifiers only (see [`super::quantity`]), else `eq`.
//! - **ranges** (每3-5年) give two goals: the lower bound with `ge`, the upper with `le`.
//! - **baseline** in text: 由2015年的200所调整到现在的120所 gives one goal (120) whose
//!   baseline is 200 (2015); tables give the baseline from an earlier year column.
//! - **status**: `achieved` under review headings (“十三五”…发展情况, 成就, 回顾…) and in
//!   clauses or sentences that report (已, 目前, 截至, …以来, 累计, 现有, 先后, 荣获, V了), or
//!   in a paragraph opened by such a marker unless the clause plans (确保, 力争, 督促, 到…年);
//!   the nearest marker earlier in the sentence governs a clause without its own; a sentence
//!   opened by a year before the document's own (2022年, in a 2023 plan) reports; `target`
//!   otherwise.
//! - **year** (targets only): 到2025年/2025年前 in the sentence, 十四五末 (the period's end), a
//!   到…年 opening an earlier sentence of the same paragraph, a 到…年 opening the body of an
//!   enclosing section, or the year of a one-year work plan (2019年…工作要点).
//! - **tables**: one goal per row, the latest year column is the target, an earlier one the
//!   baseline, 属性 gives `binding`, `(%)` in the indicator name gives the unit.

use super::quantity::{self, Quantity};
use super::{time, Context};
use crate::records::{Baseline, Binding, Comparator, GoalSource, GoalStatus, NumericGoal};
use crate::structure::{ColumnRole, Table};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[0-9]{1,2}[\.、]|\([0-9]{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)?[ \t]*(?:到|至)([0-9]{4})年",
    )
    .expect("static regex")
});
static ACHIEVED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"十[一二三]五|发展基础|发展现状|发展情况|发展成就|主要成就|取得的成就|主要成绩|取得的成绩|取得成效|工作成效|工作进展|完成情况|工作回顾|回顾|基本情况|工作总结|现状")
        .expect("static regex")
});
static ACHIEVED_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"已|目前|截至|截止|年来|以来|累计|现有|先后|共有|荣获|被评为|获评|(?:达到|达|建成|完成|实现|增加|提高|创建|新建|培养|招录|获得|投入|配备|组建|开发|编写|资助)了")
        .expect("static regex")
});
static TARGET_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至)[0-9]{4}年|[0-9]{4}年(?:底|末)?前|十[四五六七八九]五|力争|确保|争取|督促|坚持|力求|年内|年底|每[一二三四五六七八九十两半0-9]{0,2}年|不低于|不少于|至少|不超过|控制在|逐步|积极实施")
        .expect("static regex")
});
/// False when [`OPENING_YEAR`] cannot match: everything its match holds before 到/至 is a
/// list number or blank, so 到/至 must follow the run of such chars the sentence opens with.
/// A few chars read instead of a regex search with captures, for every sentence.
fn may_open_with_year(s: &str) -> bool {
    s.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '.' | '、'
                    | '('
                    | ')'
                    | ' '
                    | '\t'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
            )
    })
    .starts_with(['到', '至'])
}

static PARAGRAPH_ACHIEVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:近年来|近[一二三四五六七八九十[0-9]]{1,2}年来|[0-9]{4}年以来|目前|截至|截止|去年|过去[一二三四五六七八九十[0-9]]{0,2}年)")
        .expect("static regex")
});
static LEADING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:《[^》]{1,40}》中?(?:要求|明确|提出|规定)?|要求|\([0-9]{1,2}\)|[0-9]{1,2}[\.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|(?:到|至|截至|截止)?[0-9]{4}年(?:底|末|前)?(?:以来)?|“?十[一二三四五六七八九]五”?(?:末|期末|期间|时期)?|近年来|近[一二三四五六七八九十[0-9]]{1,2}年来|[0-9]{1,2}月(?:底|末|份|中旬|上旬|下旬)?(?:前|以前|之前)?|年底前|年内|上半年|下半年|目前|当前|现在|现已|现有|其中|同时|力争|确保|争取|力求|努力|进一步|累计|共计|共有|先后|已经|已|再|并且|并|且|和|及|以及|还|另外|此外|全年|今年|坚持|督促|做到|按照|将|把|均|都|全部|分别|持续|始终|逐步|积极|大力|着力|不断|共)",
    )
    .expect("static regex")
});
/// Predicates (and particles) that end a subject before its number, longest first.
static PREDICATE_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v = vec![
        "达到了",
        "达到",
        "达",
        "为",
        "保持在",
        "保持",
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "增加到",
        "增加至",
        "增长到",
        "增至",
        "降低到",
        "降至",
        "调整到",
        "调整为",
        "控制在",
        "稳定在",
        "维持在",
        "不低于",
        "不少于",
        "至少",
        "不超过",
        "不高于",
        "不多于",
        "低于",
        "高于",
        "超过",
        "少于",
        "不足",
        "约为",
        "约",
        "近",
        "大约",
        "将近",
        "接近",
        "逾",
        "在",
        "占",
        "的",
        "是",
        "计",
        "了",
        "和",
        "及",
        "与",
        "、",
    ];
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});
/// Adverbs that go with a predicate (分别达到, 均保持在), stripped together with it.
const PREDICATE_ADVERBS: &[&str] = &[
    "分别", "均", "全部", "都", "持续", "稳定", "始终", "将", "已", "累计", "共计", "再", "要",
    "力争", "确保", "逐步", "必须", "须", "应当", "不得", "不应", "不能", "不宜",
];
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:调整|增加|提高|提升|增长|减少|下降|降低|扩大|缩减|发展|上升)(?:到|至|为)(?:现在的|目前的|当前的|现在|目前)?(?:[0-9]{4}年(?:底|末)?的)?$")
        .expect("static regex")
});
static FROM_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:由|从)?(?:([0-9]{4})年(?:底|末)?的?)?$").expect("static regex")
});
static PAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:截至|截止|到|至|在)?([0-9]{4})年(?:底|末|度)?(?:以来)?[,:]?")
        .expect("static regex")
});
/// Verbs after which a Chinese numeral counts things (引进一所本科院校); elsewhere Chinese
/// numerals are mostly names and slogans (八项规定, 十项准则, 三级家长学校). 建设一所 is left
/// out: it usually states a standard per unit (每个乡镇建设一所中心幼儿园), not a count.
const CHINESE_COUNT_VERBS: &[&str] = &[
    "新建",
    "建成",
    "创建",
    "引进",
    "打造",
    "新增",
    "增加",
    "培养",
    "培育",
    "招聘",
    "招录",
    "达到",
    "累计",
    "完成",
    "改扩建",
    "改造",
    "设立",
    "成立",
    "举办",
    "评选",
    "选派",
];

/// Measure words a Chinese numeral may count (两次, 十分钟 are manners of speaking).
const CHINESE_COUNT_UNITS: &[&str] = &[
    "所", "处", "个", "项", "名", "人", "家", "座", "间", "台", "套", "场", "种", "支", "位", "班",
];

/// Verbs that link one count to the next (投资8500万元实施12个项目, 4个学段推出4所学校).
const LINK_VERBS: &[&str] = &[
    "实施", "推出", "建设", "完成", "新建", "建成", "改造", "配备", "培养", "培训", "招聘", "引进",
    "打造", "创建", "用于", "开展", "组织", "支持", "资助", "奖励", "带动", "覆盖", "惠及", "新增",
    "涉及", "包括",
];

/// Indicator endings that make a unitless number a value (差异率低于0.15, 教室比达1:1).
const RATE_ENDINGS: &[&str] = &["率", "比", "比例", "占比", "系数", "指数"];

/// Extracts every record of this kind from the document.
pub fn extract(ctx: &Context<'_>) -> Vec<NumericGoal> {
    let mut goals = Vec::new();
    let tables: Vec<Range<usize>> = ctx
        .structure
        .tables
        .iter()
        .map(|t| t.span.clone())
        .collect();
    let section_years = section_years(ctx);
    let achieved_headings = achieved_headings(ctx);
    let mut para_year: Option<i32> = None;
    let mut para_achieved = false;
    let mut prev_end = 0usize;
    for sentence in &ctx.structure.sentences {
        let span = sentence.span.clone();
        if span.end > ctx.text.len()
            || tables
                .iter()
                .any(|t| t.start <= span.start && span.start < t.end)
        {
            continue;
        }
        let stext = &ctx.text[span.clone()];
        // A new paragraph starts after a line break.
        let gap = ctx
            .text
            .get(prev_end.min(span.start)..span.start)
            .unwrap_or("");
        if gap.contains('\n') || prev_end == 0 {
            para_year = None;
            para_achieved = PARAGRAPH_ACHIEVED.is_match(stext);
        }
        prev_end = span.end;
        if let Some(c) = may_open_with_year(stext)
            .then(|| OPENING_YEAR.captures(stext))
            .flatten()
        {
            para_year = c.get(1).and_then(|m| m.as_str().parse().ok());
        }
        // Read the clauses' quantities first: most sentences have none, and the markers,
        // years and headings below are only worth looking up for those that do.
        // Book titles and quotes, computed only once a quantity needs the check.
        let mask: std::cell::OnceCell<Vec<Range<usize>>> = std::cell::OnceCell::new();
        let mask_of = || {
            mask.get_or_init(|| masked_ranges(stext, span.start))
                .as_slice()
        };
        let mut prev_indicator: Option<String> = None;
        let found: Vec<(Range<usize>, Vec<ClauseGoal>)> =
            merged_clauses(ctx.text, &sentence.clauses)
                .into_iter()
                .filter(|c| c.end <= ctx.text.len() && c.start < c.end)
                .map(|c| {
                    let g =
                        clause_goals(&ctx.text[c.clone()], c.start, &mask_of, &mut prev_indicator);
                    (c, g)
                })
                .filter(|(_, g)| !g.is_empty())
                .collect();
        if found.is_empty() {
            continue;
        }
        // A sentence opened by a year after the document's own is due then (2023年,全市入园
        // 率达到92% in a 2021 plan), as 到2023年 would be.
        let sentence_year = time::due_year(stext, &ctx.time);
        // Marker positions of this sentence (absolute byte ranges).
        let marks = |re: &Regex| -> Vec<Range<usize>> {
            re.find_iter(stext)
                .map(|m| span.start + m.start()..span.start + m.end())
                .collect()
        };
        let mut achieved_at = marks(&ACHIEVED_MARK);
        // 项目前期 holds no 目前 (now).
        achieved_at.retain(|r| !super::clause::split_muqian(ctx.text, r.start));
        // A sentence opened by a year before the document's own reports the past (2022年,
        // 全县新增学位3200个 in a 2023 work plan).
        if let (Some(c), Some(now)) = (PAST_YEAR.captures(stext), ctx.time.reference()) {
            if c.get(1)
                .and_then(|m| m.as_str().parse::<i32>().ok())
                .is_some_and(|y| y < now)
            {
                achieved_at.insert(0, span.start..span.start + c.get(0).map_or(0, |m| m.end()));
            }
        }
        let target_at = marks(&TARGET_MARK);
        let sentence_achieved = !achieved_at.is_empty();
        let sentence_target = !target_at.is_empty();
        let heading = heading_index(ctx, span.start);
        let heading_achieved = heading.map(|h| achieved_headings[h]).unwrap_or(false);
        let heading_year = heading.and_then(|h| inherited_year(ctx, &section_years, h));
        for (clause, clause_found) in found {
            let ctext = &ctx.text[clause.clone()];
            let inside = |r: &Range<usize>| r.start >= clause.start && r.end <= clause.end;
            let before_clause = |v: &[Range<usize>]| {
                v.iter()
                    .rev()
                    .find(|r| r.end <= clause.start)
                    .map(|r| r.end)
            };
            let status = if heading_achieved || achieved_at.iter().any(inside) {
                GoalStatus::Achieved
            } else if target_at.iter().any(inside) {
                GoalStatus::Target
            } else {
                // The nearest marker earlier in the sentence governs (近三年来,新建…15所); with
                // none, a reporting sentence or paragraph without plan markers is a report.
                match (before_clause(&achieved_at), before_clause(&target_at)) {
                    (Some(a), Some(t)) if t > a => GoalStatus::Target,
                    (Some(_), _) => GoalStatus::Achieved,
                    (None, Some(_)) => GoalStatus::Target,
                    (None, None) if (sentence_achieved || para_achieved) && !sentence_target => {
                        GoalStatus::Achieved
                    }
                    (None, None) => GoalStatus::Target,
                }
            };
            let year = match status {
                GoalStatus::Achieved => None,
                GoalStatus::Target => sentence_year
                    .or(para_year)
                    .or(heading_year)
                    .or(ctx.time.one_year_due()),
            };
            let section = ctx.structure.section_at(clause.start).map(str::to_owned);
            for g in clause_found {
                goals.push(NumericGoal {
                    indicator: g.indicator,
                    comparator: g.comparator,
                    value: g.value,
                    unit: g.unit,
                    year,
                    baseline: g.baseline,
                    status,
                    binding: None,
                    value_high: g.value_high,
                    hedge: None,
                    source: GoalSource::Text,
                    as_of: None,
                    section: section.clone(),
                    text: ctext.trim_end_matches(['。', ',', ';', ':']).to_owned(),
                    span: ctx.chars.span(clause.clone()),
                });
            }
        }
    }
    for table in &ctx.structure.tables {
        goals.extend(table_goals(ctx, table));
    }
    goals
}

/// The sentence's clauses, with a ratio split at its colon (教室比达1:1) put back together.
fn merged_clauses(text: &str, clauses: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(clauses.len());
    for c in clauses {
        if let Some(last) = out.last_mut() {
            let prev = text.get(last.clone()).unwrap_or("");
            let cur = text.get(c.clone()).unwrap_or("");
            let digit_colon = prev.ends_with(':')
                && prev[..prev.len() - 1].ends_with(|ch: char| ch.is_ascii_digit());
            if digit_colon && cur.starts_with(|ch: char| ch.is_ascii_digit()) && last.end == c.start
            {
                last.end = c.end;
                continue;
            }
        }
        out.push(c.clone());
    }
    out
}

/// Index of the innermost heading whose scope contains `pos`.
fn heading_index(ctx: &Context<'_>, pos: usize) -> Option<usize> {
    let h = ctx.structure.heading_at(pos)?;
    ctx.structure
        .headings
        .iter()
        .position(|x| std::ptr::eq(x, h))
}

/// For each heading, the year of a 到…年 opening its body (its first two sentences).
fn section_years(ctx: &Context<'_>) -> Vec<Option<i32>> {
    let sentences = &ctx.structure.sentences;
    let headings = &ctx.structure.headings;
    headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            // The heading's own body ends where the next heading (a child or not) starts.
            let body_end = headings
                .get(i + 1)
                .map(|n| n.span.start)
                .unwrap_or(h.scope.end)
                .min(h.scope.end);
            let first = sentences.partition_point(|s| s.span.start < h.span.start);
            sentences[first..]
                .iter()
                .take_while(|s| s.span.start < body_end)
                .take(2)
                .find_map(|s| {
                    let t = ctx.text.get(s.span.clone())?;
                    OPENING_YEAR
                        .captures(t)
                        .and_then(|c| c.get(1))
                        .and_then(|m| m.as_str().parse().ok())
                })
        })
        .collect()
}

/// The year heading `h` or its nearest ancestor opens with.
fn inherited_year(ctx: &Context<'_>, years: &[Option<i32>], mut h: usize) -> Option<i32> {
    loop {
        if let Some(y) = years.get(h).copied().flatten() {
            return Some(y);
        }
        h = ctx.structure.headings.get(h)?.parent?;
    }
}

/// Whether each heading is (inside) a review of past results.
fn achieved_headings(ctx: &Context<'_>) -> Vec<bool> {
    let hs = &ctx.structure.headings;
    let own: Vec<bool> = hs
        .iter()
        .map(|h| ACHIEVED_HEADING.is_match(&h.title))
        .collect();
    (0..hs.len())
        .map(|i| {
            let mut cur = Some(i);
            let mut guard = 0;
            while let Some(c) = cur {
                if own[c] {
                    return true;
                }
                cur = hs[c].parent;
                guard += 1;
                if guard > 64 {
                    break;
                }
            }
            false
        })
        .collect()
}

/// Byte ranges (absolute) inside 《…》 and “…” of a sentence: quantities there are names.
fn masked_ranges(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '《') => open = Some(('》', i)),
            (None, '“') => open = Some(('”', i)),
            (None, '"') => open = Some(('"', i)),
            (Some((close, start)), c) if c == close => {
                out.push(base + start..base + i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// A goal read from a clause, before the sentence-level fields are added.
#[derive(Debug, Clone, PartialEq)]
struct ClauseGoal {
    indicator: String,
    baseline: Option<Baseline>,
    comparator: Comparator,
    value: f64,
    value_high: Option<f64>,
    unit: Option<String>,
}

fn strip_leading(mut s: &str) -> &str {
    loop {
        let mut t = s.trim_start_matches([' ', '、', ',', ';', ':', '。', '\u{3000}', '\t']);
        // An opening parenthesis whose close is not in the subject: (其中,普惠性幼儿园47所).
        if let Some(rest) = t.strip_prefix('(') {
            if !rest.contains(')') {
                t = rest;
            }
        }
        let t = match LEADING_FILLER.find(t) {
            Some(m) if m.end() > 0 => &t[m.end()..],
            _ => t,
        };
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

fn strip_trailing(mut s: &str) -> &str {
    // Suffix lists rather than a `…$` regex: a regex would rescan the subject every round.
    loop {
        let mut t = s.trim_end_matches([' ', '、', ',', ';', ':', '。', '\u{3000}', '\t']);
        if let Some(p) = PREDICATE_SUFFIXES
            .iter()
            .find(|p| t.len() > p.len() && t.ends_with(**p))
        {
            t = &t[..t.len() - p.len()];
            if let Some(a) = PREDICATE_ADVERBS.iter().find(|a| {
                t.len() > a.len()
                    && t.ends_with(**a)
                    // 人均, 生均, 年均 are nouns' words, not the adverb 均.
                    && !(**a == "均" && t[..t.len() - a.len()].ends_with(['人', '生', '户', '平', '年', '日', '月']))
            }) {
                t = &t[..t.len() - a.len()];
            }
        }
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

/// Whether a character can start the noun after a number (not punctuation or a particle).
fn starts_noun(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                && !matches!(c, '的' | '以' | '及' | '和' | '或' | '等')
                || c == '“'
        }
        None => false,
    }
}

/// The phrase after a leading 的 (的学校建成智慧校园 → 学校建成智慧校园) and the bytes used.
fn tail_rest_after_de(tail: &str) -> Option<(String, usize)> {
    let rest = tail.strip_prefix('的')?;
    let end = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | ',' | ';' | ':' | '(' | ')'))
        .map(|(k, _)| k)
        .unwrap_or(rest.len());
    let phrase: String = rest[..end].chars().take(24).collect();
    let phrase = strip_trailing(&phrase).to_owned();
    (!phrase.is_empty()).then_some((phrase, '的'.len_utf8() + end))
}

/// Where the noun after a number ends: at punctuation other than 、, a conjunction or
/// particle, or a preposition opening a new phrase (推动11所学校与…学校在…方面).
fn tail_end(tail: &str) -> usize {
    for (k, c) in tail.char_indices() {
        if c == '以' && tail[k + c.len_utf8()..].starts_with('及') {
            return k;
        }
        // An adverb or a preposition opens the predicate: 3所高中分别牵头…, 2所小学与…结对.
        if k > 0 && (c == '与' || tail[k..].starts_with("分别")) {
            return k;
        }
        if matches!(
            c,
            '。' | ',' | ';' | ':' | '(' | ')' | '及' | '和' | '的' | '等'
        ) {
            return k;
        }
        if c == '在' && k > 0 {
            let rest = &tail[k + c.len_utf8()..];
            let word = [
                "校生",
                "校学生",
                "校人",
                "园幼儿",
                "园儿童",
                "读",
                "岗",
                "编",
                "职",
            ];
            if !word.iter().any(|w| rest.starts_with(w)) {
                return k;
            }
        }
    }
    tail.len()
}

/// `s` without a leading count of groups (7大类, 3个方面), which is not a quantity of its own.
fn strip_group_count(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == s.len() {
        return s;
    }
    ["大类", "类", "个方面", "方面"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(s)
}

/// Drops the parentheses' contents that only qualify (均不含…) and collapses white space.
fn tidy(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    // (均不含寄宿制学校), (含民办): qualifications, not part of the name; (幼儿园) stays.
    while let Some(open) = out.find('(') {
        let Some(close) = out[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inner = &out[open + 1..close];
        if ["均", "不含", "含", "包括", "其中", "注"]
            .iter()
            .any(|w| inner.starts_with(w))
        {
            out.replace_range(open..close + 1, "");
        } else {
            break;
        }
    }
    out
}

/// Indicator heads whose natural measure is a weak unit (年, 岁, 天…): 平均受教育年限达到10.9年,
/// 教师平均年龄控制在40岁以下. Elsewhere such units are durations or ages, not goals.
const WEAK_UNIT_MEASURES: &[&str] = &["年限", "年龄", "天数", "时长", "周数"];

/// Whether the clause text before a number names a weak-unit measure close enough to be its
/// subject (within a short predicate such as 达到, 控制在…以下, 提高到).
fn measures_weak_unit(before: &str) -> bool {
    let tail: String = {
        let chars: Vec<char> = before.chars().rev().take(8).collect();
        chars.into_iter().rev().collect()
    };
    WEAK_UNIT_MEASURES.iter().any(|m| tail.contains(m))
}

/// Whether a quantity is a real count or measure rather than a name, date or modifier.
fn is_goal_quantity<'m>(
    ctext: &str,
    q: &Quantity,
    base: usize,
    mask: &dyn Fn() -> &'m [Range<usize>],
) -> bool {
    if q.ordinal || q.plus {
        return false;
    }
    let unit = q.unit.as_deref();
    // Ranks: 进入全市前3名.
    if ctext[..q.number.start].ends_with('前') && matches!(unit, Some("名" | "位")) {
        return false;
    }
    let range_years = unit == Some("年") && q.upper.is_some() && q.value < 100.0;
    if q.per && !range_years {
        return false;
    }
    let before = &ctext[..q.number.start];
    if let Some(u) = unit {
        if quantity::is_weak_unit(u) && !range_years && !measures_weak_unit(before) {
            return false;
        }
    }
    let after = &ctext[q.span.end..];
    // 百分之九十五, 八成, 半数 and 翻一番 are shares and ratios whatever their script.
    if q.chinese && !matches!(unit, Some("%" | "倍")) {
        let b = before.trim_end_matches(['再', '了', '共']);
        if !CHINESE_COUNT_VERBS.iter().any(|v| b.ends_with(v))
            || !unit.is_some_and(|u| CHINESE_COUNT_UNITS.contains(&u))
        {
            return false;
        }
    }
    // Modifiers of a noun: 10人以下“微型学校”, 不足100名学生的学校.
    let has_suffix_qualifier = ctext[q.number.end..q.span.end].ends_with("以上")
        || ctext[q.number.end..q.span.end].ends_with("以下");
    // Durations and distances before a noun name it: 15分钟教育服务圈, 24小时值班.
    if matches!(unit, Some("分钟" | "小时" | "公里" | "千米" | "米")) && starts_noun(after)
    {
        return false;
    }
    // A share keeps its noun: 60%以上的学校建成智慧校园.
    if has_suffix_qualifier && unit != Some("%") && (starts_noun(after) || after.starts_with('的'))
    {
        return false;
    }
    // 不足100名学生的学校: a number qualifying a noun through 的, unless a predicate precedes.
    let b = before.trim_end();
    // 等12所中小学的项目建设: after a list, the number counts its items.
    let predicate = b.ends_with('为')
        || b.ends_with("达到")
        || b.ends_with('是')
        || b.ends_with('达')
        || b.ends_with('等');
    let short_noun: String = after
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || matches!(c, '“' | '”'))
        .take(5)
        .collect();
    // 360学时的培训 measures what follows 的; 100名学生的学校 is a noun phrase.
    if !predicate && short_noun.find('的').is_some_and(|k| k > 0) {
        return false;
    }
    // A number without unit is a value only for a rate (差异率低于0.15).
    if unit.is_none() {
        let subject = strip_trailing(before);
        if !RATE_ENDINGS.iter().any(|e| subject.ends_with(e)) {
            return false;
        }
    }
    // Last, as it needs the sentence's quote and title ranges.
    let abs = base + q.number.start;
    if mask().iter().any(|m| m.start <= abs && abs < m.end) {
        return false;
    }
    true
}

/// Goals of one clause. `prev_indicator` carries the last indicator of the sentence, for
/// clauses like "共计40.35万元" that only add an amount to the previous count.
fn clause_goals<'m>(
    ctext: &str,
    base: usize,
    mask: &dyn Fn() -> &'m [Range<usize>],
    prev_indicator: &mut Option<String>,
) -> Vec<ClauseGoal> {
    let all = quantity::scan(ctext);
    let mut quantities: Vec<&Quantity> = all
        .iter()
        .filter(|q| is_goal_quantity(ctext, q, base, mask))
        .collect();
    // 由2012年的182所调整到现在的96所: the first number is the second's baseline. The pair
    // is folded into the second quantity; its subject is read before the first.
    let mut baselines: Vec<Option<(Baseline, usize)>> = vec![None; quantities.len()];
    let mut k = 0;
    while k + 1 < quantities.len() {
        let (a, b) = (quantities[k], quantities[k + 1]);
        if a.unit == b.unit
            && a.upper.is_none()
            && CHANGE.is_match(&ctext[a.span.end..b.span.start])
        {
            let lead = &ctext[..a.span.start];
            let year = FROM_YEAR
                .captures(lead)
                .and_then(|c| c.get(1))
                .and_then(|m| m.as_str().parse().ok());
            let from = FROM_YEAR
                .find(lead)
                .map(|m| m.start())
                .unwrap_or(a.span.start);
            baselines[k + 1] = Some((
                Baseline {
                    value: a.value,
                    year,
                },
                from,
            ));
            quantities.remove(k);
            baselines.remove(k);
        }
        k += 1;
    }
    let mut out: Vec<ClauseGoal> = Vec::new();
    // Runs of quantities sharing one subject: 分别达到98%、100%.
    let mut i = 0;
    let mut last_end = 0usize;
    while i < quantities.len() {
        let q = quantities[i];
        // The segment before this number, from the previous quantity (or clause start).
        let seg_start = last_end.min(q.number.start);
        let seg_end = baselines[i]
            .as_ref()
            .map(|(_, from)| *from)
            .unwrap_or(q.span.start);
        let raw_before = &ctext[seg_start.min(seg_end)..seg_end];
        let before = strip_trailing(strip_leading(raw_before));
        // 开发剪纸、泥塑等各类校本课程80种: what precedes 等 are examples, not the measure.
        let before = match before.rfind('等') {
            Some(k) if k + '等'.len_utf8() < before.len() => &before[k + '等'.len_utf8()..],
            _ => before,
        };
        // 7大类75个项目: a count of groups before the number is no part of what is counted.
        let before = strip_group_count(before);
        // Following quantities with nothing but 、 between them share this subject.
        let mut run = vec![q];
        let mut j = i + 1;
        while j < quantities.len() {
            let gap = &ctext[run[run.len() - 1].span.end..quantities[j].span.start];
            if gap.trim_matches([' ', '、', '和', '及']).is_empty() {
                run.push(quantities[j]);
                j += 1;
            } else {
                break;
            }
        }
        let run_end = run[run.len() - 1].span.end;
        // The noun after the last number of the run, up to the next quantity, punctuation
        // other than 、, or a conjunction (建成了800多个智慧教室及…).
        let next_start = quantities
            .get(j)
            .map(|n| n.span.start)
            .unwrap_or(ctext.len());
        let tail = &ctext[run_end..next_start.max(run_end)];
        let tail_len = tail_end(tail);
        // A tail that runs into the next number is a verb linking to it (投资8500万元实施12个
        // 项目), not a noun of this one, unless a 、 closes it (1所中学、4所小学).
        let runs_into_next =
            j < quantities.len() && tail_len == tail.len() && !tail.trim_end().ends_with('、');
        // Then a verb ends it and belongs to the next number: 4个学段推出4所… keeps 学段.
        let tail_len = if runs_into_next {
            LINK_VERBS
                .iter()
                .find(|v| tail.ends_with(**v))
                .map(|v| tail.len() - v.len())
                .unwrap_or(0)
        } else {
            tail_len
        };
        let tail = &tail[..tail_len];
        let after = if starts_noun(tail) {
            let t: String = tail.chars().take(24).collect();
            strip_trailing(&t).to_owned()
        } else {
            String::new()
        };
        // 60%以上的学校建成智慧校园: a share's population follows 的.
        let (after, tail_len) = match tail_rest_after_de(&ctext[run_end..next_start.max(run_end)]) {
            Some((noun, len))
                if after.is_empty() && run[run.len() - 1].unit.as_deref() == Some("%") =>
            {
                (noun, len)
            }
            _ => (after, tail_len),
        };
        let consumed = if after.is_empty() { 0 } else { tail_len };
        let mut indicator = if after.is_empty() {
            // 建成…学校、幼儿园2处: the item right before the number is what is counted.
            match before.rfind('、') {
                Some(k)
                    if split_subject(before, run.len(), false).is_none()
                        && !raw_before.contains("分别")
                        && !is_verb_list(&before[..k]) =>
                {
                    tidy(&before[k + '、'.len_utf8()..])
                }
                _ => tidy(before),
            }
        } else if before.contains('、') || super::clause::is_causative(before) {
            // 组织3所高中…: a causative verb's object acts next; the noun alone is counted.
            // 续建新三中、崖头小学…5个重点工程项目: the list names members; the noun counts.
            String::new()
        } else {
            tidy(before)
        };
        if !after.is_empty() {
            indicator.push_str(&tidy(&after));
        }
        if indicator.is_empty() {
            if let Some(p) = prev_indicator.as_ref() {
                indicator = p.clone();
            }
        } else if is_scope(&indicator) {
            // 县(市、区)达到80%以上 after 全市…覆盖率达到85%: the same measure in another scope.
            if let Some(p) = prev_indicator.as_ref() {
                let measure = SCOPES.iter().find_map(|w| p.strip_prefix(w)).unwrap_or(p);
                if !measure.is_empty() && !is_scope(measure) {
                    indicator.push_str(measure);
                }
            }
        }
        let distribute =
            raw_before.contains("分别") || raw_before.contains('均') || raw_before.contains('都');
        let parts = split_subject(before, run.len(), distribute).map(complete_heads);
        for (k, q) in run.iter().enumerate() {
            let subjects: Vec<String> = match &parts {
                Some(p) if p.len() == run.len() => vec![tidy(&p[k])],
                Some(p) if run.len() == 1 => p.iter().map(|x| tidy(x)).collect(),
                _ => vec![indicator.clone()],
            };
            for subject in subjects {
                if subject.is_empty() {
                    continue;
                }
                if (q.unit.is_none() && !RATE_ENDINGS.iter().any(|e| subject.ends_with(e)))
                    || !q.value.is_finite()
                    || !q.upper.unwrap_or(0.0).is_finite()
                {
                    continue;
                }
                push_goal(
                    &mut out,
                    subject,
                    q,
                    baselines[i + k].as_ref().map(|(b, _)| b.clone()),
                );
            }
        }
        if !indicator.is_empty() {
            *prev_indicator = Some(indicator);
        }
        last_end = run_end + consumed;
        i = j;
    }
    out
}

/// Words for the area a figure covers, which open an indicator (全市入园率, 农村受训率).
const SCOPES: &[&str] = &[
    "全市", "全县", "全区", "全省", "全镇", "市区", "城区", "县城", "城市", "农村", "乡村", "城镇",
];

/// True when a subject names only an area: a scope word or administrative levels, possibly
/// with alternatives in parentheses (县(市、区), 各乡镇).
fn is_scope(s: &str) -> bool {
    SCOPES.contains(&s)
        || (!s.is_empty() && s.chars().all(|c| "县区市镇乡省州旗各(、)".contains(c)))
}

/// Whether the items before the last 、 are short verbs sharing one object (新建、改扩建校舍),
/// rather than a list of things (建成实验中学、体育馆2处).
fn is_verb_list(head: &str) -> bool {
    head.split('、').all(|p| {
        let n = p.chars().count();
        (1..=3).contains(&n) && !p.ends_with(['校', '园', '馆', '室', '所', '站', '心'])
    })
}

/// Completes short heads that share the last part's tail: 小学、初中适龄儿童入学率 →
/// 小学适龄儿童入学率, 初中适龄儿童入学率.
fn complete_heads(parts: Vec<String>) -> Vec<String> {
    let Some(last) = parts.last() else {
        return parts;
    };
    let heads = &parts[..parts.len() - 1];
    let k = match heads.first() {
        Some(h) => h.chars().count(),
        None => return parts,
    };
    let short = (1..=3).contains(&k) && heads.iter().all(|h| h.chars().count() == k);
    if !short || last.chars().count() <= k + 1 {
        return parts;
    }
    let cut: usize = last.chars().take(k).map(char::len_utf8).sum();
    let tail = &last[cut..];
    let mut out: Vec<String> = heads.iter().map(|h| format!("{h}{tail}")).collect();
    out.push(last.clone());
    out
}

/// Splits a listed subject (学前三年入园率和学前一年入园率) into its parts when it is
/// distributed over `n` numbers, or when one number is shared by several indicators.
fn split_subject(subject: &str, n: usize, distribute: bool) -> Option<Vec<String>> {
    let by_and: Vec<&str> = subject
        .split(['和', '及', '与'])
        .filter(|s| !s.is_empty())
        .collect();
    let by_all: Vec<&str> = subject
        .split(['和', '及', '与', '、'])
        .filter(|s| !s.is_empty())
        .collect();
    if n >= 2 {
        for parts in [&by_and, &by_all] {
            if parts.len() == n {
                return Some(parts.iter().map(|s| (*s).to_owned()).collect());
            }
        }
        return None;
    }
    // One number: every part must name a rate, or the text must say 均/都.
    let parts = &by_all;
    if parts.len() < 2 || parts.len() > 6 {
        return None;
    }
    let all_rates = parts
        .iter()
        .all(|p| RATE_ENDINGS.iter().any(|e| p.ends_with(e)));
    if all_rates || distribute {
        return Some(parts.iter().map(|s| (*s).to_owned()).collect());
    }
    None
}

fn push_goal(
    out: &mut Vec<ClauseGoal>,
    indicator: String,
    q: &Quantity,
    baseline: Option<Baseline>,
) {
    // A range (3-5年, 4.5%—5%) is one goal between its bounds.
    let comparator = match q.upper {
        Some(_) => Comparator::Range,
        None => q.comparator.unwrap_or(Comparator::Eq),
    };
    out.push(ClauseGoal {
        baseline: q.upper.is_none().then_some(baseline).flatten(),
        indicator,
        comparator,
        value: q.value,
        value_high: q.upper,
        unit: q.unit.clone(),
    });
}

/// What a table cell says: value and comparator (`≥90`, `90以上`, `95%`).
fn cell_value(cell: &str) -> Option<(f64, Option<Comparator>)> {
    // 〔95〕 and [95] mark expected values in some plans; the brackets are not the value.
    let c = tidy(cell);
    let c = c
        .trim_matches(['[', ']', '〔', '〕', '【', '】'])
        .to_owned();
    if let Some(v) = quantity::parse_value(&c) {
        return Some((v, None));
    }
    for (sym, cmp) in [
        ("≥", Comparator::Ge),
        (">=", Comparator::Ge),
        ("≤", Comparator::Le),
        ("<=", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
    ] {
        if let Some(rest) = c.strip_prefix(sym) {
            return quantity::parse_value(rest).map(|v| (v, Some(cmp)));
        }
    }
    let q = quantity::scan(&c).into_iter().next()?;
    Some((q.value, q.comparator))
}

/// Splits `学前教育毛入园率(%)` into name and unit; `(万元)` folds 万 into a multiplier.
fn name_and_unit(name: &str) -> (String, Option<String>, f64) {
    let name = tidy(name);
    for (open, close) in [('(', ')'), ('（', '）')] {
        if name.ends_with(close) {
            if let Some(p) = name.rfind(open) {
                let inner = &name[p + open.len_utf8()..name.len() - close.len_utf8()];
                let head = name[..p].to_owned();
                if inner == "%" || inner == "％" {
                    return (head, Some("%".to_owned()), 1.0);
                }
                let (mult, rest) = if let Some(r) = inner.strip_prefix('万') {
                    (1e4, r)
                } else if let Some(r) = inner.strip_prefix('亿') {
                    (1e8, r)
                } else {
                    (1.0, inner)
                };
                if !rest.is_empty()
                    && rest.chars().count() <= 4
                    && !rest.chars().any(|c| c.is_ascii_digit())
                {
                    return (head, Some(rest.to_owned()), mult);
                }
            }
        }
    }
    (name, None, 1.0)
}

/// The part a sub-row of a breakdown names (`其中:小学` → `小学`): a row opening with 其中, or
/// a short name (a level: 初中, 高中) right after such rows.
fn sub_row(name: &str, in_breakdown: bool) -> Option<&str> {
    if let Some(rest) = name.strip_prefix("其中") {
        let part = rest.trim_start_matches([':', ',', ' ']);
        return (!part.is_empty()).then_some(part);
    }
    let short = name.chars().count() <= 4
        && !["率", "比例", "数", "量", "年限", "比"]
            .iter()
            .any(|w| name.ends_with(w));
    (in_breakdown && short).then_some(name)
}

/// A sub-row's indicator, under the whole one: a level narrows it
/// (`义务教育标准班额比例(小学)`), an indicator of its own keeps the 其中 that ties it to the
/// whole (`小学教师专科及以上学历比例(其中本科及以上学历比例)`): alone it would lose its subject.
fn breakdown_name(whole: &str, part: &str) -> String {
    if part.chars().count() <= 4 {
        format!("{whole}({part})")
    } else {
        format!("{whole}(其中{part})")
    }
}

/// One goal per row of an indicator table.
fn table_goals(ctx: &Context<'_>, table: &Table) -> Vec<NumericGoal> {
    let cols = &table.columns;
    let name_col = cols
        .iter()
        .position(|c| c.role == ColumnRole::Name)
        .or_else(|| cols.iter().position(|c| c.role == ColumnRole::Other));
    let Some(name_col) = name_col else {
        return Vec::new();
    };
    let values: Vec<usize> = (0..cols.len())
        .filter(|&i| cols[i].role == ColumnRole::Value)
        .collect();
    if values.is_empty() {
        return Vec::new();
    }
    // The target column: the latest year, or a header saying 目标; the baseline: the earliest
    // year before it, or a header saying 现状/基期/基准.
    let target_col = values
        .iter()
        .copied()
        .filter(|&i| cols[i].year.is_some())
        .max_by_key(|&i| cols[i].year)
        .or_else(|| {
            values
                .iter()
                .copied()
                .find(|&i| cols[i].header.contains("目标"))
        })
        .or_else(|| values.last().copied());
    let Some(target_col) = target_col else {
        return Vec::new();
    };
    let baseline_col = values
        .iter()
        .copied()
        .filter(|&i| {
            i != target_col && cols[i].year.is_some() && cols[i].year < cols[target_col].year
        })
        .min_by_key(|&i| cols[i].year)
        .or_else(|| {
            values.iter().copied().find(|&i| {
                i != target_col
                    && ["现状", "基期", "基准", "基数"]
                        .iter()
                        .any(|w| cols[i].header.contains(w))
            })
        });
    let binding_col = cols.iter().position(|c| c.role == ColumnRole::Binding);
    let unit_col = cols.iter().position(|c| c.role == ColumnRole::Unit);
    let section = ctx
        .structure
        .section_at(table.span.start)
        .map(str::to_owned)
        .or_else(|| {
            table
                .caption
                .as_deref()
                .filter(|c| c.starts_with("专栏"))
                .map(|c| {
                    c.chars()
                        .take_while(|ch| *ch != '“' && *ch != '"' && !ch.is_whitespace())
                        .take(4)
                        .collect()
                })
        });
    let year = cols[target_col]
        .year
        .or(ctx.time.one_year_due())
        .or(ctx.time.period.map(|p| p.1));
    let mut out = Vec::new();
    // The row that `其中` sub-rows break down, and whether the previous row was one of them.
    let mut parent: Option<(String, Option<String>, f64)> = None;
    let mut in_breakdown = false;
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(i).map(String::as_str).unwrap_or("");
        let (name, mut unit, mult) = name_and_unit(cell(name_col));
        if name.is_empty() {
            continue;
        }
        let mut mult = mult;
        if unit.is_none() {
            if let Some(u) = unit_col {
                // A unit column may carry a multiplier too (万元, 万人).
                let (_, u2, m2) = name_and_unit(&format!("x({})", tidy(cell(u))));
                if u2.is_some() {
                    unit = u2;
                    mult = m2;
                }
            }
        }
        let (name, unit, mult) = match sub_row(&name, in_breakdown) {
            Some(part) => {
                in_breakdown = true;
                match &parent {
                    Some((whole, parent_unit, parent_mult)) => {
                        let (unit, mult) = match unit {
                            Some(u) => (Some(u), mult),
                            None => (parent_unit.clone(), *parent_mult),
                        };
                        (breakdown_name(whole, part), unit, mult)
                    }
                    None => (part.to_owned(), unit, mult),
                }
            }
            None => {
                in_breakdown = false;
                parent = Some((name.clone(), unit.clone(), mult));
                (name, unit, mult)
            }
        };
        let Some((value, cmp)) = cell_value(cell(target_col)) else {
            continue;
        };
        let baseline = baseline_col
            .and_then(|b| cell_value(cell(b)))
            .map(|(v, _)| Baseline {
                value: v * mult,
                year: baseline_col.and_then(|b| cols[b].year),
            });
        let binding = binding_col.and_then(|b| {
            let c = cell(b);
            if c.contains("约束") {
                Some(Binding::Binding)
            } else if c.contains("预期") {
                Some(Binding::Expected)
            } else {
                None
            }
        });
        let span = row.span.start.min(ctx.text.len())..row.span.end.min(ctx.text.len());
        out.push(NumericGoal {
            indicator: name,
            comparator: cmp.unwrap_or(Comparator::Eq),
            value: value * mult,
            unit,
            year,
            baseline,
            status: GoalStatus::Target,
            binding,
            value_high: None,
            hedge: None,
            source: GoalSource::Table,
            as_of: None,
            section: section.clone(),
            text: ctx.text.get(span.clone()).unwrap_or("").trim().to_owned(),
            span: ctx.chars.span(span),
        });
    }
    out
}

#[cfg(test)]
mod tests;
