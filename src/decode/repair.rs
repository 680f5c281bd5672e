//! Repairs of garbled runs, and detection of what stays garbled.
//!
//! Two repairs, both accepted only when the result is clearly more plausible by the
//! character-frequency score ([`super::freq`]):
//! - **mojibake**: UTF-8 bytes that were read as GBK (`鏍♀€濈殑` → `校”的`): the run is
//!   re-encoded to GBK and read back as UTF-8;
//! - **shift by one**: a GBK stream that lost a byte pairs every later byte wrongly until an
//!   ASCII byte resyncs it; re-encoding the run and re-pairing from its second byte recovers
//!   most characters. This is a guess, so its chars are flagged [`GUESSED`].
//!
//! Whatever stays garbled afterwards is flagged [`CORRUPT`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use encoding_rs::{DecoderResult, GBK};

use super::freq::{char_score, is_han, mean_score};
use super::mapped::{join, Mapped, Origin, OriginCursor, Origins, CORRUPT, GUESSED};

/// Longest run (chars) a repair looks at.
const MAX_RUN: usize = 512;
/// How much more plausible (mean score per char) a repair must make a run.
const MIN_GAIN: f32 = 1.5;
/// The least plausible a repaired run may be.
const MIN_RESULT: f32 = 1.5;

/// One accepted replacement of chars `range` by `chars` (with their origins).
struct Replacement {
    range: Range<usize>,
    chars: Vec<(char, Origin)>,
    flags: u8,
    /// Total score gained (sum over the new chars minus sum over the old ones).
    gain: f32,
}

/// Repairs garbled runs and flags the rest; returns the new text and the number of repairs.
pub(crate) fn repair(input: Mapped) -> (Mapped, usize) {
    if !may_have_garbage(&input.text) {
        return (input, 0);
    }
    repair_suspicious(input)
}

