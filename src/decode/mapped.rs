//! Text with provenance: every char carries the input byte range it came from and flags.
//!
//! Each decode step reads one [`Mapped`] and builds the next, so the map back to the input
//! survives every transformation.

use std::ops::Range;

/// The char is garbage that could not be repaired.
pub(crate) const CORRUPT: u8 = 1;
/// The char is the result of an educated-guess repair.
pub(crate) const GUESSED: u8 = 2;

/// The input byte range one char came from, in 8 bytes rather than a `Range<usize>`'s 16:
/// one is kept per char, and while a step builds the next text two maps are alive, so this
/// is most of decode's memory. Inputs are limited below 4 GiB ([`MAX_INPUT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Origin {
    pub start: u32,
    pub end: u32,
}

/// The largest input whose byte offsets an [`Origin`] holds.
pub(crate) const MAX_INPUT: usize = u32::MAX as usize;

impl Origin {
    /// The range as byte offsets.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for Origin {
    #[inline]
    fn from(r: Range<usize>) -> Self {
        // Offsets past MAX_INPUT cannot occur: decode refuses such inputs first.
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Origin {
            start: clamp(r.start),
            end: clamp(r.end),
        }
    }
}

impl From<&Range<usize>> for Origin {
    #[inline]
    fn from(r: &Range<usize>) -> Self {
        Origin::from(r.clone())
    }
}

impl From<&Origin> for Origin {
    #[inline]
    fn from(o: &Origin) -> Self {
        *o
    }
}

/// Text plus, per char, its input byte range and flags.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub origins: Vec<Origin>,
    pub flags: Vec<u8>,
}

impl Mapped {
    /// An empty text with room for about `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> Self {
        // Chinese text takes three bytes a char in UTF-8 and two in GBK: a third is the
        // common case; the vectors grow for the rest.
        Mapped {
            text: String::with_capacity(bytes),
            origins: Vec::with_capacity(bytes / 3),
            flags: Vec::with_capacity(bytes / 3),
        }
    }

    /// An empty text with room for `bytes` bytes in `chars` chars.
    pub fn with_capacity_chars(bytes: usize, chars: usize) -> Self {
        Mapped {
            text: String::with_capacity(bytes),
            origins: Vec::with_capacity(chars),
            flags: Vec::with_capacity(chars),
        }
    }

    /// An empty text with room for one the size of `like`: a step's output is about the
    /// size of its input, so the maps are sized once instead of growing by doubling.
    pub fn with_capacity_of(like: &Mapped) -> Self {
        Mapped {
            text: String::with_capacity(like.text.len()),
            origins: Vec::with_capacity(like.origins.len()),
            flags: Vec::with_capacity(like.flags.len()),
        }
    }

    /// Appends one char.
    #[inline]
    pub fn push(&mut self, c: char, origin: impl Into<Origin>, flags: u8) {
        self.text.push(c);
        self.origins.push(origin.into());
        self.flags.push(flags);
    }

    /// Appends every char of `s`, all from `origin`.
    pub fn push_str(&mut self, s: &str, origin: impl Into<Origin>, flags: u8) {
        let origin = origin.into();
        for c in s.chars() {
            self.push(c, origin, flags);
        }
    }

    /// Appends all of `other`, chars, origins and flags.
    pub fn append(&mut self, other: &Mapped) {
        self.text.push_str(&other.text);
        self.origins.extend_from_slice(&other.origins);
        self.flags.extend_from_slice(&other.flags);
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
pub(crate) fn join(a: &Origin, b: &Origin) -> Origin {
    Origin {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    }
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
        assert_eq!(join(&(2..4).into(), &(1..3).into()).range(), 1..4);
        assert!(Mapped::default().flagged_spans(CORRUPT).is_empty());
        let mut all = Mapped::default();
        for i in 0..3 {
            all.push('b', i..i + 1, CORRUPT);
        }
        assert_eq!(all.flagged_spans(CORRUPT), vec![[0, 3]]);
        assert!(all.flagged_spans(GUESSED).is_empty());
    }
}
