//! Hard-wrapped lines joined again.
//!
//! Text copied out of a PDF or a fixed-width page breaks every line at the same width, in the
//! middle of sentences, numbers and names (`学前教育毛入园率达` / `到95%`). The later stages
//! read a line end as a sentence end, so such a break would cut a goal from its indicator.
//!
//! A document is taken as hard-wrapped when many of its lines have one width (in display
//! columns: a CJK char is two, an ASCII char one) and most of those lines stop without
//! sentence-final punctuation. Then a line of that width is joined to the next one unless it
//! ends a sentence, the next line opens a new paragraph (indent, outline label) or is blank.
//! Documents written one paragraph per line never show that pattern and are left alone.

use super::mapped::Mapped;

/// How many lines, from the top, the wrap width is read from.
const SAMPLE_LINES: usize = 200;
/// Lines narrower than this many columns do not count towards the wrap width.
const MIN_WIDTH: usize = 30;
/// How many lines must share the wrap width.
const MIN_LINES: usize = 5;
/// Lines this many columns short of the wrap width still count as full (a wide char or a
/// half-width digit at the end shifts the break).
const SLACK: usize = 3;

/// Joins hard-wrapped lines; returns the text and the number of line breaks removed.
pub(crate) fn unwrap_lines(mapped: Mapped) -> (Mapped, usize) {
    let lines = line_spans(&mapped.text);
    let width = wrap_width(&mapped.text, &lines);
    // Byte offsets of the line breaks to drop (or turn into a space between two ASCII words).
    let mut joins: Vec<(usize, bool)> = Vec::new();
    for pair in lines.windows(2) {
        let (line, next) = (&mapped.text[pair[0].clone()], &mapped.text[pair[1].clone()]);
        // A table's rows (1 | 婴儿死亡率 | ‰ | <5 |) are whole lines, whatever their width.
        if is_table_row(line) || is_table_row(next) {
            continue;
        }
        // A figure cut from its predicate (…亿元,增长 / 7.6%;…) is one clause whatever the
        // page's width.
        if dangles(line, next) {
            joins.push((pair[0].end, false));
            continue;
        }
        let Some(width) = width else {
            continue;
        };
        if ends_sentence(line)
            || is_heading(line)
            || columns(line.trim_end()) + SLACK < width
            || opens_paragraph(next)
        {
            continue;
        }
        // Latin words keep a space between them; numbers cut in two are one number again.
        let space = line.trim_end().ends_with(|c: char| c.is_ascii_alphabetic())
            && next.starts_with(|c: char| c.is_ascii_alphabetic());
        joins.push((pair[0].end, space));
    }
    if joins.is_empty() {
        return (mapped, 0);
    }
    let mut out = Mapped::with_capacity_of(&mapped);
    let mut next_join = joins.iter().peekable();
    let mut byte = 0;
    let chars = mapped.text.chars().zip(&mapped.origins).zip(&mapped.flags);
    for ((c, origin), &flags) in chars {
        let at = byte;
        byte += c.len_utf8();
        if let Some(&&(pos, space)) = next_join.peek() {
            // The break itself: `\n`, after a `\r` when there is one.
            if at >= pos && (c == '\n' || c == '\r') {
                if c == '\n' {
                    next_join.next();
                    if space {
                        out.push(' ', origin, flags);
                    }
                }
                continue;
            }
        }
        out.push(c, origin, flags);
    }
    (out, joins.len())
}

/// Byte ranges of the lines of `text`, without their line ends.
fn line_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        let end = if text[start..i].ends_with('\r') {
            i - 1
        } else {
            i
        };
        out.push(start..end);
        start = i + 1;
    }
    out.push(start..text.len());
    out
}

/// Display columns of `s` as the source showed it: two for wide chars (CJK; read from the
/// UTF-8 lead byte, so everything from U+0800 counts as wide), one for the others, except the
/// ASCII punctuation that NFKC made of full-width marks: Chinese text writes `,;:!?()` full
/// width, so they took two columns where the line was cut. Counted on bytes, as it runs over
/// every line of every document.
fn columns(s: &str) -> usize {
    const fn table() -> [u8; 256] {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = match b as u8 {
                b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' => 2,
                0..0x80 | 0xC0..0xE0 => 1,
                0xE0.. => 2,
                // Continuation bytes.
                0x80..0xC0 => 0,
            };
            b += 1;
        }
        t
    }
    static COLUMNS: [u8; 256] = table();
    s.bytes()
        .map(|b| usize::from(COLUMNS[usize::from(b)]))
        .sum()
}

