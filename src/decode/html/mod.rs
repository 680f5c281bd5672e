//! HTML pages: the article's text in lines, its tables as pipe rows, and the page's own facts.
//!
//! A government site's article page holds the document in one container among navigation,
//! share bars, related links and footers. The page is read in one pass:
//!
//! 1. [`scan`] cuts the markup into text runs and tags;
//! 2. block elements (`p`, `div`, `li`, headings, `br`) end lines, white space collapses as a
//!    browser collapses it (none between two Chinese chars), entities decode, and `script`,
//!    `style`, `select`, `head` and elements styled `display:none` give no text;
//! 3. a `<table>` becomes one line per row, cells joined by ` | ` and `rowspan`/`colspan`
//!    filled, which `structure` reads as a table; a layout table (one that holds another, or
//!    long paragraphs) gives its cells' lines instead;
//! 4. the article is the smallest element that holds most of the page's text, links and
//!    punctuation weighed (text density, not a list of one site's class names), plus the
//!    short lines just above it (its title and byline);
//! 5. `<title>` and the CMS `<meta name="ArticleTitle|PubDate|ContentSource|…">` tags are kept
//!    as a [`PageMeta`] for the metadata extractor.
//!
//! Every char of the result keeps the input byte range it came from (an entity's chars map
//! to the whole entity).

mod scan;

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_8};
use memchr::memchr_iter;
use serde::{Deserialize, Serialize};

use super::detect::count_chars;
use super::mapped::{join, Mapped, Origin, OriginCursor};
use scan::{attr, decode_entities, Scanner, Token};

/// Facts a page states in its markup rather than its body: the site's `<title>` and the
/// `<meta>` tags government CMSs write.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMeta {
    /// `<title>`, as written (often `标题_栏目_站点`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `<meta name="ArticleTitle">`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_title: Option<String>,
    /// `<meta name="PubDate">` (`2021-12-20 10:30`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pub_date: Option<String>,
    /// `<meta name="ContentSource">`: the body that put the page up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_source: Option<String>,
    /// `<meta name="ColumnName">`: the site's section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// `<meta name="SiteName">`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// `<meta name="Keywords">`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<String>,
    /// `<meta name="Description">`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl PageMeta {
    /// The same facts with `f` applied to every value.
    pub(crate) fn map_fields(self, f: impl Fn(&str) -> String) -> PageMeta {
        let g = |v: Option<String>| v.map(|v| f(&v));
        PageMeta {
            title: g(self.title),
            article_title: g(self.article_title),
            pub_date: g(self.pub_date),
            content_source: g(self.content_source),
            column_name: g(self.column_name),
            site_name: g(self.site_name),
            keywords: g(self.keywords),
            description: g(self.description),
        }
    }
}

/// How much of the input the sniffer and the charset scan look at.
const SNIFF_BYTES: usize = 64 * 1024;

/// What the sniffer found: markup, and whether its text keeps its own line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sniffed {
    /// A text copy with a few tags left in keeps its lines; a page's lines come from its
    /// block elements.
    pub keep_newlines: bool,
    /// Every line is the document's (a Word file's body): no article to pick out of a site.
    pub whole: bool,
}

/// Whether `bytes` are an HTML page (or text with markup left in), by their first bytes.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let body = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    // UTF-16 pages are rare and their tags are not ASCII bytes: left to the text path.
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let opening = &body[start..body.len().min(start + 512)];
    let declared = starts_with_ci(opening, b"<!doctype html")
        || starts_with_ci(opening, b"<html")
        || (starts_with_ci(opening, b"<?xml") && find_ci(opening, b"<html").is_some());
    let mut tags = 0usize;
    let mut blocks = 0usize;
    for i in memchr_iter(b'<', body) {
        let rest = &body[i + 1..];
        let rest = rest.strip_prefix(b"/".as_slice()).unwrap_or(rest);
        let name_len = rest
            .iter()
            .take(12)
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len().min(12));
        let name = &rest[..name_len];
        if !rest
            .get(name_len)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if KNOWN_TAGS.contains(&lower.as_slice()) {
            tags += 1;
            if BLOCK_TAGS.contains(&lower.as_slice()) {
                blocks += 1;
            }
        }
    }
    if !declared && tags < 4 {
        return None;
    }
    let newlines = memchr_iter(b'\n', body).count();
    Some(Sniffed {
        keep_newlines: !declared && blocks * 3 < newlines,
        whole: false,
    })
}

