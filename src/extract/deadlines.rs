//! Deadlines and schedules: every time phrase of running text and of task-table cells that
//! states when something is due, recurs, or happens.
//!
//! The phrases and their dates come from the shared time grammar ([`super::time`]): absolute
//! dates (`到2025年`, `到2024年年底`), plan periods (`十四五末` → by 2025, `十四五期间` → within
//! 2025), relative phrases resolved against the document's year (`年内`, `年底前`, `10月底前`,
//! `明年`, `利用三年时间`), recurring schedules (`每年`, `逐年`) with a null date. History and
//! the scope words of one-year documents (今年, 全年) give no record.

use super::time::{self, DocTime};
use super::Context;
use crate::records::PartialDate;
use crate::records::{Deadline, DeadlineRelation};

/// Extracts every deadline of the document, sentence by sentence.
pub fn extract(ctx: &Context<'_>) -> Vec<Deadline> {
    let mut out = Vec::new();
    for sentence in &ctx.structure.sentences {
        let Some(s) = ctx.text.get(sentence.span.clone()) else {
            continue;
        };

        // Pipe-table rows hold column headers (2025年), not deadlines of running text; a
        // title or caption line names a period, it sets no deadline.
        if s.contains('|') || ctx.title_lines.contains(sentence.span.start) {
            continue;
        }
        let found_all: Vec<time::Mention> = time::find(s, &ctx.time)
            .into_iter()
            .filter(|m| !m.scope)
            .collect();
        if found_all.is_empty() {
            continue;
        }
        // A page's byline (2022年03月02日 来源:…) dates the page, not any work. (Asked only
        // of the sentences with a time phrase: finding the line costs a bounded scan.)
        let at = sentence.span.start;
        let line = crate::text::line_around(ctx.text, at..at, 320);
        if line.is_some_and(super::meta::is_byline) {
            continue;
        }
        // A table's caption (表1:“十四五”时期…主要指标) names the period its columns cover.
        // Tables are in text order, so one binary search finds the table a caption opens.
        if let Ok(i) = ctx
            .structure
            .tables
            .binary_search_by_key(&at, |t| t.span.start)
        {
            if ctx.structure.tables[i].is_caption_line(at) {
                continue;
            }
        }
        // A line that is only a date (2021 年6 月 under a title) dates the document.
        if line.is_some_and(is_date_line) {
            continue;
        }
        // A review of any document (“十一五”发展回顾) tells trends: its 逐年 is no schedule.
        // In a report's review sections (今年重点工作总结 of a summary and plan), 年内 and 年底
        // are the reviewed year's. (Asked only of sentences with a time phrase.)
        let section_review = ctx.discourse.at(ctx, sentence.span.start).review;
        let in_review = ctx.time.report && section_review;
        for mut found in found_all {
            let said = &s[found.range.clone()];
            if found.relation == DeadlineRelation::Recurring && section_review {
                continue;
            }
            // A review's bare 年末 (年末存贷款余额增长…) is when a stock was counted, the
            // statistician's word; 预计年底投入运营 still looks ahead.
            if in_review && said == "年末" {
                continue;
            }
            // 用7年时间实现了…: a span of the past, told with the perfective 了.
            if said_span_of_past(said, &s[found.range.end..]) {
                continue;
            }
            // 预计到年末, 地区生产总值完成…: a report's estimate of the year's outturn.
            if matches!(said, "年末" | "年底")
                && s[..found.range.start]
                    .trim_end_matches('到')
                    .ends_with("预计")
                && s[found.range.end..].starts_with([',', ','])
            {
                continue;
            }
            if in_review {
                found.date = found
                    .date
                    .map(|d| reviewed_year(d, &s[found.range.clone()], &ctx.time));
            }
            // The subject of a description (“十四五”时期是…关键期, 2024年是…之年) sets no
            // deadline.
            let after = s[found.range.end..].trim_start_matches(['”', '"', '’', ' ']);
            // (…“十四五”时期(2021-2025年),是…): the years in brackets restate the period.
            let after = after
                .strip_prefix('(')
                .and_then(|a| a.split_once(')'))
                .map_or(after, |(_, rest)| rest.trim_start_matches([',', ' ']));
            if after.starts_with('是') && !after.starts_with("是否") {
                continue;
            }
            // A period that qualifies a noun (“十五五”时期的发展) or is the object of a purpose
            // or a choice (为“十四五”时期发展打好基础, 确定“十四五”时期的目标) is not when
            // anything is due; its goals or tasks (“十五五”时期的主要目标) are.
            if found.relation == DeadlineRelation::Within {
                let before = s[..found.range.start].trim_end_matches(['“', '"', ' ']);
                let head: String = after.chars().take(8).collect();
                let plans = head.contains("目标") || head.contains("任务");
                // (规划期限为2021—2025年 states the term: 为 there is no purpose.)
                let term = time::states_term(before);
                if (after.starts_with('的') && !plans)
                    || (!term
                        && ["为", "确定", "明确", "谋划", "对"]
                            .iter()
                            .any(|w| before.ends_with(w)))
                {
                    continue;
                }
            }
            // A year a review looks back on (2024年工作回顾) is no deadline either.
            // Nor is the year of an edition (规划(2022年更新)).
            if ["工作回顾", "回顾", "工作总结", "更新", "修订"]
                .iter()
                .any(|w| after.starts_with(w))
            {
                continue;
            }
            // The document's own date (its signature, its delivery) is when it was written.
            if found
                .date
                .is_some_and(|d| ctx.meta.date.as_deref() == Some(d.to_string().as_str()))
                && found.relation == DeadlineRelation::On
            {
                continue;
            }
            // An article (no document kind) that names 今年上半年 without a year of its own
            // reports; nothing is due at a date no one can tell.
            if found.date.is_none()
                && found.relation != DeadlineRelation::Recurring
                && ctx.meta.kind.is_none()
            {
                continue;
            }
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
                for found in time::find(cell, &ctx.time).into_iter().filter(|m| !m.scope) {
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

/// A relative date (年内, 年底, 10月底前: no year written) of a report's review, moved to the
/// reviewed year, the year before the report's own.
fn reviewed_year(date: PartialDate, phrase: &str, time: &DocTime) -> PartialDate {
    let year_written = phrase.contains('年') && phrase.chars().any(|c| c.is_ascii_digit());
    if year_written || time.year != Some(date.get_year()) {
        return date;
    }
    let y = date.get_year() - 1;
    match (date.get_month(), date.get_day()) {
        (Some(m), Some(d)) => PartialDate::day(y, m, d),
        (Some(m), None) => PartialDate::month(y, m),
        _ => PartialDate::year(y),
    }
    .unwrap_or(date)
}

/// True for a line that holds nothing but a date: `2021年6月`, `2021 年6 月 8 日`.
fn is_date_line(line: &str) -> bool {
    let mut parts = 0;
    let mut digits = 0;
    for c in line.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '0'..='9' => digits += 1,
            '年' | '月' | '日' if digits > 0 => {
                parts += 1;
                digits = 0;
            }
            _ => return false,
        }
    }
    parts >= 2 && digits == 0
}

/// True when `said` is a span of years (用7年时间, 三年来) whose clause (`after`, up to its
/// end) reports what was done in it: 实现了, 完成了.
fn said_span_of_past(said: &str, after: &str) -> bool {
    if !said.contains("时间") {
        return false;
    }
    let clause = after.split([',', ';', '。']).next().unwrap_or(after);
    super::clause::reports_past(clause)
}