/// The width the document is wrapped at, if it is hard-wrapped.
fn wrap_width(text: &str, lines: &[std::ops::Range<usize>]) -> Option<usize> {
    // A document is wrapped throughout or not at all: its first lines tell, and most
    // documents are then left without a count of every line.
    let widths: Vec<(usize, bool)> = lines
        .iter()
        .take(SAMPLE_LINES)
        .map(|r| {
            let line = &text[r.clone()];
            (columns(line.trim_end()), ends_sentence(line))
        })
        .filter(|&(w, _)| w >= MIN_WIDTH)
        .collect();
    if widths.len() < MIN_LINES {
        return None;
    }
    // The most common width; the widest of equally common ones.
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &(w, _) in &widths {
        *counts.entry(w).or_default() += 1;
    }
    let (&width, _) = counts.iter().max_by_key(|&(w, n)| (*n, *w))?;
    // Lines at the width (give or take the slack), and how many of them break mid-sentence.
    let full: Vec<bool> = widths
        .iter()
        .filter(|&&(w, _)| w + SLACK >= width && w <= width)
        .map(|&(_, ends)| ends)
        .collect();
    let open = full.iter().filter(|&&ends| !ends).count();
    // A third of the long lines at one width, most of them cut mid-sentence: paragraphs
    // written on one line each vary in length and end with punctuation.
    (full.len() >= MIN_LINES && full.len() * 3 >= widths.len() && open * 4 >= full.len() * 3)
        .then_some(width)
}

/// True when `line` ends on a predicate that needs a figure (增长, 达到, 为) and `next` opens
/// with that figure: a number with a unit or `%` right after it, not an outline label.
fn dangles(line: &str, next: &str) -> bool {
    const PREDICATES: &[&str] = &[
        "增长", "下降", "达到", "达", "为", "提高", "降低", "增加", "减少", "完成", "实现",
    ];
    let t = line.trim_end();
    if !next.starts_with(|c: char| c.is_ascii_digit())
        || opens_paragraph(next)
        || !PREDICATES.iter().any(|p| t.ends_with(p))
    {
        return false;
    }
    let rest = next.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start();
    rest.starts_with([
        '%', '亿', '万', '元', '个', '吨', '人', '家', '所', '户', '公',
    ])
}

/// True when the line ends a sentence or a heading: final punctuation, or a closing quote or
/// bracket after one.
/// A row of a pipe table: its cells are separated by two bars or more.
fn is_table_row(line: &str) -> bool {
    line.bytes().filter(|&b| b == b'|').count() >= 2
}

fn ends_sentence(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['”', '’', ')', '》', '」']);
    trimmed.ends_with(['。', '!', '?', ';', ':', '…'])
}

/// True when the line reads as a title of its own: no clause punctuation inside, and it ends
/// with a document's kind word or a bracketed note after one (…十四五规划(2022年更新)).
fn is_heading(line: &str) -> bool {
    const KINDS: &[&str] = &[
        "规划", "纲要", "方案", "意见", "通知", "办法", "要点", "报告", "计划", "措施",
    ];
    let t = line.trim_end();
    if t.contains([',', '，', '。', ';', '；', '、']) {
        return false;
    }
    let t = match t.strip_suffix(')') {
        Some(body) => body.rfind('(').map_or(body, |open| &body[..open]),
        None => t,
    };
    KINDS.iter().any(|k| t.ends_with(k))
}

