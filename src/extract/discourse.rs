//! Discourse context: what the section, paragraph and sentence a figure stands in say about
//! it — is it a plan or a report of the past, when is it due, which year does it describe.
//!
//! Three layers, read from the outside in, each overriding the one around it where it
//! speaks:
//!
//! - **Sections** ([`Discourse`]): a heading that reviews the past (“十三五”发展回顾,
//!   2023年工作回顾, 发展基础, 过去五年) makes its figures achieved, with the year it names as
//!   `as_of`; a heading that plans (主要目标, 2024年工作安排, “十五五”时期) makes them targets due
//!   the year it names, or the year a 到…年 opening its body states. Both are inherited by the
//!   sub-sections, and the innermost heading that speaks wins.
//! - **Paragraphs and lists** (kept by the extractors while they walk the sentences): a
//!   paragraph opened by a past marker (近年来, 截至, 去年) reports; one opened by 到2025年
//!   plans, and its year carries to the sentences that go on from it (其中, 同时, 此外); a
//!   line ending in a colon that names a year or a goal (2024年主要预期目标是:) heads a list
//!   whose lines share its year and its reading, up to the next heading.
//! - **Sentences and clauses** ([`marks`]): markers of the past (已, 截至, 同比, 比上年,
//!   完成率, 预计全年, a year before the document's own) and of plans (到2025年, 力争, 确保,
//!   预期, 十四五末, 今年 in a one-year document), each at its place; the nearest one before
//!   a figure governs it.
//!
//! The document's own kind gives the last word: a government work report reads as a review
//! where nothing marks a plan (its reviews rarely say 已), a plan as a plan.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::time::{self, DocTime, FiveYearPlan};
use super::Context;
use crate::records::DeadlineRelation;
use crate::structure::HeadingKind;

/// What a section's heading (or one of its ancestors') says about the figures under it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionFacts {
    /// A review of past work: its figures are achieved.
    pub review: bool,
    /// A plan: its figures are targets.
    pub plan: bool,
    /// Guiding ideology and principles: no commitments.
    pub principles: bool,
    /// The year its title or intro states as due (2024年工作安排, 到2025年…).
    pub due: Option<i32>,
    /// The past year its title names (2023年工作回顾 → 2023, “十三五” → 2020).
    pub as_of: Option<i32>,
}

/// The section facts of every heading of a document, inherited down the outline.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    facts: Vec<SectionFacts>,
    /// Unnumbered heading lines (2023年工作回顾, 2024年工作思路和目标): where their text
    /// starts, and what they say. They hold until the next such line or outline heading.
    lines: Vec<(usize, SectionFacts)>,
}

/// A line standing alone as a heading without a label: short, no sentence punctuation, not
/// a list's head (no final colon).
fn unlabeled_heading(line: &str) -> bool {
    let n = line.chars().count();
    (4..=40).contains(&n)
        && !line.contains(['。', ';', ',', '!', '?', '；', '，'])
        && !line.ends_with([':', '：'])
        && line
            .chars()
            .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
            .count()
            >= 4
}

/// Titles of sections that review the past.
static REVIEW_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"回顾|成就|成效|成绩|发展背景|规划背景|发展基础|工作基础|现实基础|发展现状|现状|基本情况|发展情况|工作情况|完成情况|工作进展|工作总结|主要做法|经验做法|主要经验|过去[一二三四五六七八九十]*年|[一二三四五]年来|面临的?形势|取得的",
    )
    .expect("review title regex")
});

/// Titles of sections that state ideology and principles.
static PRINCIPLES_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"指导思想|基本原则|工作原则|工作方针|重要意义").expect("principles title regex")
});

/// Titles of sections that plan.
static PLAN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目标|任务|安排|举措|措施|计划|重点工作|展望|思路|工作要点|发展方向")
        .expect("plan title regex")
});

/// A 到…年 opening a section's body (到2025年,全县…), which dates the whole section.
static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[0-9]{1,2}[\.、]|\([0-9]{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)?[ \t]*(?:到|至)([0-9]{4})年",
    )
    .expect("opening year regex")
});

