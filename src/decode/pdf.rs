//! PDFs with a text layer: the text of each page in reading order, its running headers,
//! footers and page numbers left out.
//!
//! `lopdf` parses the file, inflates the content streams and maps each font's codes to
//! Unicode (its ToUnicode CMap, or a named encoding such as `UniGB-UCS2-H`). Its own text
//! extraction breaks a line at every text object, and office suites write one object per run,
//! so the layout is read here: every shown string is placed on the page by the text and
//! graphics matrices, strings are grouped into lines by their baseline, lines are ordered top to
//! bottom and strings left to right. A wide gap inside a line (table cells) becomes ` | `, so a
//! table's rows read as the pipe rows `structure` knows. Joining lines wrapped at the page width
//! is left to the `unwrap` step, as for a text copy.
//!
//! Glyph widths are not read: a string's end is estimated from its chars (an em for a Han char,
//! half an em otherwise), which is all the gap tests need. Text in form XObjects, Type 3 fonts and
//! rotated pages are read as their strings come, without layout. Each char maps to the bytes of
//! its page's first content stream.

use std::ops::Range;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object, ObjectId};

use super::html::PageMeta;
use super::mapped::Mapped;
use crate::error::{Error, ErrorKind};

/// The text layer of a PDF, page by page.
pub(crate) struct PdfText {
    /// The pages' lines, headers and footers removed.
    pub pages: Vec<Page>,
    /// The title of the document information dictionary.
    pub meta: PageMeta,
    /// Glyphs shown in fonts that map them to no characters (left out of the text).
    pub unreadable: usize,
}

impl PdfText {
    /// The pages' text, a line a line but for lines that wrap, which run on into the next
    /// (across a page break too); every char maps to its page's content bytes.
    pub(crate) fn text(&self) -> Mapped {
        let chars: usize = self
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| l.text.len() + 1)
            .sum();
        let mut out = Mapped::with_capacity(chars);
        for page in &self.pages {
            for line in &page.lines {
                out.push_str(&line.text, page.bytes.clone(), 0);
                if !line.wraps {
                    out.push('\n', page.bytes.clone(), 0);
                }
            }
        }
        out
    }
}

/// One page's lines and the file's bytes that hold its content.
pub(crate) struct Page {
    pub lines: Vec<PageLine>,
    pub bytes: Range<usize>,
}

/// A line of a page.
pub(crate) struct PageLine {
    pub text: String,
    /// The line reaches the right margin without closing its sentence: the text goes on in
    /// the next line (of this page or the next), with no line break between.
    pub wraps: bool,
}

/// A PDF by its header, which may follow up to 1 KiB of junk as readers allow.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Reads the text layer; `limit` bounds the inflated size of each page's content.
///
/// # Errors
/// [`ErrorKind::UnsupportedFormat`] for a file `lopdf` cannot open (damaged or encrypted with
/// a password), [`ErrorKind::NoText`] for pages without text (a scan).
pub(crate) fn read(bytes: &[u8], limit: usize) -> Result<PdfText, Error> {
    let doc = Document::load_mem(bytes).map_err(|e| {
        Error::new(
            ErrorKind::UnsupportedFormat,
            format!("the input is a PDF that cannot be opened ({e}): extract its text first, e.g. `pdftotext -enc UTF-8 FILE`"),
        )
    })?;
    let mut pages = Vec::new();
    let mut unreadable = 0;
    for (_, page_id) in doc.get_pages() {
        let (lines, lost) = page_lines(&doc, page_id, limit);
        unreadable += lost;
        let bytes = content_bytes(&doc, page_id, bytes.len());
        pages.push(Page { lines, bytes });
    }
    let visible: usize = pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| {
            l.text
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '|')
                .count()
        })
        .sum();
    if visible < 8.max(pages.len()) && unreadable > visible {
        return Err(Error::new(
            ErrorKind::NoText,
            format!(
                "the PDF's text is in fonts that map their glyphs to no characters (CID fonts without a ToUnicode map; {unreadable} glyphs): it reads as images, it needs OCR first, e.g. `ocrmypdf --force-ocr --language chi_sim FILE OUT.pdf`"
            ),
        ));
    }
    if visible < 8.max(pages.len()) {
        return Err(Error::new(
            ErrorKind::NoText,
            format!(
                "the PDF's {} page(s) hold no text layer, only images (a scan): it needs OCR first, e.g. `ocrmypdf --language chi_sim FILE OUT.pdf`",
                pages.len()
            ),
        ));
    }
    drop_running_lines(&mut pages);
    Ok(PdfText {
        pages,
        meta: info_meta(&doc),
        unreadable,
    })
}

