//! Decode stage: bytes in any encoding to clean Simplified, NFKC-normalised text.
//!
//! Steps, each carrying the map from every char back to its input bytes (`mapped`):
//! 1. `detect`: BOM / UTF-8 / UTF-16 / chardetng + encoding_rs, mixed UTF-8 + legacy lines
//!    (an HTML page's declared charset stands in for the guess),
//!    then, for markup, `html`: the article's text, its tables as rows, the page's facts,
//! 2. `repair`: mojibake (UTF-8 read as GBK) and GBK streams shifted by a lost byte, judged
//!    by a character-frequency score (`freq`), what stays garbled reported as corrupt,
//! 3. [`convert`]: Traditional → Simplified (skipped when there is nothing Traditional),
//! 4. NFKC in `normalize`,
//! 5. `pinyin`: inline pinyin annotations removed,
//! 6. `boilerplate`: site chrome, counters, notices and spam lines removed,
//! 7. `unwrap`: lines of a hard-wrapped copy (PDF, fixed-width page) joined again.

mod boilerplate;
pub mod convert;
mod detect;
mod docx;
mod freq;
mod html;
mod mapped;
mod normalize;
mod pdf;
mod pinyin;
mod repair;
mod unwrap;

use std::ops::Range;

pub use convert::{HanconvT2s, ScriptConverter};
pub use html::PageMeta;

use crate::error::{Error, ErrorKind};
use crate::records::{DecodeReport, InputFormat, Script};
use mapped::{CORRUPT, GUESSED};

/// The decode stage's result: normalised text, a map back to the input, and a report.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The normalised text: Simplified, NFKC, pinyin and boilerplate removed.
    pub text: String,
    /// What was done to get it.
    pub report: DecodeReport,
    /// For an HTML page: its `<title>` and CMS `<meta>` facts, which the metadata extractor
    /// falls back on where the body states none.
    pub page: Option<PageMeta>,
    /// For every char of `text`, the byte range of the input it came from.
    origins: mapped::Origins,
}

impl Decoded {
    /// The input byte range that normalised chars `chars` (a char range) came from, or `None`
    /// when the range is empty or out of bounds.
    pub fn source_range(&self, chars: Range<usize>) -> Option<Range<usize>> {
        if chars.start >= chars.end || chars.end > self.origins.len() {
            return None;
        }
        let joined = mapped::join(
            &self.origins.at(chars.start),
            &self.origins.at(chars.end - 1),
        );
        Some(joined.range())
    }

    /// The input byte range of each char of `text`, in order (non-decreasing, within the input).
    pub fn origins(&self) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        self.origins.iter().map(mapped::Origin::range)
    }
}

/// Limits of the decode stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Inputs larger than this fail with [`ErrorKind::TooLarge`].
    pub max_bytes: usize,
    /// Lines longer than this (in bytes) are decoded but flagged with a warning: such input is
    /// usually a dump without line structure, and later stages will see one huge paragraph.
    pub max_line_bytes: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            max_bytes: 64 * 1024 * 1024,
            max_line_bytes: 4 * 1024 * 1024,
        }
    }
}

/// A configured decoder.
#[derive(Clone)]
pub struct Decoder {
    options: DecodeOptions,
    converter: std::sync::Arc<dyn ScriptConverter>,
}

impl std::fmt::Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoder")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::with_options(DecodeOptions::default())
    }
}

impl Decoder {
    /// A decoder with `options` and the default (hanconv) T→S converter.
    pub fn with_options(options: DecodeOptions) -> Self {
        Decoder {
            options,
            converter: std::sync::Arc::new(HanconvT2s),
        }
    }

    /// Replaces the Traditional → Simplified converter.
    pub fn with_converter(mut self, converter: std::sync::Arc<dyn ScriptConverter>) -> Self {
        self.converter = converter;
        self
    }