/// The facts a title states on its own.
pub fn title_facts(title: &str, time: &DocTime) -> SectionFacts {
    let mut f = SectionFacts::default();
    let plan_named = FiveYearPlan::from_name(title);
    let reference = time.reference();
    // A five-year plan named in a title is reviewed when it is over, planned when it is not.
    let past_plan = plan_named.filter(|p| reference.map_or(p.0 <= 13, |r| p.end() < r));
    let future_plan = plan_named.filter(|p| reference.is_some_and(|r| p.end() >= r));
    // A year in the title: before the document's own, it is reviewed; from it on, planned.
    let year = YEAR_IN_TITLE
        .captures(title)
        .and_then(|c| c[1].parse::<i32>().ok());
    let past_year = year.filter(|y| reference.is_some_and(|r| *y < r));
    let this_or_later = year.filter(|y| reference.is_some_and(|r| *y >= r));
    f.principles = PRINCIPLES_TITLE.is_match(title);
    f.review = REVIEW_TITLE.is_match(title) || (past_plan.is_some() && !PLAN_TITLE.is_match(title));
    f.plan = !f.review
        && (PLAN_TITLE.is_match(title) || future_plan.is_some() || this_or_later.is_some());
    if f.review {
        f.as_of = past_year
            .or(past_plan.map(FiveYearPlan::end))
            .or_else(|| past_span(title, time));
    }
    // A plan's title dates its section when it names a year (2024年工作安排, 到2025年…); a
    // five-year plan's name alone (“十四五”发展目标) leaves its figures' years to their text.
    if f.plan {
        f.due = time::due_year(title, time).or(this_or_later);
    }
    f
}

/// 过去一年 / 过去五年 in a review title: the year before the document's.
fn past_span(title: &str, time: &DocTime) -> Option<i32> {
    (title.contains("过去") || title.contains("年来"))
        .then(|| time.year.map(|y| y - 1))
        .flatten()
}

/// A sentence that announces the review of the year (or years) before: 一年来,我们主要做了
/// 以下六个方面工作 / 过去五年,我们重点抓了以下几个方面.
static REVIEW_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:一年来|过去一年|过去的一年|[一二三四五两]年来|过去[一二三四五两]年)[^。]{0,16}(?:做了|抓了|完成了|开展了)[^。]{0,16}(?:工作|方面)[::]?$")
        .expect("review lead-in regex")
});

static YEAR_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").expect("title year regex"));

