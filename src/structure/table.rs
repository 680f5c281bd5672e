//! Tables: pipe-separated rows (`1 | 学前教育毛入园率(%) | 99.01 | 99.02 | 预期性 |`), and
//! tables written one cell per line (`指标`/`2020年`/`2025年`/`属性`, then the rows).
//!
//! Columns get a role from their header (序号, 指标, a year, 属性, 单位; spaced-out headers such
//! as `指  标` count) and value columns the year their header names. A line-per-cell body is
//! cut into rows by what the cells hold: a text cell starts a new row once the row has its
//! name, so sub-rows without an index (`其中:小学`, `初中`) and missing cells come out right; a
//! numbered name (`1.学前教育毛入园率(%)`) always opens a row, which resynchronises the rows.
//! Category lines (`一、发展水平`) inside the body head groups of rows and are no rows (nor
//! outline headings: the outline skips table spans). Stacked groups — a merged name cell
//! (`4.标准班额比例` / `其中:小学` / `初中`) followed by each year's values for the sub-rows —
//! are spread back into rows.

use std::ops::Range;

use super::outline::parse_label;
use super::{Column, ColumnRole, HeadingKind, Line, Row, Table};
use crate::text::units;

/// The first year (1900–2099) written in `s`.
pub(crate) fn year_in(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        let digits = w.iter().all(u8::is_ascii_digit);
        let before = i == 0 || !b[i - 1].is_ascii_digit();
        let after = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if digits && before && after && (w.starts_with(b"19") || w.starts_with(b"20")) {
            std::str::from_utf8(w).ok()?.parse().ok()
        } else {
            None
        }
    })
}

/// The role (and year) a header cell gives its column.
pub fn header_role(header: &str) -> (ColumnRole, Option<i32>) {
    // Web copies space out short headers (`指  标`, `属  性`): the words count without spaces.
    let squeezed: String;
    let mut h = header.trim();
    if h.contains(char::is_whitespace) {
        squeezed = h.chars().filter(|c| !c.is_whitespace()).collect();
        h = &squeezed;
    }
    if let Some(year) = year_in(h) {
        return (ColumnRole::Value, Some(year));
    }
    let role = if h.contains("序号") || h == "编号" {
        ColumnRole::Index
    } else if h.contains("属性") || matches!(h, "性质" | "指标性质" | "指标类型" | "类型")
    {
        ColumnRole::Binding
    } else if h.contains("单位") && h.chars().count() <= 4 && !names_bodies(h) {
        ColumnRole::Unit
    } else if ["类别", "领域", "分类", "维度"]
        .iter()
        .any(|k| h.contains(k))
    {
        // A category (指标类别, 领域) groups the indicators named in a later column.
        ColumnRole::Other
    } else if ["指标", "名称", "项目", "内容"]
        .iter()
        .any(|k| h.contains(k))
    {
        ColumnRole::Name
    } else if ["基期", "现状", "目标", "预期值", "规划值", "数值", "基数"]
        .iter()
        .any(|k| h.contains(k))
    {
        ColumnRole::Value
    } else {
        ColumnRole::Other
    };
    (role, None)
}

/// A task list's column of bodies (牵头单位, 责任单位, 配合单位), which names no unit.
fn names_bodies(h: &str) -> bool {
    [
        "牵头", "责任", "配合", "主责", "承办", "协办", "参与", "实施", "主管", "协同",
    ]
    .iter()
    .any(|w| h.starts_with(w))
}

fn column(header: &str) -> Column {
    let (role, year) = header_role(header);
    Column {
        header: header.to_owned(),
        role,
        year,
    }
}

/// Header words that may head a column without giving it a known role: categories, notes,
/// and a task list's columns of bodies, leaders and time limits (责任部门, 评分部门, 责任领导,
/// 完成时限).
fn is_other_header(h: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "部门",
        "单位",
        "股室",
        "科室",
        "处室",
        "领导",
        "时限",
        "时间",
        "节点",
        "责任人",
    ];
    ["类别", "领域", "备注", "分类", "层级", "类型", "维度"].contains(&h)
        || (h.chars().count() <= 6 && ENDINGS.iter().any(|e| h.ends_with(e)))
}

/// What a cell of a line-per-cell table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// A bare small integer: a row number or a value.
    Integer,
    /// A number, percentage, bound or placeholder dash.
    Number,
    /// 约束性 / 预期性.
    Binding,
    /// Anything else: a name, a unit, a note.
    Text,
}

fn classify(cell: &str) -> Cell {
    if matches!(
        cell,
        "约束性" | "预期性" | "约束" | "预期" | "约束性指标" | "预期性指标"
    ) {
        return Cell::Binding;
    }
    if !cell.is_empty() && cell.len() <= 3 && cell.bytes().all(|b| b.is_ascii_digit()) {
        return Cell::Integer;
    }
    if matches!(cell, "—" | "-" | "——" | "/" | "--") {
        return Cell::Number;
    }
    if numbered_name(cell).is_some() {
        return Cell::Text;
    }
    // 5岁以下儿童死亡率, 15岁以上人群吸烟率: a name that opens with an age is text (a value
    // has at most a few words after its number: 12.3年以上, 300亿元左右).
    let han = cell
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    if han >= 5 {
        return Cell::Text;
    }
    let first = cell.chars().next().unwrap_or(' ');
    if (first.is_ascii_digit() || matches!(first, '≥' | '≤' | '>' | '<' | '约' | '+'))
        && cell.chars().count() <= 14
        && cell.chars().any(|c| c.is_ascii_digit())
    {
        return Cell::Number;
    }
    Cell::Text
}

