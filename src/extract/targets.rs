//! Targets: clauses committing to a checkable future state or result.
//!
//! A clause is a target when its first predicate creates, completes or attains something
//! (建成, 完成, 达到, 消除, 引进 …, see [`lexicon`]), or when a commitment modal (确保, 力争)
//! or a quantified standing obligation (每年招聘100人) governs it. Clauses whose first
//! predicate is an effort verb (加强, 深化, 推进 …) are exhortations, and clauses in review
//! sections or with perfective aspect (已, 了, 近年来 …) report achievements; neither is a target.
//!
//! Each target carries its deadline (the clause's own, a date heading its sentence, the intro
//! of an enclosing section, or the year of a one-year work plan), the goals whose spans lie in
//! it and the departments named by responsibilities of its section.

use super::discourse;
use super::Context;
use crate::records::{
    Deadline, DeadlineRelation, Department, GoalSource, GoalStatus, NumericGoal, PartialDate,
    Responsibility, Target,
};
use crate::structure::{Heading, HeadingKind, Structure};
use regex::Regex;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::clause::{self as lexicon, has_quantity, VerbClass, ACCEPTANCE, NAMED, RECURRING};
use crate::text::contains_any;

/// Extracts the targets, linking them to the goals, deadlines and responsibilities found.
pub fn extract(
    ctx: &Context<'_>,
    goals: &[NumericGoal],
    deadlines: &[Deadline],
    responsibilities: &[Responsibility],
) -> Vec<Target> {
    let text = ctx.text;
    let doc_year = ctx.time.reference();
    let dates = DueDates::new(ctx, deadlines);
    let outline = Outline::new(text, ctx.structure, &dates);
    let past_at = past_marks(text);
    let retrospective = is_retrospective(text, ctx.structure, &past_at);
    // Sections that review (2024年工作回顾, “十三五”发展成就, also unnumbered heading lines)
    // report what was done: the same reading the goals' status takes.
    let discourse = &ctx.discourse;
    let one_year_plan = ctx.time.one_year_due().and_then(PartialDate::year);

    // Goals by span start, so each target finds its goals by binary search.
    let mut goal_order: Vec<usize> = (0..goals.len()).collect();
    goal_order.sort_by_key(|&i| goals[i].span[0]);
    let departments = Departments::new(responsibilities);
    let mut out: Vec<Target> = Vec::new();
    let mut seen: HashSet<Range<usize>> = HashSet::new();
    // A date fronted as the topic of a sentence (到2025年, …) governs the rest of its paragraph.
    let mut topic: Option<(usize, PartialDate)> = None;
    // Whether the current paragraph opened on a marker of the past (“十三五”期间, 近年来):
    // it reports, and only a clause that commits (将, 要, 力争) sets a target in it.
    let mut para_past = false;
    let mut prev_end: Option<usize> = None;
    for unit in units(text, ctx.structure, &outline) {
        if topic.as_ref().is_some_and(|t| t.0 <= unit.span.start) {
            topic = None;
        }
        let sentence = &text[unit.span.clone()];
        let new_paragraph = prev_end.is_none_or(|e| {
            text.get(e.min(unit.span.start)..unit.span.start)
                .is_some_and(|gap| gap.contains('\n'))
        });
        if new_paragraph {
            para_past = discourse::opens_past(sentence);
        }
        prev_end = Some(unit.span.end);
        if ctx.title_lines.contains(unit.span.start) {
            continue;
        }
        let sec = outline.at(unit.span.start);
        if sec.is_some_and(|s| outline.flags[s].skip) {
            continue;
        }
        let facts = discourse.at(ctx, unit.span.start);
        if facts.review && !facts.plan {
            continue;
        }
        let fronted = fronted_date(text, &unit, &dates);
        // A description (2023年,是…之年) still dates what follows it, but commits to nothing.
        let describes = describes(text, &unit);
        let spans = if describes {
            Vec::new()
        } else {
            targets_in(text, &unit, retrospective || para_past, doc_year, &past_at)
        };
        if fronted.is_none() && spans.is_empty() {
            continue;
        }
        // The guiding ideology and the preamble neither commit nor date anything. Tested
        // only here: most units have neither a target nor a date.
        let ideology = contains_any(sentence, &['指', '为']) && IDEOLOGY.is_match(sentence);
        if ideology || lexicon::about_itself(sentence) {
            continue;
        }
        let earlier_topic = topic.as_ref().map(|t| t.1);
        if let Some(date) = fronted {
            // Several dated sentences of one paragraph share its end: a topic still in force
            // holds it, so each paragraph is searched once and the work stays linear.
            let para_end = match &topic {
                Some((end, _)) => *end,
                None => text[unit.span.start..]
                    .find('\n')
                    .map_or(text.len(), |i| unit.span.start + i),
            };
            topic = Some((para_end, date));
        }
        for span in spans {
            // A bare verb (建成) or a link's label left by a page is too short to be checked.
            let substance = text[span.clone()]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count();
            if !seen.insert(span.clone())
                || is_note(&text[span.clone()])
                || substance < 5
                || TREND_END.is_match(&text[span.clone()])
                || SLOGAN.is_match(&text[span.clone()])
                || INVESTMENT.is_match(&text[span.clone()])
                || ROUTINE.is_match(&text[span.clone()])
            {
                continue;
            }
            let deadline = dates
                .within(span.clone())
                .or_else(|| dates.last_within(unit.full.start..span.start))
                .or(earlier_topic)
                .or_else(|| sec.and_then(|s| outline.flags[s].deadline))
                .or(one_year_plan);
            let section = sec.map(|s| ctx.structure.headings[s].path.clone());
            let cspan = ctx.chars.span(span.clone());
            let first = goal_order.partition_point(|&i| goals[i].span[0] < cspan[0]);
            let mut goal_ids: Vec<usize> = goal_order[first..]
                .iter()
                .take_while(|&&i| goals[i].span[0] < cspan[1])
                // Read from this clause: the goal's text lies in it, give or take the
                // clause-closing punctuation a goal's span may keep.
                .filter(|&&i| goals[i].span[1] <= cspan[1] + 1)
                .copied()
                .collect();
            goal_ids.sort_unstable();
            // Figures the goals read as reported (2020年末…达到, a review's 完成…) make a
            // report, not a commitment: the goals' reading of status is the finer one.
            if !goal_ids.is_empty()
                && goal_ids
                    .iter()
                    .all(|&i| goals[i].status == GoalStatus::Achieved)
            {
                continue;
            }
            let departments = departments.of(section.as_deref());
            out.push(Target {
                text: text[span].to_owned(),
                section,
                deadline,
                goals: goal_ids,
                departments,
                span: cspan,
            });
        }
    }
    if !retrospective {
        out.extend(goal_borne(ctx, goals, &out, &dates, &departments, &past_at));
    }
    out.sort_by_key(|t| t.span[0]);
    drop_contained(out)
}

/// A sum put in (规划总投资10.87亿元, 发放惠民资金1050万元) or a rate of support (每亩补贴
/// 20元, 亩均60元, 每县500万元): what is spent, not a result.
fn is_input(g: &NumericGoal) -> bool {
    g.unit
        .as_deref()
        .is_some_and(|u| u == "元" || u.starts_with("元/"))
        // 完成投资, 计划完成投资: what is spent (固定资产投资 is an economy's indicator).
        && ((g.indicator.ends_with("投资") && !g.indicator.contains("固定资产"))
            || g.indicator.starts_with('每')
            || g.indicator.ends_with('均')
            || [
                "总投资",
                "资金",
                "经费",
                "预算",
                "补助",
                "奖补",
                "补贴",
                "配套",
            ]
            .iter()
            .any(|w| g.indicator.contains(w)))
}