impl Discourse {
    /// Reads the headings of a document.
    pub fn new(ctx: &Context<'_>) -> Self {
        let hs = &ctx.structure.headings;
        let sentences = &ctx.structure.sentences;
        let mut facts: Vec<SectionFacts> = Vec::with_capacity(hs.len());
        // The kind of the top-level headings that a review's lead-in (一年来,我们主要做了以下
        // 六个方面工作:) announces: they review until one of them says otherwise.
        let mut announced: Option<HeadingKind> = None;
        for (i, h) in hs.iter().enumerate() {
            let mut own = title_facts(&h.title, &ctx.time);
            if h.parent.is_none() {
                let before = sentences.partition_point(|s| s.span.start < h.span.start);
                let lead_in = before
                    .checked_sub(1)
                    .and_then(|k| ctx.text.get(sentences[k].span.clone()))
                    .is_some_and(|t| crate::text::captures(&REVIEW_LEAD_IN, t).is_some());
                if lead_in && !own.plan {
                    announced = Some(h.kind);
                } else if own.review || own.plan || announced != Some(h.kind) {
                    announced = None;
                }
                if announced.is_some() {
                    own.review = true;
                }
            }
            // A 到…年 opening the heading's own body (its first two sentences) dates it.
            let body_end = hs
                .get(i + 1)
                .map(|n| n.span.start)
                .unwrap_or(h.scope.end)
                .min(h.scope.end);
            let first = sentences.partition_point(|s| s.span.start < h.span.start);
            let intro_year = sentences[first..]
                .iter()
                .take_while(|s| s.span.start < body_end)
                .take(2)
                .find_map(|s| {
                    let t = ctx.text.get(s.span.clone())?;
                    crate::text::captures(&OPENING_YEAR, t)?
                        .get(1)?
                        .as_str()
                        .parse()
                        .ok()
                });
            let parent = h.parent.filter(|&p| p < i).map(|p| facts[p]);
            let inherited = parent.unwrap_or_default();
            // The innermost heading that speaks wins: a plan under a review heading plans.
            let (review, plan) = if own.review || own.plan {
                (own.review, own.plan)
            } else {
                (inherited.review, inherited.plan)
            };
            facts.push(SectionFacts {
                review,
                plan,
                principles: own.principles || inherited.principles,
                due: own.due.or(intro_year).or(inherited.due),
                as_of: own.as_of.or(inherited.as_of),
            });
        }
        // Unnumbered heading lines review or plan what follows them as a heading would.
        let mut lines = Vec::new();
        let mut at = 0;
        for line in ctx.text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let t = line.trim();
            if !unlabeled_heading(t) || ctx.structure.table_at(start).is_some() {
                continue;
            }
            let first = hs.partition_point(|h| h.span.start < start);
            if hs.get(first).is_some_and(|h| h.span.start < at) {
                continue;
            }
            let own = title_facts(t, &ctx.time);
            if own.review || own.plan {
                lines.push((at, own));
            }
        }
        Discourse { facts, lines }
    }

    /// The facts of the innermost section holding byte `pos` (none outside every heading).
    pub fn at(&self, ctx: &Context<'_>, pos: usize) -> SectionFacts {
        let index = ctx.structure.heading_index_at(pos);
        let outline = index
            .and_then(|i| self.facts.get(i).copied())
            .unwrap_or_default();
        // An unnumbered heading line after the section's own heading (and after any outline
        // heading since) speaks for the text under it.
        let k = self.lines.partition_point(|(start, _)| *start <= pos);
        let Some(&(start, own)) = k.checked_sub(1).and_then(|k| self.lines.get(k)) else {
            return outline;
        };
        let headings = &ctx.structure.headings;
        let since = headings.partition_point(|h| h.span.start < start);
        if headings.get(since).is_some_and(|h| h.span.start <= pos) {
            return outline;
        }
        SectionFacts {
            review: own.review,
            plan: own.plan,
            principles: outline.principles,
            due: own.due.or(if own.plan { outline.due } else { None }),
            as_of: own.as_of.or(outline.as_of),
        }
    }
}

/// Which way a marker points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A report of the past (已, 截至, 同比, 2022年 in a 2023 document).
    Past,
    /// A plan (到2025年, 力争, 确保, 预期).
    Plan,
}

/// Markers of the past: aspect, comparison with a past period, completion rates, honours.
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"已|截至|截止|以来|同比|比上年|较上年|上年同期|荣获|获评|被评为|去年|过去|先后|近年来|近[一二三四五六七八九十两0-9]{1,2}年来|预计全年|预计(?:到)?(?:年末|年底)[,,]|一年来|五年来|这五年|历史新高|目前|现有|共有|超额完成|圆满完成|完成(?:了)?(?:年度|全年)?(?:目标)?任务的|完成率\d|(?:排|排名|位居|居|列)(?:全国|全省|全市|全州|全区)第|(?:^|[^争创入])(?:全国|全省|全市|全州|全区)第[0-9一二三四五六七八九十]|[\p{Han}&&[^为除罢不得到]]了(?:[^解]|$)|(?:达到|达|建成|完成|实现|增加|提高|创建|新建|培养|招录|获得|投入|配备|组建|开发|编写|资助|增长|下降|突破)了",
    )
    .expect("past marker regex")
});

/// Markers of plans: commitment, expectation, prescriptive comparison, schedules.
static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"力争|确保|争取|努力|力求|预期|拟(?:按|安排|发行|新增|投入|实施|建设)|督促|年内|年底前|逐步|不低于|不少于|至少|不超过|控制在|积极实施|每年|计划|将(?:新建|建成|达到|实现|完成|提高|提升|增加|新增|打造|形成)",
    )
    .expect("plan marker regex")
});

