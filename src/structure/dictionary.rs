//! jieba's word frequencies (its dictionary plus the policy dictionary) as a finite-state map
//! compiled into the binary, and jieba's no-HMM cut over it.
//!
//! Loading jieba's own dictionary builds a 350,000-word trie, about 100 ms, which a short
//! document paid before its first record. The map in `data/words.fst` is read in place, so
//! the cut of a short window (the targets stage's word-boundary check) costs a few lookups
//! and nothing at start-up. It gives the same cut as `Jieba::cut(text, false)`; a test checks
//! that against jieba and regenerates the file with `PLANMINE_BLESS=1`.

use std::ops::Range;
use std::sync::LazyLock;

use fst::raw::Output;
use fst::Map;

/// The map: word → frequency, with the empty key holding the frequencies' total.
static WORDS_FST: &[u8] = include_bytes!("../../data/words.fst");

/// A word-frequency dictionary for jieba's no-HMM cut.
pub struct Dictionary {
    map: Option<Map<&'static [u8]>>,
    log_total: f64,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    // The bytes are compiled in and checked by a test; an unreadable map would leave every
    // word unknown (each char its own token) rather than fail a document.
    let map = Map::new(WORDS_FST).ok();
    let total = map.as_ref().and_then(|m| m.get("")).unwrap_or(1).max(1);
    Dictionary {
        map,
        log_total: (total as f64).ln(),
    }
});

/// Longest word looked up, in bytes: jieba's longest entries are well below it, and the
/// bound keeps a cut linear in its input.
const MAX_WORD_BYTES: usize = 64;

impl Dictionary {
    /// The compiled-in dictionary.
    pub fn get() -> &'static Dictionary {
        &DICTIONARY
    }

    /// True when `word` is a dictionary word.
    pub fn has_word(&self, word: &str) -> bool {
        !word.is_empty() && self.map.as_ref().is_some_and(|m| m.contains_key(word))
    }

    /// The byte ranges of `text`'s tokens as jieba cuts it without HMM: runs of Han and ASCII
    /// word chars are cut by the most probable path through the dictionary's words, every other
    /// char is a token of its own.
    pub fn cut(&self, text: &str) -> Vec<Range<usize>> {
        let mut tokens = Vec::new();
        let mut block_start = None;
        for (i, c) in text.char_indices().chain([(text.len(), '\0')]) {
            let word_char = i < text.len() && is_han_default(c);
            match (block_start, word_char) {
                (None, true) => block_start = Some(i),
                (Some(s), false) => {
                    self.cut_block(text, s..i, &mut tokens);
                    block_start = None;
                }
                _ => {}
            }
            if i < text.len() && !word_char {
                tokens.push(i..i + c.len_utf8());
            }
        }
        tokens
    }

    /// Cuts one run of word chars (jieba's `calc` and route walk).
    fn cut_block(&self, text: &str, block: Range<usize>, tokens: &mut Vec<Range<usize>>) {
        let bounds: Vec<usize> = text[block.clone()]
            .char_indices()
            .map(|(i, _)| block.start + i)
            .chain([block.end])
            .collect();
        let n = bounds.len() - 1;
        // route[i] = (log probability of the best path from char i, end char of its first word)
        let mut route: Vec<(f64, usize)> = vec![(0.0, n); n + 1];
        let mut edges: Vec<(usize, u64)> = Vec::new();
        for idx in (0..n).rev() {
            edges.clear();
            self.words_at(text, &bounds, idx, &mut edges);
            let mut best: Option<(f64, usize)> = None;
            for &(end, freq) in &edges {
                // Same arithmetic, in the same order, as jieba: ties then break alike.
                let prob = (freq as f64).ln() - self.log_total + route[end].0;
                if best.is_none_or(|(p, e)| prob > p || (prob == p && end > e)) {
                    best = Some((prob, end));
                }
            }
            route[idx] = best.unwrap_or((0.0 - self.log_total + route[idx + 1].0, idx + 1));
        }
        // Walk the route; a run of single ASCII alphanumerics (2025) joins into one token.
        let mut x = 0;
        let mut run: Option<usize> = None;
        while x < n {
            let y = route[x].1.max(x + 1);
            let ascii = y == x + 1 && text.as_bytes()[bounds[x]].is_ascii_alphanumeric();
            if ascii {
                run.get_or_insert(x);
            } else {
                if let Some(start) = run.take() {
                    tokens.push(bounds[start]..bounds[x]);
                }
                tokens.push(bounds[x]..bounds[y]);
            }
            x = y;
        }
        if let Some(start) = run {
            tokens.push(bounds[start]..bounds[n]);
        }
    }

    /// The dictionary words that start at char `idx`, as (end char, frequency), shortest first.
    fn words_at(&self, text: &str, bounds: &[usize], idx: usize, out: &mut Vec<(usize, u64)>) {
        let Some(map) = &self.map else { return };
        let fst = map.as_fst();
        let start = bounds[idx];
        let end = bounds[bounds.len() - 1].min(start + MAX_WORD_BYTES);
        let mut node = fst.root();
        let mut output = Output::zero();
        let mut next_char = idx + 1;
        for (k, &byte) in text.as_bytes()[start..end].iter().enumerate() {
            let Some(t) = node.find_input(byte) else {
                return;
            };
            let tr = node.transition(t);
            output = output.cat(tr.out);
            node = fst.node(tr.addr);
            let at = start + k + 1;
            while next_char < bounds.len() && bounds[next_char] < at {
                next_char += 1;
            }
            if node.is_final() && next_char < bounds.len() && bounds[next_char] == at {
                out.push((next_char, output.cat(node.final_output()).value()));
            }
        }
    }
}

/// jieba's `RE_HAN_DEFAULT` class: CJK ideographs, ASCII alphanumerics and `+#&._%-`.
fn is_han_default(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
        || c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}
