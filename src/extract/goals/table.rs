//! Goals of indicator tables: one goal per row.

use super::text::tidy;
use super::Context;
use crate::extract::quantity;
use crate::records::{Baseline, Binding, Comparator, GoalSource, GoalStatus, NumericGoal};
use crate::structure::{ColumnRole, Table};

/// What a table cell says: value and comparator (`≥90`, `90以上`, `95%`).
fn cell_value(cell: &str) -> Option<(f64, Option<Comparator>)> {
    // 〔95〕 and [95] mark expected values in some plans; the brackets are not the value. A
    // full stop between digits is a decimal point some sites print wrong (71。6).
    let c = decimal_stops(&tidy(cell));
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
    // A value cell is short (97%以上, 不低于95%); a long one is prose, such as a page's
    // title that happens to hold a year.
    if c.chars().nth(16).is_some() {
        return None;
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
                // A rate's unit cell (1/10万, 1/万人) names the population it is per, as a
                // rate in the text does (16.9/10万).
                if let Some(per) = inner.strip_prefix("1/").filter(|p| !p.is_empty()) {
                    return (head, Some(format!("/{per}")), 1.0);
                }
                let (mult, rest) = if let Some(r) = inner.strip_prefix('万') {
                    (1e4, r)
                } else if let Some(r) = inner.strip_prefix('亿') {
                    (1e8, r)
                } else {
                    (1.0, inner)
                };
                // A known unit of any length (微克/立方米), or a short word without digits.
                let short = rest.chars().count() <= 4 && !rest.chars().any(|c| c.is_ascii_digit());
                if !rest.is_empty() && (short || quantity::is_unit(rest)) {
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
pub(super) fn table_goals(ctx: &Context<'_>, table: &Table) -> Vec<NumericGoal> {
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
    // Earlier years still ahead of the document (2025年 beside 2027年 in a 2025 action plan)
    // are milestones, one goal each; the latest year's column is read last.
    let milestones: Vec<usize> = match (cols[target_col].year, ctx.time.reference()) {
        (Some(last), Some(now)) => values
            .iter()
            .copied()
            .filter(|&i| {
                Some(i) != baseline_col
                    && cols[i].year.is_some_and(|y| y >= now && y < last)
                    && baseline_col.is_none_or(|b| cols[i].year > cols[b].year)
            })
            .collect(),
        _ => Vec::new(),
    };
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
        if name.is_empty() || !names_indicator(&name) {
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
        // An empty target cell (-) may leave the value to another column: a five-year
        // cumulative figure 〔19〕.
        let Some((value, cmp)) = cell_value(cell(target_col)).or_else(|| {
            values
                .iter()
                .filter(|&&i| i != target_col && Some(i) != baseline_col)
                .find_map(|&i| cell_value(cell(i)))
        }) else {
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
        let unit = unit.map(|u| super::per_population(&name, u));
        let goal = NumericGoal {
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
            // Set by the catalogue once the document is complete.
            indicator_id: None,
        };
        // The row's milestones first, in column order, then its last year's goal.
        for &m in &milestones {
            if let Some((value, cmp)) = cell_value(cell(m)) {
                out.push(NumericGoal {
                    comparator: cmp.unwrap_or(Comparator::Eq),
                    value: value * mult,
                    year: cols[m].year,
                    ..goal.clone()
                });
            }
        }
        out.push(goal);
    }
    out
}

/// False for a row label that cannot name an indicator: a page's record fields (索引号,
/// 发布日期, 文号, in brackets or not) and labels without a Han char (mojibake, codes).
fn names_indicator(name: &str) -> bool {
    const RECORD_FIELDS: [&str; 12] = [
        "索引号",
        "文号",
        "编号",
        "日期",
        "发布机构",
        "发文机关",
        "主题分类",
        "有效性",
        "体裁",
        "成文",
        "来源",
        "标题",
    ];
    name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !RECORD_FIELDS.iter().any(|f| name.contains(f))
        && !matches!(name, "名称" | "题名" | "文件名称" | "主题词")
}

/// `71。6` → `71.6`: a full stop between two digits.
fn decimal_stops(cell: &str) -> String {
    let chars: Vec<char> = cell.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digit = |k: Option<&char>| k.is_some_and(char::is_ascii_digit);
            if c == '。' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) {
                '.'
            } else {
                c
            }
        })
        .collect()
}