/// 累计 reports a total reached unless the sentence plans (确保到2025年累计建成…).
static CUMULATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"累计").expect("cumulative regex"));

/// The markers of a sentence, in text order, as byte ranges of it; `planning` when its
/// section plans.
pub fn marks(sentence: &str, time: &DocTime, planning: bool) -> Vec<(Range<usize>, Mark)> {
    marks_with(sentence, &time::find(sentence, time), time, planning)
}

/// [`marks`] given the sentence's time mentions, as [`time::find`] returned them.
pub fn marks_with(
    sentence: &str,
    mentions: &[time::Mention],
    time: &DocTime,
    planning: bool,
) -> Vec<(Range<usize>, Mark)> {
    let mut out: Vec<(Range<usize>, Mark)> = Vec::new();
    for m in PAST.find_iter(sentence) {
        // 项目前期 holds no 目前 (now).
        if m.as_str() == "目前" && super::clause::split_muqian(sentence, m.start()) {
            continue;
        }
        out.push((m.range(), Mark::Past));
    }
    for m in PLAN.find_iter(sentence) {
        out.push((m.range(), Mark::Plan));
    }
    for m in mentions {
        // 全年 opens reviews as often as plans (全年完成地区生产总值…): no mark either way.
        let full_year = &sentence[m.range.clone()] == "全年";
        let Some(date) = m.date else { continue };
        if !matches!(m.relation, DeadlineRelation::By | DeadlineRelation::Within) || full_year {
            continue;
        }
        // 年末 of 预计到年末, (an estimate of the outturn) is part of that marker of the past.
        if out.iter().any(|(r, mark)| {
            *mark == Mark::Past && r.start <= m.range.start && m.range.end <= r.end
        }) {
            continue;
        }
        // A year-end before the document's own time (2020年末 in a 十四五 plan) reports.
        let past = time.reference().is_some_and(|r| date.get_year() < r);
        out.push((m.range.clone(), if past { Mark::Past } else { Mark::Plan }));
    }
    for (range, _) in time::past_mentions(sentence, time) {
        out.push((range, Mark::Past));
    }
    // 累计 reports a total reached, unless the sentence or its section plans (累计降低16% under
    // “十五五”时期主要目标).
    let plans = planning || out.iter().any(|(_, m)| *m == Mark::Plan);
    // A change against the year before (同比增长, 比上年增长) is how a plan states its targets
    // as often as how a report states outturns: it reports only where nothing plans.
    if plans {
        out.retain(|(r, m)| {
            let word = &sentence[r.clone()];
            let against_last_year = matches!(word, "同比" | "比上年" | "较上年")
                || (matches!(word, "上年" | "上一年")
                    && sentence[..r.start].ends_with(['比', '较']));
            *m == Mark::Plan || !against_last_year
        });
    }
    if !plans {
        for m in CUMULATIVE.find_iter(sentence) {
            out.push((m.range(), Mark::Past));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The reading of a figure at byte `at` of a sentence from the sentence's marks: the nearest
/// marker before it, else the first after it in the same clause (`clause`), else `None`.
pub fn reading_at(marks: &[(Range<usize>, Mark)], clause: Range<usize>, at: usize) -> Option<Mark> {
    reading_carried(marks, clause, at, None)
}

/// [`reading_at`], with the reading `carried` from the statement's earlier part (the sentence
/// before a semicolon) ranking above the last resort, a marker later in another clause: in
/// 2017年…增长8.5%;财政总收入30.9亿元……逐步呈现, the figures report, as the part before the
/// semicolon does.
pub fn reading_carried(
    marks: &[(Range<usize>, Mark)],
    clause: Range<usize>,
    at: usize,
    carried: Option<Mark>,
) -> Option<Mark> {
    let before = marks
        .iter()
        .filter(|(r, _)| r.start < at)
        .max_by_key(|(r, _)| r.start)
        .map(|(_, m)| *m);
    // The figure's own clause first: the nearest marker before it there, else the first after
    // it there (剩余48个…年底前全部完成, after 目前已有215个…); then the nearest before it in the
    // sentence; then the first after it (事故12起、死亡9人,同比分别下降…).
    let in_clause = |r: &Range<usize>| r.start >= clause.start && r.end <= clause.end;
    let before_in_clause = marks
        .iter()
        .filter(|(r, _)| r.start < at && in_clause(r))
        .max_by_key(|(r, _)| r.start)
        .map(|(_, m)| *m);
    before_in_clause
        .or_else(|| {
            marks
                .iter()
                .find(|(r, _)| r.start >= at && in_clause(r))
                .map(|(_, m)| *m)
        })
        .or(before)
        .or(carried)
        .or_else(|| marks.iter().find(|(r, _)| r.start >= at).map(|(_, m)| *m))
}

/// A year heading a sentence without any word before it (2023年,全县…; 2024年全市…), whatever
/// its relation to the document's own year: what the sentence's markers say of it decides.
pub fn opening_bare_year(sentence: &str) -> Option<i32> {
    // After a clause reporting a speaker or source (区长在报告中说,2018年…).
    let sentence = after_source_preamble(sentence);
    let c = crate::text::captures(&BARE_OPENING, sentence)?;
    let y: i32 = c[1].parse().ok()?;
    // Not a range's first year (2023—2025年) nor a year of history (2019年以来).
    let rest = &sentence[c.get(0)?.end()..];
    (!rest.starts_with(['-', '—', '–', '~', '至', '到', '以', '来'])).then_some(y)
}

/// A paragraph opened by a past marker reports (近年来, 截至…, 去年, 过去五年, 2019年以来).
static PARAGRAPH_PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:近年来|近[一二三四五六七八九十0-9]{1,2}年来|[0-9]{4}年以来|目前|截至|截止|去年|过去[一二三四五六七八九十0-9]{0,2}年|[一二三四五]年来|“?十[一二三]五”?(?:期间|时期|以来))",
    )
    .expect("paragraph past regex")
});

