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
            i += char_len(b[i]);
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
                if is_speech(id, &s[start + len..i]) {
                    i += len;
                    continue;
                }
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

/// Reported speech in quotes (“2018年的主要预期目标是:生产总值增长8.5%以上,…”): long, with
/// clause punctuation inside. It is split like any text; a quoted name (“一网通办、一次办好”)
/// stays whole.
fn is_speech(id: u8, inner: &str) -> bool {
    const LONG: usize = 30 * 3;
    matches!(id, 1 | 2) && inner.len() > LONG && inner.contains(['。', ',', ':', ';'])
}

/// Byte length of the UTF-8 char whose first byte is `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Trims ASCII white space off both ends of `b[r]`.
fn trim(b: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && b[r.start].is_ascii_whitespace() {
        r.start += 1;
    }
    while r.end > r.start && b[r.end - 1].is_ascii_whitespace() {
        r.end -= 1;
    }
    r
}

/// Whether a piece holds something besides punctuation (a lone `。` is no sentence).
fn has_content(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_alphanumeric() || (c as u32 >= 0x3400 && c.is_alphanumeric()))
}

/// Splits `text[range]` into sentences (at 。!?; unless `whole`) with clauses (at ,;:), both
/// outside protected pairs, in one pass; appends them to `out`.
fn scan(
    text: &str,
    range: Range<usize>,
    heading: Option<usize>,
    whole: bool,
    out: &mut Vec<Sentence>,
) {
    if range.is_empty() {
        return;
    }
    let b = text.as_bytes();
    let guard = protected(&text[range.clone()]);
    let mut g = 0;
    let mut sent_start = range.start;
    let mut clause_start = range.start;
    let mut clauses: Vec<Range<usize>> = Vec::new();
    let mut finish = |start: usize, end: usize, clauses: &mut Vec<Range<usize>>| {
        let span = trim(b, start..end);
        if span.is_empty() || !has_content(&text[span.clone()]) {
            clauses.clear();
            return;
        }
        // An exact copy, reusing the buffer: a taken `Vec` keeps its doubling slack, and a
        // document holds one per sentence.
        out.push(Sentence {
            span,
            clauses: clauses.as_slice().to_vec(),
            heading,
        });
        clauses.clear();
    };
    let mut i = range.start;
    while i < range.end {
        if let Some(r) = guard.get(g) {
            if r.start + range.start <= i {
                i = (r.end + range.start).max(i + 1);
                g += 1;
                continue;
            }
        }
        let c = b[i];
        let (sentence_end, clause_end, len) = match c {
            b'!' | b'?' => (true, false, 1),
            b';' => (true, true, 1),
            b',' | b':' => (false, true, 1),
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => (true, false, 3),
            _ => (false, false, char_len(c)),
        };
        i += len;
        if sentence_end && !whole {
            let clause = trim(b, clause_start..i);
            if !clause.is_empty() {
                clauses.push(clause);
            }
            finish(sent_start, i, &mut clauses);
            sent_start = i;
            clause_start = i;
        } else if clause_end || sentence_end {
            let clause = trim(b, clause_start..i);
            if !clause.is_empty() {
                clauses.push(clause);
            }
            clause_start = i;
        }
    }
    let end = i.min(range.end);
    let clause = trim(b, clause_start..end);
    if !clause.is_empty() {
        clauses.push(clause);
    }
    finish(sent_start, end, &mut clauses);
}

/// Splits `text[range]` into sentences with clauses, appending to `out`.
pub(crate) fn split_sentences(
    text: &str,
    range: Range<usize>,
    heading: Option<usize>,
    out: &mut Vec<Sentence>,
) {
    scan(text, range, heading, false, out);
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
            let caption = table.is_caption_line(line.start);
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
    // Sized by estimate; the sentences live on through extraction.
    out.shrink_to_fit();
    out
}

/// A heading's title: one sentence even when it holds a ; (rare); only its clauses split.
fn title_sentence(text: &str, span: Range<usize>, heading: usize) -> Sentence {
    let mut one = Vec::with_capacity(1);
    scan(text, span.clone(), Some(heading), true, &mut one);
    one.pop().unwrap_or(Sentence {
        clauses: vec![span.clone()],
        span,
        heading: Some(heading),
    })
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
    fn reported_speech_in_quotes_splits_like_any_text() {
        let text = "他说:“今年全县的主要预期目标是:地区生产总值增长6%以上,一般公共预算收入增长5%以上,城镇新增就业3000人。”代表们深受鼓舞。\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
        let st = crate::structure::analyze(text);
        assert!(st.sentences[0].clauses.len() >= 4, "{:?}", st.sentences[0]);
        // A quoted name with a comma stays one clause.
        let text = "推行“一网通办,一次办好”改革。\n";
        assert_eq!(
            crate::structure::analyze(text).sentences[0].clauses.len(),
            1
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
