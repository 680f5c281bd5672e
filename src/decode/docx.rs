//! Word files (`.docx`): paragraphs and tables in document order, with automatic numbering
//! written out as the labels a reader sees (一、 (一) 1.), so the outline still reads.
//!
//! `word/document.xml` is read with `quick-xml` out of the archive (`zip`) and written as
//! simple markup (`<p>`, `<table>` with `colspan`/`rowspan` from `w:gridSpan`/`w:vMerge`) that
//! the HTML reader turns into lines and table rows, as for a web page. Headers, footers and
//! footnotes live in other parts of the archive and are not read; `docProps/core.xml` gives a
//! title and a date the metadata falls back on. Inside a compressed entry no char has bytes of
//! its own: every char maps to the entry's bytes in the file.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::ops::Range;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::html::PageMeta;
use crate::error::{Error, ErrorKind};

/// A Word document read as markup for the HTML reader.
pub(crate) struct Docx {
    /// `<p>` and `<table>` markup of the body.
    pub markup: String,
    /// The bytes of the file that hold `word/document.xml` (compressed).
    pub entry: Range<usize>,
    /// Title and date from `docProps/core.xml`.
    pub meta: PageMeta,
}

/// One unpacked part of the archive and the file's bytes that hold it.
type Part = (Vec<u8>, Range<usize>);

/// A ZIP archive (`.docx`, `.xlsx`, …) by its first bytes.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// What an input that is no text and no Word file is, when its first bytes tell: an OLE
/// compound file (`.doc`, `.wps`, `.xls`).
pub(crate) fn unsupported(bytes: &[u8]) -> Option<Error> {
    bytes
        .starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        .then(|| {
            Error::new(
                ErrorKind::UnsupportedFormat,
                "the input is an OLE compound file (.doc, .wps, .xls or .ppt), which planmine does not read: convert it to .docx first, e.g. `soffice --headless --convert-to docx FILE`",
            )
        })
}

/// Reads a `.docx` archive; `limit` bounds the unpacked size of each part read.
pub(crate) fn read(bytes: &[u8], limit: usize) -> Result<Docx, Error> {
    let unsupported = |what: &str| {
        Error::new(
            ErrorKind::UnsupportedFormat,
            format!("the input is {what}, which planmine does not read: save it as .docx or text"),
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unsupported(&format!("a ZIP archive that cannot be opened ({e})")))?;
    let names: Vec<String> = zip
        .file_names()
        .flatten()
        .map(std::borrow::Cow::into_owned)
        .collect();
    if !names.iter().any(|n| n == "word/document.xml") {
        let what = if names.iter().any(|n| n.starts_with("xl/")) {
            "an Excel workbook (.xlsx)"
        } else if names.iter().any(|n| n.starts_with("ppt/")) {
            "a PowerPoint deck (.pptx)"
        } else if names.iter().any(|n| n == "content.xml") {
            "an OpenDocument file (.odt/.ods)"
        } else {
            "a ZIP archive without a Word document"
        };
        return Err(unsupported(what));
    }
    let mut part = |name: &str| -> Result<Option<Part>, Error> {
        let Ok(mut file) = zip.by_name(name) else {
            return Ok(None);
        };
        let start = usize::try_from(file.data_start().unwrap_or(0)).unwrap_or(0);
        let len = usize::try_from(file.compressed_size()).unwrap_or(0);
        let range = start.min(bytes.len())..start.saturating_add(len).min(bytes.len());
        let mut out = Vec::new();
        (&mut file)
            .take(limit as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| Error::new(ErrorKind::Undecodable, format!("{name}: {e}")))?;
        if out.len() > limit {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("{name} unpacks to more than the limit of {limit} bytes"),
            ));
        }
        Ok(Some((out, range)))
    };
    let (document, entry) = part("word/document.xml")?
        .ok_or_else(|| unsupported("a Word archive without word/document.xml"))?;
    let numbering = part("word/numbering.xml")?
        .map(|(x, _)| Numbering::read(&x))
        .unwrap_or_default();
    let meta = part("docProps/core.xml")?
        .map(|(x, _)| core_meta(&x))
        .unwrap_or_default();
    let markup = body_markup(&document, numbering)?;
    Ok(Docx {
        markup,
        entry,
        meta,
    })
}