/// Targets of the clauses that hold a target figure but no verb of attaining: a figure to
/// reach commits to a checkable result whatever verb carries it (地区生产总值增长6.5%左右,
/// 失业率控制在5.5%以内). Goals already linked to a target are skipped; goals of one clause
/// (分别达到98%、100%) share one target.
fn goal_borne(
    ctx: &Context<'_>,
    goals: &[NumericGoal],
    targets: &[Target],
    dates: &DueDates<'_>,
    departments: &Departments,
    past_at: &Marks,
) -> Vec<Target> {
    let linked: HashSet<usize> = targets
        .iter()
        .flat_map(|t| t.goals.iter().copied())
        .collect();
    let mut out: Vec<Target> = Vec::new();
    for (i, g) in goals.iter().enumerate() {
        if linked.contains(&i)
            || g.status != GoalStatus::Target
            || g.source != GoalSource::Text
            || is_input(g)
        {
            continue;
        }
        if let Some(last) = out.last_mut().filter(|t| t.span == g.span) {
            last.goals.push(i);
            continue;
        }
        let bytes = ctx
            .chars
            .byte_at(g.span[0])
            .zip(ctx.chars.byte_at(g.span[1]));
        let Some((start, end)) = bytes else { continue };
        // The sentence up to the figure's clause reports (前期,…; 近日印发…,全市建成…).
        let sentence_start = ctx
            .structure
            .sentences_in(start..end)
            .first()
            .map_or(start, |s| s.span.start.min(start));
        if ctx.title_lines.contains(start) || past_at.within(sentence_start..end) {
            continue;
        }
        // The scope of a task (改造老旧小区,涉及小区47个、户数3106户): what it covers, not a
        // result to reach.
        if ctx
            .text
            .get(sentence_start..end)
            .is_some_and(|lead| lead.contains("涉及"))
        {
            continue;
        }
        let deadline = dates
            .within(start..end)
            .or_else(|| g.year.and_then(PartialDate::year));
        out.push(Target {
            text: g.text.clone(),
            section: g.section.clone(),
            deadline,
            goals: vec![i],
            departments: departments.of(g.section.as_deref()),
            span: g.span,
        });
    }
    out
}

/// True when a span is a labelled note (责任单位:…, 完成时限:…), which names who or when,
/// not what: the label ends in a word for bodies or times right before its colon.
fn is_note(span: &str) -> bool {
    let s = span.trim_start_matches(['(', '〔', '[']);
    let Some(colon) = s.find(':') else {
        return false;
    };
    let label = &s[..colon];
    label.chars().count() <= 6
        && ["单位", "部门", "科室", "处室", "时限", "时间", "主体"]
            .iter()
            .any(|w| label.ends_with(w))
}

/// Drops a target whose text a neighbouring target of the same section contains (an item
/// title repeated by its body: 成立专家咨询委员会 / 拟聘请专家成立专家咨询委员会). Only a few
/// neighbours are compared, which keeps this linear.
fn drop_contained(targets: Vec<Target>) -> Vec<Target> {
    const NEAR: usize = 3;
    let n = targets.len();
    let drop: Vec<bool> = (0..n)
        .map(|a| {
            let lo = a.saturating_sub(NEAR);
            let hi = (a + NEAR + 1).min(n);
            (lo..hi).any(|b| {
                let (ta, tb) = (&targets[a], &targets[b]);
                b != a
                    && ta.section == tb.section
                    && tb.text.len() > ta.text.len()
                    && tb.text.contains(ta.text.as_str())
            })
        })
        .collect();
    targets
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(t, _)| t)
        .collect()
}

/// The due date of a predicate-less adverbial opening a sentence (到2025年, …), which
/// topicalises it over the rest of the paragraph. A dated event (2024年9月10日) does not.
fn fronted_date(text: &str, unit: &Unit, dates: &DueDates) -> Option<PartialDate> {
    let first = unit
        .clauses
        .iter()
        .enumerate()
        .filter_map(|(k, c)| trim_clause(text, c.clone(), k == 0))
        // A clause citing the source (根据《规划》) does not stop a date after it fronting.
        .find(|c| !discourse::is_source_preamble(&text[c.clone()]))?;
    let clause = &text[first.clone()];
    if !contains_any(clause, &['年', '末', '期'])
        || !lexicon::verbs(&text[first.clone()]).is_empty()
    {
        return None;
    }
    dates.within(first).filter(|d| d.get_day().is_none())
}

/// Sentences framing the guiding ideology (以…为指导, 指导思想) state principles, not results.
static IDEOLOGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"指导思想|为指导[,,]|以[^,。;]{2,40}为(?:统领|引领|主线|根本遵循)")
        .expect("ideology regex")
});

/// True when the sentence describes rather than commits: its opening clauses predicate with
/// the copula (“十四五”时期是…开局五年; 2023年,是…关键之年), before any verb of theirs.
/// Enumerators (一是), conjunctions (但是, 还是) and 是否 are no copula.
fn describes(text: &str, unit: &Unit) -> bool {
    let Some(s) = text.get(unit.span.clone()) else {
        return false;
    };
    if !s.contains('是') {
        return false;
    }
    for (k, c) in unit.clauses.iter().take(2).enumerate() {
        let Some(span) = trim_clause(text, c.clone(), k == 0) else {
            continue;
        };
        let clause = &text[span];
        let Some(at) = clause.find('是') else {
            continue;
        };
        let prev = clause[..at].chars().next_back();
        let next = clause[at + '是'.len_utf8()..].chars().next();
        if prev.is_some_and(|p| {
            "一二三四五六七八九十还就总凡但于只即若要正可倒也都亦而不或否".contains(p)
        }) || next == Some('否')
        {
            return false;
        }
        // A verb before the copula makes it part of an object (确保…是…): not a description.
        return lexicon::verbs(&clause[..at]).is_empty();
    }
    false
}

/// Markers that a sentence reports the past (近年来, 2012年以来, 截至, 目前, 累计 …).
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"近年来|近日|日前|近[一二两三四五六七八九十\d]+年(?:来)?|以来|截至|截止|目前|过去|先后|累计|去年|前期|十三五[”\x22]?(?:期间|时期|以来)")
        .expect("past regex")
});

/// Perfective aspect inside a clause: 已, 已经, verb + 了 (not 为了, 除了, 了解).
static PERFECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"已|[^为除]了(?:[^解]|$)").expect("perfective regex"));

/// Forward-looking markers used to tell a plan from a report.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"到(?:19|20)\d{2}年|力争|确保|将要|十[一二三四五六七八九]五[”\x22]?末|目标|要点|规划|计划|年底前")
        .expect("future regex")
});

/// A year opening a sentence with no forward marker (2020年, …; 2020年全县…).
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)\d{2})年(?:[,,]|[^底末前内以至])").expect("bare year regex")
});

/// Clause openers that continue the previous clause's action (并, 与…, 实现…).
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:并且|并|且|从而|进而|实现|其中|为[^了]|与[^,。]{1,20}(?:形成|组成|结对|共建))")
        .expect("continuation regex")
});

/// An outline label at the start of a sentence, which is not part of the target's text.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[\.、]|\(\d{1,2}\)|[①-⑳])\s*")
        .expect("label regex")
});

/// Titles of sections that review the past or state principles; their content is no target.
static SKIP_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"回顾|成就|成效|成绩|现状|发展背景|规划背景|发展基础|工作基础|现实基础|基础与|面临|形势|发展情况|工作情况|基本情况|主要做法|经验做法|主要经验|十三五|指导思想|基本原则|工作原则|工作方针")
        .expect("skip-title regex")
});

/// One sentence to read: its span, its clauses, and the full sentence it belongs to (up to
/// 。!? or a line end, so a date heading a `;`-list reaches all of it).
struct Unit {
    span: Range<usize>,
    clauses: Vec<Range<usize>>,
    full: Range<usize>,
    /// End of the item title the unit starts with (0 when it starts none).
    title_end: usize,
}

