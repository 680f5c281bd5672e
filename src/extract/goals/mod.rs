//! Numeric goals and reported figures ([`NumericGoal`]) from running text and tables.
//!
//! Running text is read clause by clause (`text`): every quantity that carries a unit (or is
//! the value of a rate such as 差异率低于0.15) becomes a goal, unless it is a year, a date, an
//! ordinal (第40个), a rank (前3名), a model name ("1+4"), a quantity inside a book title 《…》
//! or a quoted name (“三个课堂”), a rate's denominator (每百名学生), a duration naming a noun
//! (15分钟教育服务圈) or a modifier of a noun (10人以下“微型学校”, 不足100名学生的学校).
//! Chinese numerals count only after a creation verb (引进两所高校), since elsewhere they are
//! mostly names and slogans (八项规定, 十项准则).
//!
//! - **indicator**: the text of the clause segment before the number (from the previous
//!   quantity or the clause start), stripped of time phrases and markers (到2025年, 力争, 确保)
//!   and of the predicate (达到, 保持在, 不低于…), joined with the noun phrase after the unit
//!   when the number comes first (建成800多个智慧教室 → 建成智慧教室). Subjects listed with
//!   `和`/`、` are distributed: one goal per part when the numbers pair up (分别达到98%、100%)
//!   or when one number is shared by indicators (入学率、巩固率达到100%). A bare change
//!   (增长5.8%) measures the previous figure of its sentence (地区生产总值增长).
//! - **comparator**: from explicit qualifiers only (see [`super::quantity`]), else `eq`; a
//!   range (3-5年, 4.5%—5%) is one goal with `range`, `value` and `value_high`.
//! - **hedge**: the commitment word before the figure in its sentence (力争, 确保, 努力, 争取).
//! - **baseline** in text: 由2015年的200所调整到现在的120所 gives one goal (120) whose
//!   baseline is 200 (2015); tables give the baseline from an earlier year column.
//! - **status** ([`super::discourse`]): `achieved` under a heading that reviews the past, in a
//!   paragraph opened by a past marker, or where the nearest marker before the figure reports
//!   (已, 截至, 同比, 完成率, a year before the document's own); `target` where the nearest
//!   one plans (到2025年, 力争, 确保, 预期), under a heading that plans, or in a list headed by
//!   a year or a goal (2024年主要预期目标是:). With no marker at all, a government work report
//!   reports and any other document plans.
//! - **year** (targets): the sentence's due date (到2025年, 2025年前, 十四五末, 今年 in a
//!   report), a 到…年 opening an earlier sentence of the same paragraph, the year heading its
//!   list, the year of an enclosing section's title or intro, or the year of a one-year
//!   document (2019年…工作要点, a 2024 政府工作报告).
//! - **as_of** (achieved): the past time the sentence names (截至2020年底, 十三五期间, 去年,
//!   2022年), else its paragraph's or section's, else, in a report, the year before its own.
//! - **tables** (`table`): one goal per row, the latest year column is the target, an
//!   earlier one the baseline, 属性 gives `binding`, `(%)` in the indicator name gives the unit.

use super::discourse::{self, Mark, SectionFacts};
use super::{time, Context};
use crate::records::{DeadlineRelation, GoalSource, GoalStatus, NumericGoal};

mod table;
mod text;

/// What the paragraph (and the list it may head) says about the sentences in it.
#[derive(Debug, Clone, Copy, Default)]
struct Paragraph {
    /// Opened by a past marker (近年来, 截至…, 去年).
    past: bool,
    /// A year a 到…年 opening one of its sentences states, for the sentences after it.
    due: Option<i32>,
    /// The past year its opening names (截至2020年底 → 2020).
    as_of: Option<i32>,
    /// A year heading its first sentence, whatever its relation to the document's year.
    bare: Option<i32>,
    /// The reading of its last figure that a marker decided: an unmarked sentence after it
    /// goes on in the same mood (…2020年…全部脱贫。建设就业扶贫驿站156个。 reports).
    marked: Option<Mark>,
}

