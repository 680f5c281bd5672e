//! The outline: numbered headings (GB/T 9704 levels and common extras), their paths and scopes.
//!
//! A line-start label (`一、`, `(一)`, `1.`/`1、`, `(1)`, `第一章`, `第一条`, `专栏一`, `附件`)
//! is only a heading when it continues the numbering: the next number of a level that is open,
//! or a new level starting at 1 (or continuing the count of an earlier sibling list, as in
//! documents numbering tasks 1..14 across (一)(二)(三)). Depth is relative to what is open, so
//! a document going `一、` then `1.` directly gets paths `一/1`. Labels inside a paragraph count
//! only right after a sentence end and only as a new deeper list starting at 1 or its
//! continuation (`…完成。(1)…。(2)…`). A box (`专栏一`) and an annex (`附件`) start their own
//! top-level paths; after a box the main outline resumes where it was. Two exceptions keep real
//! documents readable: the first heading of a text may start mid-list (an excerpt), and the
//! outermost level may start over at 1 (a covering notice numbered 一、二、 before the plan).
//! A line that continues an unfinished sentence (ends with `,` or `、`) starts no heading.

use std::ops::Range;

use super::{Heading, HeadingKind, Line, Table};

/// A label found at some position, before the continuity check.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    /// Numbering style.
    pub kind: HeadingKind,
    /// Its number (0 for a bare `附件`).
    pub number: u32,
    /// The label as used in paths.
    pub text: String,
    /// Bytes the label takes, separator included (not the white space after it).
    pub len: usize,
    /// For an annex: written with a colon (`附件:…`), which may be a note listing attachments.
    pub colon: bool,
}

/// Value of a Chinese numeral written with 一…九, 十, 百, 零/〇 (up to 999), or `None`.
pub(crate) fn cn_number(s: &str) -> Option<u32> {
    // A heading label is a cardinal: 二〇二一 (a year) is none.
    let n = crate::text::numerals::cardinal(s)?;
    u32::try_from(n).ok().filter(|n| *n > 0)
}

fn is_cn_digit(c: char) -> bool {
    crate::text::numerals::digit(c).is_some() || matches!(c, '十' | '百')
}

