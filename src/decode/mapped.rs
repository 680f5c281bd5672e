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

/// The input byte ranges of a text's chars, in about two bytes a char.
///
/// One range is kept per char and, while a decode step builds the next text, two texts'
/// ranges are alive: as plain [`Origin`]s (8 bytes a char, 3× a Chinese text's UTF-8) they
/// were most of a run's memory. Consecutive chars almost always come from nearby bytes, so
/// each char stores its start as the distance from the previous char's start and its length,
/// a byte each; the first char of every [`BLOCK`] stores its start in full, so that any char
/// is found in at most `BLOCK` steps. A char whose distance or length does not fit a byte (a
/// long entity, a start before the previous one) is kept whole in `escapes`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Origins {
    /// Start of chars 0, BLOCK, 2·BLOCK, ….
    bases: Vec<u32>,
    /// Per char: its start less the previous char's start (0 at a block's first char).
    deltas: Vec<u8>,
    /// Per char: its length, or [`ESCAPED`] when the whole origin is in `escapes`.
    lens: Vec<u8>,
    /// (char index, origin) of the escaped chars, in char order.
    escapes: Vec<(u32, Origin)>,
    /// The last char's origin, so that pushing is O(1).
    last: Origin,
}

/// Chars per block of [`Origins`].
const BLOCK: usize = 32;
/// The length byte of a char whose origin is kept whole.
const ESCAPED: u8 = u8::MAX;

impl Origins {
    /// Empty, with room for `chars` chars.
    pub fn with_capacity(chars: usize) -> Self {
        Origins {
            bases: Vec::with_capacity(chars / BLOCK + 1),
            deltas: Vec::with_capacity(chars),
            lens: Vec::with_capacity(chars),
            escapes: Vec::new(),
            last: Origin::default(),
        }
    }

    /// Number of chars.
    #[inline]
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// True when there are no chars.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// Appends the origin of one more char.
    #[inline]
    pub fn push(&mut self, o: Origin) {
        let k = self.lens.len();
        let first = k.is_multiple_of(BLOCK);
        if first {
            self.bases.push(o.start);
        }
        let delta = if first {
            Some(0)
        } else {
            o.start
                .checked_sub(self.last.start)
                .and_then(|d| u8::try_from(d).ok())
        };
        let len = o
            .end
            .checked_sub(o.start)
            .and_then(|l| u8::try_from(l).ok())
            .filter(|&l| l != ESCAPED);
        match (delta, len) {
            (Some(d), Some(l)) => {
                self.deltas.push(d);
                self.lens.push(l);
            }
            _ => {
                self.deltas.push(0);
                self.lens.push(ESCAPED);
                self.escapes.push((k as u32, o));
            }
        }
        self.last = o;
    }

    /// The escaped origin of char `k`.
    fn escaped(&self, k: usize) -> Origin {
        let k = k as u32;
        match self.escapes.binary_search_by_key(&k, |&(i, _)| i) {
            Ok(i) => self.escapes[i].1,
            Err(_) => Origin::default(),
        }
    }

    /// The origin of char `k`, given the start of char `k - 1` (unused at a block's start).
    #[inline]
    fn decode_at(&self, k: usize, prev_start: u32) -> Origin {
        let len = self.lens[k];
        if len == ESCAPED {
            return self.escaped(k);
        }
        let start = if k.is_multiple_of(BLOCK) {
            self.bases[k / BLOCK]
        } else {
            prev_start + u32::from(self.deltas[k])
        };
        Origin {
            start,
            end: start + u32::from(len),
        }
    }

    /// The origin of char `k`, or `None` past the end.
    pub fn get(&self, k: usize) -> Option<Origin> {
        if k >= self.len() {
            return None;
        }
        let first = k - k % BLOCK;
        let mut o = self.decode_at(first, 0);
        for i in first + 1..=k {
            o = self.decode_at(i, o.start);
        }
        Some(o)
    }