/// [`repair`] without the pre-check.
fn repair_suspicious(input: Mapped) -> (Mapped, usize) {
    // Sized once (one origin per char): collecting from `chars()` grows it step by step.
    let mut chars: Vec<char> = Vec::with_capacity(input.origins.len());
    chars.extend(input.text.chars());
    // One byte a char: the scores are small (see `freq`), and this runs over whole texts.
    let scores: Vec<i8> = chars.iter().map(|&c| small_score(c)).collect();
    let clusters = bad_clusters(&chars, &scores);
    drop(scores);
    // Positions of `?` and U+FFFD (possible lost bytes), found once for the passes below.
    let lost: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| matches!(c, '?' | '\u{FFFD}'))
        .map(|(i, _)| i)
        .collect();
    let mut anchors: Vec<usize> = Vec::new();
    for &i in &lost {
        let next_ok = chars.get(i + 1).is_some_and(|&n| !n.is_ascii() || n == '!');
        if next_ok && is_strong_bad(&chars, i) {
            anchors.push(i + 1);
        }
    }
    anchors.extend(clusters.iter().map(|c| c.start));
    anchors.sort_unstable();
    anchors.dedup();

    let mut replacements: Vec<Replacement> = Vec::new();
    // The chars inside some replacement (all ranges are non-empty): whether a replacement
    // contains or overlaps a position or range is then a look-up, not a scan of all
    // replacements per anchor (quadratic on text full of garbage).
    let mut covered = vec![false; chars.len()];
    let cover = |covered: &mut [bool], r: &Replacement| {
        if let Some(s) = covered.get_mut(r.range.clone()) {
            s.fill(true);
        }
    };
    let any_covered =
        |covered: &[bool], r: Range<usize>| covered.get(r).is_some_and(|s| s.contains(&true));
    // Each run is examined once (clusters and anchors inside an examined run are skipped),
    // which keeps the work linear in the text even when it is all garbage.
    let mut examined_until = 0usize;
    for cluster in clusters.iter().cloned() {
        if cluster.start < examined_until {
            continue;
        }
        let (found, run_end) = try_mojibake(&chars, &input.origins, cluster);
        examined_until = run_end;
        if let Some(r) = found {
            cover(&mut covered, &r);
            replacements.push(r);
        }
    }
    let mut examined_until = 0usize;
    for &a in &anchors {
        if a < examined_until || any_covered(&covered, a..a + 1) {
            continue;
        }
        let (mut found, mut run_end) = try_shift(&chars, &input.origins, a, chars.len());
        // (Cluster starts increase strictly: a binary search finds one.)
        if clusters.binary_search_by_key(&a, |c| c.start).is_ok() {
            // The byte may have been lost a few chars before the first implausible one (the
            // misread pairs can be common chars): try earlier starts in the same run and keep
            // the largest total gain.
            let mut best_gain = found.as_ref().map_or(f32::MIN, |r| r.gain);
            let mut j = a;
            while j > examined_until && a - j < 8 && !chars[j - 1].is_ascii() {
                j -= 1;
                let (cand, cand_end) = try_shift(&chars, &input.origins, j, chars.len());
                if let Some(r) = cand.filter(|r| r.gain > best_gain) {
                    best_gain = r.gain;
                    found = Some(r);
                    run_end = run_end.max(cand_end);
                }
            }
        }
        examined_until = run_end;
        if let Some(r) = found {
            if !any_covered(&covered, r.range.clone()) {
                cover(&mut covered, &r);
                replacements.push(r);
            }
        }
    }
    // A legacy decoder resyncs a shifted stream at an invalid pair (U+FFFD): the garbage is
    // the run just before it, so try re-pairing that run too.
    for &i in lost.iter().filter(|&&i| chars[i] == '\u{FFFD}') {
        let mut j = i;
        while j > 0 && i - j < 64 && !chars[j - 1].is_ascii() && chars[j - 1] != '\u{FFFD}' {
            j -= 1;
        }
        if i - j < 2 || any_covered(&covered, j..i) {
            continue;
        }
        if let (Some(r), _) = try_shift(&chars, &input.origins, j, i) {
            cover(&mut covered, &r);
            replacements.push(r);
        }
    }
    replacements.sort_by_key(|r| r.range.start);
    let repaired = replacements.len();
    // Garbage as judged before repairs: a lost-byte `?` stays corrupt once its neighbours
    // are repaired.
    let mut corrupt = vec![false; chars.len()];
    for r in &clusters {
        corrupt[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    for &i in &lost {
        if is_strong_bad(&chars, i) {
            corrupt[i] = true;
        }
    }

    if replacements.is_empty() {
        return (flag_in_place(input, &corrupt), 0);
    }
    // Each of these is a few bytes a char: free them before the new text is built, so that
    // at most two texts' worth of memory is alive at once.
    drop((chars, covered, clusters, anchors, lost));
    let mut out = splice(&input, replacements, &corrupt);
    drop((input, corrupt));
    flag_corrupt(&mut out);
    (out, repaired)
}

/// What [`splice`] gives without replacements: the text stays, only flags change, so
/// nothing is rebuilt.
fn flag_in_place(mut m: Mapped, corrupt: &[bool]) -> Mapped {
    for (f, &bad) in m.flags.iter_mut().zip(corrupt) {
        if bad {
            *f |= CORRUPT;
        }
    }
    m
}

/// The chars of `input` with `replacements` (sorted, disjoint) spliced in and the chars
/// marked `corrupt` flagged.
fn splice(input: &Mapped, replacements: Vec<Replacement>, corrupt: &[bool]) -> Mapped {
    let mut out = Mapped::with_capacity_of(input);
    let mut origins = OriginCursor::new(&input.origins, 0);
    let mut chars = input.text.chars();
    let mut i = 0;
    let mut next = replacements.into_iter().peekable();
    while i < corrupt.len() {
        if let Some(r) = next.next_if(|r| r.range.start == i) {
            for (c, o) in r.chars {
                let bad = if c == '\u{FFFD}' { CORRUPT } else { 0 };
                out.push(c, o, r.flags | bad);
            }
            let end = r.range.end.max(i + 1);
            // Skip the replaced chars.
            if end > i + 1 {
                chars.nth(end - i - 2);
            }
            chars.next();
            i = end;
            continue;
        }
        let Some(c) = chars.next() else { break };
        let bad = if corrupt[i] { CORRUPT } else { 0 };
        out.push(c, origins.at(i), input.flags[i] | bad);
        i += 1;
    }
    out
}

/// Cheap streaming pre-check: false when [`repair_suspicious`] cannot change anything, so
/// clean text costs one pass. Something can change only with a U+FFFD or private-use char (always
/// strong), a `?` with another bad char (score below -1, `?` included) at most 5 chars away
/// (what [`is_strong_bad`] needs), or three bad chars close together (a cluster); this test
/// is looser than each of those.
fn may_have_garbage(text: &str) -> bool {
    // Length of the current chain of bad chars at most 3 apart, and the last bad char (index,
    // whether it is a `?`).
    let (mut chain, mut last_bad) = (0usize, None::<(usize, bool)>);
    for (i, c) in text.chars().enumerate() {
        let question = c == '?';
        if c.is_ascii() && !question {
            continue;
        }
        if matches!(c, '\u{FFFD}' | '\u{E000}'..='\u{F8FF}') {
            return true;
        }
        if question || char_score(c) < -1 {
            // The nearest bad char on either side of a `?` is the one before or after it in
            // this sequence, so checking neighbours finds every `?` with garbage near it.
            chain = match last_bad {
                Some((l, q)) if (question || q) && i - l <= 5 => return true,
                Some((l, _)) if i - l <= 3 => chain + 1,
                _ => 1,
            };
            if chain >= 3 {
                return true;
            }
            last_bad = Some((i, question));
        }
    }
    false
}

/// Flags the garbled clusters that remain in `m`.
fn flag_corrupt(m: &mut Mapped) {
    // Sized once: collecting from `chars()` grows it by doubling.
    let mut chars: Vec<char> = Vec::with_capacity(m.flags.len());
    chars.extend(m.text.chars());
    // One byte a char: the scores are small (see `freq`), and this runs over whole texts.
    let scores: Vec<i8> = chars.iter().map(|&c| small_score(c)).collect();
    for r in bad_clusters(&chars, &scores) {
        for f in &mut m.flags[r] {
            *f |= CORRUPT;
        }
    }
}

/// A `?` or U+FFFD next to Han text (a lost byte), a private-use or replacement char.
fn is_strong_bad(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' => true,
        '?' => {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let near_han = prev.is_some_and(|c| is_han(c) || c == '?')
                || next.is_some_and(|c| is_han(c) || c == '?');
            // A real question mark stands alone; a lost byte sits among other garbage.
            let lo = i.saturating_sub(5);
            let hi = (i + 6).min(chars.len());
            let garbage_near = (lo..hi).any(|j| j != i && char_score(chars[j]) < -1);
            near_han && garbage_near && next.is_some_and(|c| !c.is_whitespace())
        }
        _ => false,
    }
}