/// Length in bytes of the leading run of chars satisfying `f`.
fn run(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

fn skip_spaces(s: &str) -> usize {
    run(s, |c| c == ' ' || c == '\t' || c == '\u{3000}')
}

/// Parses a numbering label at the start of `s`.
pub(crate) fn parse_label(s: &str) -> Option<Label> {
    let first = s.chars().next()?;
    let label = |kind, number, text: String, len| {
        Some(Label {
            kind,
            number,
            text,
            len,
            colon: false,
        })
    };
    if first == '(' {
        let inner = &s[1..];
        let n_cn = run(inner, is_cn_digit);
        let n_dg = run(inner, |c| c.is_ascii_digit());
        let (kind, n, digits) = if n_cn > 0 {
            (HeadingKind::Paren, cn_number(&inner[..n_cn])?, n_cn)
        } else if n_dg > 0 && n_dg <= 3 {
            (HeadingKind::ParenNumber, inner[..n_dg].parse().ok()?, n_dg)
        } else {
            return None;
        };
        if !inner[digits..].starts_with(')') {
            return None;
        }
        let mut len = 1 + digits + 1;
        // `(一)、` and `(1).` occur; the separator belongs to the label.
        if s[len..].starts_with('、') {
            len += '、'.len_utf8();
        } else if s[len..].starts_with('.')
            && !s[len + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            len += 1;
        }
        return label(kind, n, format!("({})", &inner[..digits]), len);
    }
    if first.is_ascii_digit() {
        let digits = run(s, |c| c.is_ascii_digit());
        if digits > 3 {
            return None;
        }
        let sp = skip_spaces(&s[digits..]);
        let rest = &s[digits + sp..];
        let sep = if rest.starts_with('、') {
            '、'.len_utf8()
        } else if let Some(after_dot) = rest.strip_prefix('.') {
            // `1.3万余人次`, `12.4国家宪法日`: a decimal number, not a label.
            if after_dot.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            1
        } else {
            return None;
        };
        let n: u32 = s[..digits].parse().ok()?;
        return label(
            HeadingKind::Number,
            n,
            s[..digits].to_owned(),
            digits + sp + sep,
        );
    }
    if is_cn_digit(first) {
        let digits = run(s, is_cn_digit);
        let n = cn_number(&s[..digits])?;
        let sp = skip_spaces(&s[digits..]);
        let rest = &s[digits + sp..];
        // `一、`, and the rarer `一.`.
        let sep = if rest.starts_with('、') {
            '、'.len_utf8()
        } else if rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            1
        } else {
            return None;
        };
        return label(
            HeadingKind::Top,
            n,
            s[..digits].to_owned(),
            digits + sp + sep,
        );
    }
    if let Some(rest) = s.strip_prefix('第') {
        let digits = run(rest, |c| is_cn_digit(c) || c.is_ascii_digit());
        if digits == 0 {
            return None;
        }
        let num = &rest[..digits];
        let n = num.parse().ok().or_else(|| cn_number(num))?;
        let after = &rest[digits..];
        let (kind, suffix) = if after.starts_with('章') {
            (HeadingKind::Chapter, "章")
        } else if after.starts_with('条') {
            (HeadingKind::Article, "条")
        } else if after.starts_with('节') {
            (HeadingKind::Section, "节")
        } else if after.starts_with('篇') {
            (HeadingKind::Part, "篇")
        } else if after.starts_with("部分") {
            (HeadingKind::Part, "部分")
        } else {
            return None;
        };
        let len = '第'.len_utf8() + digits + suffix.len();
        return label(kind, n, s[..len].to_owned(), len);
    }
    if let Some(rest) = s.strip_prefix("专栏") {
        let digits = run(rest, |c| is_cn_digit(c) || c.is_ascii_digit());
        if digits == 0 {
            return None;
        }
        let num = &rest[..digits];
        let n = num.parse().ok().or_else(|| cn_number(num))?;
        let len = "专栏".len() + digits;
        return label(HeadingKind::Box, n, s[..len].to_owned(), len);
    }
    if let Some(rest) = s.strip_prefix("附件") {
        let digits = run(rest, |c| c.is_ascii_digit());
        let n = if digits == 0 {
            0
        } else {
            rest[..digits].parse().ok()?
        };
        let after = &rest[digits..];
        let sp = skip_spaces(after);
        let colon = after[sp..].starts_with(':');
        // `附件` alone, `附件2`, `附件1 标题`, `附件:标题`; not `附件材料…`.
        if !(after.is_empty() || colon || sp > 0 || digits > 0) {
            return None;
        }
        let mut len = "附件".len() + digits;
        if colon {
            len += sp + 1;
        }
        return Some(Label {
            kind: HeadingKind::Annex,
            number: n,
            text: s[.."附件".len() + digits].to_owned(),
            len,
            colon,
        });
    }
    None
}

/// Rank of a numbered kind: lower ranks enclose higher ones.
fn rank(kind: HeadingKind) -> u8 {
    match kind {
        HeadingKind::Box | HeadingKind::Annex => 0,
        HeadingKind::Part => 1,
        HeadingKind::Chapter => 2,
        HeadingKind::Section => 3,
        HeadingKind::Top => 4,
        HeadingKind::Article => 5,
        HeadingKind::Paren => 6,
        HeadingKind::Number => 7,
        HeadingKind::ParenNumber => 8,
    }
}

fn kind_slot(kind: HeadingKind) -> usize {
    rank(kind) as usize
}

/// Where a label was found, which decides how strictly it must continue the numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// At a line start: continue an open level, or open a new one at 1 (or continuing the
    /// count of the same kind).
    Line,
    /// At a line start after a line that may have been cut mid-sentence: only the next
    /// number of an open level.
    Continuation,
    /// Inside a line after a sentence end: a deeper list at 1, or its continuation.
    Inline,
}

/// One open level of an outline.
#[derive(Debug, Clone, Copy)]
struct Level {
    kind: HeadingKind,
    number: u32,
    heading: usize,
}

/// An outline being read: the open levels and the last number seen of each kind.
#[derive(Debug, Clone, Default)]
struct Context {
    stack: Vec<Level>,
    last: [u32; 9],
    /// Levels below this index are fixed (a box's own level).
    floor: usize,
}

