//! Small helpers over the normalised text shared by the later stages.
//!
//! Internally every stage works with **byte** ranges into the normalised `&str` (cheap to slice);
//! the output contract wants **char** offsets, which [`CharIndex`] converts to.

use std::ops::Range;

pub mod numerals;
pub mod units;

/// Converts byte offsets of one text into char offsets.
///
/// It takes about one byte a char: the byte offset of every 32nd char in 32 bits,
/// and of every char its distance from its block's first in 8 (a block of 32 chars spans at
/// most 128 bytes). A `u32` a char was the largest single allocation of a whole run.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of chars 0, BLOCK, 2·BLOCK, …; capped below 4 GiB, as decode caps its
    /// texts there (a longer text is indexed up to there).
    bases: Vec<u32>,
    /// For every char, then for the end of the text, its byte offset less its block's base.
    offsets: Vec<u8>,
}

/// Chars a [`CharIndex`] block holds: 32 chars of at most 4 bytes fit an 8-bit offset.
const BLOCK: usize = 32;

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let text = &text[..floor_boundary(text, u32::MAX as usize)];
        // Chars are at least a byte: one pass over the bytes counts them exactly, so both
        // vectors are allocated once at their final size.
        let chars = text.bytes().filter(|&b| (b as i8) >= -0x40).count();
        let mut bases = Vec::with_capacity(chars / BLOCK + 1);
        let mut offsets = Vec::with_capacity(chars + 1);
        let mut base = 0;
        for (k, i) in text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .enumerate()
        {
            if k.is_multiple_of(BLOCK) {
                base = i;
                bases.push(i as u32);
            }
            offsets.push((i - base) as u8);
        }
        CharIndex { bases, offsets }
    }

    /// Char offset of byte offset `byte` (a byte inside a char maps to that char).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        // The last block whose first char starts at or before `byte`, then the last char of
        // it that does.
        let block = self.bases.partition_point(|&b| b <= byte).saturating_sub(1);
        let base = self.bases.get(block).copied().unwrap_or(0);
        let first = block * BLOCK;
        let last = (first + BLOCK).min(self.offsets.len());
        let within = (byte - base.min(byte)) as usize;
        let in_block = self.offsets[first..last].partition_point(|&o| o as usize <= within);
        first + in_block.saturating_sub(1)
    }

    /// Byte offset of char offset `char` (the text's length for the end; `None` past it).
    pub fn byte_at(&self, char: usize) -> Option<usize> {
        let offset = *self.offsets.get(char)?;
        Some(self.bases[char / BLOCK] as usize + offset as usize)
    }

    /// Char span `[start, end)` of a byte range.
    pub fn span(&self, bytes: Range<usize>) -> [usize; 2] {
        [self.char_at(bytes.start), self.char_at(bytes.end)]
    }

    /// Number of chars in the text.
    pub fn len_chars(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// The start of the line holding byte `at`, when it lies at most `max` bytes back (`None` for a
/// longer line).
///
/// The search is bounded, so callers that ask at every sentence of a text without line breaks
/// stay linear in its length.
pub fn line_start_within(text: &str, at: usize, max: usize) -> Option<usize> {
    let from = at.saturating_sub(max);
    match text
        .as_bytes()
        .get(from..at)?
        .iter()
        .rposition(|&b| b == b'\n')
    {
        Some(i) => Some(from + i + 1),
        None => (from == 0).then_some(0),
    }
}

/// The end of the line holding byte `at` (before its line break), when it lies at most `max`
/// bytes ahead (`None` for a longer line). Bounded like [`line_start_within`].
pub fn line_end_within(text: &str, at: usize, max: usize) -> Option<usize> {
    let to = at.saturating_add(max).min(text.len());
    match text
        .as_bytes()
        .get(at..to)?
        .iter()
        .position(|&b| b == b'\n')
    {
        Some(i) => Some(at + i),
        None => (to == text.len()).then_some(to),
    }
}

/// The line holding the bytes `span`, when its start lies at most `max` bytes before
/// `span.start` and its end at most `max` bytes after `span.end` ([`line_start_within`],
/// [`line_end_within`]).
pub fn line_around(text: &str, span: Range<usize>, max: usize) -> Option<&str> {
    let start = line_start_within(text, span.start, max)?;
    let end = line_end_within(text, span.end, max)?;
    text.get(start..end)
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True when `s` contains any of `chars`.
///
/// On CJK text this is several times faster than `s.contains(chars)`, which decodes and
/// compares every char: each char here is one memchr-driven search over the bytes. Below
/// about ten chars the searches' setup costs more than the decoding, so tiny texts take the
/// plain path.
pub fn contains_any(s: &str, chars: &[char]) -> bool {
    if s.len() < 32 {
        return s.contains(chars);
    }
    chars.iter().any(|&c| s.contains(c))
}

/// `re.captures(haystack)`, searching without capture slots first.
///
/// A capture search allocates its slots even when nothing matches; called on every sentence
/// of a document, most of which do not match, that allocation costs more than the search.
pub fn captures<'h>(re: &regex::Regex, haystack: &'h str) -> Option<regex::Captures<'h>> {
    if re.is_match(haystack) {
        re.captures(haystack)
    } else {
        None
    }
}