/// True when `line` starts a new paragraph: blank, indented, or opening with an outline label
/// (一、 (一) 1. (1) 第一章 ①).
fn opens_paragraph(line: &str) -> bool {
    if line.trim().is_empty() || line.starts_with([' ', '\t', '\u{3000}']) {
        return true;
    }
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        '(' => numeral(second) || second.is_ascii_digit(),
        '第' => numeral(second),
        '①'..='⑳' => true,
        c if numeral(c) => line[c.len_utf8()..]
            .trim_start_matches(numeral)
            .starts_with('、'),
        c if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            // 1. or 1、 opens an item, 1.5 is a number: look past the mark whatever its width.
            rest.strip_prefix(['.', '、'])
                .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Spaces that stand for line breaks in a page flattened to long lines (a copy whose lines
/// were joined with spaces: `…的通知 湘政办发〔2021〕50号 各市州…`): in a line of more than 300
/// chars with at least five such spaces, a run of spaces after a Chinese char or punctuation and
/// before another or a number becomes a line break, so titles, numbers, dates and headings stand on their own
/// lines again. Each space keeps its origin. Returns the text and the number of breaks made.
pub(crate) fn split_flat_lines(mut mapped: Mapped) -> (Mapped, usize) {
    const MIN_LINE: usize = 300;
    const MIN_BREAKS: usize = 5;
    // (After NFKC a Chinese comma or colon is ASCII.)
    let closes = |c: char| (c as u32) >= 0x2E80 || matches!(c, ',' | ':' | ';' | '!' | '?' | ')');
    let opens = |c: char| (c as u32) >= 0x2E80 || c.is_ascii_digit() || matches!(c, '(' | '“');
    let mut out = String::with_capacity(mapped.text.len());
    let mut made = 0;
    for line in mapped.text.split_inclusive('\n') {
        if line.len() < MIN_LINE * 3 / 2 || line.chars().nth(MIN_LINE).is_none() {
            out.push_str(line);
            continue;
        }
        // Byte offsets of the spaces that part two wide chars.
        let mut breaks = Vec::new();
        let mut prev: Option<char> = None;
        let mut run_start: Option<usize> = None;
        for (k, c) in line.char_indices() {
            if c == ' ' {
                if run_start.is_none() && prev.is_some_and(closes) {
                    run_start = Some(k);
                }
                continue;
            }
            if let Some(start) = run_start.take() {
                if opens(c) {
                    breaks.push(start..k);
                }
            }
            prev = Some(c);
        }
        if breaks.len() < MIN_BREAKS {
            out.push_str(line);
            continue;
        }
        let mut at = 0;
        for r in &breaks {
            out.push_str(&line[at..r.start]);
            // One char for one char: each space of the run becomes a break, so every char keeps
            // its origin.
            out.extend(std::iter::repeat_n('\n', r.len()));
            at = r.end;
        }
        out.push_str(&line[at..]);
        made += breaks.len();
    }
    if made > 0 {
        mapped.text = out;
    }
    (mapped, made)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(text: &str) -> Mapped {
        Mapped::identity(text)
    }

    #[test]
    fn a_page_flattened_with_spaces_gets_its_lines_back() {
        let body = "为加快建设现代化综合交通运输体系,结合本市实际,制定本规划。".repeat(4);
        let flat = format!(
            "某市人民政府办公室关于印发某市交通规划的通知 某政办发〔2022〕7号 各区人民政府,市政府各部门: 现将规划印发给你们。 某市人民政府办公室 2022年3月1日 一、总体要求 {body} 二、重点任务 {body}"
        );
        let (out, n) = split_flat_lines(mapped(&flat));
        assert_eq!(n, 9, "{}", out.text);
        assert_eq!(out.text.chars().count(), out.origins.len());
        let lines: Vec<&str> = out.text.lines().collect();
        assert_eq!(lines[1], "某政办发〔2022〕7号");
        assert_eq!(lines[2], "各区人民政府,市政府各部门:", "{lines:?}");
        assert_eq!(lines[4], "某市人民政府办公室");
        assert_eq!(lines[5], "2022年3月1日");
        assert_eq!(lines[6], "一、总体要求");
        // Short lines and lines with few such spaces are left alone: names in a table row
        // (钱 宇), a title over two bodies.
        let short = "钱 宇 | 中共某省委 某省人民政府 | 某 某";
        assert_eq!(split_flat_lines(mapped(short)).1, 0);
        let prose = format!("{body} 一、总体要求 {body}");
        assert_eq!(split_flat_lines(mapped(&prose)).1, 0);
    }

    #[test]
    fn table_rows_are_never_joined() {
        // Wrapped prose fixes the width; rows of that width with no closing punctuation
        // still end where they end.
        let prose = "这是一个被硬换行的段落内容用于确定宽度的文字这是一个被硬换\n".repeat(6);
        let rows = "3 | 孕产妇死亡率 | 1/10万 | <7 | | 这是一个宽度相同的表格行内容\n\
            4 | 居民健康素养水平 | % | 40 | | 这是一个宽度相同的表格行内容\n";
        let text = format!("{prose}{rows}结束。\n");
        let (out, _) = unwrap_lines(mapped(&text));
        assert!(out.text.contains(rows), "{}", out.text);
    }

    #[test]
    fn a_figure_cut_from_its_predicate_joins_it_at_any_width() {
        let text = "2023年成绩\n全年实现地区生产总值 215 亿元,增长\n6.1%;工业增加值增长 4%。\n目标为\n1. 稳增长\n";
        let (out, n) = unwrap_lines(mapped(text));
        assert_eq!(n, 1, "{}", out.text);
        assert!(out.text.contains("增长6.1%;"), "{}", out.text);
        assert!(
            out.text.contains("2023年成绩\n"),
            "a heading stays: {}",
            out.text
        );
        assert!(
            out.text.contains("目标为\n1. 稳增长"),
            "an item stays: {}",
            out.text
        );
        assert_eq!(out.text.chars().count(), out.origins.len());
    }

    #[test]
    fn a_wide_item_mark_after_digits_opens_an_item() {
        // Regression: 1、 after hard-wrapped full-width lines sliced inside the 3-byte 、.
        let line = "教育事业发展规划全县各级各类学校坚持立德树人根";
        let text = format!("{}\n1、新建学校\n", [line; 5].join("\n"));
        let (out, _) = unwrap_lines(mapped(&text));
        assert!(out.text.contains("\n1、新建学校"), "{}", out.text);
    }

    /// Wraps each paragraph at `width` columns, as a PDF copy does.
    fn wrap(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let mut used = 0;
            for c in p.chars() {
                let w = columns(c.encode_utf8(&mut [0; 4]));
                if used + w > width {
                    out.push('\n');
                    used = 0;
                }
                out.push(c);
                used += w;
            }
            out.push('\n');
        }
        out
    }

    const PARAGRAPHS: [&str; 4] = [
        "一、总体目标",
        "到2025年,全县学前教育毛入园率达到95%以上,普惠性幼儿园覆盖率达到90%以上,九年义务教育巩固率保持在99%以上,高中阶段教育毛入学率达到95%。",
        "二、主要任务",
        "(一)扩大学前教育资源。新建改扩建公办幼儿园12所,新增学位3600个,持续推进城镇小区配套幼儿园治理,确保配套幼儿园全部办成公办园或普惠性民办园,由县教体局牵头,县发改局、县财政局配合。",
    ];

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let text = wrap(&PARAGRAPHS, 40);
        let (out, joined) = unwrap_lines(mapped(&text));
        assert!(joined > 0);
        let expected: String = PARAGRAPHS.iter().map(|p| format!("{p}\n")).collect();
        assert_eq!(out.text, expected);
        // Every kept char keeps its origin.
        let kept = out.text.chars().zip(&out.origins);
        for ((c, origin), (i, d)) in kept.zip(expected.char_indices()) {
            assert_eq!(c, d);
            assert_eq!(&text[origin.range()], c.to_string(), "at {i}");
        }
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let text: String = PARAGRAPHS.iter().map(|p| format!("{p}\n")).collect();
        let (out, joined) = unwrap_lines(mapped(&text));
        assert_eq!(joined, 0);
        assert_eq!(out.text, text);
    }

    #[test]
    fn sentence_ends_labels_and_indents_stop_a_join() {
        // Full-width lines, but each ends a sentence or precedes a new paragraph.
        let line = "县教育和体育局负责全县教育事业发展规划的组织实施工作";
        let text = format!(
            "{line}。\n{line}\n一、{line}\n{line}\n  {line}\n{line}\n(二){line}\n{line}\n1.{line}\n"
        );
        let repeated = text.repeat(2);
        let (out, _) = unwrap_lines(mapped(&repeated));
        for kept in ["。\n", "\n一、", "\n  ", "\n(二)", "\n1."] {
            assert!(out.text.contains(kept), "{kept:?}");
        }
    }

    #[test]
    fn ascii_words_keep_a_space_numbers_join() {
        let line = "the county plan sets forty targets";
        let text = format!("{line}\n").repeat(6) + "done.\n";
        let (out, joined) = unwrap_lines(mapped(&text));
        assert_eq!(joined, 6);
        assert_eq!(out.text, format!("{line} ").repeat(6) + "done.\n");
        let text = wrap(&["全县共资助家庭经济困难学生1850人次,累计投入资金共计1281.37万元,惠及全县各级各类学校学生和幼儿园幼儿。"; 5], 54);
        assert!(text.contains("12\n81"), "{text}");
        let (out, _) = unwrap_lines(mapped(&text));
        assert!(out.text.contains("1281.37万元"), "{}", out.text);
    }

    #[test]
    fn a_title_line_is_never_joined_to_the_text_under_it() {
        assert!(is_heading(
            "(某省)某市某区国民经济和社会发展十四五规划(2022年更新)"
        ));
        assert!(is_heading("某县教育事业发展规划"));
        assert!(!is_heading("到2025年,全县学校达到110所并编制专项规划"));
        assert!(!is_heading("推进全县教育信息化与学校布局"));
        let title = "某市某区国民经济和社会发展第十四个五年规划(2022年更新)";
        let line = "本纲要阐明全区战略意图是政府履行经济调节与市场监管和社会管理";
        let text = format!("{title}\n{}", [line; 6].join("\n"));
        let (out, _) = unwrap_lines(mapped(&text));
        assert!(out.text.starts_with(&format!("{title}\n")), "{}", out.text);
    }

    #[test]
    fn paragraph_openers() {
        for s in [
            "一、总体要求",
            "(三)加强",
            "第二章 任务",
            "12.建立",
            "①完善",
            "  缩进",
            "",
        ] {
            assert!(opens_paragraph(s), "{s}");
        }
        for s in ["到95%以上", "2025年全县", "1.5万人", "三类学校", "(资料)"] {
            assert!(!opens_paragraph(s), "{s}");
        }
    }
}