impl Context {
    /// Where a label would go: the stack length to keep before pushing it, or `None` when it
    /// does not continue the numbering (see [`Mode`]).
    fn place(&self, kind: HeadingKind, number: u32, mode: Mode) -> Option<usize> {
        if let Some(i) = self.stack[self.floor..]
            .iter()
            .rposition(|l| l.kind == kind)
            .map(|i| i + self.floor)
        {
            // The outermost level may start over at 1: a covering notice numbered 一、二、
            // followed by the plan it prints, or an annex without its `附件` line.
            let restart = i == self.floor && number == 1 && mode == Mode::Line;
            // An excerpt may leave out whole top-level parts (一、回顾 … 三、目标): a line-start
            // `一、` label a little further on still continues the outline.
            let open = self.stack[i].number;
            let skips = kind == HeadingKind::Top
                && mode == Mode::Line
                && number > open + 1
                && number <= open + 3;
            return (number == open + 1 || restart || skips).then_some(i);
        }
        let pos = self.stack[self.floor..]
            .iter()
            .position(|l| rank(l.kind) > rank(kind))
            .map_or(self.stack.len(), |i| i + self.floor);
        match mode {
            Mode::Inline => return (number == 1 && pos == self.stack.len()).then_some(pos),
            Mode::Continuation => return None,
            Mode::Line => {}
        }
        let continues = self.last[kind_slot(kind)];
        // The first heading of a document may be any early number: an excerpt (or a text
        // whose start was lost) begins mid-list.
        let first = self.floor == 0 && self.stack.is_empty() && self.last.iter().all(|&n| n == 0);
        (number == 1 || (continues > 0 && number == continues + 1) || (first && number <= 20))
            .then_some(pos)
    }
}

/// The outline being built.
struct Builder<'t> {
    text: &'t str,
    headings: Vec<Heading>,
    main: Context,
    boxed: Option<Context>,
}

impl Builder<'_> {
    /// Closes the scopes of `ctx`'s levels from `keep` on at byte `at`.
    fn close(headings: &mut [Heading], ctx: &mut Context, keep: usize, at: usize) {
        for level in ctx.stack.drain(keep..) {
            if let Some(h) = headings.get_mut(level.heading) {
                h.scope.end = at;
            }
        }
    }

    fn close_box(&mut self, at: usize) {
        if let Some(mut b) = self.boxed.take() {
            Self::close(&mut self.headings, &mut b, 0, at);
        }
    }

    /// Tries to add a heading for `label` at byte `at` with title span `title`.
    fn offer(&mut self, label: &Label, at: usize, title: Range<usize>, mode: Mode) -> bool {
        match label.kind {
            HeadingKind::Annex => {
                self.close_box(at);
                Self::close(&mut self.headings, &mut self.main, 0, at);
                self.main = Context::default();
                self.push_in_main(label, at, title, 0);
                self.main.floor = 1;
                true
            }
            HeadingKind::Box => {
                self.close_box(at);
                let mut ctx = Context::default();
                let index = self.add(label, at, title, None, 0, "");
                ctx.stack.push(Level {
                    kind: label.kind,
                    number: label.number,
                    heading: index,
                });
                ctx.floor = 1;
                self.boxed = Some(ctx);
                true
            }
            _ => {
                // Inside a box, its own numbering first; a label continuing the main outline
                // instead closes the box.
                if let Some(mut b) = self.boxed.take() {
                    if let Some(keep) = b.place(label.kind, label.number, mode) {
                        self.push(&mut b, label, at, title, keep);
                        self.boxed = Some(b);
                        return true;
                    }
                    self.boxed = Some(b);
                }
                let Some(keep) = self.main.place(label.kind, label.number, mode) else {
                    return false;
                };
                self.close_box(at);
                self.push_in_main(label, at, title, keep);
                true
            }
        }
    }

    fn push_in_main(&mut self, label: &Label, at: usize, title: Range<usize>, keep: usize) {
        let mut ctx = std::mem::take(&mut self.main);
        self.push(&mut ctx, label, at, title, keep);
        self.main = ctx;
    }

    /// Closes `ctx`'s levels from `keep` on and pushes a heading for `label` below them.
    fn push(
        &mut self,
        ctx: &mut Context,
        label: &Label,
        at: usize,
        title: Range<usize>,
        keep: usize,
    ) {
        Self::close(&mut self.headings, ctx, keep, at);
        let parent = ctx.stack.last().map(|l| l.heading);
        let path = parent
            .and_then(|p| self.headings.get(p))
            .map(|h| h.path.clone())
            .unwrap_or_default();
        let index = self.add(label, at, title, parent, keep, &path);
        ctx.stack.push(Level {
            kind: label.kind,
            number: label.number,
            heading: index,
        });
        ctx.last[kind_slot(label.kind)] = label.number;
    }

    fn add(
        &mut self,
        label: &Label,
        at: usize,
        title: Range<usize>,
        parent: Option<usize>,
        depth: usize,
        parent_path: &str,
    ) -> usize {
        let path = if parent_path.is_empty() {
            label.text.clone()
        } else {
            format!("{parent_path}/{}", label.text)
        };
        let end = if title.is_empty() {
            at + label.len
        } else {
            title.end
        };
        self.headings.push(Heading {
            kind: label.kind,
            depth,
            label: label.text.clone(),
            title: self.text.get(title.clone()).unwrap_or_default().to_owned(),
            path,
            span: at..end,
            scope: at..self.text.len(),
            parent,
            label_span: at..at + label.len,
            title_span: title,
            number: label.number,
        });
        self.headings.len() - 1
    }
}