const KNOWN_TAGS: &[&[u8]] = &[
    b"html", b"head", b"body", b"meta", b"title", b"p", b"div", b"span", b"br", b"table", b"tr",
    b"td", b"th", b"a", b"strong", b"b", b"font", b"li", b"ul", b"h1", b"h2", b"h3", b"img",
    b"script", b"style", b"section", b"article",
];
const BLOCK_TAGS: &[&[u8]] = &[
    b"p", b"div", b"br", b"tr", b"li", b"h1", b"h2", b"h3", b"table", b"section", b"article",
];

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find_ci(s: &[u8], needle: &[u8]) -> Option<usize> {
    s.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The Chinese charset a page declares in its first bytes (`<meta charset>` or
/// `http-equiv`): GB18030 for a declared GB2312 or GBK (browsers decode those as GB18030),
/// Big5, or UTF-8. Other labels (`iso-8859-1` on a Chinese page is a CMS default, not a
/// fact) are left to detection.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let mut from = 0;
    while let Some(i) = find_ci(&head[from..], b"charset") {
        let mut k = from + i + 7;
        from = k;
        while head.get(k).is_some_and(|b| b.is_ascii_whitespace()) {
            k += 1;
        }
        if head.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while head
            .get(k)
            .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\''))
        {
            k += 1;
        }
        let end = (k..head.len())
            .find(|&j| {
                !(head[j].is_ascii_alphanumeric() || matches!(head[j], b'-' | b'_' | b':' | b'.'))
            })
            .unwrap_or(head.len());
        let enc = Encoding::for_label(&head[k..end])?;
        return match enc {
            e if e == GBK || e == GB18030 => Some(GB18030),
            e if e == BIG5 || e == UTF_8 => Some(e),
            _ => None,
        };
    }
    None
}

/// A line of output text and the element it started in.
#[derive(Debug, Default)]
struct Line {
    text: Mapped,
    elem: u32,
    links: u32,
}

/// Where text goes: the page's lines, or one table cell's.
#[derive(Debug, Default)]
struct Sink {
    lines: Vec<Line>,
    cur: Line,
    /// White space seen since the last char: its origin, and whether it held a line break
    /// (source formatting) or a typed space (U+3000, `&nbsp;`: the editor's own).
    space: Option<Space>,
}

impl Sink {
    fn end_line(&mut self) {
        self.space = None;
        if !self.cur.text.text.is_empty() {
            // The next line is likely as long: sized once rather than grown by doubling.
            let (bytes, chars) = (self.cur.text.text.len(), self.cur.text.origins.len());
            let next = Line {
                text: Mapped::with_capacity_chars(bytes, chars),
                ..Line::default()
            };
            self.lines.push(std::mem::replace(&mut self.cur, next));
        }
    }
}

/// Collapsed white space waiting for the next char.
#[derive(Debug, Clone, Copy)]
struct Space {
    origin: Origin,
    broke: bool,
    typed: bool,
}

/// A table cell being read.
#[derive(Debug, Default)]
struct Cell {
    sink: Sink,
    colspan: usize,
    rowspan: usize,
}

/// A table being read.
#[derive(Debug, Default)]
struct TableBuild {
    elem: u32,
    rows: Vec<Vec<Cell>>,
    row_open: bool,
    cell: Option<Cell>,
    nested: bool,
}

/// Per element: its place in the tree and the text directly in it.
#[derive(Debug, Clone, Copy, Default)]
struct Elem {
    parent: u32,
    /// The last element opened inside it (elements are numbered in document order).
    last: u32,
    chars: u32,
    links: u32,
    punct: u32,
}

/// An open element.
#[derive(Debug, Clone, Copy)]
struct Open {
    id: u32,
    name: Name,
    hides: bool,
}

/// A tag name, ASCII-lowercased (long names cut: no element that matters here has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Name([u8; 10], u8);