    /// The origin of char `k`; the empty default past the end (callers index within the text).
    #[inline]
    pub fn at(&self, k: usize) -> Origin {
        debug_assert!(k < self.len(), "origin {k} of {}", self.len());
        self.get(k).unwrap_or_default()
    }

    /// The last char's origin.
    pub fn last(&self) -> Option<Origin> {
        (!self.is_empty()).then_some(self.last)
    }

    /// The origins of chars `chars`, in order; O(1) a char after the first.
    pub fn iter_range(&self, chars: Range<usize>) -> OriginIter<'_> {
        let end = chars.end.min(self.len());
        let start = chars.start.min(end);
        OriginIter {
            origins: self,
            next: start,
            end,
            prev_start: if start > 0 && !start.is_multiple_of(BLOCK) {
                self.at(start - 1).start
            } else {
                0
            },
        }
    }

    /// The origins of all chars, in order.
    pub fn iter(&self) -> OriginIter<'_> {
        self.iter_range(0..self.len())
    }

    /// Appends the origins of `other`'s chars `chars`.
    pub fn extend_from(&mut self, other: &Origins, chars: Range<usize>) {
        for o in other.iter_range(chars) {
            self.push(o);
        }
    }

    /// Keeps the first `n` chars.
    pub fn truncate(&mut self, n: usize) {
        if n >= self.len() {
            return;
        }
        let last = if n > 0 {
            self.at(n - 1)
        } else {
            Origin::default()
        };
        self.deltas.truncate(n);
        self.lens.truncate(n);
        self.bases.truncate(n.div_ceil(BLOCK));
        while self.escapes.last().is_some_and(|&(i, _)| i as usize >= n) {
            self.escapes.pop();
        }
        self.last = last;
    }

    /// Frees unused capacity.
    pub fn shrink_to_fit(&mut self) {
        self.bases.shrink_to_fit();
        self.deltas.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.escapes.shrink_to_fit();
    }
}

impl FromIterator<Origin> for Origins {
    fn from_iter<I: IntoIterator<Item = Origin>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut out = Origins::with_capacity(iter.size_hint().0);
        for o in iter {
            out.push(o);
        }
        out
    }
}

/// Random access to [`Origins`] for callers that move forward: each look-up walks on from
/// the last one instead of from its block's start.
#[derive(Debug, Clone)]
pub(crate) struct OriginCursor<'a> {
    iter: OriginIter<'a>,
    /// Index and origin of the char last read, if any.
    at: Option<(usize, Origin)>,
}

impl<'a> OriginCursor<'a> {
    /// A cursor before char `from`.
    pub fn new(origins: &'a Origins, from: usize) -> Self {
        OriginCursor {
            iter: origins.iter_range(from..origins.len()),
            at: None,
        }
    }

    /// The origin of char `k`; O(1) amortised while `k` does not go back.
    pub fn get(&mut self, k: usize) -> Option<Origin> {
        match self.at {
            Some((i, o)) if i == k => return Some(o),
            Some((i, _)) if i > k => return self.iter.origins.get(k),
            _ => {}
        }
        let next = self.iter.next;
        if k < next {
            return self.iter.origins.get(k);
        }
        let o = self.iter.nth(k - next)?;
        self.at = Some((k, o));
        Some(o)
    }

    /// [`OriginCursor::get`], the empty default past the end (callers index within the text).
    #[inline]
    pub fn at(&mut self, k: usize) -> Origin {
        self.get(k).unwrap_or_default()
    }
}

impl<'a> IntoIterator for &'a Origins {
    type Item = Origin;
    type IntoIter = OriginIter<'a>;

    fn into_iter(self) -> OriginIter<'a> {
        self.iter()
    }
}

/// The origins of a run of chars, in order ([`Origins::iter_range`]).
#[derive(Debug, Clone)]
pub(crate) struct OriginIter<'a> {
    origins: &'a Origins,
    next: usize,
    end: usize,
    prev_start: u32,
}