/// True when a paragraph's first sentence opens with a marker of the past.
pub fn opens_past(sentence: &str) -> bool {
    PARAGRAPH_PAST.is_match(after_source_preamble(sentence).trim_start())
}

/// True when a paragraph's first sentence opens with a marker of the past, or with a bare
/// year before the document's own (2018年,全区经济… in a 2019 report).
pub fn opens_past_in(sentence: &str, time: &DocTime) -> bool {
    opens_past(sentence)
        || opening_bare_year(sentence)
            .zip(time.reference())
            .is_some_and(|(y, r)| y < r)
}

/// The year a time phrase opening a sentence states (到2025年, 今年, 年底前, 明年, a bare year
/// after the document's own), which carries to the rest of its paragraph.
pub fn opening_year(sentence: &str, time: &DocTime) -> Option<i32> {
    let body = after_source_preamble(sentence).trim_start_matches(['“', '"', ' ', '\u{3000}']);
    let first = time::leading(body, time).filter(|m| {
        matches!(m.relation, DeadlineRelation::By | DeadlineRelation::Within)
            && &body[m.range.clone()] != "全年"
    });
    if let Some(y) = first.and_then(|m| m.date).map(|d| d.get_year()) {
        return Some(y);
    }
    opening_to_year(sentence, time)
}

/// True when `clause` only cites a source (根据《规划》, 按照省里部署) or reports what one says
/// (规划显示, 会议明确, 意见要求, 区长在报告中说, 记者获悉): short, opening with 根据, 按照, 依据 or
/// 对照, or ending with a verb of saying or learning (显示, 提出, 要求, 介绍, 获悉…).
pub fn is_source_preamble(clause: &str) -> bool {
    let body = clause.trim_start();
    let cites = ["根据", "按照", "依据", "对照"]
        .iter()
        .any(|w| body.starts_with(w));
    // A report of what a source says (发展规划显示, 会议明确, 文件提出): what follows is its
    // content, opened as if the sentence began there.
    let reports = [
        "显示", "提出", "明确", "指出", "强调", "表示", "说", "介绍", "要求", "提到", "透露",
        "获悉",
    ]
    .iter()
    .any(|w| body.ends_with(w))
        && body.chars().nth(16).is_none();
    (cites || reports) && body.chars().nth(40).is_none()
}