/// The sentences of the structure plus item titles it left out, without outline labels and
/// without titles of high-level headings (section topics, not commitments).
fn units(text: &str, st: &Structure, outline: &Outline) -> Vec<Unit> {
    let in_table = |p: usize| st.table_at(p).is_some();
    let mut covered = vec![false; st.headings.len()];
    let mut out = Vec::new();
    let mut full_start = 0;
    for s in &st.sentences {
        // Spans come from another stage: never slice on one that is not a char range.
        if in_table(s.span.start) || text.get(s.span.clone()).is_none() {
            continue;
        }
        // The full sentence starts after the previous 。!? or line end; nothing before the
        // last one found can be it, so each byte is searched once.
        let from = full_start.min(s.span.start);
        let before = &text[from..s.span.start];
        if let Some(i) = before.rfind(['。', '!', '?', '\n']) {
            let c = before[i..].chars().next().map_or(1, char::len_utf8);
            full_start = full_start.max(from + i + c);
        }
        let mut clauses: Vec<Range<usize>> = s.clauses.clone();
        let mut title_end = 0;
        // The structure marks title sentences; without the mark, a sentence opening at a
        // heading's title is one.
        let marked = s.heading.filter(|&h| h < st.headings.len());
        if let Some(h) = marked.or_else(|| outline.title_at(s.span.start)) {
            covered[h] = true;
            let title = outline.title[h].clone();
            let end = if marked.is_some() {
                s.span.end.max(title.end)
            } else {
                title.end
            };
            if outline.high_level(h) {
                clauses.retain(|c| c.start >= end);
            } else {
                title_end = end;
            }
        }
        if clauses.is_empty() {
            continue;
        }
        let full_end = text[s.span.start..]
            .find(['。', '!', '?', '\n'])
            .map_or(text.len(), |i| s.span.start + i);
        out.push(Unit {
            span: s.span.clone(),
            clauses,
            full: full_start.min(s.span.start)..full_end.max(s.span.end),
            title_end,
        });
    }
    // Item titles the structure did not give as sentences (搭建自主招生服务平台).
    for (h, done) in covered.iter().enumerate() {
        let t = outline.title[h].clone();
        if *done || outline.high_level(h) || t.is_empty() {
            continue;
        }
        if st
            .sentences
            .iter()
            .any(|s| s.span.start <= t.start && t.start < s.span.end)
        {
            continue;
        }
        out.push(Unit {
            span: t.clone(),
            clauses: vec![t.clone()],
            full: t.clone(),
            title_end: t.end,
        });
    }
    out.sort_by_key(|u| u.span.start);
    out
}

/// The outline with what the targets need from each heading.
struct Outline {
    /// Headings' start offsets, for binary search.
    starts: Vec<usize>,
    scopes: Vec<Range<usize>>,
    parents: Vec<Option<usize>>,
    kinds: Vec<HeadingKind>,
    /// Byte range of each heading's title in the text (empty when not found).
    title: Vec<Range<usize>>,
    flags: Vec<SectionFlags>,
}

#[derive(Debug, Clone, Default)]
struct SectionFlags {
    /// Review or principles section (inherited).
    skip: bool,
    /// Due date stated by the section's title or intro (inherited).
    deadline: Option<PartialDate>,
}

impl Outline {
    fn new(text: &str, st: &Structure, dates: &DueDates) -> Self {
        let hs = &st.headings;
        let title: Vec<Range<usize>> = hs.iter().map(|h| title_range(text, h)).collect();
        let mut first_child: Vec<Option<usize>> = vec![None; hs.len()];
        for (i, h) in hs.iter().enumerate() {
            if let Some(p) = h.parent {
                if p < hs.len() && first_child[p].is_none() {
                    first_child[p] = Some(i);
                }
            }
        }
        let mut flags: Vec<SectionFlags> = Vec::with_capacity(hs.len());
        for (i, h) in hs.iter().enumerate() {
            let parent = h.parent.filter(|&p| p < i).map(|p| flags[p].clone());
            let own_skip = SKIP_TITLE.is_match(&h.title);
            // The intro: the title, and for a heading with sub-items the text before the
            // first of them.
            let intro = match first_child[i] {
                Some(c) => h.span.start..hs[c].span.start.max(h.span.start),
                None => title[i].clone(),
            };
            let own_deadline = dates.within(intro);
            flags.push(SectionFlags {
                skip: own_skip || parent.as_ref().is_some_and(|p| p.skip),
                deadline: own_deadline.or_else(|| parent.and_then(|p| p.deadline)),
            });
        }
        Outline {
            starts: hs.iter().map(|h| h.span.start).collect(),
            scopes: hs.iter().map(|h| h.scope.clone()).collect(),
            parents: hs.iter().map(|h| h.parent).collect(),
            kinds: hs.iter().map(|h| h.kind).collect(),
            title,
            flags,
        }
    }

    /// The innermost heading whose scope holds `pos`.
    fn at(&self, pos: usize) -> Option<usize> {
        let mut i = self.starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        // Headings nest, so walking up the parents of the last heading before `pos` finds
        // the innermost one whose scope still holds it.
        for _ in 0..self.starts.len() {
            if self.scopes[i].start <= pos && pos < self.scopes[i].end {
                return Some(i);
            }
            i = self.parents[i].filter(|&p| p < i)?;
        }
        None
    }

    /// The heading whose title the sentence starting at `pos` begins.
    fn title_at(&self, pos: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        let t = &self.title[i];
        (!t.is_empty() && pos < t.end && pos + 16 >= t.start).then_some(i)
    }

    /// Chapter, `一、`, `(一)`, box and annex headings name topics; item headings (`1.`,
    /// `(1)`, articles) may state a commitment themselves.
    fn high_level(&self, h: usize) -> bool {
        !matches!(
            self.kinds[h],
            HeadingKind::Number | HeadingKind::ParenNumber | HeadingKind::Article
        )
    }
}

/// Byte range of a heading's title inside its span (empty when the title is not there).
fn title_range(text: &str, h: &Heading) -> Range<usize> {
    let span = h.span.start.min(text.len())..h.span.end.min(text.len());
    let Some(head) = text.get(span.clone()) else {
        return 0..0;
    };
    let title = h.title.trim();
    if title.is_empty() {
        return 0..0;
    }
    match head.find(title) {
        Some(i) => span.start + i..span.start + i + title.len(),
        None => 0..0,
    }
}

/// Due dates: the deadline extractor's dated records, by byte position; a text without
/// any is read with the same time grammar, so both ways agree.
struct DueDates<'a> {
    text: &'a str,
    /// (byte start, byte end, date) of dated deadlines, sorted by start.
    records: Vec<(usize, usize, PartialDate)>,
    local: bool,
    time: super::time::DocTime,
}

impl<'a> DueDates<'a> {
    fn new(ctx: &Context<'a>, deadlines: &[Deadline]) -> Self {
        let mut records = Vec::new();
        // Records carry char spans; the char index maps them back to bytes.
        for d in deadlines {
            let (Some(date), false) = (d.date, d.relation == DeadlineRelation::Recurring) else {
                continue;
            };
            let (Some(s), Some(e)) = (ctx.chars.byte_at(d.span[0]), ctx.chars.byte_at(d.span[1]))
            else {
                continue;
            };
            records.push((s, e, date));
        }
        records.sort_by_key(|r| r.0);
        DueDates {
            text: ctx.text,
            records,
            local: deadlines.is_empty(),
            time: ctx.time,
        }
    }

    /// The dated, non-recurring time phrases of a span read locally, as byte ranges.
    fn read(&self, range: Range<usize>) -> Vec<(usize, usize, PartialDate)> {
        let Some(s) = self.text.get(range.clone()) else {
            return Vec::new();
        };
        super::time::find(s, &self.time)
            .into_iter()
            .filter(|m| !m.scope && m.relation != DeadlineRelation::Recurring)
            .filter_map(|m| {
                Some((
                    range.start + m.range.start,
                    range.start + m.range.end,
                    m.date?,
                ))
            })
            .collect()
    }

    /// The first due date stated inside `range`.
    fn within(&self, range: Range<usize>) -> Option<PartialDate> {
        if range.start >= range.end {
            return None;
        }
        if self.local {
            return self.read(range).first().map(|r| r.2);
        }
        let i = self.records.partition_point(|r| r.0 < range.start);
        self.records[i..]
            .iter()
            .take_while(|r| r.0 < range.end)
            .find(|r| r.1 <= range.end)
            .map(|r| r.2)
    }

    /// The last due date stated inside `range`: of the dates before a clause in its sentence
    /// (到2018年,…;到2020年,…,消除大班额), the nearest one governs it.
    fn last_within(&self, range: Range<usize>) -> Option<PartialDate> {
        if range.start >= range.end {
            return None;
        }
        if self.local {
            return self.read(range).last().map(|r| r.2);
        }
        let i = self.records.partition_point(|r| r.0 < range.start);
        self.records[i..]
            .iter()
            .take_while(|r| r.0 < range.end)
            .filter(|r| r.1 <= range.end)
            .last()
            .map(|r| r.2)
    }
}