/// A list headed by a line ending in a colon (2024年主要预期目标是:), in force up to `until`
/// (the start of the next heading).
#[derive(Debug, Clone, Copy)]
struct List {
    reading: Mark,
    year: Option<i32>,
    until: usize,
}

/// Extracts every record of this kind from the document.
pub fn extract(ctx: &Context<'_>) -> Vec<NumericGoal> {
    let discourse = &ctx.discourse;
    let mut goals = Vec::new();
    let mut para = Paragraph::default();
    let mut list: Option<List> = None;
    // The reading of the previous sentence when it ended on a semicolon: the next part of the
    // same statement shares it where it has no marker of its own.
    let mut carried: Option<Mark> = None;
    // The due year of the earlier parts of a statement split by semicolons (意见要求,到2026年,
    // …达到26.5微克/立方米以下;…森林覆盖率达到45.31%): one 到…年 heads all its parts.
    let mut carried_due: Option<i32> = None;
    let mut prev_end = 0usize;
    // A one-year work plan plans throughout (its reviews are under review headings).
    let one_year_plan = ctx.time.one_year && !ctx.time.report;
    for sentence in &ctx.structure.sentences {
        let span = sentence.span.clone();
        if span.end > ctx.text.len() || ctx.structure.table_at(span.start).is_some() {
            continue;
        }
        let stext = &ctx.text[span.clone()];
        // A new paragraph starts after a line break.
        let gap = ctx
            .text
            .get(prev_end.min(span.start)..span.start)
            .unwrap_or("");
        if gap.contains('\n') || prev_end == 0 {
            para = Paragraph {
                past: discourse::opens_past_in(stext, &ctx.time),
                due: None,
                as_of: time::as_of(stext, &ctx.time),
                bare: discourse::opening_bare_year(stext),
                marked: None,
            };
        }
        prev_end = span.end;
        if list.is_some_and(|l| span.start >= l.until) {
            list = None;
        }
        if let Some(y) = discourse::opening_year(stext, &ctx.time) {
            para.due = Some(y);
        }
        if let Some((reading, year)) = discourse::list_head(stext, &ctx.time) {
            list = Some(List {
                reading,
                year,
                until: next_heading_start(ctx, span.end),
            });
        }
        // Read the clauses' quantities first: most sentences have none, and the markers,
        // years and headings below are only worth looking up for those that do.
        let inherited = carried.take();
        let inherited_due = carried_due.take();
        let found = text::sentence_goals(ctx.text, span.clone(), &sentence.clauses);
        let continues = stext.trim_end().ends_with(';');
        if found.is_empty() {
            if continues {
                carried = inherited;
                carried_due = time::due_year_of(&time::find(stext, &ctx.time)).or(inherited_due);
            }
            continue;
        }
        let section = discourse.at(ctx, span.start);
        let mentions = time::find(stext, &ctx.time);
        // 累计 totals what is planned under a planning heading, in a paragraph a due year
        // heads (到“十四五”末,…;…工业累计投资在2600亿元以上), or after a planning part of
        // the same statement.
        let planning =
            section.plan || para.due.is_some() || inherited == Some(Mark::Plan) || one_year_plan;
        let marks = discourse::marks_with(stext, &mentions, &ctx.time, planning);
        let sentence_due = time::due_year_of(&mentions).or(inherited_due);
        // A year heading the sentence or its paragraph, read as the due year of its plans or
        // the year of its reports where nothing else dates them.
        let bare = discourse::opening_bare_year(stext).or(para.bare);
        let reference = ctx.time.reference();
        let mut last_mark = None;
        // A year opening a clause inside the sentence (会议要求,2024年全市…) dates it and the
        // clauses after it.
        let mut clause_bare: Option<i32> = None;
        for (clause, clause_found) in found {
            let ctext = &ctx.text[clause.clone()];
            clause_bare = discourse::opening_bare_year(ctext.trim_start_matches([',', ';', ' ']))
                .or(clause_bare);
            let bare = clause_bare.or(bare);
            let section_path = ctx.structure.section_at(clause.start).map(str::to_owned);
            let clause_first = goals.len();
            for g in clause_found {
                // The figure's own position, relative to the sentence.
                let at = g.at.saturating_sub(span.start);
                let local = clause.start - span.start..clause.end - span.start;
                let own = discourse::reading_carried(&marks, local, at, inherited);
                let reading = Reading {
                    marks: own,
                    para,
                    list,
                    section,
                    report: ctx.time.report,
                };
                let status = reading.status();
                if own.is_some() {
                    para.marked = own;
                }
                last_mark = Some(match status {
                    GoalStatus::Achieved => Mark::Past,
                    GoalStatus::Target => Mark::Plan,
                });
                let (year, as_of) = match status {
                    GoalStatus::Target => {
                        let due = time::due_year(ctext, &ctx.time)
                            .or(sentence_due)
                            .or(para.due)
                            .or(list.and_then(|l| l.year))
                            .or(section.due)
                            .or(ctx.time.one_year_due())
                            .or(bare.filter(|y| reference.is_none_or(|r| *y >= r)));
                        (due, None)
                    }
                    GoalStatus::Achieved => {
                        let sentence_past = time::past_mentions(stext, &ctx.time)
                            .into_iter()
                            .rfind(|(r, _)| r.start < at.max(1))
                            .map(|(_, y)| y);
                        let as_of = time::as_of(ctext, &ctx.time)
                            .or(sentence_past)
                            .or(para.as_of)
                            .or(list
                                .filter(|l| l.reading == Mark::Past)
                                .and_then(|l| l.year))
                            .or(section.as_of)
                            .or(bare.filter(|y| reference.is_none_or(|r| *y <= r)))
                            .or(ctx
                                .time
                                .report
                                .then(|| ctx.time.year.map(|y| y - 1))
                                .flatten());
                        (None, as_of)
                    }
                };
                let unit = g.unit.map(|u| per_population(&g.indicator, u));
                goals.push(NumericGoal {
                    indicator: g.indicator,
                    comparator: g.comparator,
                    value: g.value,
                    value_high: g.value_high,
                    unit,
                    year,
                    baseline: g.baseline,
                    status,
                    binding: None,
                    hedge: discourse::hedge_at(stext, at).map(str::to_owned),
                    source: GoalSource::Text,
                    as_of,
                    section: section_path.clone(),
                    text: ctext.trim_end_matches(['。', ',', ';', ':']).to_owned(),
                    span: ctx.chars.span(clause.clone()),
                    indicator_id: None,
                });
            }
            pair_years(&mut goals[clause_first..], ctext, stext, &mentions);
        }
        if continues {
            carried = last_mark;
            carried_due = sentence_due;
        }
    }
    drop_headline_repeats(ctx.text, ctx.chars, &mut goals);
    for table in &ctx.structure.tables {
        goals.extend(table::table_goals(ctx, table));
    }
    goals
}