/// The sentence after an opening clause that only cites its source (根据《规划》,): what
/// follows still opens the sentence, so a time phrase there heads it.
pub fn after_source_preamble(sentence: &str) -> &str {
    match sentence.split_once(',') {
        Some((head, rest)) if is_source_preamble(head) => rest,
        _ => sentence,
    }
}

/// [`opening_year`] for 到…年 after a list label and for bare years.
fn opening_to_year(sentence: &str, time: &DocTime) -> Option<i32> {
    // Most sentences open with neither: a few chars read spare them the two regexes.
    if !may_open_with_year(sentence) {
        return None;
    }
    if let Some(y) = OPENING_YEAR
        .captures(sentence)
        .and_then(|c| c.get(1)?.as_str().parse().ok())
    {
        return Some(y);
    }
    // A bare year after the document's own, heading the sentence (2022年,全县…), or the
    // first year of a plan issued in it (2023年,… in a 2023-2027 plan of 2023).
    let c = crate::text::captures(&BARE_OPENING, sentence)?;
    let y: i32 = c[1].parse().ok()?;
    time.lies_ahead(y).then_some(y)
}

/// False when neither [`OPENING_YEAR`] nor [`BARE_OPENING`] can match: everything they hold
/// before 到/至 or the year's digits is a list number or blank.
fn may_open_with_year(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| {
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
    });
    // The run of digits trimmed may be the year itself (2025年,…).
    rest.starts_with(['到', '至', '年']) || s.starts_with(['“', '"', '('])
}

static BARE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^[“"(]?(?:[0-9]{1,2}[\.、]|[一二三四五六七八九十]{1,3}、)?\s*((?:19|20)[0-9]{2}) ?年[,::]?"#,
    )
    .expect("bare opening regex")
});

/// Words that make a line ending in a colon the head of a list of goals.
static LIST_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目标|指标|任务|如下|主要是|安排|计划|要求").expect("list head regex")
});

/// The reading a line ending in a colon gives the list after it: `Some((plan, year))` when it
/// heads a list of goals (2024年主要预期目标是:, 到2025年,实现以下目标:), `None` otherwise.
pub fn list_head(sentence: &str, time: &DocTime) -> Option<(Mark, Option<i32>)> {
    let s = sentence.trim_end();
    if !s.ends_with(':') {
        return None;
    }
    // The document's own year names its own list (2024年工作目标: in a 2024 plan).
    let this_year = YEAR_IN_TITLE
        .captures(s)
        .and_then(|c| c[1].parse::<i32>().ok())
        .filter(|y| time.reference().is_some_and(|r| *y >= r));
    let due = time::due_year(s, time).or(this_year);
    let past = time::past_mentions(s, time).first().map(|m| m.1);
    if let Some(y) = past.filter(|_| due.is_none()) {
        return Some((Mark::Past, Some(y)));
    }
    (due.is_some() || LIST_HEAD.is_match(s)).then_some((Mark::Plan, due))
}

/// A commitment word hedging a figure: the nearest of 力争, 确保, 努力, 争取 before byte `at`
/// of the sentence.
pub fn hedge_at(sentence: &str, at: usize) -> Option<&'static str> {
    let before = sentence.get(..at)?;
    ["力争", "确保", "努力", "争取"]
        .iter()
        .filter_map(|w| before.rfind(w).map(|p| (p, *w)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, w)| w)
}

/// The lines of a document that name rather than state: its title, table and figure
/// captions (表2 …), site breadcrumbs, and the headline a text opens with. Found in one pass,
/// so asking about every sentence costs a binary search, not a scan for its line.
#[derive(Debug, Clone, Default)]
pub struct TitleLines {
    /// Byte ranges of the naming lines, in text order.
    lines: Vec<Range<usize>>,
}