/// Char ranges of garbled clusters: bad chars (score below -1) at most two chars apart, kept
/// when they hold a strong signal or at least three bad chars (one rare name char is not
/// garbage).
/// [`char_score`] in one byte.
fn small_score(c: char) -> i8 {
    i8::try_from(char_score(c).clamp(-128, 127)).unwrap_or(0)
}

fn bad_clusters(chars: &[char], scores: &[i8]) -> Vec<Range<usize>> {
    let mut clusters = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if scores[i] >= -1 {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut bad = 1;
        let mut strong = is_strong_bad(chars, i);
        let mut j = end;
        while j < chars.len() && j - end < 2 && chars[j] != '\n' {
            if scores[j] < -1 {
                bad += 1;
                strong |= is_strong_bad(chars, j);
                end = j + 1;
            }
            j += 1;
        }
        if strong || bad >= 3 {
            clusters.push(start..end);
        }
        i = end;
    }
    clusters
}

/// GBK bytes of one char: up to 4 bytes and their count.
type Encoded = ([u8; 4], usize);

thread_local! {
    /// encoding_rs's GBK encoder is slow per call; garbage runs repeat chars, so memoise.
    static GBK_CACHE: RefCell<HashMap<char, Option<Encoded>, BuildHasherDefault<CharHasher>>> =
        RefCell::new(HashMap::default());
}

