//! Sentences and clauses of the running text.
//!
//! Sentences end at 。!?; and at line ends; clauses split at , ; : (ASCII after NFKC). Nothing
//! splits inside a matched pair of quotes or brackets (“” ‘’ 《》 () 〔〕 【】); an unmatched
//! opening mark protects nothing, so a stray quote cannot swallow a paragraph. Table rows and
//! heading labels are not sentences; a heading's title is a sentence of its own, flagged with
//! [`Sentence::heading`].

use std::ops::Range;

use super::{Heading, Line, Sentence, Table};

/// The quote or bracket mark at byte `i` of `b`: (pair id, opening?, byte length). Works on
/// bytes, as the marks are fixed UTF-8 sequences, to keep the scan cheap.
fn mark(b: &[u8], i: usize) -> Option<(u8, bool, usize)> {
    match b[i] {
        b'(' => Some((0, true, 1)),
        b')' => Some((0, false, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x9C => Some((1, true, 3)),  // “
            0x9D => Some((1, false, 3)), // ”
            0x98 => Some((2, true, 3)),  // ‘
            0x99 => Some((2, false, 3)), // ’
            _ => None,
        },
        0xE3 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2)? {
            0x8A => Some((3, true, 3)),  // 《
            0x8B => Some((3, false, 3)), // 》
            0x94 => Some((4, true, 3)),  // 〔
            0x95 => Some((4, false, 3)), // 〕
            0x90 => Some((5, true, 3)),  // 【
            0x91 => Some((5, false, 3)), // 】
            _ => None,
        },
        _ => None,
    }
}

/// Byte ranges (relative to `s`) of the outermost matched bracket and quote pairs of `s`.
pub(crate) fn protected(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some((id, open, len)) = mark(b, i) else {
            i += 1;
            continue;
        };
        if open {
            stack.push((i, id));
        } else {
            // Look a few levels down only, so mismatched marks cannot make this quadratic.
            let found = stack
                .iter()
                .rev()
                .take(8)
                .position(|&(_, o)| o == id)
                .map(|k| stack.len() - 1 - k);
            if let Some(j) = found {
                let start = stack[j].0;
                stack.truncate(j);
                // Pairs close inner-first: an enclosing pair swallows the ones before it.
                while out.last().is_some_and(|r| r.start >= start) {
                    out.pop();
                }
                out.push(start..i + len);
            }
        }
        i += len;
    }
    out
}

/// Sentence ends: `。` and ASCII `!?;`; returns the delimiter's byte length.
fn sentence_end(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'!' | b'?' | b';' => Some(1),
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => Some(3),
        _ => None,
    }
}

/// Clause ends: ASCII `,;:`.
fn clause_end(b: &[u8], i: usize) -> Option<usize> {
    matches!(b[i], b',' | b';' | b':').then_some(1)
}

/// Splits `text[range]` at the delimiters `split` finds outside protected pairs, each piece
/// keeping its delimiter; pieces are trimmed of white space and dropped when empty.
fn split_at(
    text: &str,
    range: Range<usize>,
    guard: &[Range<usize>],
    split: impl Fn(&[u8], usize) -> Option<usize>,
    mut emit: impl FnMut(Range<usize>),
) {
    let b = text.as_bytes();
    let mut g = guard.partition_point(|r| r.end <= range.start);
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        if let Some(r) = guard.get(g) {
            if r.start <= i {
                i = r.end.max(i + 1);
                g += 1;
                continue;
            }
        }
        match split(b, i) {
            Some(len) => {
                emit_trimmed(b, start..i + len, &mut emit);
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    emit_trimmed(b, start..range.end, &mut emit);
}

fn emit_trimmed(b: &[u8], mut r: Range<usize>, emit: &mut impl FnMut(Range<usize>)) {
    while r.start < r.end && b[r.start].is_ascii_whitespace() {
        r.start += 1;
    }
    while r.end > r.start && b[r.end - 1].is_ascii_whitespace() {
        r.end -= 1;
    }
    if !r.is_empty() {
        emit(r);
    }
}

/// Whether a piece holds something besides punctuation (a lone `。` is no sentence).
fn has_content(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric())
}

/// Splits `text[range]` into sentences with clauses, appending to `out`.
pub(crate) fn split_sentences(
    text: &str,
    range: Range<usize>,
    heading: Option<usize>,
    out: &mut Vec<Sentence>,
) {
    if range.is_empty() {
        return;
    }
    let guard: Vec<Range<usize>> = protected(&text[range.clone()])
        .into_iter()
        .map(|r| r.start + range.start..r.end + range.start)
        .collect();
    split_at(text, range, &guard, sentence_end, |span| {
        if !has_content(&text[span.clone()]) {
            return;
        }
        let mut clauses = Vec::new();
        split_at(text, span.clone(), &guard, clause_end, |c| clauses.push(c));
        out.push(Sentence {
            span,
            clauses,
            heading,
        });
    });
}

/// The sentences of `text`: every non-table line's running text, each heading title as its
/// own sentence, labels left out.
pub(crate) fn sentences(
    text: &str,
    lines: &[Line],
    tables: &[Table],
    headings: &[Heading],
) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 40);
    let mut t = 0;
    let mut h = 0;
    for line in lines {
        if line.is_blank() {
            continue;
        }
        while t < tables.len() && tables[t].span.end <= line.start {
            t += 1;
        }
        if let Some(table) = tables.get(t) {
            let caption = table
                .caption_span
                .as_ref()
                .is_some_and(|c| c.start <= line.start && line.start < c.end);
            if table.span.start <= line.start && line.start < table.span.end && !caption {
                continue;
            }
        }
        while h < headings.len() && headings[h].span.start < line.start {
            h += 1;
        }
        let mut pos = line.start;
        // A title taken from this line for a label on an earlier line (`附件` then its title).
        if h > 0 {
            let prev = &headings[h - 1];
            if prev.title_span.start == line.start && prev.label_span.end < line.start {
                out.push(title_sentence(text, prev.title_span.clone(), h - 1));
                pos = prev.title_span.end;
            }
        }
        let mut limit = line.end;
        if let Some(table) = tables.get(t) {
            if (line.start..line.end).contains(&table.span.start) && table.span.start > line.start {
                limit = table.span.start;
            }
        }
        while h < headings.len() && headings[h].span.start < limit {
            let head = &headings[h];
            split_sentences(text, pos..head.label_span.start.max(pos), None, &mut out);
            pos = head.label_span.end.max(pos);
            let title = head.title_span.clone();
            if !title.is_empty() && title.start >= pos && title.end <= line.end {
                out.push(title_sentence(text, title.clone(), h));
                pos = title.end;
                // The full stop (or colon) closing the title belongs to it, not to the next
                // sentence.
                if let Some(c) = text[pos..line.end].chars().next() {
                    if matches!(c, '。' | '!' | '?' | ':') {
                        pos += c.len_utf8();
                    }
                }
            }
            h += 1;
        }
        // A caption line stops at the table's `|`.
        let end = match text[pos..limit].find('|') {
            Some(i) if tables.get(t).is_some_and(|tb| tb.span.start <= line.start) => pos + i,
            _ => limit,
        };
        split_sentences(text, pos..end, None, &mut out);
    }
    out
}