/// A set of Basic Multilingual Plane chars as a bitset, built at compile time.
///
/// Per-char tests in hot loops (does a suffix, a numeral start here?) are a `match` over a
/// dozen CJK chars otherwise: a chain of poorly predicted branches on running text. One bit
/// lookup answers the common "no" in a couple of instructions. Chars beyond the BMP are never
/// members.
#[derive(Debug, Clone)]
pub struct CharSet {
    bits: [u64; 1024],
}

impl CharSet {
    /// The set of `chars` (chars beyond the BMP are left out: the set cannot hold them).
    pub const fn new(chars: &[char]) -> Self {
        let mut bits = [0u64; 1024];
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i] as u32;
            if c < 0x10000 {
                bits[(c >> 6) as usize] |= 1 << (c & 63);
            }
            i += 1;
        }
        CharSet { bits }
    }

    /// True when `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.contains_code(c as u32)
    }

    /// True when a char of `s` is in the set: `s.contains(|c| set.contains(c))` read off the
    /// UTF-8 bytes, without decoding each char (chars beyond the BMP are skipped whole).
    pub fn any_in(&self, s: &str) -> bool {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            let (c, len) = match x {
                ..0x80 => (u32::from(x), 1),
                0xf0.. => (0x10000, 4),
                0xe0.. => (
                    (u32::from(x & 0x0f) << 12)
                        | (u32::from(b[i + 1] & 0x3f) << 6)
                        | u32::from(b[i + 2] & 0x3f),
                    3,
                ),
                _ => ((u32::from(x & 0x1f) << 6) | u32::from(b[i + 1] & 0x3f), 2),
            };
            if self.contains_code(c) {
                return true;
            }
            i += len;
        }
        false
    }

    /// True when the char with code point `c` is in the set (for callers that read code
    /// points off UTF-8 bytes themselves).
    #[inline]
    pub fn contains_code(&self, c: u32) -> bool {
        c < 0x10000 && (self.bits[(c >> 6) as usize] >> (c & 63)) & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_set_holds_exactly_its_chars() {
        const SET: CharSet = CharSet::new(&['a', '中', '\u{ffff}', '〇', '😀']);
        for c in ['a', '中', '\u{ffff}', '〇'] {
            assert!(SET.contains(c), "{c}");
        }
        // Neighbours in the same 64-bit word, and chars beyond the BMP, are not members.
        for c in ['b', '`', '丮', '乬', '\u{fffe}', '😀', '\u{10000}', '\0'] {
            assert!(!SET.contains(c), "{c:?}");
        }
    }

    #[test]
    fn char_set_any_in_agrees_with_a_char_search() {
        const SET: CharSet = CharSet::new(&['7', 'é', '一', '千', '\u{ffff}']);
        for s in [
            "",
            "x",
            "7",
            "abc7",
            "é",
            "café",
            "全县一所",
            "千",
            "全县",
            "😀",
            "😀千",
            "a😀b",
            "\u{ffff}",
            "\u{fffe}",
            "\u{10000}",
            "ÿĀ",
            "学校建设",
        ] {
            assert_eq!(SET.any_in(s), s.contains(|c| SET.contains(c)), "{s:?}");
        }
    }

    #[test]
    fn byte_and_char_offsets_invert() {
        let text = "a到2025年b";
        let index = CharIndex::new(text);
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte_at(c), Some(b));
            assert_eq!(index.char_at(b), c);
        }
        assert_eq!(index.byte_at(index.len_chars()), Some(text.len()));
        assert_eq!(index.byte_at(index.len_chars() + 1), None);
    }

    proptest::proptest! {
        /// Against the plain definition, over texts of many blocks mixing 1- to 4-byte chars,
        /// at every byte (inside chars and past the end).
        #[test]
        fn char_index_agrees_with_char_indices(text in "[a0年中é😀\n]{0,200}") {
            let index = CharIndex::new(&text);
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(index.len_chars(), starts.len());
            for (c, &b) in starts.iter().enumerate() {
                proptest::prop_assert_eq!(index.byte_at(c), Some(b));
            }
            proptest::prop_assert_eq!(index.byte_at(starts.len()), Some(text.len()));
            proptest::prop_assert_eq!(index.byte_at(starts.len() + 1), None);
            for b in 0..text.len() + 3 {
                let want = if b >= text.len() {
                    starts.len()
                } else {
                    starts.partition_point(|&s| s <= b) - 1
                };
                proptest::prop_assert_eq!(index.char_at(b), want, "byte {}", b);
            }
        }
    }

    #[test]
    fn contains_any_agrees_with_a_char_slice_pattern() {
        let long = "全县各级各类学校坚持立德树人根本任务".repeat(8);
        let long_done = format!("{long}已");
        for s in [
            "",
            "abc",
            "年底前完成",
            "坚持每年招聘",
            "已经建成了",
            "末",
            &long,
            &long_done,
        ] {
            for set in [&['年', '末'][..], &['已', '了'], &['x'], &[]] {
                assert_eq!(contains_any(s, set), s.contains(set), "{s} {set:?}");
            }
        }
    }

    #[test]
    fn converts_bytes_to_chars() {
        let text = "a到2025年b";
        let index = CharIndex::new(text);
        let start = text.find('2').unwrap();
        let end = text.find('b').unwrap();
        assert_eq!(index.span(start..end), [2, 7]);
        assert_eq!(index.len_chars(), 8);
    }
}
