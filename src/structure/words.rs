//! Word segmentation with jieba-rs and a policy-domain dictionary.
//!
//! SKELETON: plain jieba; the structure issue adds the embedded dictionary.

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// A word and its byte span in the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word.
    pub word: &'a str,
    /// Its byte span.
    pub span: Range<usize>,
}

/// The process-wide segmenter, built on first use.
pub fn segmenter() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Segments `text` into words.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    segmenter()
        .cut(text, true)
        .into_iter()
        .map(|t| Token {
            word: t.word,
            span: t.byte_start..t.byte_end,
        })
        .collect()
}