/// The file bytes of a page's first content stream, or the whole file when the cross-reference
/// table does not say where it is.
fn content_bytes(doc: &Document, page_id: ObjectId, len: usize) -> Range<usize> {
    let first = doc.get_page_contents(page_id).into_iter().next();
    let offset = first.and_then(|id| match doc.reference_table.get(id.0) {
        Some(lopdf::xref::XrefEntry::Normal { offset, .. }) => Some(*offset as usize),
        _ => None,
    });
    let stream_len = first
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .map_or(0, |s| s.content.len());
    match offset {
        Some(o) if o < len => o..o.saturating_add(stream_len.max(1)).min(len),
        _ => 0..len,
    }
}

/// `Title` of the information dictionary, without the name of the program that printed it
/// (`Microsoft Word - 某规划.docx`). `CreationDate` is not taken: it tells when the file was
/// printed, often years after the document was issued.
fn info_meta(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    let title = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            o => Some(o),
        })
        .and_then(|o| o.as_dict().ok())
        .and_then(|info| info.get(b"Title").ok())
        .and_then(|o| lopdf::decode_text_string(o).ok());
    meta.article_title = title.and_then(|t| {
        let t = t.trim();
        let t = t.strip_prefix("Microsoft Word - ").unwrap_or(t);
        let t = [".docx", ".doc", ".wps", ".pdf"]
            .iter()
            .find_map(|ext| t.strip_suffix(ext))
            .unwrap_or(t);
        t.chars()
            .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            .then(|| t.to_owned())
    });
    meta
}

/// A 2-D affine matrix `[a b c d e f]` as PDF writes them.
#[derive(Debug, Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other` (apply `self` first), PDF's row-vector convention.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = number(o)?;
        }
        (ops.len() >= 6 && m.iter().all(|v| v.is_finite())).then_some(Matrix(m))
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A string placed on the page.
#[derive(Debug)]
struct Run {
    x: f32,
    y: f32,
    /// The estimated end of the string on the x axis.
    end: f32,
    /// The font size in page units.
    size: f32,
    text: String,
}

/// The width of `text` in ems, estimated: a wide (CJK) char is an em, others half.
fn ems(text: &str) -> f32 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.5 })
        .sum()
}

/// The text state of a content stream while it is read.
struct State<'a> {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    line: Matrix,
    size: f32,
    leading: f32,
    char_spacing: f32,
    font: Option<&'a FontText<'a>>,
    runs: Vec<Run>,
    /// Glyph codes shown in fonts whose codes map to no Unicode.
    unreadable: usize,
}