/// What a clause's predicates say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Reading {
    /// It commits to a checkable result.
    target: bool,
    /// It only frames what follows: makes someone act on a counted object (组织3所高中…),
    /// or commits (力争在2025年前) to what the next clause says.
    frame: bool,
    /// A time or condition adverbial with no predicate (到2025年, 十四五末).
    adverbial: bool,
    /// A commitment modal governs it (确保, 保证).
    modal: bool,
    /// Its result is the attainment of a level (入学率达到98%).
    metric: bool,
}

/// A level that modifies the noun after it: 30张的…, 100人以上的….
static MODIFIER_LEVEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9.]+[^\p{Han}]?\p{Han}{0,3}?(?:以上|以下)?的").expect("modifier regex")
});

/// Clauses that state a purpose, a means or a basis (为了…, 以…, 按照…, 通过…方式):
/// they qualify a commitment but are none. Split by where the pattern is anchored, so that
/// each part is a cheap test (an anchored search, a suffix, a substring) on every clause.
fn is_frame(clause: &str) -> bool {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:使|让|把|以(?:[^上下内外]|$)|为了|以便|适应|按照|根据|依托|结合|依据|采取|采用|借助|针对|随着|基于|参照|依照|遵循|利用[^一二两三四五六七八九十\d]|为(?:落实|实现|推动|促进|进一步|加快|全面|确保|更好|切实|适应|满足|解决|加强|提高|提升))",
        )
        .expect("frame regex")
    });
    const CLOSING: [&str; 9] = [
        "同时",
        "之际",
        "基础上",
        "前提下",
        "过程中",
        "方式",
        "为目标",
        "为重点",
        "方面",
    ];
    OPENING.is_match(clause)
        || clause.ends_with('的')
        || CLOSING.iter().any(|w| clause.ends_with(w))
        || ["提供", "打下", "奠定", "是否"]
            .iter()
            .any(|w| clause.contains(w))
        || (clause.starts_with(['将', '把']) && clause.contains("作为"))
}

/// The name of a body or a document (…工作领导小组, …实施方案) rather than a commitment,
/// unless a founding verb heads it (成立…领导小组, 制定…方案).
fn is_name(clause: &str) -> bool {
    const ENDS: [&str; 10] = [
        "领导小组",
        "委员会",
        "办公室",
        "指挥部",
        "方案",
        "规划",
        "意见",
        "要点",
        "办法",
        "通知",
    ];
    const FOUNDING: [&str; 8] = [
        "成立", "组建", "设立", "建立", "制定", "制订", "出台", "编制",
    ];
    let bare = clause.strip_suffix([')', '”', '》']).unwrap_or(clause);
    // A document's title, whole or cut by a line break: (…人民政府)关于下达2020年….
    let titled = clause.find("关于").is_some_and(|k| {
        let issuer = &clause[..k];
        issuer.is_empty()
            || ["政府", "局", "委", "厅", "办公室", "办公厅", "部", "中心"]
                .iter()
                .any(|w| issuer.ends_with(w))
    });
    titled || ENDS.iter().any(|w| bare.ends_with(w)) && !FOUNDING.iter().any(|w| clause.contains(w))
}

/// States a modal may commit to without a result verb (确保…只增不减, …数量充足).
static STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"只增不减|增长|充足|到位|得到|全覆盖|不低于|不少于").expect("state regex")
});

/// What 实现 must not reach to be checkable: a manner or relation (…化, 共享, 融合, 一体)
/// rather than a state one can count or see.
static ABSTRACT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:化|共享|融合|互通|交流|沟通|一体|改革|目标|引进|管控|捆绑|提升|创新|的发展)$|精准",
    )
    .expect("abstract regex")
});

/// Money to be put in (完成投资200亿元以上, 计划完成投资700亿元): a sum spent, not a result
/// (the contract's rule for goals, kept for clauses of running text too).
static INVESTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\S{0,16}?(?:完成|计划完成|累计完成|总|拟|共|计划)投资(?:约|超过|超)?[0-9.]+(?:万|亿|千万|百万)?元(?:以上|左右)?[。,;]?$")
        .expect("investment regex")
});

/// Slogans that close a report or a section (奋力谱写…新篇章, 开创…新局面) and list
/// enumerators (三是坚定不移抓项目): calls to effort, nothing to check.
static SLOGAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:开创|谱写|书写|开启|迈上|展现|奏响|续写|创造)\S{0,30}新(?:局面|篇章|征程|辉煌|境界|气象|画卷|高度|天地)[。,;!]?$|^[一二三四五六七八九十]是",
    )
    .expect("slogan regex")
});

/// A notice's closing call to get the work done (确保全年目标任务顺利完成, 确保责任落实到位,
/// 完成年度建设任务): it names no result of its own.
static ROUTINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:确保|保证|力争)?\S{0,6}(?:完成|实现)\S{0,4}(?:各项|全年|年度|既定|全部)\S{0,4}(?:目标任务|工作任务|建设任务|任务|目标)\S{0,4}[。,;]?$|^(?:确保|保证)\S{0,6}(?:目标任务|工作任务|各项任务)\S{0,6}完成[。,;]?$|(?:责任|措施|任务|工作)落实到位[。,;]?$",
    )
    .expect("routine regex")
});

/// A clause closing on a trend, an adverb of degree or manner and a verb of change (体系逐步
/// 建立, 形势持续稳定, 作用更加凸显, 建设扎实推进): it describes a direction, nothing one can
/// check is reached.
static TREND_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:逐步|扎实|稳步|有序|持续|深入|不断|日益|更加|进一步)(?:推进|建立|完善|凸显|稳定|提升|加强|巩固|优化|健全|提高|增强|扩大|彰显|显现|改善)[。,;]?$",
    )
    .expect("trend regex")
});

/// Objects quantified vaguely (一批, 若干) give nothing to count.
fn is_vague(object: &str) -> bool {
    ["一批", "一些", "若干", "部分"]
        .iter()
        .any(|w| object.starts_with(w))
}

/// Reads one clause.
#[cfg(test)]
fn read_clause(clause: &str) -> Reading {
    read_verbs(clause, &lexicon::verbs(clause))
}