/// The name of a row written with its number (`1.学前教育毛入园率(%)`, `(2)小学`): the byte
/// length of the label, when a name follows it.
fn numbered_name(s: &str) -> Option<usize> {
    parse_label(s)
        .filter(|l| matches!(l.kind, HeadingKind::Number | HeadingKind::ParenNumber))
        .filter(|l| s.len() > l.len)
        .map(|l| l.len)
}

/// Whether a line is a category row inside a table (`一、发展水平`, `(二)教育质量`): a short
/// title under a top-level or parenthesised label.
fn is_category(s: &str) -> bool {
    parse_label(s).is_some_and(|l| {
        matches!(l.kind, HeadingKind::Top | HeadingKind::Paren)
            && s.len() > l.len
            && s[l.len..].chars().count() <= 12
            && !s[l.len..].contains([',', ';', '、', ':'])
    })
}

/// A line that ends with a lone `|` marks itself as one cell (`县卫健局 |`): web copies
/// write a table's cells so, one per line. Returns the cell and whether it was so marked.
fn marked_cell(s: &str) -> (&str, bool) {
    match s.trim_end().strip_suffix('|') {
        Some(cell) if !cell.contains('|') => (cell.trim(), true),
        _ => (s, false),
    }
}

/// Whether a line can be a cell of a line-per-cell table: a short line; numbered names and
/// category rows count, other numbered lines are outline. `其中:` opens sub-rows.
fn cell_like(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 30
        && !s.contains('。')
        && (!s.ends_with(':') || s == "其中:")
        && !s.contains('|')
        && (parse_label(s)
            .is_none_or(|l| matches!(l.kind, HeadingKind::Number | HeadingKind::ParenNumber))
            || is_category(s))
}

/// Whether a line looks like a table caption (`专栏一…`, `表1 …`, `…主要指标`).
fn caption_like(s: &str) -> bool {
    let n = s.chars().count();
    (1..=50).contains(&n)
        && !s.contains('。')
        && (s.starts_with("专栏")
            || s.starts_with('表')
            || s.starts_with("附表")
            || ["表", "指标", "目标", "一览"]
                .iter()
                .any(|k| s.ends_with(k)))
}

/// The cells of a pipe row: split at `|`, trimmed, without the empty edges of `| a | b |`.
fn pipe_cells(s: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = s.split('|').map(str::trim).collect();
    if s.trim_end().ends_with('|') && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    if s.trim_start().starts_with('|') && cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    cells
}

fn is_rule_row(cells: &[&str]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '—')))
}

/// The previous non-blank line before index `i`, if it makes a caption.
fn caption_before(text: &str, lines: &[Line], i: usize) -> Option<Line> {
    let prev = lines[..i].iter().rev().find(|l| !l.is_blank())?;
    caption_like(&text[prev.start..prev.end]).then_some(*prev)
}

/// Reads a pipe table starting at line `i`; returns it and the index after it.
fn pipe_table(text: &str, lines: &[Line], i: usize) -> Option<(Table, usize)> {
    let mut rows: Vec<(Line, Vec<&str>)> = Vec::new();
    let mut j = i;
    let mut after = i;
    while j < lines.len() {
        let l = lines[j];
        if l.is_blank() {
            j += 1;
            continue;
        }
        let s = &text[l.start..l.end];
        if !s.contains('|') {
            break;
        }
        rows.push((l, pipe_cells(s)));
        j += 1;
        after = j;
    }
    let filled = |cells: &[&str]| cells.iter().filter(|c| !c.is_empty()).count();
    let mut k = 0;
    let mut caption: Option<(String, Line)> = None;
    if let Some((l, cells)) = rows.first() {
        if filled(cells) == 1 {
            caption = Some((cells.iter().find(|c| !c.is_empty())?.to_string(), *l));
            k = 1;
        }
    }
    let (head_line, header) = rows.get(k)?;
    if filled(header) < 2 {
        return None;
    }
    let columns: Vec<Column> = header.iter().map(|h| column(h)).collect();
    // A category column before the index (类别 | 序号 | 指标) is written once for a group
    // of rows, like a merged cell: the group's other rows start at the index, one cell short.
    let index_col = columns.iter().position(|c| c.role == ColumnRole::Index);
    let cat_cols = index_col
        .filter(|&i| i > 0 && columns[..i].iter().all(|c| c.role == ColumnRole::Other))
        .unwrap_or(0);
    let unit_col = columns.iter().position(|c| c.role == ColumnRole::Unit);
    let mut category: Vec<String> = vec![String::new(); cat_cols];
    let body: Vec<Row> = rows[k + 1..]
        .iter()
        .filter(|(_, cells)| !is_rule_row(cells))
        .map(|(l, cells)| {
            let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            if cat_cols > 0 {
                let starts_at_index = cells.first().is_some_and(|c| classify(c) == Cell::Integer)
                    && cells
                        .get(cat_cols)
                        .is_none_or(|c| classify(c) != Cell::Integer);
                if starts_at_index {
                    cells.splice(0..0, category.iter().cloned());
                } else {
                    for (c, cell) in category.iter_mut().zip(&cells) {
                        c.clone_from(cell);
                    }
                }
            }
            // A row that leaves its unit out (15 | 出生人口性别比 | <109 |) puts its value
            // under the unit.
            if let Some(u) = unit_col {
                let value_empty = cells.get(u + 1).is_none_or(|c| c.is_empty());
                if value_empty && cells.get(u).is_some_and(|c| classify(c) == Cell::Number) {
                    cells.insert(u, String::new());
                }
            }
            cells.resize(columns.len(), String::new());
            Row {
                cells,
                span: l.start..l.end,
            }
        })
        .collect();
    let last = body.last()?.span.end;
    if caption.is_none() {
        caption = caption_before(text, lines, i).map(|l| (text[l.start..l.end].to_owned(), l));
    }
    let start = caption.as_ref().map_or(head_line.start, |(_, l)| l.start);
    Some((
        Table {
            caption: caption.as_ref().map(|(c, _)| c.clone()),
            columns,
            rows: body,
            span: start..last,
        },
        after,
    ))
}

