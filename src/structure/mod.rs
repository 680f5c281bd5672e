//! Structure stage: outline, tables, sentences and clauses, and words of the normalised text.
//!
//! All spans here are **byte** ranges into the normalised text.
//!
//! SKELETON: a crude first version (line-start heading patterns, sentence split on 。!?;) so
//! the extractors can run end to end; the structure issue replaces its insides while keeping
//! these types.

use std::ops::Range;

pub mod words;

/// The kind of an outline heading, i.e. its numbering style (GB/T 9704 and common extras).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingKind {
    /// `第一章`.
    Chapter,
    /// `第一条`.
    Article,
    /// `一、`.
    Top,
    /// `(一)`.
    Paren,
    /// `1.` or `1、`.
    Number,
    /// `(1)`.
    ParenNumber,
    /// `专栏一`: a box, which starts its own top-level path.
    Box,
    /// `附件` / `附件1`: an annex, which starts its own top-level path.
    Annex,
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Numbering style.
    pub kind: HeadingKind,
    /// Nesting depth, 0 for top level.
    pub depth: usize,
    /// The label as used in section paths: `一`, `(一)`, `1`, `(1)`, `专栏一`, `附件`.
    pub label: String,
    /// The heading's title (for `1.强化教育经费保障。正文…`, `强化教育经费保障`).
    pub title: String,
    /// The full path of labels from the top, joined by `/`: `二/(一)/1`.
    pub path: String,
    /// Byte span of the heading (number and title) in the text.
    pub span: Range<usize>,
    /// Byte span of everything the heading governs (up to the next heading of the same or a
    /// higher level).
    pub scope: Range<usize>,
    /// Index of the parent heading in [`Structure::headings`].
    pub parent: Option<usize>,
}

/// The role of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// Row numbers (序号).
    Index,
    /// Indicator names (指标).
    Name,
    /// Values, usually of one year.
    Value,
    /// 属性: 约束性 / 预期性.
    Binding,
    /// Units (单位).
    Unit,
    /// Anything else.
    Other,
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// The year of a value column (`2025年` → 2025).
    pub year: Option<i32>,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cell texts, one per column (missing cells are empty strings).
    pub cells: Vec<String>,
    /// Byte span of the row in the text.
    pub span: Range<usize>,
}

/// A table: pipe-separated, or one cell per line.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Caption line, if any (`专栏一“十四五”教育事业发展主要目标`).
    pub caption: Option<String>,
    /// Columns, from the header row.
    pub columns: Vec<Column>,
    /// Body rows.
    pub rows: Vec<Row>,
    /// Byte span of the whole table.
    pub span: Range<usize>,
}

/// A sentence (ended by 。!? or ;) and its clauses (split at ,;:).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte span of the sentence, without surrounding white space.
    pub span: Range<usize>,
    /// Byte spans of its clauses, in order, covering the sentence.
    pub clauses: Vec<Range<usize>>,
}

/// The structure of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Outline headings in text order.
    pub headings: Vec<Heading>,
    /// Tables in text order.
    pub tables: Vec<Table>,
    /// Sentences of running text (not headings' labels, not table cells), in text order.
    pub sentences: Vec<Sentence>,
}

impl Structure {
    /// The innermost heading whose scope contains byte offset `pos`.
    pub fn heading_at(&self, pos: usize) -> Option<&Heading> {
        self.headings
            .iter()
            .filter(|h| h.scope.start <= pos && pos < h.scope.end)
            .max_by_key(|h| h.depth)
    }

    /// The section path (`二/(一)/1`) at byte offset `pos`, `None` before any heading.
    pub fn section_at(&self, pos: usize) -> Option<&str> {
        self.heading_at(pos).map(|h| h.path.as_str())
    }
}

/// Analyses the normalised text.
pub fn analyze(text: &str) -> Structure {
    let headings = crude_outline(text);
    let sentences = crude_sentences(text);
    Structure {
        headings,
        tables: Vec::new(),
        sentences,
    }
}

fn crude_outline(text: &str) -> Vec<Heading> {
    let re = regex::Regex::new(
        r"^(?:(?P<top>[一二三四五六七八九十]+)、|\((?P<paren>[一二三四五六七八九十]+)\)|(?P<num>\d{1,2})[\.、]|\((?P<pnum>\d{1,2})\))",
    )
    .unwrap();
    let mut headings: Vec<Heading> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim_end();
        let Some(caps) = re.captures(trimmed) else {
            continue;
        };
        let (kind, label) = if let Some(m) = caps.name("top") {
            (HeadingKind::Top, m.as_str().to_owned())
        } else if let Some(m) = caps.name("paren") {
            (HeadingKind::Paren, format!("({})", m.as_str()))
        } else if let Some(m) = caps.name("num") {
            (HeadingKind::Number, m.as_str().to_owned())
        } else {
            (HeadingKind::ParenNumber, format!("({})", &caps["pnum"]))
        };
        let depth = match kind {
            HeadingKind::Top => 0,
            HeadingKind::Paren => 1,
            HeadingKind::Number => 2,
            _ => 3,
        };
        let rest = &trimmed[caps.get(0).unwrap().end()..];
        let title_end = rest.find('。').unwrap_or(rest.len());
        let parent = headings.iter().rposition(|h| h.depth < depth);
        let path = match parent {
            Some(p) => format!("{}/{}", headings[p].path, label),
            None => label.clone(),
        };
        headings.push(Heading {
            kind,
            depth,
            label,
            title: rest[..title_end].to_owned(),
            path,
            span: start..start + trimmed.len(),
            scope: start..text.len(),
            parent,
        });
    }
    // Close each heading's scope at the next heading of the same or a higher level.
    for i in 0..headings.len() {
        let depth = headings[i].depth;
        if let Some(next) = headings[i + 1..].iter().find(|h| h.depth <= depth) {
            headings[i].scope.end = next.span.start;
        }
    }
    headings
}

fn crude_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '!' | '?' | ';' | '\n') {
            let end = i + c.len_utf8();
            push_sentence(text, start..end, &mut sentences);
            start = end;
        }
    }
    push_sentence(text, start..text.len(), &mut sentences);
    sentences
}

fn push_sentence(text: &str, range: Range<usize>, out: &mut Vec<Sentence>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let span = range.start + lead..range.start + piece.trim_end().len();
    if span.is_empty() {
        return;
    }
    let mut clauses = Vec::new();
    let mut start = span.start;
    for (i, c) in text[span.clone()].char_indices() {
        if matches!(c, ',' | ';' | ':') {
            clauses.push(start..span.start + i + c.len_utf8());
            start = span.start + i + c.len_utf8();
        }
    }
    if start < span.end {
        clauses.push(start..span.end);
    }
    out.push(Sentence { span, clauses });
}