/// Reads one clause from its verbs; the cheap exits come first, since most clauses of a
/// plan are exhortations.
fn read_verbs(clause: &str, verbs: &[lexicon::VerbHit]) -> Reading {
    // 将…与…统筹推进: the disposal construction puts the predicate last, and an effort verb
    // there makes the clause an exhortation whatever nouns of result come before it.
    if clause.starts_with(['将', '把'])
        && verbs
            .last()
            .is_some_and(|v| v.class == VerbClass::Process && v.end == clause.len())
    {
        return Reading::default();
    }
    let recurring = contains_any(clause, &['每', '逐']) && RECURRING.is_match(clause);
    if verbs.is_empty() {
        // At most 16 chars (`nth` stops at the 17th rather than counting them all).
        let short = clause.chars().nth(16).is_none();
        let adverbial = short
            && (clause.ends_with("期间")
                || clause.ends_with("时间")
                || (contains_any(clause, &['年', '末', '内']) && clause_has_due_date(clause)));
        return Reading {
            target: recurring && has_quantity(clause),
            adverbial,
            ..Reading::default()
        };
    }
    // An exhortation opening the clause decides it unless a schedule follows.
    let opener = verbs
        .iter()
        .find(|v| !matches!(v.class, VerbClass::Modal | VerbClass::Causative));
    let governed = verbs
        .first()
        .is_some_and(|v| matches!(v.class, VerbClass::Modal | VerbClass::Causative));
    // A level stated with a number later in the clause (…服务设施建筑面积达到50平方米) is a
    // result whatever verb-like word its subject holds.
    let metric_level = verbs.iter().any(|v| {
        v.class == VerbClass::Metric && lexicon::starts_with_number(clause[v.end..].trim_start())
    });
    // An effort word deep inside a subject (孤儿…基本生活保障实现全覆盖, “15分钟养老服务圈”实现
    // 全覆盖) is part of a noun when a result verb follows it: an exhortation opens its clause.
    // A strong result verb with an object after it (实现全覆盖, 创建国家5A级旅游景区), not a
    // programme's name ending the clause (…基地建设).
    let result_after = |at: usize| {
        verbs.iter().any(|v| {
            v.start > at
                && v.end < clause.len()
                && (v.class == VerbClass::Metric
                    || (v.class == VerbClass::Result
                        && STRONG_RESULT.contains(&&clause[v.start..v.end])))
        })
    };
    let deep =
        |v: &lexicon::VerbHit| clause[..v.start].chars().nth(6).is_some() && result_after(v.start);
    let metric_level =
        metric_level || opener.is_some_and(|v| v.class == VerbClass::Process && deep(v));
    if !recurring
        && !governed
        && !metric_level
        && opener.is_some_and(|v| v.class == VerbClass::Process)
    {
        return Reading::default();
    }
    let preposition = clause.starts_with("通过") && !ACCEPTANCE.is_match(clause);
    if preposition || is_frame(clause) || is_name(clause) {
        return Reading::default();
    }
    let quantity = has_quantity(clause);
    // A recurring schedule with a quantity is a standing commitment whatever the verb
    // (坚持每年将20%的资金用于…, 每年招聘100人, 每半年至少听取一次汇报).
    let standing = recurring && quantity;
    let mut causative = false;
    let mut modal = false;
    for v in verbs {
        let after = &clause[v.end..];
        // What the verb decides, if anything: result verbs end the reading, the others set
        // the frame for the verbs after them.
        let decided = match v.class {
            VerbClass::Modal => {
                modal = true;
                None
            }
            VerbClass::Causative => {
                causative = true;
                None
            }
            VerbClass::Pass => ACCEPTANCE.is_match(after).then(|| hit(modal, false)),
            VerbClass::Result => {
                let vague = is_vague(after)
                    || (clause[v.start..].starts_with("实现") && ABSTRACT_END.is_match(after));
                match (vague, modal) {
                    (false, _) => Some(hit(modal, false)),
                    (true, false) => Some(Reading::default()),
                    (true, true) => None,
                }
            }
            // 开放床位超过30张的乡镇卫生院: the level qualifies a noun, it is no result.
            VerbClass::Metric
                if after.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                    && MODIFIER_LEVEL.is_match(after) =>
            {
                None
            }
            VerbClass::Metric => {
                let level = lexicon::starts_with_number(after.trim_start())
                    || has_quantity(after)
                    || after.contains("标准")
                    || after.contains("要求")
                    || after.contains("水平");
                (level || clause[v.start..].starts_with("达到")).then(|| hit(modal, true))
            }
            VerbClass::WeakResult | VerbClass::NamedResult => {
                let countable = has_quantity(after)
                    || (v.class == VerbClass::NamedResult && NAMED.is_match(after));
                if countable || standing {
                    Some(hit(modal, false))
                } else if !(modal || (word_is(clause, v, "推动") && result_after(v.start))) {
                    Some(Reading::default())
                } else {
                    // 推动X创建…: the result verb after it decides.
                    None
                }
            }
            VerbClass::Process => {
                if standing {
                    return hit(modal, false);
                }
                if causative && quantity {
                    // 组织3所高中…做好对接: the result comes in the next clause.
                    return Reading {
                        frame: true,
                        ..Reading::default()
                    };
                }
                // An effort word inside the subject (养老服务设施…达到50平方米) yields to the
                // level stated after it.
                if !modal && !metric_level {
                    return Reading::default();
                }
                None
            }
        };
        // A match straddling a word boundary is no verb (公开|发布 holds no 开发). Checked
        // only for a verb that would decide, as segmenting costs more than the tests above.
        if let Some(reading) = decided {
            if !straddles(clause, v) {
                return reading;
            }
        }
    }
    if standing || (modal && (quantity || STATE.is_match(&lexicon::unquoted(clause)))) {
        return hit(modal, false);
    }
    Reading {
        frame: modal || (causative && (quantity || NAMED.is_match(clause))),
        ..Reading::default()
    }
}

/// True when the verb match crosses a word boundary (公开|发布 holds no 开发). Only a window
/// of two chars either side is segmented: the words around the verb decide, and segmenting
/// whole clauses would cost most of the stage's time.
fn straddles(clause: &str, v: &lexicon::VerbHit) -> bool {
    let from = clause[..v.start]
        .char_indices()
        .rev()
        .nth(1)
        .map_or(0, |(i, _)| i);
    let to = clause[v.end..]
        .char_indices()
        .nth(2)
        .map_or(clause.len(), |(i, _)| v.end + i);
    let (vs, ve) = (v.start - from, v.end - from);
    let window = &clause[from..to];
    let dict = crate::structure::dictionary::Dictionary::get();
    // Without HMM, jieba's only multi-char Chinese tokens are dictionary words, so the cut
    // can straddle the verb only where a dictionary word does: most windows hold none, and
    // a few lookups spare them the segmentation.
    // A word crossing the verb's start begins before it and ends inside it; one crossing its
    // end begins inside it and ends after it.
    let bounds = || window.char_indices().map(|(i, _)| i).chain([window.len()]);
    let inside = || bounds().filter(|&b| vs < b && b < ve);
    let crossing = bounds()
        .filter(|&a| a < vs)
        .flat_map(|a| inside().map(move |b| (a, b)))
        .chain(inside().flat_map(|a| bounds().filter(|&b| b > ve).map(move |b| (a, b))))
        .any(|(a, b)| dict.has_word(&window[a..b]));
    if !crossing {
        return false;
    }
    dict.cut(window).iter().any(|t| {
        let (ts, te) = (t.start, t.end);
        (ts < vs && vs < te && te < ve) || (vs < ts && ts < ve && ve < te)
    })
}

/// True when a short adverbial clause states a due date (到2025年, 十四五末, 年底前), whatever
/// the document's year.
fn clause_has_due_date(clause: &str) -> bool {
    let any_year = super::time::DocTime {
        year: Some(2000),
        ..Default::default()
    };
    super::time::find(clause, &any_year)
        .iter()
        .any(|m| !m.scope && m.relation != DeadlineRelation::Recurring)
}

/// Bytes of a time phrase opening a clause (年底前, 到2025年, 6月底前), with the comma after it.
fn leading_time_len(clause: &str) -> usize {
    let any_year = super::time::DocTime {
        year: Some(2000),
        ..Default::default()
    };
    super::time::leading(clause, &any_year).map_or(0, |m| {
        m.range.end + clause[m.range.end..].len()
            - clause[m.range.end..].trim_start_matches([',', ' ']).len()
    })
}

/// Result verbs that make a clause a target even after an effort word inside its subject.
const STRONG_RESULT: [&str; 11] = [
    "实现",
    "建成",
    "基本建成",
    "完成",
    "全覆盖",
    "消除",
    "清零",
    "动态清零",
    "创建",
    "创成",
    "通过验收",
];

/// True when the verb hit `v` of `clause` is `word`.
fn word_is(clause: &str, v: &lexicon::VerbHit, word: &str) -> bool {
    clause.get(v.start..v.end) == Some(word)
}

/// A target reading.
fn hit(modal: bool, metric: bool) -> Reading {
    Reading {
        target: true,
        modal,
        metric,
        ..Reading::default()
    }
}

/// The target spans of one sentence: target clauses, with a leading adverbial or causative
/// frame and continuing clauses (并…, 实现…) joined to them.
fn targets_in(
    text: &str,
    unit: &Unit,
    retrospective: bool,
    doc_year: Option<i32>,
    past_at: &Marks,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<usize> = None;
    let mut last_target = false;
    let mut last_modal = false;
    // The past is read once for what precedes the unit in its sentence, then clause by
    // clause.
    let first = unit.clauses.first().map_or(unit.span.start, |c| c.start);
    // A sentence opening on a year before the document's own reports history (2020年,
    // 全县入园率达到…), unless a forward marker heads it (到2020年 is not bare).
    let opening = text.get(first..unit.span.end).unwrap_or("");
    let opening = LABEL.find(opening).map_or(opening, |m| &opening[m.end()..]);
    let history = crate::text::captures(&BARE_YEAR, opening)
        .and_then(|c| c[1].parse::<i32>().ok())
        .zip(doc_year)
        .is_some_and(|(y, doc)| y < doc);
    let mut past = history || past_at.within(unit.full.start.min(first)..first);
    for (k, c) in unit.clauses.iter().enumerate() {
        // Outline labels only open a sentence.
        let Some(span) = trim_clause(text, c.clone(), k == 0) else {
            continue;
        };
        let clause = &text[span.clone()];
        past = past || past_at.within(span.clone());
        let achieved = past || (contains_any(clause, &['已', '了']) && PERFECTIVE.is_match(clause));
        if achieved {
            pending = None;
            last_target = false;
            continue;
        }
        let verbs = lexicon::verbs(clause);
        let reading = read_verbs(clause, &verbs);
        // An item title is a commitment only in the imperative, verb first (搭建…平台), not
        // as a description (硬性指标全部达到).
        // A time phrase may come first (年底前完成…, 到2025年建成…).
        let verb_first = || {
            let lead = leading_time_len(clause);
            verbs.first().is_some_and(|v| v.start <= lead)
        };
        let reading = if span.start < unit.title_end && !verb_first() {
            Reading::default()
        } else {
            reading
        };
        if last_target {
            // A bare counted item (1500余台计算机) continues the previous target's object list.
            let list_item = verbs.is_empty() && lexicon::starts_with_number(clause);
            // A purpose (为…提供支持) qualifies the target but is not part of it.
            let joins = list_item
                || (last_modal && reading.target && reading.metric && !reading.modal)
                || (CONTINUATION.is_match(clause) && !is_frame(clause));
            if joins {
                if let Some(prev) = out.last_mut() {
                    prev.end = span.end;
                    continue;
                }
            }
        }
        if reading.target && (!retrospective || committed(clause, &verbs)) {
            let start = pending.take().unwrap_or(span.start);
            out.push(start..span.end);
            last_target = true;
            last_modal = reading.modal;
            continue;
        }
        last_target = false;
        pending = if reading.adverbial || reading.frame {
            Some(pending.unwrap_or(span.start))
        } else {
            None
        };
    }
    out
}