impl Name {
    fn new(s: &str) -> Self {
        let mut b = [0u8; 10];
        let n = s.len().min(10);
        for (d, s) in b.iter_mut().zip(s.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Name(b, n as u8)
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..usize::from(self.1)]).unwrap_or("")
    }

    fn is(&self, s: &str) -> bool {
        self.as_str() == s
    }
}

/// Elements whose content a reader never sees.
const HIDDEN: &[&str] = &["head", "select", "template", "svg", "math", "object"];
/// How deep an end tag or an implied end looks for its element: bounded, so that stray end
/// tags on a deeply nested page cost a constant each.
const STACK_SEARCH: usize = 256;

fn is_block(name: &Name) -> bool {
    // (A `match` on the name compiles to a length switch: tags are the most common token.)
    matches!(
        name.as_str(),
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "ul"
            | "caption"
            | "option"
            | "legend"
            | "html"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// A Chinese (wide) char: Chinese text has no spaces between words.
fn wide(c: char) -> bool {
    c >= '\u{2E80}'
}

/// White space, with the common cases first (`char::is_whitespace` is a table lookup).
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\n' | '\t' | '\r' | '\u{C}' | '\u{A0}' | '\u{3000}' => true,
        c if c.is_ascii() || ('\u{3001}'..='\u{FFFF}').contains(&c) => false,
        c => c.is_whitespace(),
    }
}

fn is_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '、' | '：' | ',' | ';')
}

struct Builder<'a> {
    page: &'a Mapped,
    keep_newlines: bool,
    /// Byte and char position of the scan in `page.text`, to map byte offsets to chars.
    at_byte: usize,
    at_char: usize,
    elems: Vec<Elem>,
    stack: Vec<Open>,
    hidden: usize,
    links: usize,
    in_title: bool,
    top: Sink,
    tables: Vec<TableBuild>,
    meta: PageMeta,
    title: String,
    /// Budget of table grid cells, so that spans cannot blow a small page up.
    grid_budget: usize,
}

/// Reads an HTML page's text (see the module docs).
pub(crate) fn extract(page: &Mapped, sniffed: Sniffed) -> (Mapped, PageMeta) {
    let mut b = Builder {
        page,
        keep_newlines: sniffed.keep_newlines,
        at_byte: 0,
        at_char: 0,
        elems: vec![Elem::default()],
        stack: Vec::new(),
        hidden: 0,
        links: 0,
        in_title: false,
        top: Sink::default(),
        tables: Vec::new(),
        meta: PageMeta::default(),
        title: String::new(),
        grid_budget: 1_000_000 + page.text.len() / 4,
    };
    for token in Scanner::new(&page.text) {
        match token {
            Token::Text(start, end) => b.text(start, end),
            Token::Start {
                name,
                attrs,
                self_closing,
            } => b.start(name, attrs, self_closing),
            Token::End { name } => b.end(name),
        }
    }
    b.pop_to(0);
    b.top.end_line();
    let title = collapse(&b.title);
    b.meta.title = (!title.is_empty()).then_some(title);
    let lines = if sniffed.whole {
        std::mem::take(&mut b.top.lines)
    } else {
        b.select()
    };
    let mut out = Mapped::with_capacity(page.text.len() / 4);
    for (k, line) in lines.into_iter().enumerate() {
        if k > 0 {
            let o = out.origins.last().unwrap_or_default();
            out.push('\n', o, 0);
        }
        out.append(&line.text);
    }
    (out, b.meta)
}

