//! Decode stage: bytes in any encoding to clean Simplified, NFKC-normalised text.
//!
//! SKELETON: a naive first version (UTF-8 lossy, hanconv t2s, NFKC, crude pinyin removal) so the
//! later stages have realistic text to work on; the decode issue replaces its insides while
//! keeping this public API.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, ErrorKind};
use crate::records::DecodeReport;

/// The decode stage's result: normalised text, a map back to the input, and a report.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The normalised text: Simplified, NFKC, pinyin and boilerplate removed.
    pub text: String,
    /// What was done to get it.
    pub report: DecodeReport,
    /// For every char of `text`, the byte range of the input it came from.
    origins: Vec<Range<usize>>,
}

impl Decoded {
    /// The input byte range that normalised chars `chars` (a char range) came from, or `None`
    /// when the range is empty or out of bounds.
    pub fn source_range(&self, chars: Range<usize>) -> Option<Range<usize>> {
        if chars.start >= chars.end || chars.end > self.origins.len() {
            return None;
        }
        let first = &self.origins[chars.start];
        let last = &self.origins[chars.end - 1];
        Some(first.start.min(last.start)..first.end.max(last.end))
    }

    /// The input byte range of each char of `text`, in order.
    pub fn origins(&self) -> &[Range<usize>] {
        &self.origins
    }
}

/// Decodes `bytes` into normalised text.
///
/// # Errors
/// [`ErrorKind::Empty`] for input with no text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(ErrorKind::Empty, "the input holds no text"));
    }
    let raw = String::from_utf8_lossy(bytes);
    let simplified = hanconv::t2s(&*raw);
    let nfkc: String = simplified.nfkc().collect();
    let pinyin = regex::Regex::new(r"\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)").unwrap();
    let text = pinyin.replace_all(&nfkc, "").into_owned();
    let origins = text
        .char_indices()
        .map(|(i, c)| i..i + c.len_utf8())
        .collect();
    Ok(Decoded {
        text,
        report: DecodeReport {
            encoding: "UTF-8".into(),
            ..DecodeReport::default()
        },
        origins,
    })
}