/// 到2023年底和2030年,…分别不低于24%和30%: the targets of a 分别 clause take the due years
/// the sentence joins with 和 in order, when there are as many of each.
fn pair_years(goals: &mut [NumericGoal], clause: &str, sentence: &str, mentions: &[time::Mention]) {
    if !clause.contains("分别") || goals.len() < 2 {
        return;
    }
    // The first run of dated 到 phrases joined by 和/、/及.
    let mut years: Vec<i32> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let joined = k > 0
            && sentence
                .get(mentions[k - 1].range.end..m.range.start)
                .is_some_and(|j| matches!(j, "和" | "、" | "及"));
        match m.date.filter(|_| m.relation == DeadlineRelation::By) {
            Some(d) if joined && !years.is_empty() => years.push(d.get_year()),
            _ if years.len() >= 2 => break,
            Some(d) => years = vec![d.get_year()],
            None => years.clear(),
        }
    }
    let ascending = years.windows(2).all(|w| w[0] < w[1]);
    if years.len() != goals.len()
        || !ascending
        || goals.iter().any(|g| g.status != GoalStatus::Target)
    {
        return;
    }
    for (g, y) in goals.iter_mut().zip(years) {
        g.year = Some(y);
    }
}

/// A count of an indicator that is a rate per population (每千人口医疗卫生机构床位数达到6.42张)
/// is counted per that population: `张/千人`, `人/万人`, `个/10万人`.
pub(super) fn per_population(indicator: &str, unit: String) -> String {
    const PER: &[(&str, &str)] = &[
        ("每十万人口", "10万人"),
        ("每10万人口", "10万人"),
        ("每十万人", "10万人"),
        ("每10万人", "10万人"),
        ("每十万常住人口", "10万人"),
        ("每千常住人口", "千人"),
        ("每万常住人口", "万人"),
        ("每千人口", "千人"),
        ("每千人", "千人"),
        ("每万人口", "万人"),
        ("每万人", "万人"),
        ("每百人", "百人"),
        ("每百户", "百户"),
        ("每千名", "千人"),
    ];
    let plain = !unit.contains('/') && !matches!(unit.as_str(), "%" | "‰" | "倍" | "元" | "岁");
    match PER.iter().find(|(w, _)| indicator.contains(w)) {
        Some((_, per)) if plain => format!("{unit}/{per}"),
        _ => unit,
    }
}