/// `w:val` (or any attribute with local name `key`) of an element.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// `word/numbering.xml`: numbering instances, their abstract definitions, and counters.
#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, Vec<Level>>,
    /// Counters per abstract definition (lists sharing one continue its count).
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    fn read(xml: &[u8]) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let (mut abstract_id, mut num_id, mut level) = (None::<String>, None::<String>, None);
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attr(e, "abstractNumId"),
                    "num" => num_id = attr(e, "numId"),
                    "abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num_id, attr(e, "val")) {
                            n.nums.insert(id.clone(), a);
                        }
                    }
                    "lvl" => {
                        level = attr(e, "ilvl").and_then(|v| v.parse::<usize>().ok());
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let levels = n.abstracts.entry(a.clone()).or_default();
                            if l < 9 && levels.len() <= l {
                                levels.resize(l + 1, Level::default());
                            }
                        }
                    }
                    name @ ("start" | "numFmt" | "lvlText") => {
                        let slot = abstract_id
                            .as_ref()
                            .zip(level)
                            .and_then(|(a, l)| n.abstracts.get_mut(a)?.get_mut(l));
                        if let (Some(slot), Some(v)) = (slot, attr(e, "val")) {
                            match name {
                                "start" => slot.start = v.parse().unwrap_or(1),
                                "numFmt" => slot.format = v,
                                _ => slot.text = v,
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "abstractNum" => abstract_id = None,
                Event::End(e) if e.local_name().as_ref() == "num" => num_id = None,
                _ => {}
            }
            buf.clear();
        }
        n
    }

    /// The label of the next paragraph numbered `num_id` at level `ilvl` (`一、`, `(二)`,
    /// `3.`), counting it; `None` for bullets and unknown lists.
    fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let abs = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abs)?;
        let level = levels.get(ilvl.min(8))?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let counters = self.counters.entry(abs.clone()).or_insert([0; 9]);
        let l = ilvl.min(8);
        counters[l] = if counters[l] == 0 {
            level.start.max(1)
        } else {
            counters[l] + 1
        };
        for deeper in &mut counters[l + 1..] {
            *deeper = 0;
        }
        let counters = *counters;
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = (d as usize).saturating_sub(1).min(8);
                    let lv = levels.get(k).map_or("decimal", |x| x.format.as_str());
                    let value = if counters[k] == 0 {
                        levels.get(k).map_or(1, |x| x.start.max(1))
                    } else {
                        counters[k]
                    };
                    label.push_str(&format_number(value, lv));
                    continue;
                }
            }
            label.push(c);
        }
        Some(label)
    }
}

/// `n` written in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "chineseLegalSimplified"
        | "ideographLegalTraditional" => chinese(n),
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let k = (n.max(1) - 1) % 26;
            char::from(base + k as u8).to_string()
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
fn chinese(n: u32) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n >= 1000 {
        return n.to_string();
    }
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push(D[h as usize]);
        s.push('百');
        if t == 0 && u > 0 {
            s.push('零');
        }
    }
    if t > 0 {
        if !(t == 1 && h == 0) {
            s.push(D[t as usize]);
        }
        s.push('十');
    }
    if u > 0 || n == 0 {
        s.push(D[u as usize]);
    }
    s
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `docProps/core.xml`: `dc:title` and `dcterms:created`.
fn core_meta(xml: &[u8]) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut field = None;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => field = Some(e.local_name().as_ref().to_owned()),
            Ok(Event::End(_)) => field = None,
            Ok(Event::Text(t)) => {
                let v = t
                    .xml_content(quick_xml::XmlVersion::Implicit1_0)
                    .trim()
                    .to_owned();
                match field.as_deref() {
                    Some("title") if !v.is_empty() => meta.article_title = Some(v),
                    Some("created") if !v.is_empty() => meta.pub_date = Some(v),
                    _ => {}
                }
            }
            Ok(_) => {}
        }
        buf.clear();
    }
    meta
}

/// A table cell while its table is read.
struct CellBuild {
    markup: String,
    colspan: usize,
    /// `w:vMerge` without `restart`: continues the cell above.
    merged: bool,
}

