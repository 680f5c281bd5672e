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
        add_policy_words(&mut jieba, |_, _| {});
        jieba
    })
}

/// Adds the policy dictionary to `jieba`, telling `added` each word and frequency it sets.
fn add_policy_words(jieba: &mut Jieba, mut added: impl FnMut(&'static str, usize)) {
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
            added(word, needed);
        }
    }
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

    /// jieba's dictionary file in the cargo registry (only to regenerate `data/words.fst`).
    fn jieba_dict_txt() -> std::path::PathBuf {
        let home = std::env::var_os("CARGO_HOME")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::path::PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo")
            });
        let src = home.join("registry/src");
        for index in std::fs::read_dir(&src).expect("cargo registry") {
            let dir = index.unwrap().path();
            for krate in std::fs::read_dir(&dir).unwrap() {
                let krate = krate.unwrap().path();
                let name = krate.file_name().unwrap().to_string_lossy().into_owned();
                if name.starts_with("jieba-rs-") {
                    return krate.join("src/data/dict.txt");
                }
            }
        }
        panic!("no jieba-rs source under {}", src.display());
    }

    /// `data/words.fst` holds jieba's dictionary with the policy words as the segmenter adds
    /// them: regenerated with PLANMINE_BLESS=1, checked against jieba's own cut otherwise.
    #[test]
    fn compiled_dictionary_cuts_as_jieba() {
        use super::super::dictionary::Dictionary;
        if std::env::var_os("PLANMINE_BLESS").is_some() {
            let text = std::fs::read_to_string(jieba_dict_txt()).unwrap();
            let mut freqs: std::collections::BTreeMap<String, u64> = text
                .lines()
                .filter_map(|l| {
                    let mut it = l.split_ascii_whitespace();
                    Some((it.next()?.to_owned(), it.next()?.parse().ok()?))
                })
                .collect();
            let mut jieba = Jieba::new();
            add_policy_words(&mut jieba, |w, f| {
                freqs.insert(w.to_owned(), f as u64);
            });
            let total: u64 = freqs.values().sum();
            freqs.insert(String::new(), total);
            let map = fst::Map::from_iter(freqs.iter().map(|(w, &f)| (w.as_bytes(), f))).unwrap();
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/words.fst");
            std::fs::write(path, map.as_fst().as_bytes()).unwrap();
            panic!("data/words.fst regenerated: rebuild and run the tests again");
        }
        let dict = Dictionary::get();
        let jieba = segmenter();
        let mut windows: Vec<String> = entries().map(|(w, _, _)| format!("加快{w}建设")).collect();
        for file in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")).unwrap() {
            let bytes = std::fs::read(file.unwrap().path()).unwrap();
            let text = crate::decode::decode(&bytes).unwrap().text;
            let chars: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            // Windows of 8 chars at every 3rd char, as the targets stage cuts around a verb.
            windows.extend(
                chars
                    .windows(9)
                    .step_by(3)
                    .map(|w| text[w[0]..w[8]].to_owned()),
            );
        }
        assert!(windows.len() > 10_000, "{}", windows.len());
        for w in &windows {
            let want: Vec<_> = jieba
                .cut(w, false)
                .iter()
                .map(|t| t.byte_start..t.byte_end)
                .collect();
            assert_eq!(dict.cut(w), want, "{w}");
        }
        for (word, _, _) in entries() {
            assert!(dict.has_word(word), "{word}");
        }
        assert!(dict.has_word("开发") && !dict.has_word("开发布"));
    }
}