/// The start of the first heading after byte `pos` (the text's end when there is none).
fn next_heading_start(ctx: &Context<'_>, pos: usize) -> usize {
    let hs = &ctx.structure.headings;
    let i = hs.partition_point(|h| h.span.start < pos);
    hs.get(i).map_or(ctx.text.len(), |h| h.span.start)
}

/// Everything that decides whether one figure is a plan or a report.
struct Reading {
    /// The nearest marker of its sentence.
    marks: Option<Mark>,
    para: Paragraph,
    list: Option<List>,
    section: SectionFacts,
    report: bool,
}

impl Reading {
    /// From the outside in: a review heading decides; then the figure's own sentence; then
    /// its list, the last marked figure of its paragraph, or the paragraph's opening; then a planning heading; then the kind of document.
    fn status(&self) -> GoalStatus {
        use GoalStatus::*;
        if self.section.review {
            return Achieved;
        }
        match self.marks {
            Some(Mark::Past) => return Achieved,
            Some(Mark::Plan) => return Target,
            None => {}
        }
        if let Some(l) = self.list {
            return match l.reading {
                Mark::Past => Achieved,
                Mark::Plan => Target,
            };
        }
        match self.para.marked {
            Some(Mark::Past) => return Achieved,
            Some(Mark::Plan) => return Target,
            None => {}
        }
        if self.para.past {
            return Achieved;
        }
        if self.para.due.is_some() || self.section.plan {
            return Target;
        }
        if self.report {
            Achieved
        } else {
            Target
        }
    }
}

/// Drops a goal read from a headline or a bracketed sub-head (a short line without sentence
/// punctuation) when the body states the same figure: news pages repeat their lead's numbers
/// in titles.
fn drop_headline_repeats(text: &str, chars: &crate::text::CharIndex, goals: &mut Vec<NumericGoal>) {
    let headline = |g: &NumericGoal| {
        let (Some(s), Some(e)) = (chars.byte_at(g.span[0]), chars.byte_at(g.span[1])) else {
            return false;
        };
        // A headline has at most 48 chars, so at most 4 × 48 bytes: look no further.
        const MAX: usize = 4 * 48;
        let Some(line) = crate::text::line_around(text, s..e, MAX) else {
            return false;
        };
        line.chars().count() <= 48 && !line.contains(['。', ',', ';', '!', '?'])
    };
    let flags: Vec<bool> = goals.iter().map(headline).collect();
    let key = |g: &NumericGoal| {
        (
            g.value.to_bits(),
            g.unit.clone(),
            g.value_high.map(f64::to_bits),
        )
    };
    let in_body: std::collections::HashSet<_> = goals
        .iter()
        .zip(&flags)
        .filter(|(_, f)| !**f)
        .map(|(g, _)| key(g))
        .collect();
    let keep: Vec<bool> = goals
        .iter()
        .zip(&flags)
        .map(|(g, f)| !f || !in_body.contains(&key(g)))
        .collect();
    let mut k = keep.into_iter();
    goals.retain(|_| k.next().unwrap_or(true));
}

#[cfg(test)]
mod tests;