impl TitleLines {
    /// Reads the naming lines of `text`, whose title (from its metadata) is `title`.
    pub fn new(text: &str, title: Option<&str>) -> Self {
        let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let title = title.filter(|t| !t.is_empty()).map(squeezed);
        let mut lines = Vec::new();
        let mut start = 0;
        let mut first = true;
        for raw in text.split_inclusive('\n') {
            let range = start..start + raw.len();
            start = range.end;
            let line = raw.trim();
            let opening = first;
            first = first && line.is_empty();
            if line.is_empty() {
                continue;
            }
            let punctuated = line.contains(['。', ',', ';', ':', '!', '?']);
            if is_naming_line(line, title.as_deref(), opening, punctuated) {
                lines.push(range);
            }
        }
        TitleLines { lines }
    }

    /// True when byte `pos` lies on a naming line.
    pub fn contains(&self, pos: usize) -> bool {
        let k = self.lines.partition_point(|r| r.end <= pos);
        self.lines.get(k).is_some_and(|r| r.start <= pos)
    }
}

/// True when a trimmed line names: breadcrumbs (首页 > …), and, on a line without sentence
/// punctuation (`punctuated` false), the title (`title`, white space removed), a headline that
/// reports a document, a caption, or the text's first line (`opening`) when short and
/// unlabelled.
fn is_naming_line(line: &str, title: Option<&str>, opening: bool, punctuated: bool) -> bool {
    // Breadcrumbs (首页 > 新闻中心 > …): any arrow on a plain line; two arrows, or one after
    // 当前位置, whatever the punctuation.
    let arrows = line.matches(['>', '»']).count();
    if (arrows >= 1 && !punctuated) || arrows >= 2 || (line.contains("位置") && line.contains('>'))
    {
        return true;
    }
    if punctuated {
        return false;
    }
    let is_title = title.is_some_and(|t| line.chars().filter(|c| !c.is_whitespace()).eq(t.chars()));
    // A headline that reports a document (某市出台…规划): the record's title is the document's.
    if super::meta::reports_document(line) {
        return true;
    }
    let caption = ["表", "图", "附表"].iter().any(|w| {
        line.strip_prefix(w).is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
    });
    let headline = opening && line.chars().count() <= 40 && !LIST_LABEL.is_match(line);
    is_title || caption || headline
}