/// White space collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Builder<'_> {
    /// The char index of byte `byte` of the page (calls come in increasing order).
    fn char_at(&mut self, byte: usize) -> usize {
        let b = self.page.text.as_bytes();
        let end = byte.min(b.len());
        if end > self.at_byte {
            self.at_char += count_chars(&b[self.at_byte..end]);
            self.at_byte = end;
        }
        self.at_char
    }

    fn top_id(&self) -> u32 {
        self.stack.last().map_or(0, |o| o.id)
    }

    fn sink(&mut self) -> &mut Sink {
        sink_of(&mut self.tables, &mut self.top)
    }

    fn text(&mut self, start: usize, end: usize) {
        let first = self.char_at(start);
        if self.hidden > 0 && !self.in_title {
            self.char_at(end);
            return;
        }
        let page = self.page;
        let raw = &page.text[start..end];
        if self.in_title {
            decode_entities(raw, |(c, _, _)| self.title.push(c));
            self.char_at(end);
            return;
        }
        let top = self.top_id();
        let mut put = Put {
            sink: sink_of(&mut self.tables, &mut self.top),
            keep_newlines: self.keep_newlines,
            link: self.links > 0,
            top,
            counts: Elem::default(),
        };
        if !raw.contains('&') {
            // Most text holds no entity: each char is the page's next char.
            let mut k = first;
            let mut origins = page.origins.iter_range(first..first + raw.len());
            for c in raw.chars() {
                if let (Some(o), Some(&f)) = (origins.next(), page.flags.get(k)) {
                    put.char(c, o, f);
                }
                k += 1;
            }
            let counts = put.counts;
            self.at_byte = end;
            self.at_char = k;
            self.count(top, counts);
            return;
        }
        let mut pieces = Vec::with_capacity(raw.len() / 2);
        decode_entities(raw, |p| pieces.push(p));
        let mut at = (0usize, first);
        let mut origins = OriginCursor::new(&page.origins, first);
        for (c, s, e) in pieces {
            // Char indices of the piece's bytes, walking forward from the last piece.
            let mut advance = |to: usize| {
                at.1 += count_chars(&raw.as_bytes()[at.0..to]);
                at.0 = to;
                at.1
            };
            let cs = advance(s);
            let ce = advance(e).max(cs + 1);
            let (Some(a), Some(z)) = (origins.get(cs), origins.get(ce - 1)) else {
                continue;
            };
            let flags = page.flags[cs..ce.min(page.flags.len())]
                .iter()
                .fold(0, |f, x| f | x);
            put.char(c, join(&a, &z), flags);
        }
        let counts = put.counts;
        self.char_at(end);
        self.count(top, counts);
    }

    fn count(&mut self, elem: u32, counts: Elem) {
        let e = &mut self.elems[elem as usize];
        e.chars += counts.chars;
        e.links += counts.links;
        e.punct += counts.punct;
    }

    fn start(&mut self, raw_name: &str, attrs: &str, self_closing: bool) {
        let name = Name::new(raw_name);
        let n = name.as_str();
        match n {
            "br" => {
                self.sink().end_line();
                return;
            }
            "meta" => {
                self.meta_tag(attrs);
                return;
            }
            "title" if !self.in_body() => {
                self.in_title = true;
                return;
            }
            _ => {}
        }
        self.implied_ends(&name);
        if is_void(n) || (self_closing && !is_block(&name)) {
            if n == "hr" {
                self.sink().end_line();
            }
            return;
        }
        if is_block(&name) {
            self.sink().end_line();
        }
        let id = self.elems.len() as u32;
        self.elems.push(Elem {
            parent: self.top_id(),
            last: id,
            ..Elem::default()
        });
        // (Most tags carry styles; only one that says `none` or `hidden` needs reading.)
        let hides = HIDDEN.contains(&n)
            || (attrs.contains("none")
                && attr(attrs, "style").is_some_and(|s| {
                    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                    s.to_ascii_lowercase().contains("display:none")
                }))
            || (attrs.contains("hidden") && attr(attrs, "hidden").is_some());
        self.hidden += usize::from(hides);
        self.links += usize::from(n == "a");
        self.stack.push(Open { id, name, hides });
        match n {
            "table" => {
                if let Some(outer) = self.tables.last_mut() {
                    if outer.cell.is_some() {
                        outer.nested = true;
                    }
                }
                self.tables.push(TableBuild {
                    elem: id,
                    ..TableBuild::default()
                });
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                    t.rows.push(Vec::new());
                    t.row_open = true;
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                    if !t.row_open {
                        t.rows.push(Vec::new());
                        t.row_open = true;
                    }
                    let span = |k: &str, max: usize| {
                        attr(attrs, k)
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .map_or(1, |v| v.clamp(1, max))
                    };
                    t.cell = Some(Cell {
                        sink: Sink::default(),
                        colspan: span("colspan", 64),
                        rowspan: span("rowspan", 256),
                    });
                }
            }
            _ => {}
        }
    }

    fn in_body(&self) -> bool {
        self.stack.iter().any(|o| o.name.is("body"))
    }

    /// Ends that a start tag implies: a block closes an open `p`, `li` an open `li`, a cell
    /// an open cell, a row an open row.
    fn implied_ends(&mut self, name: &Name) {
        let n = name.as_str();
        let (targets, stops): (&[&str], &[&str]) = match n {
            "li" => (&["li"], &["ul", "ol", "menu", "table"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl", "table"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr"], &["table"]),
            "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot"], &["table"]),
            "option" => (&["option"], &["select"]),
            "a" => (&["a"], &[]),
            _ if is_block(name) => (&["p"], &[]),
            _ => return,
        };
        let block_target = targets == ["p"];
        for k in (0..self.stack.len()).rev().take(STACK_SEARCH) {
            let open = &self.stack[k].name;
            if targets.contains(&open.as_str()) {
                self.pop_to(k);
                return;
            }
            // `p` closes only through inline elements; the others up to their container.
            if stops.contains(&open.as_str()) || (block_target && is_block(open)) {
                return;
            }
        }
    }

    fn end(&mut self, raw_name: &str) {
        let name = Name::new(raw_name);
        match name.as_str() {
            "title" => {
                self.in_title = false;
                return;
            }
            "br" => {
                self.sink().end_line();
                return;
            }
            "p" if !self
                .stack
                .iter()
                .rev()
                .take(STACK_SEARCH)
                .any(|o| o.name == name) =>
            {
                // `</p>` with no open `p` is an empty paragraph: a line break.
                self.sink().end_line();
                return;
            }
            _ => {}
        }
        let found = (0..self.stack.len())
            .rev()
            .take(STACK_SEARCH)
            .find(|&k| self.stack[k].name == name);
        if let Some(k) = found {
            self.pop_to(k);
        }
    }

    /// Closes the open elements from the top down to stack index `k` (inclusive).
    fn pop_to(&mut self, k: usize) {
        while self.stack.len() > k {
            let Some(open) = self.stack.pop() else { break };
            let last = self.elems.len().saturating_sub(1) as u32;
            self.elems[open.id as usize].last = last;
            self.hidden -= usize::from(open.hides);
            let n = open.name.as_str();
            if n == "a" {
                self.links = self.links.saturating_sub(1);
            }
            match n {
                "td" | "th" => {
                    if let Some(t) = self.tables.last_mut() {
                        close_cell(t);
                    }
                }
                "tr" => {
                    if let Some(t) = self.tables.last_mut() {
                        close_cell(t);
                        t.row_open = false;
                    }
                }
                "table" if self.tables.last().is_some_and(|t| t.elem == open.id) => {
                    if let Some(mut t) = self.tables.pop() {
                        close_cell(&mut t);
                        let lines = render_table(t, &mut self.grid_budget);
                        let sink = self.sink();
                        sink.end_line();
                        sink.lines.extend(lines);
                    }
                }
                _ if is_block(&open.name) => self.sink().end_line(),
                _ => {}
            }
        }
    }

    fn meta_tag(&mut self, attrs: &str) {
        let (Some(name), Some(content)) = (attr(attrs, "name"), attr(attrs, "content")) else {
            return;
        };
        let mut value = String::new();
        decode_entities(content, |(c, _, _)| value.push(c));
        let value = collapse(&value);
        if value.is_empty() {
            return;
        }
        let slot = match name.to_ascii_lowercase().as_str() {
            "articletitle" => &mut self.meta.article_title,
            "pubdate" | "firstpublishedtime" => &mut self.meta.pub_date,
            "contentsource" => &mut self.meta.content_source,
            "columnname" => &mut self.meta.column_name,
            "sitename" => &mut self.meta.site_name,
            "keywords" => &mut self.meta.keywords,
            "description" => &mut self.meta.description,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }

    /// The article's lines: those of the smallest element holding most of the page's
    /// weighed text, and the short lines just above it.
    fn select(&mut self) -> Vec<Line> {
        let lines = std::mem::take(&mut self.top.lines);
        let n = self.elems.len();
        // Totals per subtree: children come after their parent, so one backward pass.
        let mut weight = vec![0f64; n];
        for id in (0..n).rev() {
            let e = self.elems[id];
            weight[id] += f64::from(e.chars - e.links.min(e.chars)) + 8.0 * f64::from(e.punct);
            if id > 0 {
                let w = weight[id];
                weight[e.parent as usize] += w;
            }
        }
        // First child and next sibling, to walk down the tree.
        let mut first_child = vec![u32::MAX; n];
        let mut next_sibling = vec![u32::MAX; n];
        for id in (1..n).rev() {
            let p = self.elems[id].parent as usize;
            next_sibling[id] = first_child[p];
            first_child[p] = id as u32;
        }
        let mut root = 0usize;
        loop {
            let mut best = None::<(usize, f64)>;
            let mut c = first_child[root];
            while c != u32::MAX {
                let w = weight[c as usize];
                if best.is_none_or(|(_, bw)| w > bw) {
                    best = Some((c as usize, w));
                }
                c = next_sibling[c as usize];
            }
            match best {
                Some((c, w)) if weight[root] > 0.0 && w >= 0.75 * weight[root] => root = c,
                _ => break,
            }
        }
        if root == 0 {
            return lines;
        }
        let last = self.elems[root].last as usize;
        let inside = |l: &Line| (root..=last).contains(&(l.elem as usize));
        let Some(first) = lines.iter().position(inside) else {
            return lines;
        };
        // The title and byline above the article's container, within its grandparent.
        let grand = {
            let p = self.elems[root].parent as usize;
            self.elems[p].parent as usize
        };
        let grand_last = self.elems[grand].last as usize;
        let mut head = first;
        while head > 0 && first - head < 6 {
            let l = &lines[head - 1];
            let chars = l.text.len_chars() as u32;
            let in_grand = (grand..=grand_last).contains(&(l.elem as usize));
            if !in_grand || l.links * 2 > chars || chars > 120 {
                break;
            }
            head -= 1;
        }
        lines
            .into_iter()
            .enumerate()
            .filter(|(k, l)| (head..first).contains(k) || inside(l))
            .map(|(_, l)| l)
            .collect()
    }
}

