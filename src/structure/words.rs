//! Word segmentation with jieba-rs and an embedded policy-domain dictionary.
//!
//! The dictionary (`policy_dict.txt`, compiled in) adds indicator names (毛入园率), government
//! bodies and their suffixes (县教育和体育局, 街道办事处) and policy terms (优质均衡, 县管校聘,
//! 控辍保学) so that each comes out as one token. The segmenter is built once per process.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The policy-domain dictionary: `word freq tag` per line, `#` comments.
const POLICY_DICT: &str = include_str!("policy_dict.txt");

/// A word and its byte span in the segmented text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word.
    pub word: &'a str,
    /// Its byte span.
    pub span: Range<usize>,
}

/// The entries of the embedded dictionary: (word, frequency, tag).
fn entries() -> impl Iterator<Item = (&'static str, usize, &'static str)> {
    POLICY_DICT.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut parts = line.split_whitespace();
        let word = parts.next()?;
        let freq = parts.next().and_then(|f| f.parse().ok()).unwrap_or(1000);
        let tag = parts.next().unwrap_or("nz");
        Some((word, freq, tag))
    })
}

/// The domain words of the embedded dictionary with their tags: `n` indicator, `nt` government
/// body or body suffix, `nz` policy term.
pub fn domain_words() -> &'static HashMap<&'static str, &'static str> {
    static WORDS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| entries().map(|(w, _, t)| (w, t)).collect())
}

/// The process-wide segmenter (jieba's dictionary plus the policy dictionary), built on first use.
pub fn segmenter() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = Jieba::new();
        // Each word gets at least the frequency that makes jieba keep it whole against the
        // pieces it would otherwise cut it into. A second pass fixes words that a later,
        // overlapping entry split again.
        for _ in 0..2 {
            for (word, freq, tag) in entries() {
                if jieba.cut(word, false).len() == 1 && jieba.has_word(word) {
                    continue;
                }
                let needed = jieba.suggest_freq(word).max(freq);
                jieba.add_word(word, Some(needed), Some(tag));
            }
        }
        jieba
    })
}

/// Segments `text` into words (dictionary and HMM for unknown words).
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

/// Segments `text[range]`, with spans into `text` (for one sentence or clause of a document).
pub fn tokenize_range(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    segmenter()
        .cut(part, true)
        .into_iter()
        .map(|t| Token {
            word: t.word,
            span: range.start + t.byte_start..range.start + t.byte_end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn dictionary_is_large_enough() {
        assert!(domain_words().len() >= 300, "{}", domain_words().len());
        assert_eq!(domain_words().get("县教育和体育局"), Some(&"nt"));
        assert_eq!(domain_words().get("毛入园率"), Some(&"n"));
    }

    #[test]
    fn policy_terms_are_single_tokens() {
        let text = "促进义务教育优质均衡发展,深化县管校聘改革,做好控辍保学工作,学前三年毛入园率达到98%,由县教育和体育局负责。";
        let w = words(text);
        for term in [
            "优质均衡",
            "县管校聘",
            "控辍保学",
            "毛入园率",
            "县教育和体育局",
        ] {
            assert!(
                w.contains(&term) || w.iter().any(|x| x.contains(term)),
                "{term}: {w:?}"
            );
        }
        for term in ["县管校聘", "控辍保学", "县教育和体育局"] {
            assert!(w.contains(&term), "{term}: {w:?}");
        }
    }

    #[test]
    fn each_term_alone_is_one_token() {
        for (word, _, _) in entries() {
            assert_eq!(words(word), [word], "{word}");
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "一、目标\n县财政局负责落实生均公用经费。";
        let start = text.find('县').unwrap();
        for t in tokenize_range(text, start..text.len()) {
            assert_eq!(&text[t.span.clone()], t.word);
        }
        assert!(tokenize_range(text, 1..2).is_empty());
    }
}