/// In a report, only explicit commitments count: a modal, a standing schedule with a
/// quantity, or an order to others about a counted object.
fn committed(clause: &str, verbs: &[lexicon::VerbHit]) -> bool {
    let quantity = has_quantity(clause);
    verbs.iter().any(|v| v.class == VerbClass::Modal)
        || (RECURRING.is_match(clause) && quantity)
        || (verbs
            .first()
            .is_some_and(|v| v.class == VerbClass::Causative)
            && quantity)
}

/// The clause without outline label, leading and trailing punctuation and white space.
fn trim_clause(text: &str, span: Range<usize>, opening: bool) -> Option<Range<usize>> {
    let s = text.get(span.clone())?;
    let label = if opening && may_open_with_label(s) {
        LABEL.find(s).map_or(0, |m| m.end())
    } else {
        0
    };
    let body = &s[label..];
    let lead = body.len()
        - body
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '。' | ',' | ';' | ':' | '、')
            })
            .len();
    let body = &body[lead..];
    let trimmed = body.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '。' | ',' | ';' | ':' | '!' | '?' | '、')
    });
    // At least two chars; `nth` stops at the second instead of counting a long clause.
    trimmed.chars().nth(1)?;
    let start = span.start + label + lead;
    Some(start..start + trimmed.len())
}

/// False when [`LABEL`] cannot match `s`: its first char after white space opens no label.
fn may_open_with_label(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(|c| {
        c == '第'
            || c == '('
            || c.is_ascii_digit()
            || ('①'..='⑳').contains(&c)
            || crate::text::numerals::is_numeral(c)
    })
}

/// True when the document mostly reports what was done (近年来…建成了…) rather than plans.
fn is_retrospective(text: &str, st: &Structure, past_at: &Marks) -> bool {
    let future_at = Marks::new(&FUTURE, text);
    let (mut past, mut future) = (0usize, 0usize);
    for s in &st.sentences {
        let Some(t) = text.get(s.span.clone()) else {
            continue;
        };
        if future_at.within(s.span.clone()) {
            future += 1;
        } else if past_at.within(s.span.clone())
            || (contains_any(t, &['已', '了']) && PERFECTIVE.is_match(t))
        {
            past += 1;
        }
    }
    past >= 5 && past > 2 * future
}

/// The past markers of the whole text, without 目前 read across a word's end (项目前期,
/// 题目前: a word ending in 目 is no 目前, now) and without 前期 that names preparatory work
/// (项目前期工作): 前期 reports the past only as an adverbial (前期,… / 前期已…).
fn past_marks(text: &str) -> Marks {
    let mut marks = Marks::new(&PAST, text);
    marks.0.retain(|m| {
        let word = &text[m.clone()];
        if word.starts_with("目前") {
            return !lexicon::split_muqian(text, m.start);
        }
        // 日前 (the other day) reports, unless it ends a date (6月30日前) or a count of
        // working days (5个工作日前).
        if word == "日前" {
            let before = text[..m.start].chars().next_back();
            return !before.is_some_and(|c| {
                c.is_ascii_digit() || crate::text::numerals::is_numeral(c) || c == '作'
            });
        }
        if word == "前期" {
            let after = &text[m.end..];
            return after.starts_with([',', '已']) || after.starts_with("以来");
        }
        // 累计 reports a total, unless its sentence plans (确保到2026年底累计建成…).
        if word == "累计" {
            // The sentence around it, at most a few hundred bytes either side.
            let mut lo = m.start.saturating_sub(300);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let mut hi = (m.end + 300).min(text.len());
            while !text.is_char_boundary(hi) {
                hi -= 1;
            }
            let from = text[lo..m.start].rfind(['。', '\n']).map_or(lo, |i| {
                lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
            });
            let to = text[m.end..hi].find(['。', '\n']).map_or(hi, |i| m.end + i);
            return !PLANNED.is_match(&text[from..to]);
        }
        true
    });
    marks
}

/// Forward markers that make 累计 a planned total.
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:到|至)\d{4}年|力争|确保|争取|年底前|十[四五六七八九]五末")
        .expect("planned regex")
});

/// Where a marker pattern matches in the whole text, scanned once rather than once per
/// sentence and clause. The markers hold no clause or sentence punctuation, so a match
/// lies within a sentence or clause exactly when that span alone would match.
struct Marks(Vec<Range<usize>>);

impl Marks {
    fn new(re: &Regex, text: &str) -> Self {
        Marks(re.find_iter(text).map(|m| m.range()).collect())
    }

    /// True when a match lies within `span`.
    fn within(&self, span: Range<usize>) -> bool {
        let k = self.0.partition_point(|m| m.start < span.start);
        self.0.get(k).is_some_and(|m| m.end <= span.end)
    }
}

/// Departments of the responsibilities, by section.
struct Departments {
    by_section: std::collections::HashMap<String, Vec<Department>>,
}

impl Departments {
    fn new(responsibilities: &[Responsibility]) -> Self {
        let mut by_section: std::collections::HashMap<String, Vec<Department>> =
            std::collections::HashMap::new();
        for r in responsibilities {
            let Some(section) = &r.section else {
                continue;
            };
            let list = by_section.entry(section.clone()).or_default();
            for d in &r.departments {
                if !list.iter().any(|o| o.name == d.name) {
                    list.push(d.clone());
                }
            }
        }
        Departments { by_section }
    }

