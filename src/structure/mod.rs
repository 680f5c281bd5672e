//! Structure stage: outline, tables, sentences and clauses, and words of the normalised text.
//!
//! All spans here are **byte** ranges into the normalised text.
//!
//! [`analyze`] works line by line in linear time: tables are found first (their rows are not
//! running text), then the outline (headings with numbering continuity, see [`outline`]), then
//! the sentences of everything else (see [`sentence`]). Words come separately from
//! [`words::tokenize`], so stages that need no words do not pay for segmentation.

use std::ops::Range;

pub mod dictionary;
pub mod outline;
pub mod sentence;
pub mod table;
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
    /// `第一部分` / `第一篇`: a part, above chapters.
    Part,
    /// `第一节`: a section of a chapter.
    Section,
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
    /// The heading's title (for `1.强化教育经费保障。正文…`, `强化教育经费保障`). Empty for
    /// items numbered inside a paragraph (`…。(1)第40个教师节…`), whose text is body text, and
    /// for a bare label line.
    pub title: String,
    /// The full path of labels from the top, joined by `/`: `二/(一)/1`.
    pub path: String,
    /// Byte span of the heading (number and title) in the text.
    pub span: Range<usize>,
    /// Byte span of everything the heading governs (up to the next heading of the same or a
    /// higher level; a box with a table ends with its table).
    pub scope: Range<usize>,
    /// Index of the parent heading in [`Structure::headings`].
    pub parent: Option<usize>,
    /// Byte span of the numbering label (`二、`, `(一)`, `4 .`), separator included.
    pub label_span: Range<usize>,
    /// Byte span of [`Heading::title`] (empty, at the label's end, when there is no title).
    pub title_span: Range<usize>,
    /// The number of the label (`十二、` → 12, `(3)` → 3, `附件` → 0).
    pub number: u32,
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
    /// Byte span of the whole table; with a caption, it starts at the caption line.
    pub span: Range<usize>,
}

impl Table {
    /// Index of the first column with `role`.
    pub fn column(&self, role: ColumnRole) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// Whether the line starting at byte `line_start` is this table's caption line (running
    /// text, unlike the header and the rows).
    pub fn is_caption_line(&self, line_start: usize) -> bool {
        self.caption.is_some() && line_start == self.span.start
    }
}

/// A sentence (ended by 。!? or ;) and its clauses (split at ,;:).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte span of the sentence, without surrounding white space.
    pub span: Range<usize>,
    /// Byte spans of its clauses, in order, covering the sentence.
    pub clauses: Vec<Range<usize>>,
    /// `Some(i)` when the sentence is the title of heading `i` of [`Structure::headings`].
    pub heading: Option<usize>,
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
    ///
    /// Innermost means the latest-starting one: scopes nest, except that a box's scope sits
    /// inside the section around it without being its child.
    pub fn heading_at(&self, pos: usize) -> Option<&Heading> {
        self.heading_index_at(pos).map(|i| &self.headings[i])
    }

    /// The index in [`Structure::headings`] of [`Structure::heading_at`]'s heading.
    pub fn heading_index_at(&self, pos: usize) -> Option<usize> {
        let after = self.headings.partition_point(|h| h.scope.start <= pos);
        self.headings[..after]
            .iter()
            .rposition(|h| pos < h.scope.end)
    }

    /// The section path (`二/(一)/1`) at byte offset `pos`, `None` before any heading.
    pub fn section_at(&self, pos: usize) -> Option<&str> {
        self.heading_at(pos).map(|h| h.path.as_str())
    }

    /// The table whose span contains byte offset `pos`.
    pub fn table_at(&self, pos: usize) -> Option<&Table> {
        let after = self.tables.partition_point(|t| t.span.start <= pos);
        self.tables[..after].last().filter(|t| pos < t.span.end)
    }

    /// The sentence that is the title of heading `index`, if the heading has a title.
    pub fn title_sentence(&self, index: usize) -> Option<&Sentence> {
        let h = self.headings.get(index)?;
        let at = self
            .sentences
            .partition_point(|s| s.span.start < h.title_span.start);
        self.sentences.get(at).filter(|s| s.heading == Some(index))
    }

    /// The sentences whose span intersects `range`, in order (binary search, no scan).
    pub fn sentences_in(&self, range: Range<usize>) -> &[Sentence] {
        let from = self
            .sentences
            .partition_point(|s| s.span.end <= range.start);
        let to = self.sentences.partition_point(|s| s.span.start < range.end);
        &self.sentences[from..to.max(from)]
    }
}

/// One line of the text: the byte span of its content without surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Start of the content.
    pub start: usize,
    /// End of the content.
    pub end: usize,
}

impl Line {
    /// Whether the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// Splits `text` into lines (at `\n`), each trimmed of white space.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut pos = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let content = raw.trim();
        let start = pos + lead;
        out.push(Line {
            start,
            end: start + content.len(),
        });
        pos += raw.len() + 1;
    }
    out
}

/// Analyses the normalised text.
pub fn analyze(text: &str) -> Structure {
    let lines = lines(text);
    let tables = table::find_tables(text, &lines);
    let headings = outline::outline(text, &lines, &tables);
    let sentences = sentence::sentences(text, &lines, &tables, &headings);
    Structure {
        headings,
        tables,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_byte_spans() {
        let text = "  一、总体要求 \n\n正文。";
        let ls = lines(text);
        assert_eq!(ls.len(), 3);
        assert_eq!(&text[ls[0].start..ls[0].end], "一、总体要求");
        assert!(ls[1].is_blank());
        assert_eq!(&text[ls[2].start..ls[2].end], "正文。");
    }

    #[test]
    fn heading_at_prefers_the_latest_open_scope() {
        let text = "一、甲\n1.乙。正文\n专栏一 指标\n其他\n2.丙\n";
        let s = analyze(text);
        let pos = text.find("正文").unwrap();
        assert_eq!(s.section_at(pos), Some("一/1"));
        assert_eq!(s.section_at(text.find("其他").unwrap()), Some("专栏一"));
        assert_eq!(s.section_at(text.find("丙").unwrap()), Some("一/2"));
        assert_eq!(s.section_at(0), Some("一"));
        let title = s.title_sentence(1).unwrap();
        assert_eq!(&text[title.span.clone()], "乙");
        assert!(s.title_sentence(99).is_none());
    }
}