/// The innermost open cell's sink, or the page's.
fn sink_of<'s>(tables: &'s mut [TableBuild], top: &'s mut Sink) -> &'s mut Sink {
    match tables.iter_mut().rev().find_map(|t| t.cell.as_mut()) {
        Some(cell) => &mut cell.sink,
        None => top,
    }
}

/// Puts one text run's chars into a sink, counting them for the element they are in.
struct Put<'s> {
    sink: &'s mut Sink,
    keep_newlines: bool,
    link: bool,
    top: u32,
    counts: Elem,
}

impl Put<'_> {
    fn char(&mut self, c: char, origin: Origin, flags: u8) {
        let sink = &mut *self.sink;
        if c == '\n' && self.keep_newlines {
            sink.end_line();
            return;
        }
        if is_space(c) {
            if !sink.cur.text.text.is_empty() {
                let was = sink.space;
                sink.space = Some(Space {
                    origin,
                    broke: c == '\n' || was.is_some_and(|s| s.broke),
                    typed: matches!(c, '\u{3000}' | '\u{A0}') || was.is_some_and(|s| s.typed),
                });
            }
            return;
        }
        if let Some(space) = sink.space.take() {
            // A source line break next to a Chinese char wraps a sentence, and source spaces
            // between two of them are indentation; a typed space (第一章　总则) is the text's.
            let prev = sink.cur.text.text.chars().next_back();
            let drop = !space.typed
                && prev
                    .is_some_and(|p| (wide(p) && wide(c)) || (space.broke && (wide(p) || wide(c))));
            if !drop {
                sink.cur.text.push(' ', space.origin, 0);
            }
        }
        if sink.cur.text.text.is_empty() {
            sink.cur.elem = self.top;
        }
        sink.cur.text.push(c, origin, flags);
        sink.cur.links += u32::from(self.link);
        self.counts.chars += 1;
        self.counts.links += u32::from(self.link);
        self.counts.punct += u32::from(is_punct(c));
    }
}