/// An outline label opening a line (一、, (一), 1., (1)).
static LIST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[\.、]|\(\d{1,2}\)|[①-⑳])")
        .expect("list label regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(year: i32) -> DocTime {
        DocTime {
            year: Some(year),
            ..DocTime::default()
        }
    }

    #[test]
    fn titles_review_or_plan() {
        let t = doc(2021);
        let f = title_facts("一、“十三五”教育事业发展情况", &t);
        assert!(f.review && !f.plan);
        assert_eq!(f.as_of, Some(2020));
        let f = title_facts("二、“十四五”发展目标", &t);
        assert!(f.plan && !f.review);
        assert_eq!(f.due, None);
        assert_eq!(title_facts("二、到2025年的发展目标", &t).due, Some(2025));
        let r = DocTime {
            year: Some(2024),
            one_year: true,
            report: true,
            ..DocTime::default()
        };
        let f = title_facts("一、2023年工作回顾", &r);
        assert!(f.review);
        assert_eq!(f.as_of, Some(2023));
        let f = title_facts("二、2024年工作安排", &r);
        assert!(f.plan);
        assert_eq!(f.due, Some(2024));
        let f = title_facts("过去五年工作回顾", &r);
        assert_eq!(f.as_of, Some(2023));
        assert!(title_facts("(一)指导思想", &t).principles);
        let later = DocTime {
            year: Some(2026),
            ..DocTime::default()
        };
        let f = title_facts("“十五五”时期经济社会发展的主要目标", &later);
        assert_eq!((f.plan, f.due), (true, Some(2030)));
        let f = title_facts("“十五五”发展目标", &later);
        assert_eq!((f.plan, f.due), (true, None));
        let f = title_facts("“十四五”时期主要成就", &later);
        assert_eq!((f.review, f.as_of), (true, Some(2025)));
    }

    #[test]
    fn sentence_marks_point_both_ways() {
        let t = doc(2024);
        let kinds = |s: &str| {
            marks(s, &t, false)
                .into_iter()
                .map(|m| m.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("地区生产总值同比增长5.2%"), vec![Mark::Past]);
        assert_eq!(kinds("到2025年,入园率达到95%"), vec![Mark::Plan]);
        assert_eq!(kinds("2023年,全县新增学位3200个"), vec![Mark::Past]);
        // A year-end before the document's time reports; one after it plans.
        assert_eq!(kinds("2022年末,全县公办园达到40所"), vec![Mark::Past]);
        assert_eq!(kinds("2025年末,全县公办园达到48所"), vec![Mark::Plan]);
        // 累计 reports unless the sentence plans.
        assert_eq!(kinds("累计建成高标准农田5万亩"), vec![Mark::Past]);
        assert!(!kinds("确保到2025年底累计建成高标准农田5万亩").contains(&Mark::Past));
        assert!(kinds("项目前期工作完成").is_empty());
    }

    #[test]
    fn the_nearest_marker_before_a_figure_governs_it() {
        let t = doc(2024);
        let s = "去年增长5.2%,今年力争增长6%";
        let m = marks(s, &t, false);
        let at = |needle: &str| s.find(needle).unwrap();
        assert_eq!(reading_at(&m, 0..s.len(), at("5.2")), Some(Mark::Past));
        assert_eq!(reading_at(&m, 0..s.len(), at("6%")), Some(Mark::Plan));
    }

    #[test]
    fn list_heads_and_openings() {
        let r = DocTime {
            year: Some(2024),
            one_year: true,
            report: true,
            ..DocTime::default()
        };
        assert_eq!(
            list_head("今年经济社会发展的主要预期目标是:", &r),
            Some((Mark::Plan, Some(2024)))
        );
        assert_eq!(
            list_head("2024年工作目标:", &r),
            Some((Mark::Plan, Some(2024)))
        );
        assert_eq!(list_head("联系电话:", &r), None);
        assert_eq!(opening_year("到2025年,全县建成…", &doc(2021)), Some(2025));
        assert_eq!(opening_year("2025年,全县建成…", &doc(2021)), Some(2025));
        assert_eq!(opening_year("2020年,全县建成…", &doc(2021)), None);
        // A frame of saying or learning before the year (意见要求, 记者获悉) still opens.
        assert_eq!(
            opening_year("方案要求,到2026年,全市建成…", &doc(2024)),
            Some(2026)
        );
        assert_eq!(
            opening_year("记者获悉,到2027年,全省建成…", &doc(2024)),
            Some(2027)
        );
        assert_eq!(
            opening_year("工作任务很重,到2026年,全市建成…", &doc(2024)),
            None
        );
        assert!(opens_past("近年来,全县新建学校12所"));
        assert!(opens_past("“十三五”期间,全县新建学校12所"));
        let s = "确保完成90%,力争达到95%";
        assert_eq!(hedge_at(s, s.find("90").unwrap()), Some("确保"));
        assert_eq!(hedge_at(s, s.find("95").unwrap()), Some("力争"));
        assert_eq!(hedge_at("达到95%", 6), None);
    }

    #[test]
    fn opening_prefilter_passes_every_match() {
        // Each sentence the regex matches must pass the cheap check (it may pass more).
        for s in [
            "到2025年,全县入园率达到95%",
            "至2030年底",
            "1.到2025年",
            "12、 \t至2035年",
            "(3)到2025年",
            "(十二)到2025年",
            "三、到2025年",
            "二十、至2025年",
            "到2025年到",
            "全县到2025年",
            "2025年",
            "",
            "到",
            "(一)全县",
        ] {
            if OPENING_YEAR.is_match(s) || BARE_OPENING.is_match(s) {
                assert!(may_open_with_year(s), "{s}");
            }
        }
        assert!(!may_open_with_year("全县到2025年"));
        assert!(may_open_with_year("(十二)到2025年"));
    }
}