    /// The departments responsible in `section`: its own statements, else those of the
    /// nearest enclosing section that has any (an item's 责任部门 cover its sub-items).
    fn of(&self, section: Option<&str>) -> Vec<Department> {
        let mut path = section;
        while let Some(p) = path {
            if let Some(list) = self.by_section.get(p) {
                return list.clone();
            }
            path = p.rfind('/').map(|i| &p[..i]);
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_target(s: &str) -> bool {
        read_clause(s).target
    }

    #[test]
    fn result_verbs_make_targets() {
        assert!(is_target("全县中小学基本建成智慧校园"));
        assert!(is_target("新建城北幼儿园"));
        assert!(is_target("彻底消除大班额"));
        assert!(is_target("成立家庭教育指导中心"));
        assert!(is_target("社区教育实现全覆盖"));
    }

    #[test]
    fn effort_verbs_are_not_targets() {
        assert!(!is_target("加强师德师风建设"));
        assert!(!is_target("深化教育评价改革"));
        assert!(!is_target("持续推进现代化建设"));
        assert!(!is_target("建立健全督导机制"));
        assert!(!is_target("监督项目建设质量"));
        assert!(!is_target("及时解决校舍建设中的问题"));
        assert!(is_target("确保解决随迁子女300人入学"));
    }

    #[test]
    fn metrics_need_a_level() {
        assert!(is_target("小学巩固率达到100%"));
        assert!(is_target("入学率、巩固率持续保持100%"));
        assert!(is_target("小学入学率达到100%"));
        assert!(is_target("差异率低于0.15"));
        assert!(is_target("新建园全部达到省一类园标准"));
        assert!(!is_target("布局规划保持不变"));
    }

    #[test]
    fn weak_results_need_a_countable_or_named_object() {
        assert!(is_target("推行托管“5+2”模式"));
        assert!(is_target("实施城关中学等7处维修改造项目"));
        assert!(is_target("年内再打造一所党建示范点"));
        assert!(!is_target("打造教育志愿服务品牌"));
        assert!(!is_target("落实立德树人根本任务"));
    }

    #[test]
    fn modals_and_standing_quantities() {
        assert!(is_target("确保开齐课程"));
        assert!(is_target("力争引进一所本科院校"));
        assert!(is_target("坚持每年将专项资金的20%用于扶持民办园"));
        assert!(is_target("每年招聘100名新教师"));
        assert!(!is_target("坚持教育优先发展"));
    }

    #[test]
    fn pass_is_a_result_only_with_acceptance() {
        assert!(is_target("中心园全部通过省示范园验收"));
        assert!(!is_target("通过深化体制改革"));
    }

    #[test]
    fn causative_frames_defer_to_the_embedded_verb() {
        assert!(is_target("指导学校开设创客课程"));
        assert!(read_clause("组织3所高中分别与初中对接").frame);
        assert!(!is_target("引导学生参加竞赛"));
    }

    fn spans_of(s: &str) -> Vec<String> {
        let st = crate::structure::analyze(s);
        let mut out = Vec::new();
        for sent in &st.sentences {
            let unit = Unit {
                span: sent.span.clone(),
                clauses: sent.clauses.clone(),
                full: sent.span.clone(),
                title_end: 0,
            };
            for r in targets_in(s, &unit, false, Some(2021), &past_marks(s)) {
                out.push(s[r].to_owned());
            }
        }
        out
    }

    #[test]
    fn adverbials_and_continuations_join_their_target() {
        assert_eq!(
            spans_of("十四五末,全县学校达到110所。"),
            vec!["十四五末,全县学校达到110所"]
        );
        assert_eq!(
            spans_of("完成东关小学建设,与实验中学形成九年一贯制学校。"),
            vec!["完成东关小学建设,与实验中学形成九年一贯制学校"]
        );
        assert_eq!(
            spans_of("组织2所高中牵头对接,建立衔接联盟。"),
            vec!["组织2所高中牵头对接,建立衔接联盟"]
        );
    }

    #[test]
    fn achievements_are_not_targets() {
        assert!(spans_of("近三年来,新建幼儿园15所,建成示范园5所。").is_empty());
        assert!(spans_of("全县已建成智慧校园。").is_empty());
        assert!(spans_of("组建了教育集团。").is_empty());
    }

    #[test]
    fn counted_list_items_continue_the_object() {
        assert_eq!(
            spans_of("更新36间计算机教室,1500余台教师用计算机。"),
            vec!["更新36间计算机教室,1500余台教师用计算机"]
        );
        assert!(is_target("区政府每半年至少听取一次教育工作汇报"));
    }

    #[test]
    fn a_sentence_opening_on_an_earlier_year_is_history() {
        // spans_of reads as a 2021 document.
        assert!(spans_of("2020年,全县入园率达到95%。").is_empty());
        assert_eq!(spans_of("2022年底前,建成智慧校园。").len(), 1);
    }

    #[test]
    fn a_purpose_is_not_joined() {
        assert_eq!(
            spans_of("建立部门联合工作机制,为打造生态城区提供支持。"),
            vec!["建立部门联合工作机制"]
        );
        assert_eq!(
            spans_of("安装护眼灯具,为全区教室配置可升降课桌。"),
            vec!["安装护眼灯具,为全区教室配置可升降课桌"]
        );
    }

    #[test]
    fn separate_targets_stay_separate() {
        assert_eq!(
            spans_of("建立星级党支部评价制度,年内再打造一所示范点。"),
            vec!["建立星级党支部评价制度", "年内再打造一所示范点"]
        );
    }

    #[test]
    fn modals_need_a_checkable_complement() {
        assert!(is_target("确保每百名学生拥有的多媒体教室数达标"));
        assert!(is_target("确保教育经费逐年只增不减"));
        assert!(!is_target("确保教学质量不断提高"));
        assert!(!is_target("确保改革取得实效"));
        assert!(read_clause("力争在2030年前").frame);
    }

    #[test]
    fn frames_and_names_are_not_targets() {
        assert!(!is_target("为县域经济建设提供人才支撑"));
        assert!(!is_target("按照省定装备配置标准"));
        assert!(!is_target("采取新建、改扩建等方式"));
        assert!(!is_target("创建示范县工作领导小组"));
        assert!(is_target("成立教育工作领导小组"));
        assert!(!is_target("县住房和城乡建设局"));
        assert!(!is_target("在现有事业编制总量内"));
        assert!(!is_target("将信息化建设作为新基建的重要内容"));
        assert!(is_target("确定至少1所学校作为融合教育试点"));
        assert!(!is_target("此件公开发布"));
    }

    #[test]
    fn vague_quantities_do_not_count() {
        assert!(!is_target("坚决做到“两个维护”"));
        assert!(!is_target("发放一次性奖励"));
        assert!(!is_target("实现家校资源共享"));
        assert!(!is_target("实现长期、全面的发展"));
        assert!(is_target("实现“零择校”"));
        assert!(!is_target("打造一批特色学校"));
        assert!(is_target("打造3所特色学校"));
        assert!(!is_target("落实“双减”政策"));
        assert!(is_target("启动“强校提质行动计划”"));
    }

    #[test]
    fn a_modal_scopes_over_following_levels() {
        assert_eq!(
            spans_of("确保小学巩固率达到99%,残疾儿童入学率达到95%以上。"),
            vec!["确保小学巩固率达到99%,残疾儿童入学率达到95%以上"]
        );
        assert_eq!(
            spans_of("普惠率达到90%,入园率达到98%。"),
            vec!["普惠率达到90%", "入园率达到98%"]
        );
        assert_eq!(
            spans_of("力争在2030年前,完成城东中学改造,并投入使用。"),
            vec!["力争在2030年前,完成城东中学改造,并投入使用"]
        );
    }

    #[test]
    fn self_reference_and_negation() {
        assert!(!is_target("本站不保证资源的完整性"));
        let text = "为推动发展,特制定本方案。";
        let st = crate::structure::analyze(text);
        let meta = crate::records::Meta::default();
        let chars = crate::text::CharIndex::new(text);
        let ctx = Context::new(text, &st, &chars, &meta);
        assert!(extract(&ctx, &[], &[], &[]).is_empty());
    }

    /// Targets and deadlines through the whole extraction (deadline records, not local dates).
    fn pipeline(text: &str) -> Vec<(String, Option<String>)> {
        let st = crate::structure::analyze(text);
        crate::extract::extract(text, &st)
            .targets
            .into_iter()
            .map(|t| (t.text, t.deadline.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn reported_figures_make_no_target() {
        let got = pipeline(
            "某县“十四五”教育发展规划\n一、总体要求\n2020年末,全县公办园达到40所。到2025年,全县公办园达到48所。",
        );
        assert!(!got.iter().any(|t| t.0.contains("40所")), "{got:?}");
        assert!(got.iter().any(|t| t.0.contains("48所")), "{got:?}");
    }

    #[test]
    fn aspects_and_indirect_questions_are_frames() {
        assert!(!is_target("在普及学前教育方面"));
        assert!(!is_target("适应全面建成教育强镇的需要"));
        // A 的-phrase topic (…的,要…) states a condition, not a result.
        assert!(is_target("新建城区小学3所"));
        assert!(!is_target("新建城区小学3所的"));
        assert!(!is_target("重点检查新建校舍是否达到抗震标准"));
        assert!(is_target("新建校舍全部达到抗震标准"));
    }

    #[test]
    fn preambles_naming_the_document_are_not_targets() {
        assert!(pipeline("为促进全区幼儿园建设,结合实际,制定本行动方案。").is_empty());
        assert!(pipeline("为办好乡村学校,确保各项任务取得成效,现提出如下意见。").is_empty());
        assert!(run("结合我镇实际,制定本工作要点。").is_empty());
        assert!(pipeline("今年计划完成以下三项工作:").is_empty());
        assert!(pipeline("全年重点抓好如下任务。").is_empty());
    }

    #[test]
    fn descriptions_with_the_copula_are_not_targets() {
        assert!(pipeline("明年是全面建成现代化学校体系的攻坚之年。").is_empty());
        assert!(pipeline("2024年,是实现全镇学校标准化的关键一年。").is_empty());
        // Enumerators and 是否 are no copula; a verb before 是 keeps the commitment.
        assert_eq!(pipeline("一是新建城南小学1所。").len(), 1);
        let got = pipeline("到2026年,全镇新建幼儿园3所,是否扩建另行研究。");
        assert!(
            got.first().is_some_and(|t| t.0.contains("新建幼儿园3所")),
            "{got:?}"
        );
    }

    #[test]
    fn the_nearest_earlier_date_governs_a_clause() {
        let got =
            pipeline("到2023年,全县建成学区中心6个;到2026年,办学条件明显改善,全面消除D级危房。");
        let last = got.last().expect("a target");
        assert!(last.0.contains("消除D级危房"), "{got:?}");
        assert_eq!(last.1.as_deref(), Some("2026"));
        let local = run("到2023年,全县建成学区中心6个;到2026年,办学条件明显改善,全面消除D级危房。");
        assert_eq!(local.last().and_then(|t| t.1.as_deref()), Some("2026"));
    }

    #[test]
    fn labelled_notes_are_not_targets() {
        assert!(is_note("(牵头单位:城区学校建设指挥部)"));
        assert!(is_note("完成时限:2024年底前"));
        assert!(!is_note("建成标准化考场:每校1个"));
        let got = pipeline("新建塑胶跑道3条。(责任单位:镇中心学校建设办)");
        assert_eq!(got.len(), 1, "{got:?}");
        // The same sentence under a section of tasks is a commitment.
        assert_eq!(
            run("(二)主要任务\n财政资金优先保障教育,每年新建学校10所。").len(),
            1
        );
    }

    #[test]
    fn preparatory_work_is_no_past() {
        let got = pipeline("某镇工作要点\n做好项目前期工作,确保6月底,新建项目开工率达到80%。");
        assert!(got.iter().any(|t| t.0.contains("开工率达到80%")), "{got:?}");
        assert!(pipeline("某镇工作要点\n前期,全县新建幼儿园3所。").is_empty());
        // 日前 (lately) reports; 30日前 is a date.
        assert!(pipeline("某镇动态\n日前,全镇新建幼儿园3所。").is_empty());
        let dated = pipeline("某镇工作要点\n6月30日前,全镇新建幼儿园3所。");
        assert!(
            dated.iter().any(|t| t.0.contains("新建幼儿园3所")),
            "{dated:?}"
        );
        // 项目 + 前…: no 目前 (now).
        assert_eq!(spans_of("完成项目前置审批,新建幼儿园3所。").len(), 1);
        assert!(spans_of("目前,全县新建幼儿园3所。").is_empty());
    }

    #[test]
    fn recent_reports_are_not_targets() {
        assert!(
            pipeline("市教育局近日印发《校园安全三年行动方案》,全市建成平安校园200所。").is_empty()
        );
    }

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let st = crate::structure::analyze(text);
        let meta = crate::records::Meta::default();
        let chars = crate::text::CharIndex::new(text);
        let ctx = Context::new(text, &st, &chars, &meta);
        extract(&ctx, &[], &[], &[])
            .into_iter()
            .map(|t| (t.text, t.deadline.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn a_fronted_date_governs_its_paragraph_only() {
        let got = run("到2025年,入学率达到100%;巩固率达到98%。全面提高普及水平,残疾儿童入学率保持在97%。\n加快建设,到2026年新建幼儿园7处。所有新建园全部达到省一类园标准。");
        let want = |s: &str| {
            got.iter()
                .find(|t| t.0.contains(s))
                .and_then(|t| t.1.clone())
        };
        assert_eq!(want("巩固率达到98%").as_deref(), Some("2025"));
        assert_eq!(want("保持在97%").as_deref(), Some("2025"));
        assert_eq!(want("新建幼儿园7处").as_deref(), Some("2026"));
        assert_eq!(want("省一类园标准"), None);
    }

    #[test]
    fn a_one_year_plan_dates_every_target() {
        let got = run("2019年全市教育工作要点\n1.搭建自主招生服务平台。研究招生政策的变化。\n2.加强队伍建设。建立校长选用机制。");
        assert_eq!(
            got,
            vec![
                ("搭建自主招生服务平台".to_owned(), Some("2019".to_owned())),
                ("建立校长选用机制".to_owned(), Some("2019".to_owned())),
            ]
        );
    }

    #[test]
    fn review_sections_report_achievements() {
        let got = run("一、“十三五”发展情况\n新建幼儿园12所。\n二、主要任务\n新建幼儿园8所。");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "新建幼儿园8所");
        let got = run("(二)工作方针
财政资金优先保障教育,每年新建学校10所。
(三)主要任务
新建幼儿园8所。");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn departments_come_from_the_item_or_its_nearest_enclosing_section() {
        let dept = |n: &str| Department {
            name: n.to_owned(),
            role: crate::records::Role::Responsible,
            canonical: None,
        };
        let resp = |sec: &str, n: &str| Responsibility {
            departments: vec![dept(n)],
            section: Some(sec.to_owned()),
            text: String::new(),
            span: [0, 0],
        };
        let d = Departments::new(&[resp("二/(一)", "县财政局"), resp("二/(一)/2", "县教育局")]);
        assert_eq!(d.of(Some("二/(一)/2"))[0].name, "县教育局");
        assert_eq!(d.of(Some("二/(一)/3/(1)"))[0].name, "县财政局");
        assert!(d.of(Some("三")).is_empty());
        assert!(d.of(None).is_empty());
    }

    #[test]
    fn goals_read_from_the_clause_are_linked() {
        let text = "新建幼儿园7处。加强教师培训,培训200人次。";
        let st = crate::structure::analyze(text);
        let meta = crate::records::Meta::default();
        let chars = crate::text::CharIndex::new(text);
        let ctx = Context::new(text, &st, &chars, &meta);
        let goal = |span: [usize; 2]| NumericGoal {
            indicator: String::new(),
            comparator: crate::records::Comparator::Eq,
            value: 1.0,
            unit: None,
            year: None,
            baseline: None,
            status: crate::records::GoalStatus::Target,
            binding: None,
            section: None,
            text: String::new(),
            span,
            ..Default::default()
        };
        // The first goal's span keeps the closing 。; the second is in an exhortation.
        let goals = [goal([0, 8]), goal([15, 23])];
        let found = extract(&ctx, &goals, &[], &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].goals, vec![0]);
    }

    #[test]
    fn a_title_repeated_by_its_body_is_one_target() {
        let got = run("1.成立专家咨询委员会。拟聘请专家成立专家咨询委员会,进行宏观指导。");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "拟聘请专家成立专家咨询委员会");
    }

    #[test]
    fn a_trend_is_no_target() {
        assert!(run("到2027年,全县应急救援体系逐步建立。").is_empty());
        assert!(run("到2027年,实现全县农产品质量安全形势持续稳定。").is_empty());
        assert!(run("文旅产业对县域经济的带动作用更加凸显。").is_empty());
        assert_eq!(run("到2027年,全县应急救援体系基本建立。").len(), 1);
    }

    #[test]
    fn a_bare_verb_is_too_short_to_check() {
        // Left over where a page's layout parted a clause (…到2025年全面\n建成\n…).
        assert!(run("到2025年全面。建成。").is_empty());
        assert_eq!(run("到2025年建成文化馆。").len(), 1);
    }

    #[test]
    fn quoted_slogans_are_no_state() {
        assert!(!is_target("按照“三个增长”要求确保投入落到实处"));
    }

    #[test]
    fn spans_off_char_boundaries_do_not_panic() {
        let text = "新建幼儿园7处。建成智慧校园。";
        let mut st = crate::structure::analyze(text);
        st.sentences.push(crate::structure::Sentence {
            span: 1..5,
            clauses: vec![1..5, 4..100],
            heading: Some(99),
        });
        let meta = crate::records::Meta::default();
        let chars = crate::text::CharIndex::new(text);
        let ctx = Context::new(text, &st, &chars, &meta);
        let found = extract(&ctx, &[], &[], &[]);
        assert_eq!(found.len(), 2);
    }
}