/// A hasher for char keys: one multiplication (the default SipHash costs more than the
/// look-up it serves, once per char of every examined run).
#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// GBK bytes of `c`; ASCII punctuation that NFKC-like cleaning may have narrowed is taken in
/// its full-width form when `widen`.
fn gbk_bytes(c: char, widen: bool) -> Option<Encoded> {
    let c = if widen && matches!(c, '!' | ',' | ':' | ';' | '(' | ')') {
        char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
    } else {
        c
    };
    if c.is_ascii() {
        return Some(([c as u8, 0, 0, 0], 1));
    }
    GBK_CACHE.with(|cache| {
        *cache.borrow_mut().entry(c).or_insert_with(|| {
            let mut buf = [0u8; 4];
            let (bytes, _, errors) = GBK.encode(c.encode_utf8(&mut buf));
            if errors || bytes.len() > 4 {
                return None;
            }
            let mut out = [0u8; 4];
            out[..bytes.len()].copy_from_slice(&bytes);
            Some((out, bytes.len()))
        })
    })
}

/// The char GBK decodes `pair` to, when it decodes to exactly one char; decoded into a stack
/// buffer (the one-shot decode allocates a string per pair, and a run has hundreds).
fn gbk_pair(pair: &[u8]) -> Option<char> {
    let mut decoder = GBK.new_decoder_without_bom_handling();
    let mut buf = [0u8; 16];
    let (result, _, written) = decoder.decode_to_utf8_without_replacement(pair, &mut buf, true);
    if !matches!(result, DecoderResult::InputEmpty) {
        return None;
    }
    let mut it = std::str::from_utf8(buf.get(..written)?).ok()?.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Re-pairs the GBK bytes of the run starting at `start` (ending before `limit`) from its
/// second byte.
/// Returns the repair, if any, and where the examined run ends.
fn try_shift(
    chars: &[char],
    origins: &Origins,
    start: usize,
    limit: usize,
) -> (Option<Replacement>, usize) {
    // The run: non-ASCII chars (and narrowed punctuation) up to an ASCII byte, which resyncs
    // the stream; an ASCII letter may be the trail byte of the last pair, so it joins.
    let mut bytes: Vec<u8> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut end = start;
    while end < chars.len().min(limit) && end - start < MAX_RUN {
        let c = chars[end];
        if c.is_ascii() {
            if (0x40..=0x7E).contains(&(c as u32)) {
                bytes.push(c as u8);
                owner.push(end);
                end += 1;
                break;
            }
            if !matches!(c, '!' | ',' | ':' | ';' | '(' | ')') {
                break;
            }
        }
        let Some((b, n)) = gbk_bytes(c, true) else {
            break;
        };
        owner.extend(std::iter::repeat_n(end, n));
        bytes.extend_from_slice(&b[..n]);
        end += 1;
    }
    if bytes.len() < 3 {
        return (None, end);
    }
    let mut out: Vec<(char, Origin)> = Vec::new();
    let mut p = 1;
    while p < bytes.len() {
        let b = bytes[p];
        if b < 0x80 {
            out.push((b as char, origins.at(owner[p])));
            p += 1;
            continue;
        }
        if p + 1 >= bytes.len() {
            break; // an orphan lead byte: dropped
        }
        let c = gbk_pair(&bytes[p..p + 2]).unwrap_or('\u{FFFD}');
        out.push((c, join(&origins.at(owner[p]), &origins.at(owner[p + 1]))));
        p += 2;
    }
    let before = mean_score(chars[start..end].iter().copied());
    let after = mean_score(out.iter().map(|(c, _)| *c));
    let ok = !out.is_empty() && after >= before + MIN_GAIN && after >= MIN_RESULT;
    let gain = after * out.len() as f32 - before * (end - start) as f32;
    let found = ok.then_some(Replacement {
        range: start..end,
        chars: out,
        flags: GUESSED,
        gain,
    });
    (found, end)
}

/// Reads the GBK bytes of the non-ASCII run around `cluster` back as UTF-8; returns the
/// repair, if any, and where the examined run ends.
fn try_mojibake(
    chars: &[char],
    origins: &Origins,
    cluster: Range<usize>,
) -> (Option<Replacement>, usize) {
    let mut start = cluster.start;
    while start > 0 && !chars[start - 1].is_ascii() && cluster.start - start < MAX_RUN {
        start -= 1;
    }
    let mut end = cluster.end;
    while end < chars.len() && !chars[end].is_ascii() && end - cluster.end < MAX_RUN {
        end += 1;
    }
    // GBK bytes and, per char, its first byte offset.
    let mut bytes = Vec::new();
    let mut char_at = Vec::new();
    let mut first = start;
    for (k, &c) in chars[start..end].iter().enumerate() {
        match gbk_bytes(c, false) {
            Some((b, n)) => {
                char_at.push(bytes.len());
                bytes.extend_from_slice(&b[..n]);
            }
            None if bytes.is_empty() => first = start + k + 1,
            None => break,
        }
    }
    char_at.push(bytes.len());
    // The longest stretch, starting and ending on char boundaries, that is valid UTF-8.
    let mut best: Option<(usize, usize, String)> = None;
    for (si, &sb) in char_at.iter().enumerate() {
        if best.as_ref().is_some_and(|b| sb < char_at[b.1]) {
            continue;
        }
        let valid = match std::str::from_utf8(&bytes[sb..]) {
            Ok(_) => bytes.len(),
            Err(e) => sb + e.valid_up_to(),
        };
        let ei = char_at.partition_point(|&b| b <= valid).saturating_sub(1);
        if ei <= si {
            continue;
        }
        let Ok(s) = std::str::from_utf8(&bytes[sb..char_at[ei]]) else {
            continue;
        };
        if s.chars().filter(|c| !c.is_ascii()).count() >= 2
            && best.as_ref().is_none_or(|b| ei - si > b.1 - b.0)
        {
            best = Some((si, ei, s.to_owned()));
        }
    }
    let Some((si, ei, s)) = best else {
        return (None, end);
    };
    let (a, b) = (first + si, first + ei);
    let before = mean_score(chars[a..b].iter().copied());
    let after = mean_score(s.chars());
    if after < before + MIN_GAIN || after < MIN_RESULT {
        return (None, end);
    }
    // Map each UTF-8 char to the GBK chars holding its bytes.
    let mut out = Vec::new();
    let base = char_at[si];
    let mut k = si;
    for (off, c) in s.char_indices() {
        let (lo, hi) = (base + off, base + off + c.len_utf8() - 1);
        while k + 1 < ei && char_at[k + 1] <= lo {
            k += 1;
        }
        let mut k2 = k;
        while k2 + 1 < ei && char_at[k2 + 1] <= hi {
            k2 += 1;
        }
        out.push((c, join(&origins.at(first + k), &origins.at(first + k2))));
    }
    let gain = after * out.len() as f32 - before * (b - a) as f32;
    let found = Replacement {
        range: a..b,
        chars: out,
        flags: 0,
        gain,
    };
    (Some(found), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(text: &str) -> Mapped {
        Mapped::identity(text)
    }

    #[test]
    fn repairs_utf8_read_as_gbk() {
        // UTF-8 of 强校带弱校”的原则 read as GBK, inside normal text.
        let (out, n) = repair(mapped("按照“寮烘牎甯﹀急鏍♀€濈殑鍘熷垯,积极组织"));
        assert_eq!(n, 1);
        assert!(out.text.contains("强校带弱校”的原则"), "{}", out.text);
        assert!(out.text.starts_with("按照“"));
        let origins: Vec<_> = out.origins.iter().collect();
        for w in origins.windows(2) {
            assert!(w[0].start <= w[1].start);
        }
    }

    #[test]
    fn repairs_a_gbk_stream_shifted_by_one_byte() {
        // GBK of 的原则是 with its first byte lost, then read as GBK: garbage until ASCII.
        let bytes = GBK.encode("校的原则是提高质量a").0.into_owned();
        let garbled = GBK.decode_without_bom_handling(&bytes[1..]).0.into_owned();
        let text = format!("坚持?{garbled},积极");
        let (out, n) = repair(mapped(&text));
        assert_eq!(n, 1, "{}", out.text);
        assert!(out.text.contains("的原则是提高质量"), "{}", out.text);
        assert!(!out.flagged_spans(GUESSED).is_empty());
        // The lost-byte marker stays, flagged corrupt.
        assert!(!out.flagged_spans(CORRUPT).is_empty());
    }

    #[test]
    fn leaves_real_text_alone() {
        let text =
            "沂源县鄄城镇推进教育优质均衡发展,2024年底前全部达标。为什么?因为要办好每一所学校。";
        let (out, n) = repair(mapped(text));
        assert_eq!((out.text.as_str(), n), (text, 0));
        assert!(out.flagged_spans(CORRUPT).is_empty());
    }

    fn same(a: &(Mapped, usize), b: &(Mapped, usize)) -> bool {
        (&a.0.text, &a.0.origins, &a.0.flags, a.1) == (&b.0.text, &b.0.origins, &b.0.flags, b.1)
    }

    #[test]
    fn pre_check_skips_only_text_repair_leaves_alone() {
        for s in [
            "为什么?因为要办好每一所学校。",
            "真的吗?是的?好",
            "罕见字㐀在这里,?后面很远才有",
            "学校??倲涤?012年的182所",
            "关于à?的",
            "按照“寮烘牎甯﹀急鏍♀€濈殑鍘熷垯,积极组织",
            "가나다라 韩文",
            "坏字\u{FFFD}在此",
            "私用\u{E000}区",
            "",
        ] {
            let m = mapped(s);
            let full = repair_suspicious(m.clone());
            if !may_have_garbage(s) {
                assert_eq!(full.0.text, s);
            }
            assert!(same(&repair(m), &full), "{s}");
        }
        // A lone question mark in clean text no longer costs the full pass.
        assert!(!may_have_garbage("为什么?因为要办好每一所学校。"));
        assert!(may_have_garbage("学校??倲涤?012年"));
    }

    #[test]
    fn flagging_in_place_matches_the_rebuild() {
        let m = mapped("学校?倲涤\n教育");
        let chars: Vec<char> = m.text.chars().collect();
        for bits in 0..(1u32 << chars.len()) {
            let corrupt: Vec<bool> = (0..chars.len()).map(|i| bits & (1 << i) != 0).collect();
            let a = flag_in_place(m.clone(), &corrupt);
            let b = splice(&m, Vec::new(), &corrupt);
            assert_eq!(
                (&a.text, &a.origins, &a.flags),
                (&b.text, &b.origins, &b.flags)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn pre_check_agrees_with_the_full_pass(
            chars in proptest::collection::vec(proptest::sample::select(
                "的的的是是是教育发展规划學?? \n\n,,a1鏍♀€濈殑㐀가àǎ\u{FFFD}\u{E000}倲涤".chars().collect::<Vec<_>>(),
            ), 0..40)
        ) {
            let s: String = chars.into_iter().collect();
            let m = mapped(&s);
            proptest::prop_assert!(same(&repair(m.clone()), &repair_suspicious(m)), "{}", s);
        }
    }

    #[test]
    fn pair_decoding_matches_the_one_shot_decode() {
        for lead in 0x80..=0xFFu8 {
            for trail in 0..=0xFFu8 {
                let pair = [lead, trail];
                let slow = GBK
                    .decode_without_bom_handling_and_without_replacement(&pair)
                    .and_then(|s| {
                        let mut it = s.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => Some(c),
                            _ => None,
                        }
                    });
                assert_eq!(gbk_pair(&pair), slow, "{lead:02X} {trail:02X}");
            }
        }
    }

    #[test]
    fn flags_unrecoverable_garbage() {
        let (out, _) = repair(mapped("学校??倲涤?012年的182所"));
        assert!(!out.flagged_spans(CORRUPT).is_empty());
    }
}