/// Sentence-ending chars (after NFKC).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';')
}

/// End of a heading's title in `s`: the first 。!? outside quotes and brackets (or, within
/// the first 20 chars, a colon or a space before punctuated body text), else the end of the
/// line (a box caption line also stops at a table's `|`).
fn title_end(s: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '《' | '(' | '〔' | '【' | '‘' => depth += 1,
            '”' | '》' | ')' | '〕' | '】' | '’' => depth = (depth - 1).max(0),
            '。' | '!' | '?' if depth == 0 => return i,
            // `(一)工作目标:到2025年,…`: a short lead-in before a colon is the title.
            ':' if depth == 0 && i <= 60 => return i,
            // `1.加强组织领导 成立工作专班,…`: a short title set off by a space from body
            // text (which has its own punctuation).
            // Not a space inside a number (7 000万元), nor after a comma: a title has none.
            ' ' if depth == 0 && i > 0 && i <= 60 => {
                let rest = s[i..].trim_start();
                let in_number = s[..i].ends_with(|c: char| c.is_ascii_digit())
                    && rest.starts_with(|c: char| c.is_ascii_digit());
                if !in_number
                    && !s[..i].contains(',')
                    && rest.len() >= 30
                    && (rest.contains(',') || rest.contains('。'))
                {
                    return i;
                }
            }
            '|' => return i,
            _ => {}
        }
    }
    s.len()
}

/// Whether a line ends inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// It ends a sentence or is a heading-like line.
    No,
    /// Long running text stopping on a plain character: perhaps cut mid-sentence, perhaps
    /// only missing its full stop.
    Maybe,
    /// It ends with a mark that cannot end a sentence (`,` `、` an opening quote).
    Yes,
}

fn ends_open(line: &str) -> Open {
    let Some(last) = line.chars().next_back() else {
        return Open::No;
    };
    if matches!(last, ',' | '、' | '“' | '《' | '(') {
        return Open::Yes;
    }
    if is_terminal(last) || matches!(last, ':' | '”' | '》' | ')' | '!' | '?' | '|') {
        return Open::No;
    }
    if (line.contains('。') || line.contains(',')) && line.chars().count() >= 40 {
        Open::Maybe
    } else {
        Open::No
    }
}