fn title_sentence(text: &str, span: Range<usize>, heading: usize) -> Sentence {
    let mut one = Vec::with_capacity(1);
    split_sentences_whole(text, span, heading, &mut one);
    one.pop().unwrap_or(Sentence {
        span: 0..0,
        clauses: Vec::new(),
        heading: Some(heading),
    })
}

/// A title is one sentence even when it holds a ; (rare); only its clauses are split.
fn split_sentences_whole(text: &str, span: Range<usize>, heading: usize, out: &mut Vec<Sentence>) {
    let guard: Vec<Range<usize>> = protected(&text[span.clone()])
        .into_iter()
        .map(|r| r.start + span.start..r.end + span.start)
        .collect();
    let mut clauses = Vec::new();
    split_at(text, span.clone(), &guard, clause_end, |c| clauses.push(c));
    out.push(Sentence {
        span,
        clauses,
        heading: Some(heading),
    });
}

#[cfg(test)]
mod tests {
    use crate::structure::analyze;

    fn texts(text: &str) -> Vec<&str> {
        analyze(text)
            .sentences
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect()
    }

    #[test]
    fn splits_at_stops_and_line_ends() {
        let text = "加强领导。落实责任!完善机制?强化保障;推进改革\n 继续推进 \n";
        assert_eq!(
            texts(text),
            [
                "加强领导。",
                "落实责任!",
                "完善机制?",
                "强化保障;",
                "推进改革",
                "继续推进"
            ]
        );
    }

    #[test]
    fn never_splits_inside_quotes_or_brackets() {
        let text = "开展“学宪法。讲宪法”活动。落实《意见(试行。)》要求。\n";
        assert_eq!(
            texts(text),
            ["开展“学宪法。讲宪法”活动。", "落实《意见(试行。)》要求。"]
        );
    }

    #[test]
    fn an_unmatched_quote_protects_nothing() {
        let text = "开展“学宪法活动。落实要求。\n";
        assert_eq!(texts(text), ["开展“学宪法活动。", "落实要求。"]);
    }

    #[test]
    fn clauses_cover_the_sentence() {
        let text = "到2025年,入园率达到95%:其中,公办园(含分园,附属园)占比50%。\n";
        let s = &analyze(text).sentences[0];
        let clauses: Vec<_> = s.clauses.iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(
            clauses,
            [
                "到2025年,",
                "入园率达到95%:",
                "其中,",
                "公办园(含分园,附属园)占比50%。"
            ]
        );
        assert_eq!(s.clauses.first().unwrap().start, s.span.start);
        assert_eq!(s.clauses.last().unwrap().end, s.span.end);
    }

    #[test]
    fn heading_titles_are_sentences_without_labels() {
        let text = "一、总体要求\n1.强化教育经费保障。全面落实机制,加大投入。\n";
        let s = analyze(text);
        let got: Vec<_> = s
            .sentences
            .iter()
            .map(|x| (&text[x.span.clone()], x.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("总体要求", Some(0)),
                ("强化教育经费保障", Some(1)),
                ("全面落实机制,加大投入。", None)
            ]
        );
    }

    #[test]
    fn inline_labels_are_left_out() {
        let text = "一、目标\n1.大事完成。(1)召开大会。(2)通过验收。\n";
        assert_eq!(
            texts(text),
            ["目标", "大事完成", "召开大会。", "通过验收。"]
        );
    }
}