fn close_cell(t: &mut TableBuild) {
    if let Some(mut cell) = t.cell.take() {
        cell.sink.end_line();
        if !t.row_open {
            t.rows.push(Vec::new());
            t.row_open = true;
        }
        if let Some(row) = t.rows.last_mut() {
            row.push(cell);
        }
    }
}

/// A table's lines: one per row with cells joined by ` | ` (spans filled), or, for a layout
/// table, its cells' own lines.
fn render_table(t: TableBuild, budget: &mut usize) -> Vec<Line> {
    let columns = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.colspan).sum::<usize>())
        .max();
    let long_cell = t.rows.iter().flatten().any(|c| {
        let chars: usize = c.sink.lines.iter().map(|l| l.text.len_chars()).sum();
        c.sink.lines.len() >= 3 && chars > 200
    });
    if t.nested || long_cell || columns.unwrap_or(0) < 2 {
        return t
            .rows
            .into_iter()
            .flatten()
            .flat_map(|c| c.sink.lines)
            .collect();
    }
    // Each cell's text on one line.
    let cells: Vec<Vec<Mapped>> = t
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    let mut m = Mapped::default();
                    for l in &c.sink.lines {
                        if let Some(o) = m.origins.last() {
                            m.push(' ', o, 0);
                        }
                        m.append(&l.text);
                    }
                    m
                })
                .collect()
        })
        .collect();
    // Spans fill the grid: a rowspan cell repeats in the rows below, a colspan cell across.
    let nrows = t.rows.len();
    let mut grid: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); nrows];
    for (r, row) in t.rows.iter().enumerate() {
        let mut c = 0;
        for (k, cell) in row.iter().enumerate() {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let (rs, cs) = if *budget >= cell.rowspan * cell.colspan {
                (cell.rowspan.min(nrows - r), cell.colspan)
            } else {
                (1, 1)
            };
            *budget = budget.saturating_sub(rs * cs);
            for dr in 0..rs {
                let g = &mut grid[r + dr];
                if g.len() < c + cs {
                    g.resize(c + cs, None);
                }
                for slot in &mut g[c..c + cs] {
                    *slot = Some((r, k));
                }
            }
            c += cs;
        }
    }
    // A header over two or three rows (类别 and 指标 spanning them, 目标值 over 2020年 and
    // 2025年) reads as one header row: each column's cells top-down (目标值 2020年).
    let head = t
        .rows
        .first()
        .map_or(1, |r| r.iter().map(|c| c.rowspan).max().unwrap_or(1))
        .min(3);
    let head = if head > 1 && head < nrows { head } else { 1 };
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let header: Vec<Vec<(usize, usize)>> = (0..width)
        .map(|c| {
            let mut ids: Vec<(usize, usize)> = Vec::new();
            for row in &grid[..head] {
                if let Some(Some(id)) = row.get(c) {
                    if !ids.contains(id) && !cells[id.0][id.1].text.is_empty() {
                        ids.push(*id);
                    }
                }
            }
            ids
        })
        .collect();
    let rows = std::iter::once(header).chain(
        grid.into_iter()
            .skip(head)
            .map(|row| row.into_iter().map(|s| s.into_iter().collect()).collect()),
    );
    let mut out = Vec::with_capacity(nrows);
    for row in rows {
        if row
            .iter()
            .all(|ids: &Vec<(usize, usize)>| ids.iter().all(|&(r, k)| cells[r][k].text.is_empty()))
        {
            continue;
        }
        let mut line = Line {
            elem: t.elem,
            ..Line::default()
        };
        let mut origin = Origin::default();
        for ids in row {
            for (n, (r, k)) in ids.into_iter().enumerate() {
                let m = &cells[r][k];
                if n > 0 {
                    line.text.push(' ', origin, 0);
                }
                line.text.append(m);
                if let Some(o) = m.origins.last() {
                    origin = o;
                }
            }
            line.text.push_str(" | ", origin, 0);
        }
        let trimmed = line.text.text.trim_end().len();
        let drop = line.text.text.len() - trimmed;
        line.text.text.truncate(trimmed);
        let keep = line.text.origins.len() - drop;
        line.text.origins.truncate(keep);
        line.text.flags.truncate(keep);
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests;