/// Builds the outline of `text`, given its lines and the tables found in it.
pub(crate) fn outline(text: &str, lines: &[Line], tables: &[Table]) -> Vec<Heading> {
    // A standalone `附件`/`附件1` line means the colon forms (`附件:…`) are notes listing the
    // attachments, not the attachments themselves.
    let has_bare_annex = lines.iter().any(|l| {
        let s = &text[l.start..l.end];
        s.starts_with("附件")
            && parse_label(s).is_some_and(|lab| lab.kind == HeadingKind::Annex && !lab.colon)
    });
    let mut b = Builder {
        text,
        headings: Vec::new(),
        main: Context::default(),
        boxed: None,
    };
    let mut table_i = 0;
    let mut prev_open = Open::No;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.is_blank() {
            continue;
        }
        // Table rows are not outline; a box with a table ends with it.
        while table_i < tables.len() && tables[table_i].span.end <= line.start {
            if let Some(bx) = &b.boxed {
                if let Some(first) = bx.stack.first() {
                    if b.headings[first.heading].span.start <= tables[table_i].span.start {
                        let end = tables[table_i].span.end;
                        b.close_box(end);
                    }
                }
            }
            table_i += 1;
        }
        let in_table = tables.get(table_i).is_some_and(|t| {
            t.span.start <= line.start && line.start < t.span.end && !t.is_caption_line(line.start)
        });
        if in_table {
            prev_open = Open::No;
            continue;
        }
        let s = &text[line.start..line.end];
        let mut body_from = 0;
        if let Some(label) = parse_label(s) {
            let ok = match label.kind {
                HeadingKind::Annex => !(label.colon && has_bare_annex),
                HeadingKind::Box => true,
                _ => prev_open != Open::Yes,
            };
            if ok {
                // `专栏1:标题`, `附件1 :标题`: the colon belongs to neither label nor title.
                let mut after = label.len + skip_spaces(&s[label.len..]);
                if matches!(label.kind, HeadingKind::Box | HeadingKind::Annex)
                    && s[after..].starts_with(':')
                {
                    after += 1 + skip_spaces(&s[after + 1..]);
                }
                let rest = &s[after..];
                let mut t_end = title_end(rest);
                while t_end > 0 && rest[..t_end].ends_with([' ', '\t']) {
                    t_end -= 1;
                }
                let mut title = line.start + after..line.start + after + t_end;
                // A bare `附件` or `专栏一` line takes the next line as its title when that
                // is short and not itself numbered.
                if t_end == 0 && matches!(label.kind, HeadingKind::Annex | HeadingKind::Box) {
                    if let Some(next) = lines[i..].iter().find(|l| !l.is_blank()) {
                        let ns = &text[next.start..next.end];
                        if ns.chars().count() <= 40
                            && !ns.contains('。')
                            && parse_label(ns).is_none()
                        {
                            title = next.start..next.end;
                        }
                    }
                }
                // After a long line without its full stop the label may continue that
                // sentence, unless its own line is a short heading (一、树牢安全发展理念).
                let heading_like =
                    s.chars().count() <= 30 && !s.contains('。') && ends_open(s) == Open::No;
                let mode = if prev_open == Open::Maybe && !heading_like {
                    Mode::Continuation
                } else {
                    Mode::Line
                };
                if b.offer(&label, line.start, title.clone(), mode) {
                    body_from = if title.end <= line.end && title.start >= line.start {
                        title.end - line.start
                    } else {
                        label.len
                    };
                }
            }
        }
        inline_labels(&mut b, s, line.start, body_from);
        prev_open = ends_open(s);
    }
    let end = text.len();
    if let Some(mut bx) = b.boxed.take() {
        Builder::close(&mut b.headings, &mut bx, 0, end);
    }
    b.headings
}