    /// Decodes `bytes` into normalised text.
    ///
    /// # Errors
    /// [`ErrorKind::Empty`] for input with no text, [`ErrorKind::TooLarge`] beyond
    /// `max_bytes`, [`ErrorKind::Binary`] for binary data, [`ErrorKind::Undecodable`] when most
    /// of the decoded text is replacement characters.
    pub fn decode(&self, bytes: &[u8]) -> Result<Decoded, Error> {
        // Byte offsets are kept in 32 bits: 4 GiB is the limit whatever the options say.
        let limit = self.options.max_bytes.min(mapped::MAX_INPUT);
        if bytes.len() > limit {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "the input has {} bytes, more than the limit of {limit} bytes",
                    bytes.len(),
                ),
            ));
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::new(ErrorKind::Empty, "the input holds no text"));
        }
        let mut report = DecodeReport::default();
        let mut page = None;
        let mapped = if docx::is_zip(bytes) {
            let doc = docx::read(bytes, limit)?;
            let mut markup = mapped::Mapped::with_capacity(doc.markup.len());
            markup.push_str(&doc.markup, doc.entry.clone(), 0);
            let whole = html::Sniffed {
                keep_newlines: false,
                whole: true,
            };
            let (text, _) = html::extract(&markup, whole);
            report.encoding = encoding_rs::UTF_8.name().to_owned();
            report.format = InputFormat::Docx;
            page = Some(doc.meta);
            text
        } else if pdf::is_pdf(bytes) {
            let doc = pdf::read(bytes, limit)?;
            if doc.unreadable > 0 {
                report.warnings.push(format!(
                    "{} glyphs of the PDF are in fonts that map them to no characters (CID fonts without a ToUnicode map) and are left out",
                    doc.unreadable
                ));
            }
            let text = doc.text();
            report.encoding = encoding_rs::UTF_8.name().to_owned();
            report.format = InputFormat::Pdf;
            page = Some(doc.meta);
            text
        } else {
            if let Some(err) = docx::unsupported(bytes) {
                return Err(err);
            }
            let markup = html::sniff(bytes);
            let declared = markup.and_then(|_| html::declared_charset(bytes));
            let detected = detect::decode_bytes(bytes, declared)?;
            report.encoding = detected.encoding.name().to_owned();
            report.mixed_encoding = detected.mixed;
            match markup {
                Some(sniffed) => {
                    let (text, meta) = html::extract(&detected.mapped, sniffed);
                    page = Some(meta);
                    report.format = InputFormat::Html;
                    text
                }
                None => detected.mapped,
            }
        };

        let total = mapped.len_chars().max(1);
        // (A byte search for U+FFFD, not a walk over every char.)
        let replaced = mapped.text.matches('\u{FFFD}').count();
        if replaced * 2 > total {
            return Err(Error::new(
                ErrorKind::Undecodable,
                format!(
                    "{replaced} of {total} chars could not be decoded as {}",
                    report.encoding
                ),
            ));
        }
        let longest = longest_line(bytes, self.options.max_line_bytes);
        if let Some(longest) = longest.filter(|&l| l > self.options.max_line_bytes) {
            report.warnings.push(format!(
                "a line of {longest} bytes: the input has almost no line structure"
            ));
        }

        let (mapped, repaired) = repair::repair(mapped);
        report.mojibake_repaired = repaired;

        let (script, traditional) = convert::detect_script(&mapped.text);
        report.script = script;
        let mapped = if traditional > 0 {
            convert::convert_mapped(mapped, &*self.converter)
        } else {
            mapped
        };

        let mapped = normalize::nfkc(mapped);
        let (mapped, pinyin) = pinyin::remove_pinyin(mapped);
        report.pinyin_annotations_removed = pinyin;
        let (mapped, flat) = unwrap::split_flat_lines(mapped);
        if flat > 0 {
            report.warnings.push(format!(
                "{flat} spaces read as line breaks: the text was flattened to long lines"
            ));
        }
        let (mapped, boilerplate) = boilerplate::remove_boilerplate(mapped);
        report.boilerplate_lines_removed = boilerplate;
        let (mapped, joined) = unwrap::unwrap_lines(mapped);
        report.wrapped_lines_joined = joined;
        // A BOM, ideographic spaces or other white space alone is no text, whatever its bytes.
        if mapped
            .text
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{FEFF}')
        {
            return Err(Error::new(
                ErrorKind::Empty,
                "the input holds only white space",
            ));
        }

        // The page's facts read as the text does: Simplified, NFKC.
        let page = page.map(|p| {
            p.map_fields(|v| {
                let nfkc: String = unicode_normalization::UnicodeNormalization::nfkc(v).collect();
                if traditional > 0 {
                    let mut out = String::with_capacity(nfkc.len());
                    self.converter
                        .convert(&nfkc, &mut |_, piece| out.push_str(piece));
                    out
                } else {
                    nfkc
                }
            })
        });

        report.corrupt_spans = mapped.flagged_spans(CORRUPT);
        report.guessed_spans = mapped.flagged_spans(GUESSED);
        if !report.guessed_spans.is_empty() {
            report.warnings.push(format!(
                "{} span(s) re-paired as a GBK stream that lost a byte: a guess",
                report.guessed_spans.len()
            ));
        }
        // The maps were sized by estimate; the text lives on through every later stage.
        let mut origins = mapped.origins;
        origins.shrink_to_fit();
        Ok(Decoded {
            text: mapped.text,
            report,
            page,
            origins,
        })
    }
}

/// Length of the longest line, when the input is long enough for it to exceed `limit`.
fn longest_line(bytes: &[u8], limit: usize) -> Option<usize> {
    if bytes.len() <= limit {
        return None;
    }
    bytes.split(|&b| b == b'\n').map(<[u8]>::len).max()
}

/// Decodes `bytes` into normalised text with the default options.
///
/// # Errors
/// See [`Decoder::decode`].
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    Decoder::default().decode(bytes)
}

/// Reads the article of an HTML page already in a `&str` (a scraper's output, say): its text
/// in lines, tables as ` | ` rows, site chrome left out, and the facts its markup states.
/// [`decode`] does this itself for bytes that sniff as markup, and then normalises the text.
///
/// ```
/// let page = "<html><body><div><a href=\"/\">首页</a></div>\
///             <div class=\"article\"><p>到2025年,森林覆盖率达到45%。</p></div></body></html>";
/// let (text, _meta) = planmine::decode::html_to_text(page);
/// assert_eq!(text, "到2025年,森林覆盖率达到45%。");
/// ```
pub fn html_to_text(page: &str) -> (String, PageMeta) {
    let mut mapped = mapped::Mapped::with_capacity(page.len());
    detect::push_utf8(page, 0, &mut mapped);
    let sniffed = html::sniff(page.as_bytes()).unwrap_or(html::Sniffed {
        keep_newlines: false,
        whole: false,
    });
    let (text, meta) = html::extract(&mapped, sniffed);
    (text.text, meta)
}

/// The dominant script of `text` (as the report's `script`), exposed for tests and tools.
pub fn script_of(text: &str) -> Script {
    convert::detect_script(text).0
}