/// The body of `word/document.xml` as `<p>` and `<table>` markup.
fn body_markup(xml: &[u8], mut numbering: Numbering) -> Result<String, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::with_capacity(xml.len() / 4);
    // Open tables: rows of cells.
    let mut tables: Vec<Vec<Vec<CellBuild>>> = Vec::new();
    let mut para = String::new();
    let mut in_para = false;
    let mut in_text = false;
    let (mut num_id, mut ilvl) = (None::<String>, 0usize);
    let sink = |tables: &mut Vec<Vec<Vec<CellBuild>>>, out: &mut String, s: &str| match current_cell(
        tables,
    ) {
        Some(cell) => cell.markup.push_str(s),
        None => out.push_str(s),
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(e) => {
                return Err(Error::new(
                    ErrorKind::Undecodable,
                    format!("word/document.xml is not well-formed XML: {e}"),
                ))
            }
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    "p" if !empty => {
                        in_para = true;
                        para.clear();
                        num_id = None;
                        ilvl = 0;
                    }
                    "numId" => num_id = attr(e, "val").filter(|v| v != "0"),
                    "ilvl" => ilvl = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    "t" if !empty => in_text = true,
                    "tab" if in_para => para.push(' '),
                    "br" | "cr" if in_para => para.push_str("<br>"),
                    "tbl" if !empty => tables.push(Vec::new()),
                    "tr" if !empty => {
                        if let Some(t) = tables.last_mut() {
                            t.push(Vec::new());
                        }
                    }
                    "tc" if !empty => {
                        if let Some(r) = tables.last_mut().and_then(|t| t.last_mut()) {
                            r.push(CellBuild {
                                markup: String::new(),
                                colspan: 1,
                                merged: false,
                            });
                        }
                    }
                    "gridSpan" => {
                        let span = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some(c) = current_cell(&mut tables) {
                            c.colspan = usize::clamp(span, 1, 64);
                        }
                    }
                    "vMerge" => {
                        let restart = attr(e, "val").is_some_and(|v| v == "restart");
                        if let Some(c) = current_cell(&mut tables) {
                            c.merged = !restart;
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                escape_into(
                    &t.xml_content(quick_xml::XmlVersion::Implicit1_0),
                    &mut para,
                );
            }
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    escape_into(c.encode_utf8(&mut [0; 4]), &mut para);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    in_para = false;
                    let label = num_id
                        .as_deref()
                        .and_then(|id| numbering.next_label(id, ilvl))
                        .unwrap_or_default();
                    let mut p = String::with_capacity(para.len() + label.len() + 8);
                    p.push_str("<p>");
                    escape_into(&label, &mut p);
                    p.push_str(&para);
                    p.push_str("</p>\n");
                    sink(&mut tables, &mut out, &p);
                }
                "tbl" => {
                    if let Some(rows) = tables.pop() {
                        let markup = table_markup(rows);
                        sink(&mut tables, &mut out, &markup);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn current_cell(tables: &mut [Vec<Vec<CellBuild>>]) -> Option<&mut CellBuild> {
    tables.last_mut()?.last_mut()?.last_mut()
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
}

/// A table's rows as `<table>` markup: a cell continued by `w:vMerge` below it gets a
/// `rowspan`, and the continuing cells are left out (the reader fills them).
fn table_markup(rows: Vec<Vec<CellBuild>>) -> String {
    // Each row's cells with their start column.
    let placed: Vec<Vec<(usize, CellBuild)>> = rows
        .into_iter()
        .map(|row| {
            let mut col = 0;
            row.into_iter()
                .map(|c| {
                    let at = col;
                    col += c.colspan;
                    (at, c)
                })
                .collect()
        })
        .collect();
    // Rowspan of each starting cell: how many merged cells follow it in its column.
    let mut spans: Vec<Vec<usize>> = placed.iter().map(|r| vec![1; r.len()]).collect();
    for r in 0..placed.len() {
        for (k, (col, cell)) in placed[r].iter().enumerate() {
            if cell.merged {
                continue;
            }
            let mut below = r + 1;
            while below < placed.len() && placed[below].iter().any(|(c, x)| c == col && x.merged) {
                below += 1;
            }
            spans[r][k] = below - r;
        }
    }
    let mut out = String::from("<table>\n");
    for (r, row) in placed.into_iter().enumerate() {
        out.push_str("<tr>");
        for (k, (_, cell)) in row.into_iter().enumerate() {
            if cell.merged {
                continue;
            }
            out.push_str(&format!(
                "<td colspan=\"{}\" rowspan=\"{}\">",
                cell.colspan, spans[r][k]
            ));
            out.push_str(&cell.markup);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

#[cfg(test)]
mod tests;