/// Offers labels inside a line's body that follow a sentence end (`…完成。(1)…`).
fn inline_labels(b: &mut Builder<'_>, s: &str, base: usize, from: usize) {
    let Some(body) = s.get(from..) else {
        return;
    };
    let mut skip_to = 0;
    for (i, _) in body.match_indices('(') {
        if i < skip_to {
            continue;
        }
        let before = body[..i].trim_end_matches(' ');
        let after_end = before
            .chars()
            .next_back()
            .is_some_and(|c| is_terminal(c) || c == ':');
        if !after_end {
            continue;
        }
        let Some(label) = parse_label(&body[i..]) else {
            continue;
        };
        if matches!(label.kind, HeadingKind::Paren | HeadingKind::ParenNumber) {
            let at = base + from + i;
            let end = at + label.len;
            if b.offer(&label, at, end..end, Mode::Inline) {
                skip_to = i + label.len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::analyze;

    fn paths(text: &str) -> Vec<String> {
        analyze(text).headings.into_iter().map(|h| h.path).collect()
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_number("一"), Some(1));
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十三"), Some(23));
        assert_eq!(cn_number("一百零五"), Some(105));
        assert_eq!(cn_number("二〇二一"), None);
        assert_eq!(cn_number("零"), None);
    }

    #[test]
    fn labels_of_every_style() {
        let l = parse_label("一、总体要求").unwrap();
        assert_eq!(
            (l.kind, l.number, l.text.as_str()),
            (HeadingKind::Top, 1, "一")
        );
        let l = parse_label("(十二)其他").unwrap();
        assert_eq!(
            (l.kind, l.number, l.text.as_str()),
            (HeadingKind::Paren, 12, "(十二)")
        );
        let l = parse_label("4 .推进改革").unwrap();
        assert_eq!((l.kind, l.number, l.len), (HeadingKind::Number, 4, 3));
        let l = parse_label("3、加强").unwrap();
        assert_eq!((l.kind, l.number), (HeadingKind::Number, 3));
        let l = parse_label("(2)健全").unwrap();
        assert_eq!((l.kind, l.text.as_str()), (HeadingKind::ParenNumber, "(2)"));
        assert_eq!(
            parse_label("第三章 总则").unwrap().kind,
            HeadingKind::Chapter
        );
        assert_eq!(parse_label("第十二条 经费").unwrap().number, 12);
        assert_eq!(parse_label("专栏二 重点工程").unwrap().text, "专栏二");
        assert_eq!(parse_label("附件2").unwrap().number, 2);
        assert!(parse_label("附件:名单").unwrap().colon);
        assert_eq!(parse_label("1.3万余人次参加"), None);
        assert_eq!(parse_label("12.4国家宪法日"), None);
        assert_eq!(parse_label("2019年全市教育工作"), None);
        assert_eq!(parse_label("附件材料另发"), None);
        assert_eq!(parse_label("一是加强"), None);
        assert_eq!(parse_label("(此件公开发布)"), None);
    }

    #[test]
    fn depth_is_relative_to_what_is_open() {
        let text = "一、目标\n1.甲。\n2.乙。\n二、任务\n3.丙。\n";
        assert_eq!(paths(text), ["一", "一/1", "一/2", "二", "二/3"]);
    }

    #[test]
    fn numbering_continues_across_parent_siblings() {
        let text =
            "一、目标\n二、任务\n(一)甲\n1.子一。\n2.子二。\n(二)乙\n3.子三。\n(三)丙\n4.子四。\n";
        assert_eq!(
            paths(text),
            [
                "一",
                "二",
                "二/(一)",
                "二/(一)/1",
                "二/(一)/2",
                "二/(二)",
                "二/(二)/3",
                "二/(三)",
                "二/(三)/4"
            ]
        );
    }

    #[test]
    fn an_excerpt_may_start_mid_list() {
        assert_eq!(
            paths("(二)发展目标\n1.甲。\n(三)保障\n"),
            ["(二)", "(二)/1", "(三)"]
        );
        // Only the very first heading: later ones must continue.
        assert_eq!(paths("一、甲\n(三)乙\n"), ["一"]);
    }

    #[test]
    fn the_outermost_level_may_start_over() {
        let text = "一、提高认识\n二、加强领导\n某县教育发展规划\n一、总体要求\n(一)指导思想\n1.甲。\n1.乙。\n";
        // Only the outermost level restarts; an inner `1.` after `1.` is no heading.
        assert_eq!(paths(text), ["一", "二", "一", "一/(一)", "一/(一)/1"]);
    }

    #[test]
    fn false_headings_are_rejected() {
        let text = "一、概况\n2019年全县投入资金。\n1.3万余人次参加培训。\n1.加强领导。\n12.4国家宪法日开展活动。\n5.跳号不算。\n2 .稳步推进。\n";
        let s = analyze(text);
        let labels: Vec<_> = s.headings.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(labels, ["一", "一/1", "一/2"]);
        assert_eq!(s.headings[2].title, "稳步推进");
    }

    #[test]
    fn no_heading_continues_an_open_sentence() {
        let long = "在全面推进教育改革的过程中,要坚持以人民为中心的发展思想,切实加强党对教育工作的全面领导并且不断完善";
        // After a comma: never a heading.
        let text = "一、任务\n全面推进改革,加强,\n二、继续写的句子。\n二、保障\n";
        let s = analyze(text);
        assert_eq!(s.headings.len(), 2);
        assert_eq!(s.headings[1].span.start, text.rfind("二、").unwrap());
        // After long text without a full stop: only the next number of an open level.
        let text = format!("一、任务\n{long}\n(一)继续写的句子。\n{long}\n二、保障\n");
        assert_eq!(paths(&text), ["一", "二"]);
    }

    #[test]
    fn title_is_text_before_the_first_full_stop() {
        let text = "一、任务\n1.建设“家门口。好学校”。落实政策,推进改革。\n";
        let s = analyze(text);
        let h = &s.headings[1];
        assert_eq!(h.title, "建设“家门口。好学校”");
        assert_eq!(&text[h.title_span.clone()], h.title);
        assert_eq!(&text[h.label_span.clone()], "1.");
    }

    #[test]
    fn title_stops_at_a_short_lead_in_colon() {
        let text = "一、目标\n(一)总体目标:到2025年,全面建成。\n专栏1:重点工程\n";
        let s = analyze(text);
        assert_eq!(s.headings[1].title, "总体目标");
        assert_eq!(s.headings[2].title, "重点工程");
        let sents: Vec<_> = s.sentences.iter().map(|x| &text[x.span.clone()]).collect();
        assert_eq!(
            sents,
            ["目标", "总体目标", "到2025年,全面建成。", "重点工程"]
        );
    }

    #[test]
    fn title_set_off_by_a_space() {
        let text = "一、任务\n1.加强组织领导 成立工作专班,统筹推进创建工作。\n2.完善 制度\n";
        let s = analyze(text);
        assert_eq!(s.headings[1].title, "加强组织领导");
        assert_eq!(s.headings[2].title, "完善 制度");
        let sents: Vec<_> = s.sentences.iter().map(|x| &text[x.span.clone()]).collect();
        assert_eq!(sents[2], "成立工作专班,统筹推进创建工作。");
    }

    #[test]
    fn inline_items_after_a_sentence_end() {
        let text = "一、目标\n1.大事完成。(1)召开大会。(2)通过验收(省级)。\n二、举措\n";
        assert_eq!(paths(text), ["一", "一/1", "一/1/(1)", "一/1/(2)", "二"]);
        // Not after a sentence end, or not starting at 1: not a heading.
        let text = "一、目标\n推进落实(1)项工作。(3)条规定。\n";
        assert_eq!(paths(text), ["一"]);
    }

    #[test]
    fn boxes_and_annexes_start_their_own_paths() {
        let text = "一、甲\n(一)乙\n专栏一 重点工程\n1.工程甲。\n2.工程乙。\n(二)丙\n附件:名单\n附件\n标题行\n一、附甲\n二、附乙\n";
        let s = analyze(text);
        let p: Vec<_> = s.headings.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(
            p,
            [
                "一",
                "一/(一)",
                "专栏一",
                "专栏一/1",
                "专栏一/2",
                "一/(二)",
                "附件",
                "附件/一",
                "附件/二"
            ]
        );
        assert_eq!(s.headings[6].title, "标题行");
        assert_eq!(s.headings[2].depth, 0);
        // Without a bare annex line, `附件:` starts the annex.
        assert_eq!(
            paths("一、甲\n附件:名单\n一、乙\n"),
            ["一", "附件", "附件/一"]
        );
    }

    #[test]
    fn chapters_and_articles() {
        let text = "第一章 总则\n第一条 为了规范。\n第二条 适用。\n第二章 保障\n第三条 经费。\n";
        assert_eq!(
            paths(text),
            [
                "第一章",
                "第一章/第一条",
                "第一章/第二条",
                "第二章",
                "第二章/第三条"
            ]
        );
    }

    #[test]
    fn parts_chapters_and_sections() {
        let text = "第一部分 发展基础\n第一章 总体要求\n第一节 指导思想\n一、坚持党的领导\n第二节 发展目标\n第二章 主要任务\n第三节 学前教育\n第二部分 保障\n";
        assert_eq!(
            paths(text),
            [
                "第一部分",
                "第一部分/第一章",
                "第一部分/第一章/第一节",
                "第一部分/第一章/第一节/一",
                "第一部分/第一章/第二节",
                "第一部分/第二章",
                "第一部分/第二章/第三节",
                "第二部分"
            ]
        );
        assert_eq!(parse_label("第二篇 发展").unwrap().kind, HeadingKind::Part);
        assert_eq!(parse_label("一.总体要求").unwrap().kind, HeadingKind::Top);
        assert_eq!(parse_label("一.5倍"), None);
    }

    #[test]
    fn scopes_end_at_the_next_sibling_or_higher() {
        let text = "一、甲\n1.乙。正文\n2.丙。\n二、丁\n";
        let s = analyze(text);
        assert_eq!(
            s.headings[1].scope,
            s.headings[1].span.start..s.headings[2].span.start
        );
        assert_eq!(s.headings[0].scope.end, s.headings[3].span.start);
        assert_eq!(s.headings[3].scope.end, text.len());
    }
}