/// How a font's codes become text.
enum FontText<'a> {
    /// lopdf's reading: the ToUnicode CMap, a named one-byte encoding or UniGB-UCS2-H.
    Mapped(Encoding<'a>),
    /// A predefined CJK CMap whose codes are a legacy encoding's bytes (GBK-EUC-H: GBK,
    /// B5pc-H: Big5, UniCNS-UCS2-H: UTF-16BE), read by encoding_rs.
    Legacy(&'static encoding_rs::Encoding),
    /// Glyph ids with no map to Unicode (Identity-H without ToUnicode): unreadable.
    Unmapped,
}

impl<'a> FontText<'a> {
    /// How `font`'s codes read. A CID font's codes are glyph ids unless its CMap names an
    /// encoding or a ToUnicode map says what they are.
    fn of(font: &'a lopdf::Dictionary, doc: &'a Document, limit: usize) -> Option<Self> {
        let cmap = font.get(b"Encoding").and_then(Object::as_name).ok();
        if font.get(b"ToUnicode").is_err() {
            if let Some(name) = cmap {
                let name = name
                    .strip_suffix(b"-H")
                    .or_else(|| name.strip_suffix(b"-V"));
                let legacy = match name {
                    Some(b"GBK-EUC" | b"GB-EUC" | b"GBpc-EUC" | b"GBKp-EUC" | b"GBK2K") => {
                        Some(encoding_rs::GB18030)
                    }
                    Some(b"B5pc" | b"ETen-B5" | b"HKscs-B5" | b"ETenms-B5") => {
                        Some(encoding_rs::BIG5)
                    }
                    Some(b"UniCNS-UCS2" | b"UniCNS-UTF16" | b"UniJIS-UCS2" | b"UniJIS-UTF16") => {
                        Some(encoding_rs::UTF_16BE)
                    }
                    Some(b"Identity") => return Some(FontText::Unmapped),
                    _ => None,
                };
                if let Some(enc) = legacy {
                    return Some(FontText::Legacy(enc));
                }
            }
        }
        font.get_font_encoding_with_limit(doc, limit)
            .ok()
            .map(FontText::Mapped)
    }
}

impl State<'_> {
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.line = Matrix::translate(tx, ty).then(self.line);
        self.tm = self.line;
    }

    /// Places the string `bytes` at the current point and moves the point past it.
    fn show(&mut self, bytes: &[u8], text: &mut String) {
        let Some(font) = self.font else { return };
        text.clear();
        let read = match font {
            FontText::Mapped(enc) => enc.write_to_string(bytes, text).is_ok(),
            FontText::Legacy(enc) => {
                text.push_str(&enc.decode_without_bom_handling(bytes).0);
                true
            }
            FontText::Unmapped => false,
        };
        if !read {
            // Two-byte codes in CID fonts, one byte elsewhere: a count of glyphs either way
            // close enough to say how much was lost.
            self.unreadable += bytes.len().div_ceil(2);
            return;
        }
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        let m = self.tm.then(self.ctm);
        let [a, b, c, d, e, f] = m.0;
        let scale_x = (a * a + b * b).sqrt();
        let scale_y = (c * c + d * d).sqrt();
        let width = ems(&text) * self.size + self.char_spacing * text.chars().count() as f32;
        if !text.trim().is_empty() {
            self.runs.push(Run {
                x: e,
                y: f,
                end: e + width * scale_x,
                size: (self.size * scale_y).abs().max(0.1),
                text,
            });
        }
        self.advance(width);
    }

    fn advance(&mut self, width: f32) {
        self.tm = Matrix::translate(width, 0.0).then(self.tm);
    }
}

