//! Text with provenance: every char carries the input byte range it came from and flags.
//!
//! Each decode step reads one [`Mapped`] and builds the next, so the map back to the input
//! survives every transformation.

use std::ops::Range;

/// The char is garbage that could not be repaired.
pub(crate) const CORRUPT: u8 = 1;
/// The char is the result of an educated-guess repair.
pub(crate) const GUESSED: u8 = 2;

/// Text plus, per char, its input byte range and flags.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub origins: Vec<Range<usize>>,
    pub flags: Vec<u8>,
}

impl Mapped {
    /// An empty text with room for about `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> Self {
        Mapped {
            text: String::with_capacity(bytes),
            origins: Vec::with_capacity(bytes / 2),
            flags: Vec::with_capacity(bytes / 2),
        }
    }

    /// Appends one char.
    #[inline]
    pub fn push(&mut self, c: char, origin: Range<usize>, flags: u8) {
        self.text.push(c);
        self.origins.push(origin);
        self.flags.push(flags);
    }

    /// Appends every char of `s`, all from `origin`.
    pub fn push_str(&mut self, s: &str, origin: &Range<usize>, flags: u8) {
        for c in s.chars() {
            self.push(c, origin.clone(), flags);
        }
    }

    /// `text` as if read from UTF-8 input: each char mapped to its own bytes, no flags.
    #[cfg(test)]
    pub fn identity(text: &str) -> Self {
        Mapped::identity_flagged(text, |_| 0)
    }

    /// [`Mapped::identity`] with the flags `flag(k)` on the `k`th char, so that tests can see
    /// a step carry flags through.
    #[cfg(test)]
    pub fn identity_flagged(text: &str, flag: impl Fn(usize) -> u8) -> Self {
        let mut m = Mapped::with_capacity(text.len());
        for (k, (i, c)) in text.char_indices().enumerate() {
            m.push(c, i..i + c.len_utf8(), flag(k));
        }
        m
    }

    /// Number of chars.
    pub fn len_chars(&self) -> usize {
        self.origins.len()
    }

    /// Char ranges of runs of chars whose flags contain `flag`.
    pub fn flagged_spans(&self, flag: u8) -> Vec<[usize; 2]> {
        let mut spans = Vec::new();
        // Jump from run to run (most chars carry no flag).
        let mut i = 0;
        while let Some(s) = self.flags[i..].iter().position(|f| f & flag != 0) {
            let start = i + s;
            let end = self.flags[start..]
                .iter()
                .position(|f| f & flag == 0)
                .map_or(self.flags.len(), |e| start + e);
            spans.push([start, end]);
            i = end;
        }
        spans
    }
}

/// The smallest range covering `a` and `b`.
#[inline]
pub(crate) fn join(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flagged_spans_are_runs() {
        let mut m = Mapped::default();
        for (i, f) in [0, 1, 1, 0, 3, 0, 1].iter().enumerate() {
            m.push('a', i..i + 1, *f);
        }
        assert_eq!(m.flagged_spans(CORRUPT), vec![[1, 3], [4, 5], [6, 7]]);
        assert_eq!(m.flagged_spans(GUESSED), vec![[4, 5]]);
        assert_eq!(join(&(2..4), &(1..3)), 1..4);
        assert!(Mapped::default().flagged_spans(CORRUPT).is_empty());
        let mut all = Mapped::default();
        for i in 0..3 {
            all.push('b', i..i + 1, CORRUPT);
        }
        assert_eq!(all.flagged_spans(CORRUPT), vec![[0, 3]]);
        assert!(all.flagged_spans(GUESSED).is_empty());
    }
}