impl Iterator for OriginIter<'_> {
    type Item = Origin;

    #[inline]
    fn next(&mut self) -> Option<Origin> {
        if self.next >= self.end {
            return None;
        }
        let o = self.origins.decode_at(self.next, self.prev_start);
        self.prev_start = o.start;
        self.next += 1;
        Some(o)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for OriginIter<'_> {}

/// Text plus, per char, its input byte range and flags.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub origins: Origins,
    pub flags: Vec<u8>,
}

impl Mapped {
    /// An empty text with room for about `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> Self {
        // Chinese text takes three bytes a char in UTF-8 and two in GBK: a third is the
        // common case; the vectors grow for the rest.
        Mapped {
            text: String::with_capacity(bytes),
            origins: Origins::with_capacity(bytes / 3),
            flags: Vec::with_capacity(bytes / 3),
        }
    }

    /// An empty text with room for `bytes` bytes in `chars` chars.
    pub fn with_capacity_chars(bytes: usize, chars: usize) -> Self {
        Mapped {
            text: String::with_capacity(bytes),
            origins: Origins::with_capacity(chars),
            flags: Vec::with_capacity(chars),
        }
    }

    /// An empty text with room for one the size of `like`: a step's output is about the
    /// size of its input, so the maps are sized once instead of growing by doubling.
    pub fn with_capacity_of(like: &Mapped) -> Self {
        Mapped {
            text: String::with_capacity(like.text.len()),
            origins: Origins::with_capacity(like.origins.len()),
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
        self.origins
            .extend_from(&other.origins, 0..other.origins.len());
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

    proptest::proptest! {
        /// Against a plain `Vec<Origin>`: small steps (the common case), long chars and
        /// jumps back (escapes), read whole, from any char, by cursor, and after truncation.
        #[test]
        fn origins_store_what_was_pushed(
            steps in proptest::collection::vec((0u32..6, 0u32..5, 0u8..20), 0..150),
            cut in 0usize..160,
            probes in proptest::collection::vec(0usize..160, 0..20),
        ) {
            let mut plain: Vec<Origin> = Vec::new();
            let mut start = 0u32;
            for &(step, len, kind) in &steps {
                start = match kind {
                    0 => start.saturating_sub(3),        // back
                    1 => start + 1000 + step,            // far ahead
                    _ => start + step,
                };
                let len = if kind == 2 { 300 + len } else { len };
                plain.push(Origin { start, end: start + len });
            }
            let packed: Origins = plain.iter().copied().collect();
            proptest::prop_assert_eq!(packed.len(), plain.len());
            proptest::prop_assert_eq!(packed.iter().collect::<Vec<_>>(), plain.clone());
            proptest::prop_assert_eq!(packed.last(), plain.last().copied());
            for &k in &probes {
                proptest::prop_assert_eq!(packed.get(k), plain.get(k).copied());
                let from: Vec<_> = packed.iter_range(k..plain.len()).collect();
                proptest::prop_assert_eq!(&from[..], plain.get(k..).unwrap_or(&[]));
            }
            let mut sorted = probes.clone();
            sorted.sort_unstable();
            let mut cursor = OriginCursor::new(&packed, 0);
            for &k in sorted.iter().chain(probes.iter()) {
                proptest::prop_assert_eq!(cursor.get(k), plain.get(k).copied());
            }
            let mut cut_packed = packed.clone();
            cut_packed.truncate(cut);
            let mut appended = cut_packed.clone();
            appended.extend_from(&packed, cut.min(plain.len())..plain.len());
            plain.truncate(cut);
            proptest::prop_assert_eq!(cut_packed.iter().collect::<Vec<_>>(), plain.clone());
            proptest::prop_assert_eq!(cut_packed.last(), plain.last().copied());
            proptest::prop_assert_eq!(appended, packed);
        }
    }

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