/// A page's lines, top to bottom.
/// A page's lines, top to bottom, and the count of glyphs it shows that no font maps to text.
fn page_lines(doc: &Document, page_id: ObjectId, limit: usize) -> (Vec<PageLine>, usize) {
    let encodings: Vec<(Vec<u8>, FontText)> = doc
        .get_page_fonts(page_id)
        .map(|fonts| {
            fonts
                .into_iter()
                .filter_map(|(name, font)| Some((name, FontText::of(font, doc, limit)?)))
                .collect()
        })
        .unwrap_or_default();
    let Ok(data) = doc.get_page_content_with_limit(page_id, limit) else {
        return (Vec::new(), 0);
    };
    let Ok(content) = Content::decode(&data) else {
        return (Vec::new(), 0);
    };
    let mut st = State {
        ctm: Matrix::IDENTITY,
        stack: Vec::new(),
        tm: Matrix::IDENTITY,
        line: Matrix::IDENTITY,
        size: 12.0,
        leading: 0.0,
        char_spacing: 0.0,
        font: None,
        runs: Vec::new(),
        unreadable: 0,
    };
    let mut scratch = String::new();
    for op in &content.operations {
        let ops = &op.operands;
        let num = |i: usize| ops.get(i).and_then(number).filter(|v| v.is_finite());
        match op.operator.as_str() {
            "q" if st.stack.len() < 64 => st.stack.push(st.ctm),
            "Q" => st.ctm = st.stack.pop().unwrap_or(Matrix::IDENTITY),
            "cm" => {
                if let Some(m) = Matrix::from_operands(ops) {
                    st.ctm = m.then(st.ctm);
                }
            }
            "BT" => {
                st.tm = Matrix::IDENTITY;
                st.line = Matrix::IDENTITY;
            }
            "Tf" => {
                let name = ops.first().and_then(|o| o.as_name().ok());
                st.font = name.and_then(|n| encodings.iter().find(|(k, _)| k == n).map(|(_, e)| e));
                st.size = num(1).unwrap_or(st.size);
            }
            "TL" => st.leading = num(0).unwrap_or(st.leading),
            "Tc" => st.char_spacing = num(0).unwrap_or(0.0),
            "Td" | "TD" => {
                let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                if op.operator == "TD" {
                    st.leading = -ty;
                }
                st.next_line(tx, ty);
            }
            "Tm" => {
                if let Some(m) = Matrix::from_operands(ops) {
                    st.tm = m;
                    st.line = m;
                }
            }
            "T*" => st.next_line(0.0, -st.leading),
            "Tj" | "'" | "\"" => {
                if op.operator != "Tj" {
                    st.next_line(0.0, -st.leading);
                }
                if let Some(Object::String(s, _)) = ops.last() {
                    st.show(s, &mut scratch);
                }
            }
            "TJ" => {
                let Some(Object::Array(items)) = ops.first() else {
                    continue;
                };
                for item in items {
                    match item {
                        Object::String(s, _) => st.show(s, &mut scratch),
                        o => {
                            if let Some(adjust) = number(o) {
                                st.advance(-adjust / 1000.0 * st.size);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let unreadable = st.unreadable;
    (lines_of(st.runs), unreadable)
}

/// A cell of a line: where it starts and (estimated) ends, and its text.
struct Cell {
    x: f32,
    end: f32,
    text: String,
}

/// Groups runs into lines by baseline, parts each line into cells at wide gaps, folds the
/// wrapped lines of a table's cells back into their row, and marks the lines of running text
/// that reach the right margin (wrapped at the page width).
fn lines_of(mut runs: Vec<Run>) -> Vec<PageLine> {
    // Top to bottom (PDF's y grows upwards), then left to right; runs within half a font size
    // of a line's baseline belong to it (superscripts, mixed fonts).
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut grouped: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match grouped.last_mut() {
            Some(line) if (line[0].y - run.y).abs() < line[0].size.min(run.size) * 0.5 => {
                line.push(run);
            }
            _ => grouped.push(vec![run]),
        }
    }
    let mut lines: Vec<(Vec<Cell>, f32)> = Vec::new();
    let mut last_y = f32::INFINITY;
    for mut group in grouped {
        let y = group[0].y;
        let below = last_y - y;
        last_y = y;
        group.sort_by(|a, b| a.x.total_cmp(&b.x));
        let size = group.iter().map(|r| r.size).fold(0.0, f32::max);
        let mut cells: Vec<Cell> = Vec::new();
        let mut prev: Option<&Run> = None;
        for run in &group {
            let gap = prev.map_or(f32::INFINITY, |p| run.x - p.end);
            let em = prev.map_or(run.size, |p| p.size.max(run.size));
            match cells.last_mut() {
                // Running text has no gap between its runs; a table's cells are an em apart
                // or more.
                Some(cell) if gap <= em => {
                    if gap > 0.15 * em
                        && cell.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                        && run.text.starts_with(|c: char| c.is_ascii_alphanumeric())
                    {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(&run.text);
                    cell.end = run.end;
                }
                _ => cells.push(Cell {
                    x: run.x,
                    end: run.end,
                    text: run.text.clone(),
                }),
            }
            prev = Some(run);
        }
        // A line whose cells each start under a cell of the table row above and end before
        // that row's next cell, fewer of them, is the rest of the row's wrapped cells.
        if let Some((row, _)) = lines.last_mut().filter(|(row, _)| {
            row.len() >= 2
                && cells.len() < row.len()
                && below < 1.8 * size
                && !cells.first().is_some_and(|c| opens_outline(&c.text))
                && cells.iter().all(|c| column_of(row, c, size).is_some())
        }) {
            for cell in cells {
                if let Some(i) = column_of(row, &cell, size) {
                    row[i].text.push_str(&cell.text);
                }
            }
            continue;
        }
        lines.push((cells, size));
    }
    // The right margin: where the longest lines of running text end.
    let margin = lines
        .iter()
        .filter(|(cells, _)| cells.len() == 1)
        .map(|(cells, _)| cells[0].end)
        .fold(f32::NEG_INFINITY, f32::max);
    lines
        .into_iter()
        .map(|(cells, size)| {
            let n = cells.len();
            let mut text = cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ");
            if n > 1 {
                text.push_str(" |");
            }
            let wraps = n == 1
                && cells[0].end > margin - 1.5 * size
                && !text.ends_with(['。', '：', ':', ';', '；', '!', '！', '?', '？']);
            PageLine { text, wraps }
        })
        .collect()
}

/// Whether a line opens with an outline label (一、 (一) 二是), which no wrapped table cell does.
fn opens_outline(text: &str) -> bool {
    let s = text.trim_start_matches(['(', '（']);
    let numeral = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    numeral > 0
        && s.chars()
            .nth(numeral)
            .is_some_and(|c| matches!(c, '、' | ')' | '）' | '是'))
}

/// The cell of table row `row` that `cell` continues: one it starts under and does not run
/// past the next of.
fn column_of(row: &[Cell], cell: &Cell, size: f32) -> Option<usize> {
    let i = row.iter().position(|c| (c.x - cell.x).abs() < size)?;
    let next = row.get(i + 1).map_or(f32::INFINITY, |c| c.x);
    (cell.end <= next + 0.5 * size).then_some(i)
}

/// A page number as printed in a header or footer: `- 3 -`, `— 3 —`, `3`, `第3页`,
/// `第 3 页 共 20 页`, `3/20`, `Page 3`.
fn is_page_number(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    if s.is_empty() || s.chars().count() > 16 {
        return false;
    }
    let rest = s
        .trim_start_matches("Page")
        .trim_start_matches("page")
        .replace(['第', '页', '共', '/', '第'], "");
    !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
        && (s.chars().all(|c| c.is_ascii_digit() || c == '/')
            || s.starts_with('第')
            || s.starts_with("Page")
            || s.starts_with("page"))
}

/// Leaves out page numbers at the top or bottom of a page, and lines that open or close most
/// pages alike (digits aside): a document's running header and footer.
fn drop_running_lines(pages: &mut [Page]) {
    let shape = |l: &str| -> String {
        l.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for p in pages.iter() {
        let ends: Vec<&str> = p
            .lines
            .iter()
            .take(2)
            .chain(p.lines.iter().rev().take(2))
            .map(|l| l.text.as_str())
            .collect();
        let mut seen = std::collections::HashSet::new();
        for l in ends {
            let k = shape(l);
            if seen.insert(k.clone()) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let n_pages = pages.len();
    let running = |l: &str| n_pages >= 3 && counts.get(&shape(l)).is_some_and(|&n| n * 2 > n_pages);
    for p in pages.iter_mut() {
        for _ in 0..2 {
            let dropped = |l: &PageLine| is_page_number(&l.text) || running(&l.text);
            if p.lines.first().is_some_and(dropped) {
                p.lines.remove(0);
            }
            if p.lines.last().is_some_and(dropped) {
                p.lines.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests;