/// A row being filled from line-per-cell input.
struct RowBuilder {
    cells: Vec<String>,
    filled: Vec<bool>,
    next: usize,
    span: Option<Range<usize>>,
}

impl RowBuilder {
    fn new(n: usize) -> Self {
        RowBuilder {
            cells: vec![String::new(); n],
            filled: vec![false; n],
            next: 0,
            span: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.span.is_none()
    }

    fn put(&mut self, col: usize, cell: &str, line: Line) {
        if let (Some(c), Some(f)) = (self.cells.get_mut(col), self.filled.get_mut(col)) {
            *c = cell.to_owned();
            *f = true;
        }
        self.next = col + 1;
        self.span = Some(match self.span.take() {
            Some(s) => s.start..line.end,
            None => line.start..line.end,
        });
    }

    /// Whether the row holds anything besides a name (a name alone is not a row).
    fn has_data(&self, columns: &[Column]) -> bool {
        columns.iter().zip(&self.filled).any(|(c, &f)| {
            f && matches!(
                c.role,
                ColumnRole::Value | ColumnRole::Binding | ColumnRole::Other
            )
        })
    }

    /// Adds one more cell to column `col` (a second body of a 责任部门 column).
    fn append(&mut self, col: usize, cell: &str, line: Line) {
        if let Some(c) = self.cells.get_mut(col) {
            if !c.is_empty() {
                c.push('、');
            }
            c.push_str(cell);
        }
        self.span = self.span.take().map(|s| s.start..line.end);
    }

    fn finish(self) -> Option<Row> {
        Some(Row {
            cells: self.cells,
            span: self.span?,
        })
    }
}

/// A group of rows written as stacked cells: the names one after another, then for each value
/// column the values of the valued rows (the last `rows` names), then maybe one binding.
struct Stacked {
    names: usize,
    rows: usize,
    /// Index, after the names, of the binding cell shared by the group.
    binding: Option<usize>,
}

/// Whether `cells` start with a stacked group for `value_cols` value columns.
fn stacked_group(cells: &[(Line, &str, Cell)], value_cols: usize) -> Option<Stacked> {
    // Groups are small: the look-ahead is bounded, so reading a table stays linear.
    const MAX: usize = 8;
    // Sub-names are unnumbered: a numbered name opens a row of its own.
    let names = 1 + cells[1..]
        .iter()
        .take(MAX)
        .take_while(|c| c.2 == Cell::Text && !is_category(c.1) && numbered_name(c.1).is_none())
        .count();
    if cells
        .first()
        .is_none_or(|c| c.2 != Cell::Text || is_category(c.1))
    {
        return None;
    }
    if !(2..=MAX).contains(&names) {
        return None;
    }
    let vals = cells[names..]
        .iter()
        .take(MAX * value_cols + 1)
        .take_while(|c| matches!(c.2, Cell::Number | Cell::Integer))
        .count();
    let rows = vals / value_cols;
    if rows < 2 || rows > names || vals % value_cols != 0 {
        return None;
    }
    let binding = cells
        .get(names + vals)
        .is_some_and(|c| c.2 == Cell::Binding)
        .then_some(vals);
    Some(Stacked {
        names,
        rows,
        binding,
    })
}

/// Reads a line-per-cell table whose header starts at line `i`.
fn cell_table(text: &str, lines: &[Line], i: usize) -> Option<(Table, usize)> {
    let cell = |l: &Line| marked_cell(&text[l.start..l.end]).0;
    // Header: known header words, one per line.
    let mut header: Vec<Line> = Vec::new();
    let mut j = i;
    while j < lines.len() {
        let l = lines[j];
        if l.is_blank() {
            j += 1;
            continue;
        }
        let s = cell(&l);
        // A note under a header word (`2020年` / `(基期值)`, `指标` / `(%)`) belongs to it.
        if s.starts_with('(')
            && s.ends_with(')')
            && s.chars().count() <= 8
            && parse_label(s).is_none()
        {
            if let Some(prev) = header.last_mut() {
                prev.end = l.end;
                j += 1;
                continue;
            }
        }
        let known = header_role(s).0 != ColumnRole::Other || is_other_header(s);
        // A header has a handful of cells; the cap keeps a run of header words linear.
        if !known || s.chars().count() > 12 || s.contains('|') || header.len() >= 16 {
            break;
        }
        header.push(l);
        j += 1;
    }
    let mut columns: Vec<Column> = header.iter().map(|l| column(cell(l))).collect();
    // A task list's several name-like columns (考核项目 / 考核指标 / 考核内容): the one just
    // before the units and values names the row; the earlier ones group rows like categories.
    let first_data = columns
        .iter()
        .position(|c| matches!(c.role, ColumnRole::Unit | ColumnRole::Value))
        .unwrap_or(columns.len());
    if let Some(last_name) = columns[..first_data]
        .iter()
        .rposition(|c| c.role == ColumnRole::Name)
    {
        for c in &mut columns[..last_name] {
            if c.role == ColumnRole::Name {
                c.role = ColumnRole::Other;
            }
        }
    }
    let has = |r: ColumnRole| columns.iter().any(|c| c.role == r);
    if columns.len() < 3
        || !has(ColumnRole::Value)
        || !(has(ColumnRole::Name) || has(ColumnRole::Index))
    {
        return None;
    }
    let n = columns.len();
    let name_col = columns
        .iter()
        .position(|c| c.role == ColumnRole::Name)
        .or_else(|| columns.iter().position(|c| c.role != ColumnRole::Index))?;
    let index_col = columns.iter().position(|c| c.role == ColumnRole::Index);
    let binding_col = columns.iter().position(|c| c.role == ColumnRole::Binding);
    let last_value = columns.iter().rposition(|c| c.role == ColumnRole::Value)?;

    // A category column before the names (类别 / 领域) is written once for a group of rows,
    // like a merged cell: a text cell followed by another text cell is the category.
    let cat_col = (0..name_col).find(|&c| columns[c].role == ColumnRole::Other);
    let mut cells: Vec<(Line, &str, Cell)> = Vec::new();
    let mut all_marked = header.iter().all(|l| marked_cell(&text[l.start..l.end]).1);
    while j < lines.len() {
        let l = lines[j];
        j += 1;
        if l.is_blank() {
            continue;
        }
        let (s, marked) = marked_cell(&text[l.start..l.end]);
        // A marked cell may be long: a task's list of bodies, or its description.
        let long_cell = marked && !s.is_empty() && s.chars().count() <= 400 && !s.contains('|');
        if !(cell_like(s) || long_cell) {
            break;
        }
        all_marked &= marked;
        cells.push((l, s, classify(s)));
    }
    if all_marked {
        let header_cells: Vec<&str> = header.iter().map(cell).collect();
        if let Some(rows) = marked_rows(&cells, &header_cells, index_col) {
            return finish_cell_table(text, lines, i, &header, columns, rows);
        }
    }
    let mut rows: Vec<(Row, bool)> = Vec::new();
    let mut row = RowBuilder::new(n);
    let mut category = String::new();
    // Stacked groups (`4.标准班额比例(%)` / `其中:小学` / `初中`, then each value column's
    // values for the sub-rows in turn) need the value columns right after the names.
    let tail = &columns[name_col + 1..];
    let value_cols: Vec<usize> = (name_col + 1..n)
        .filter(|&c| columns[c].role == ColumnRole::Value)
        .collect();
    let stackable = !value_cols.is_empty()
        && tail.iter().enumerate().all(|(o, c)| {
            c.role == ColumnRole::Value || (c.role == ColumnRole::Binding && o + 1 == tail.len())
        });
    let mut next_k = 0;
    while next_k < cells.len() {
        let k = next_k;
        next_k += 1;
        let (l, s, kind) = cells[k];
        let name_filled = row.filled[name_col];
        if stackable && kind == Cell::Text && (name_filled || row.next <= name_col) {
            if let Some(g) = stacked_group(&cells[k..], value_cols.len()) {
                if name_filled {
                    let done = std::mem::replace(&mut row, RowBuilder::new(n));
                    let data = done.has_data(&columns);
                    rows.extend(done.finish().map(|r| (r, data)));
                }
                let vals = &cells[k + g.names..];
                for i in 0..g.names {
                    let (nl, ns, _) = cells[k + i];
                    let ns = numbered_name(ns).map_or(ns, |len| ns[len..].trim_start());
                    row.put(name_col, ns, nl);
                    // Names before the valued ones title the group.
                    if let Some(vi) = (i + g.rows).checked_sub(g.names) {
                        for (ci, &c) in value_cols.iter().enumerate() {
                            let (vl, vs, _) = vals[ci * g.rows + vi];
                            row.put(c, vs, vl);
                        }
                        if let (Some(b), Some(&(bl, bs, _))) =
                            (binding_col, g.binding.map(|j| &vals[j]))
                        {
                            row.put(b, bs, bl);
                        }
                    }
                    let done = std::mem::replace(&mut row, RowBuilder::new(n));
                    let data = done.has_data(&columns);
                    rows.extend(done.finish().map(|r| (r, data)));
                }
                next_k = k + g.names + g.rows * value_cols.len() + usize::from(g.binding.is_some());
                continue;
            }
        }
        let free_at_next = columns
            .get(row.next)
            .is_some_and(|c| matches!(c.role, ColumnRole::Unit | ColumnRole::Other));
        let numbered = if kind == Cell::Text {
            numbered_name(s)
        } else {
            None
        };
        let is_cat = kind == Cell::Text && is_category(s);
        if is_cat {
            // A category line heads the rows after it; it is no row of its own.
            if !row.is_empty() {
                let done = std::mem::replace(&mut row, RowBuilder::new(n));
                let data = done.has_data(&columns);
                rows.extend(done.finish().map(|r| (r, data)));
            }
            if cat_col.is_some() {
                category = s.to_owned();
            }
            continue;
        }
        // Words in value columns (`较高` / `持续提高` / `预期性`) are values when the binding
        // cell comes just where the row's binding column is.
        let text_value = kind == Cell::Text
            && numbered.is_none()
            && name_filled
            && columns
                .get(row.next)
                .is_some_and(|c| c.role == ColumnRole::Value)
            && binding_col.is_some_and(|b| {
                b > row.next
                    && cells
                        .get(k + b - row.next)
                        .is_some_and(|c| c.2 == Cell::Binding)
                    && cells[k..k + b - row.next]
                        .iter()
                        .all(|c| numbered_name(c.1).is_none() && !is_category(c.1))
            });
        // In a numbered task list, text after a full row is one more cell of its last column
        // (a second body under 责任部门), unless it heads the next numbered row.
        let heads_next = cells.get(k + 1).is_some_and(|c| c.2 == Cell::Integer);
        if index_col.is_some()
            && row.next >= n
            && columns[n - 1].role == ColumnRole::Other
            && k + 1 < cells.len()
            && kind == Cell::Text
            && numbered.is_none()
            && !(heads_next && cat_col.is_some())
        {
            row.append(n - 1, s, l);
            continue;
        }
        // A word in the value column right after a unit (万元/人 / 全市统筹) is the value.
        let after_unit = index_col.is_some()
            && columns
                .get(row.next)
                .is_some_and(|c| c.role == ColumnRole::Value)
            && row.next > 0
            && columns[row.next - 1].role == ColumnRole::Unit
            && row.filled[row.next - 1];
        let text_value = text_value || (kind == Cell::Text && after_unit);
        let new_row = !row.is_empty()
            && (row.next >= n
                || match kind {
                    // A numbered name or a category line always opens a row: this resynchronises
                    // the rows after a missing or extra cell.
                    Cell::Text if numbered.is_some() => name_filled || row.next > name_col,
                    Cell::Text => name_filled && !free_at_next && !text_value,
                    Cell::Integer => index_col.is_some() && row.next > last_value,
                    _ => false,
                });
        if new_row {
            let done = std::mem::replace(&mut row, RowBuilder::new(n));
            let data = done.has_data(&columns);
            rows.extend(done.finish().map(|r| (r, data)));
        }
        let next_is_text = cells.get(k + 1).is_some_and(|c| c.2 == Cell::Text);
        // 领域 / 序号 / 指标: a category before the index comes as category, number, name.
        let index_after_cat = index_col.filter(|&x| cat_col.is_some_and(|c| c < x));
        let opens_indexed = index_after_cat.is_some()
            && cells.get(k + 1).is_some_and(|c| c.2 == Cell::Integer)
            && cells.get(k + 2).is_some_and(|c| c.2 == Cell::Text);
        let col = match kind {
            // A grouping column between the number and the name (考核指标) holds a text that
            // another text, not a unit, follows.
            Cell::Text
                if !row.filled[name_col]
                    && cat_col.is_none_or(|c| row.filled[c])
                    && row.next < name_col
                    && columns[row.next].role == ColumnRole::Other
                    && cells
                        .get(k + 1)
                        .is_some_and(|c| c.2 == Cell::Text && !units::is_unit_cell(c.1)) =>
            {
                Some(row.next)
            }
            Cell::Text if !row.filled[name_col] => match cat_col {
                Some(c) if !row.filled[c] && (next_is_text || opens_indexed) => {
                    category = s.to_owned();
                    Some(c)
                }
                Some(c) if !row.filled[c] => {
                    if let Some(cell) = row.cells.get_mut(c) {
                        cell.clone_from(&category);
                    }
                    Some(name_col)
                }
                _ => Some(name_col),
            },
            Cell::Binding => binding_col.or(Some(row.next)),
            Cell::Integer if index_col == Some(row.next) && row.is_empty() => index_col,
            Cell::Integer
                if !row.filled[name_col] && index_after_cat.is_some_and(|x| !row.filled[x]) =>
            {
                if let Some(c) = cat_col.filter(|&c| !row.filled[c]) {
                    let (cl, _, _) = cells[k];
                    row.put(c, &category, cl);
                }
                index_after_cat
            }
            Cell::Text => Some(row.next),
            _ => (row.next..n)
                .find(|&c| matches!(columns[c].role, ColumnRole::Value | ColumnRole::Other))
                .or_else(|| (row.next..n).find(|&c| c != name_col)),
        };
        // The number of a numbered name is the row's number, not part of its name.
        let s = match numbered {
            Some(len) if col == Some(name_col) => s[len..].trim_start(),
            _ => s,
        };
        match col {
            Some(c) if c < n => row.put(c, s, l),
            _ => break,
        }
    }
    if !row.is_empty() {
        let data = row.has_data(&columns);
        rows.extend(row.finish().map(|r| (r, data)));
    }
    // Trailing lines with a name and nothing else were the text after the table.
    while rows.last().is_some_and(|(_, data)| !data) {
        rows.pop();
    }
    // A bare `其中:` inside the table heads sub-rows; it is no row of its own.
    let rows: Vec<Row> = rows
        .into_iter()
        .filter(|(r, data)| {
            *data || {
                let name = r.cells.get(name_col).map_or("", String::as_str);
                name != "其中:"
            }
        })
        .map(|(r, _)| r)
        .collect();
    finish_cell_table(text, lines, i, &header, columns, rows)
}

/// The rows of a line-per-cell table whose every cell is marked (`县卫健局 |`): each marks
/// where it ends, so the rows are runs of one cell per column, whatever the cells hold (a
/// word such as 持续改善 in a value column). A repeat of the header (a page break) is no row.
/// `None` when the index column then holds something else than a number: the cells do not
/// line up, and the reader that goes by what cells hold takes over.
fn marked_rows(
    cells: &[(Line, &str, Cell)],
    header: &[&str],
    index_col: Option<usize>,
) -> Option<Vec<Row>> {
    let n = header.len();
    let mut rows = Vec::new();
    let mut k = 0;
    while k < cells.len() {
        let chunk = &cells[k..(k + n).min(cells.len())];
        k += n;
        if chunk.iter().map(|c| c.1).eq(header.iter().copied()) {
            continue;
        }
        if let Some(x) = index_col {
            if chunk
                .get(x)
                .is_some_and(|c| c.2 != Cell::Integer && !c.1.is_empty())
            {
                return None;
            }
        }
        let mut row = RowBuilder::new(n);
        for (c, &(l, s, _)) in chunk.iter().enumerate() {
            row.put(c, s, l);
        }
        rows.extend(row.finish());
    }
    Some(rows)
}

/// The table read by [`cell_table`] from its header lines and rows, and the line after it.
fn finish_cell_table(
    text: &str,
    lines: &[Line],
    i: usize,
    header: &[Line],
    columns: Vec<Column>,
    rows: Vec<Row>,
) -> Option<(Table, usize)> {
    let last = rows.last()?.span.end;
    // Resume after the last kept row.
    let after = lines.partition_point(|l| l.start < last).max(i + 1);
    let caption = caption_before(text, lines, i);
    let head = header.first()?.start..header.last()?.end;
    Some((
        Table {
            caption: caption.map(|l| text[l.start..l.end].to_owned()),
            columns,
            rows,
            span: caption.map_or(head.start, |l| l.start)..last,
        },
        after,
    ))
}

/// Whether the next non-blank line is a name header too: then this line is a caption
/// (`主要指标` above `指标`), not the table's first header cell.
fn next_is_name_header(text: &str, rest: &[Line]) -> bool {
    rest.iter().find(|l| !l.is_blank()).is_some_and(|l| {
        let s = marked_cell(&text[l.start..l.end]).0;
        s.chars().count() <= 8 && header_role(s).0 == ColumnRole::Name
    })
}

/// Finds the tables of `text`.
pub(crate) fn find_tables(text: &str, lines: &[Line]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let s = marked_cell(&text[l.start..l.end]).0;
        let found = if s.contains('|') {
            pipe_table(text, lines, i)
        } else if s.len() <= 64
            && s.chars().filter(|c| !c.is_whitespace()).count() <= 8
            && (matches!(header_role(s).0, ColumnRole::Name | ColumnRole::Index)
                || is_other_header(s))
            && !(header_role(s).0 == ColumnRole::Name && next_is_name_header(text, &lines[i + 1..]))
        {
            cell_table(text, lines, i)
        } else {
            None
        };
        match found {
            // A caption line may already belong to the previous table's text: keep order.
            Some((t, next))
                if tables
                    .last()
                    .is_none_or(|p: &Table| p.span.end <= t.span.start) =>
            {
                tables.push(t);
                i = next.max(i + 1);
            }
            // A block of pipe lines that is no table is skipped whole, so that it is read once.
            _ if s.contains('|') => {
                i += 1;
                while i < lines.len()
                    && (lines[i].is_blank() || text[lines[i].start..lines[i].end].contains('|'))
                {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use crate::structure::{analyze, ColumnRole, Table};

    /// Name, 2020 value, 2025 value, binding: the columns of the usual indicator table.
    const NAME_YEARS_BINDING: [(ColumnRole, Option<i32>); 4] = [
        (ColumnRole::Name, None),
        (ColumnRole::Value, Some(2020)),
        (ColumnRole::Value, Some(2025)),
        (ColumnRole::Binding, None),
    ];

    /// Each column's role and year.
    fn heads(t: &Table) -> Vec<(ColumnRole, Option<i32>)> {
        t.columns.iter().map(|c| (c.role, c.year)).collect()
    }

    #[test]
    fn header_roles_and_years() {
        use super::header_role;
        assert_eq!(header_role("序号"), (ColumnRole::Index, None));
        assert_eq!(header_role("指标名称"), (ColumnRole::Name, None));
        assert_eq!(header_role("2020年"), (ColumnRole::Value, Some(2020)));
        assert_eq!(header_role("2025年目标值"), (ColumnRole::Value, Some(2025)));
        assert_eq!(header_role("指标属性"), (ColumnRole::Binding, None));
        assert_eq!(header_role("单位"), (ColumnRole::Unit, None));
        assert_eq!(header_role("备注"), (ColumnRole::Other, None));
    }

    #[test]
    fn pipe_table_with_caption_row() {
        let text = "(三)发展目标\n到2025年,全面提升。\n专栏二 全县教育主要指标 | ||||\n序号 | 指标 | 2020年 | 2025年 | 属性 |\n1 | 义务教育巩固率(%) | 96.5 | 98 | 约束性 |\n2 | 高中阶段毛入学率(%) | 92 | 95 | 预期性 |\n三、主要任务\n";
        let s = analyze(text);
        assert_eq!(s.tables.len(), 1);
        let t = &s.tables[0];
        assert_eq!(t.caption.as_deref(), Some("专栏二 全县教育主要指标"));
        let roles: Vec<_> = t.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::Index,
                ColumnRole::Name,
                ColumnRole::Value,
                ColumnRole::Value,
                ColumnRole::Binding
            ]
        );
        assert_eq!(t.columns[3].year, Some(2025));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[1].cells,
            ["2", "高中阶段毛入学率(%)", "92", "95", "预期性"]
        );
        assert_eq!(
            &text[t.rows[0].span.clone()],
            "1 | 义务教育巩固率(%) | 96.5 | 98 | 约束性 |"
        );
        // Rows are not sentences; the caption is the box heading's title.
        assert!(s
            .sentences
            .iter()
            .all(|x| !text[x.span.clone()].contains("96.5")));
        let b = s.headings.iter().find(|h| h.path == "专栏二").unwrap();
        assert_eq!(b.title, "全县教育主要指标");
        assert_eq!(s.section_at(text.find("96.5").unwrap()), Some("专栏二"));
        assert!(s.table_at(text.find("96.5").unwrap()).is_some());
    }

    #[test]
    fn pipe_table_with_caption_line_above() {
        let text = "表1 主要指标\n| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 普惠率(%) | 88 | 92 |\n正文继续。\n";
        let t = &analyze(text).tables[0];
        assert_eq!(t.caption.as_deref(), Some("表1 主要指标"));
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].cells, ["普惠率(%)", "88", "92"]);
        assert_eq!(t.columns[1].year, Some(2020));
    }

    #[test]
    fn line_per_cell_table_with_sub_rows() {
        let text = "主要指标\n\n指标\n2020年\n2025年\n属性\n学前三年毛入园率(%)\n95\n98\n预期性\n义务教育巩固率(%)\n96\n97\n约束性\n其中:小学\n99\n100\n初中\n94\n95.5\n约束性\n一、主要任务\n全面推进改革。\n";
        let s = analyze(text);
        assert_eq!(s.tables.len(), 1);
        let t = &s.tables[0];
        assert_eq!(t.caption.as_deref(), Some("主要指标"));
        assert_eq!(heads(t), NAME_YEARS_BINDING);
        let rows: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["学前三年毛入园率(%)", "95", "98", "预期性"],
                vec!["义务教育巩固率(%)", "96", "97", "约束性"],
                vec!["其中:小学", "99", "100", ""],
                vec!["初中", "94", "95.5", "约束性"],
            ]
        );
        assert_eq!(&text[t.rows[3].span.clone()], "初中\n94\n95.5\n约束性");
        // The text after the table is untouched: a heading and a sentence.
        assert_eq!(
            s.headings
                .iter()
                .map(|h| h.label.as_str())
                .collect::<Vec<_>>(),
            ["一"]
        );
        let sents: Vec<_> = s.sentences.iter().map(|x| &text[x.span.clone()]).collect();
        assert_eq!(sents, ["主要指标", "主要任务", "全面推进改革。"]);
    }

    #[test]
    fn line_per_cell_table_with_index_and_unit() {
        let text = "序号\n指标名称\n单位\n2020年\n2025年\n1\n新建幼儿园\n所\n3\n8\n2\n教师培训\n人次\n1200\n1500\n平阴县人民政府办公室\n";
        let t = &analyze(text).tables[0];
        assert_eq!(t.columns[2].role, ColumnRole::Unit);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, ["1", "新建幼儿园", "所", "3", "8"]);
        assert_eq!(t.rows[1].cells, ["2", "教师培训", "人次", "1200", "1500"]);
        assert!(t.span.end <= text.find("平阴").unwrap());
    }

    #[test]
    fn line_per_cell_table_with_a_category_column() {
        let text = "类别\n指标\n2020年\n2025年\n属性\n学前教育\n毛入园率(%)\n90\n95\n预期性\n普惠率(%)\n85\n90\n约束性\n义务教育\n巩固率(%)\n98\n99\n约束性\n";
        let t = &analyze(text).tables[0];
        let rows: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["学前教育", "毛入园率(%)", "90", "95", "预期性"],
                vec!["学前教育", "普惠率(%)", "85", "90", "约束性"],
                vec!["义务教育", "巩固率(%)", "98", "99", "约束性"],
            ]
        );
    }

    #[test]
    fn names_opening_with_an_age_and_rows_without_a_unit() {
        let text = "领域\n序号\n主要指标\n单位\n2020年\n2025年目标\n指标性质\n健康水平\n1\n人均预期寿命\n78.5\n>79\n预期性\n2\n孕产妇死亡率\n/10万\n9.1\n<10\n预期性\n3\n5岁以下儿童死亡率\n4.2\n<5\n预期性\n健康生活\n4\n居民健康素养水平\n%\n-\n30\n预期性\n";
        let t = &analyze(text).tables[0];
        let rows = rows_of(t);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert!(
            rows[0].contains(&"人均预期寿命") && rows[0].contains(&">79"),
            "{rows:?}"
        );
        assert!(
            rows[2].contains(&"5岁以下儿童死亡率") && rows[2].contains(&"<5"),
            "{rows:?}"
        );
        assert!(
            rows[3].contains(&"居民健康素养水平") && rows[3].contains(&"30"),
            "{rows:?}"
        );
    }

    fn rows_of(t: &crate::structure::Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    /// An indicator table flattened to one cell per line, with category rows and numbered
    /// names, as web copies of plans give it. `sep` goes between lines (`\n` or `\n\n`).
    fn flat_table(sep: &str) -> String {
        [
            "二、发展目标",
            "到2025年,教育现代化水平明显提高。",
            "“十四五”教育事业发展主要指标",
            "指  标",
            "2020年",
            "2025年",
            "属  性",
            "一、发展水平",
            "1.学前教育毛入园率(%)",
            "96.5",
            "98以上",
            "约束性",
            "2.九年义务教育巩固率(%)",
            "99.2",
            "99.5",
            "约束性",
            "二、教育质量",
            "3.高中阶段教育毛入学率(%)",
            "95",
            "97",
            "预期性",
            "三、主要任务",
            "(一)加强党的建设",
            "全面加强党对教育工作的领导。",
        ]
        .join(sep)
            + "\n"
    }

    #[test]
    fn flat_table_with_categories_and_numbered_names() {
        for sep in ["\n", "\n\n", "\n \n"] {
            let text = flat_table(sep);
            let s = analyze(&text);
            assert_eq!(s.tables.len(), 1, "{sep:?}");
            let t = &s.tables[0];
            assert_eq!(t.caption.as_deref(), Some("“十四五”教育事业发展主要指标"));
            assert_eq!(heads(t), NAME_YEARS_BINDING);
            assert_eq!(
                rows_of(t),
                [
                    vec!["学前教育毛入园率(%)", "96.5", "98以上", "约束性"],
                    vec!["九年义务教育巩固率(%)", "99.2", "99.5", "约束性"],
                    vec!["高中阶段教育毛入学率(%)", "95", "97", "预期性"],
                ]
            );
            // Category lines inside the table are no headings; those after it are.
            let labels: Vec<_> = s.headings.iter().map(|h| h.path.as_str()).collect();
            assert_eq!(labels, ["二", "三", "三/(一)"], "{sep:?}");
            assert!(t.span.end <= text.find("三、主要任务").unwrap());
            assert_eq!(s.section_at(text.find("96.5").unwrap()), Some("二"));
            let sents: Vec<_> = s.sentences.iter().map(|x| &text[x.span.clone()]).collect();
            assert!(sents.iter().all(|x| !x.contains("毛入园率")), "{sents:?}");
            assert!(sents.contains(&"全面加强党对教育工作的领导。"));
        }
    }

    #[test]
    fn flat_table_with_index_and_unit_columns() {
        let text = "序号\n\n指标\n\n单位\n\n2020年\n\n2025年\n\n属性\n\n一、发展水平\n\n1\n\n学前教育毛入园率\n\n%\n\n90\n\n≥95\n\n约束性\n\n2\n\n普惠性幼儿园覆盖率\n\n%\n\n85\n\n90\n\n预期性\n\n二、保障条件\n\n3\n\n生均公用经费\n\n元\n\n800\n\n1000\n\n预期性\n\n附件:名单\n";
        let t = &analyze(text).tables[0];
        assert_eq!(t.columns[2].role, ColumnRole::Unit);
        assert_eq!(
            rows_of(t),
            [
                vec!["1", "学前教育毛入园率", "%", "90", "≥95", "约束性"],
                vec!["2", "普惠性幼儿园覆盖率", "%", "85", "90", "预期性"],
                vec!["3", "生均公用经费", "元", "800", "1000", "预期性"],
            ]
        );
    }

    #[test]
    fn flat_table_with_sub_rows_and_a_word_value() {
        let text = "项目\n2020年\n2025年\n类型\n(一)普及水平\n1.义务教育巩固率(%)\n96\n97\n约束性\n其中:\n小学\n99\n100\n初中\n94\n95.5\n约束性\n2.教育信息化水平\n较高\n持续提高\n预期性\n(二)队伍建设\n3.专任教师本科以上学历比例(%)\n70\n80\n预期性\n四、保障措施\n";
        let s = analyze(text);
        let t = &s.tables[0];
        assert_eq!(t.column(ColumnRole::Binding), Some(3));
        assert_eq!(
            rows_of(t),
            [
                vec!["义务教育巩固率(%)", "96", "97", "约束性"],
                vec!["小学", "99", "100", ""],
                vec!["初中", "94", "95.5", "约束性"],
                vec!["教育信息化水平", "较高", "持续提高", "预期性"],
                vec!["专任教师本科以上学历比例(%)", "70", "80", "预期性"],
            ]
        );
        let labels: Vec<_> = s.headings.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["四"]);
    }

    #[test]
    fn numbered_names_resynchronise_after_a_missing_cell() {
        // The first row lacks its binding cell: the next numbered name still opens a row.
        let text = "指标\n2020年\n2025年\n属性\n1.入园率(%)\n90\n95\n2.巩固率(%)\n96\n97\n约束性\n";
        let t = &analyze(text).tables[0];
        assert_eq!(
            rows_of(t),
            [
                vec!["入园率(%)", "90", "95", ""],
                vec!["巩固率(%)", "96", "97", "约束性"],
            ]
        );
    }

    #[test]
    fn numbered_lines_after_a_table_stay_outline() {
        let text = "指标\n2020年\n2025年\n入园率(%)\n90\n95\n1.加强党建\n全面加强党的领导。\n";
        let s = analyze(text);
        assert_eq!(s.tables[0].rows.len(), 1);
        assert_eq!(s.headings.len(), 1);
        assert_eq!(s.headings[0].title, "加强党建");
    }

    #[test]
    fn flat_table_with_stacked_sub_rows() {
        // A merged cell of names, then each year's values for the sub-rows, one binding.
        let text = "指标\n\n2020年\n\n2025年\n\n属性\n\n一、办学条件\n\n1.标准班额比例(%)\n\n其中:小学\n\n初中\n\n81.5%\n\n70%\n\n90%以上\n\n85%以上\n\n预期性\n\n2.教师本科学历比例(%)\n\n其中:硕士比例(%)\n\n60\n\n3.5\n\n75\n\n6\n\n约束性\n\n3.生均图书(册)\n\n30\n\n40\n\n预期性\n";
        let t = &analyze(text).tables[0];
        assert_eq!(
            rows_of(t),
            [
                vec!["标准班额比例(%)", "", "", ""],
                vec!["其中:小学", "81.5%", "90%以上", "预期性"],
                vec!["初中", "70%", "85%以上", "预期性"],
                vec!["教师本科学历比例(%)", "60", "75", "约束性"],
                vec!["其中:硕士比例(%)", "3.5", "6", "约束性"],
                vec!["生均图书(册)", "30", "40", "预期性"],
            ]
        );
        let sub = &t.rows[2];
        assert_eq!(&text[sub.span.start..sub.span.start + "初中".len()], "初中");
    }

    #[test]
    fn numbered_names_are_never_stacked() {
        // Two numbered names in a row are two rows (the first lacks its cells), not a group.
        let text = "指标\n2020年\n2025年\n1.入园率(%)\n2.巩固率(%)\n96\n97\n3.普及率(%)\n90\n95\n";
        let t = &analyze(text).tables[0];
        assert_eq!(
            rows_of(t),
            [
                vec!["入园率(%)", "", ""],
                vec!["巩固率(%)", "96", "97"],
                vec!["普及率(%)", "90", "95"],
            ]
        );
    }

    #[test]
    fn header_notes_join_their_header() {
        let text = "指  标  名  称\n(%)\n2020年\n(基期值)\n2025年\n(目标值)\n指标属性\n入园率\n90\n95\n约束性指标\n巩固率\n96\n97\n预期性指标\n";
        let t = &analyze(text).tables[0];
        assert_eq!(heads(t), NAME_YEARS_BINDING);
        assert_eq!(
            rows_of(t),
            [
                vec!["入园率", "90", "95", "约束性指标"],
                vec!["巩固率", "96", "97", "预期性指标"],
            ]
        );
    }

    #[test]
    fn a_lone_header_word_is_no_table() {
        let text = "指标\n完善考核评价方式,修改督导考核评价体系。\n";
        assert!(analyze(text).tables.is_empty());
    }
}
