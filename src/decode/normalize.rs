//! NFKC with provenance: ASCII digits, `(`, `)`, `:`, `,` come out ASCII; Chinese punctuation
//! such as `。`, `、`, `“”`, `〔〕` is left as it is by NFKC.

use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::mapped::{join, Mapped, OriginCursor};

/// Chars of the BMP that NFKC leaves as they are on their own and that combine with nothing
/// before them; computed once.
static STABLE: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1024];
    for u in 0..0x10000u32 {
        let Some(c) = char::from_u32(u) else { continue };
        if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes && !may_combine(c) {
            bits[(u / 64) as usize] |= 1 << (u % 64);
        }
    }
    bits
});

#[inline]
fn is_stable(c: char) -> bool {
    let u = c as u32;
    u < 0x80
        || (0x4E00..=0x9FFF).contains(&u)
        || (u < 0x10000 && STABLE[(u / 64) as usize] & (1 << (u % 64)) != 0)
}

/// NFKC-normalises `input`. A char and the combining marks after it are normalised together
/// (composition needs them); every output char maps to that group's input bytes. Runs of
/// chars NFKC leaves alone are copied in bulk.
pub(crate) fn nfkc(input: Mapped) -> Mapped {
    let text = &input.text;
    // First char that needs work; none → nothing to do.
    let (mut b, mut k) = next_work(text, 0);
    if b == text.len() {
        return input;
    }
    let mut out = Mapped::with_capacity_of(&input);
    let mut origins = OriginCursor::new(&input.origins, k);
    out.text.push_str(&text[..b]);
    out.origins.extend_from(&input.origins, 0..k);
    out.flags.extend_from_slice(&input.flags[..k]);
    while b < text.len() {
        // The char at `b` (char `k`) needs work.
        let rest = &text[b..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let u = c as u32;
        let combining_next = chars.clone().next().is_some_and(may_combine);
        if !combining_next && (0xFF01..=0xFF5E).contains(&u) {
            let narrow = char::from_u32(u - 0xFEE0).unwrap_or(c);
            out.push(narrow, origins.at(k), input.flags[k]);
            b += c.len_utf8();
            k += 1;
        } else {
            // The char and the combining marks after it, normalised together.
            let mut group_end = b + c.len_utf8();
            let mut j = k + 1;
            for n in chars.take_while(|&n| may_combine(n)) {
                group_end += n.len_utf8();
                j += 1;
            }
            let origin = join(&origins.at(k), &origins.at(j - 1));
            let group_flags = input.flags[k..j].iter().fold(0, |a, f| a | f);
            for n in text[b..group_end].nfkc() {
                out.push(n, origin, group_flags);
            }
            b = group_end;
            k = j;
        }
        // The unchanged run up to the next char that needs work, in bulk.
        let (next_b, run) = next_work(text, b);
        out.text.push_str(&text[b..next_b]);
        out.origins.extend_from(&input.origins, k..k + run);
        out.flags.extend_from_slice(&input.flags[k..k + run]);
        b = next_b;
        k += run;
    }
    out
}

/// From byte `from` of `text`: the byte offset of the first char that NFKC may change or that
/// a combining mark follows (the text's length when there is none), and how many chars come
/// before it.
fn next_work(text: &str, from: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut b, mut k) = (from, 0);
    while b < bytes.len() {
        // Fast path: a plain char (ASCII, common CJK) followed by another is left alone.
        let len = plain_len(bytes, b);
        if len > 0 && plain_len(bytes, b + len) > 0 {
            b += len;
            k += 1;
            continue;
        }
        let mut chars = text[b..].chars();
        let Some(c) = chars.next() else { break };
        if !is_stable(c) || chars.next().is_some_and(may_combine) {
            return (b, k);
        }
        b += c.len_utf8();
        k += 1;
    }
    (bytes.len(), k)
}

/// Byte length of the char at `b` when it is ASCII or a CJK ideograph of U+4E00..=U+9FFF
/// (stable under NFKC and combining with nothing), else 0 (also at the end). `b` is a char
/// boundary.
#[inline]
fn plain_len(bytes: &[u8], b: usize) -> usize {
    match bytes.get(b) {
        Some(&x) if x < 0x80 => 1,
        // Lead bytes E5–E9 encode U+5000..=U+9FFF; E4 with B8–BF next encodes U+4E00..=U+4FFF.
        Some(0xE5..=0xE9) => 3,
        Some(0xE4) if bytes.get(b + 1).is_some_and(|&y| y >= 0xB8) => 3,
        _ => 0,
    }
}

/// `c` may combine with the char before it (cheap test first: plan text is ASCII and Han).
#[inline]
fn may_combine(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 || (0x3000..=0x9FFF).contains(&u) || (0xFF00..=0xFFEF).contains(&u) {
        return false;
    }
    canonical_combining_class(c) != 0 || is_jamo_vt(c)
}

/// Hangul vowel and trailing jamo compose with the char before them.
fn is_jamo_vt(c: char) -> bool {
    matches!(c as u32, 0x1160..=0x11FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NFKC with provenance, char by char: each char and its combining marks normalised
    /// together (what [`nfkc`] must give, runs copied in bulk or not).
    fn nfkc_per_char(input: &Mapped) -> Mapped {
        let chars: Vec<char> = input.text.chars().collect();
        let mut out = Mapped::default();
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            while j < chars.len() && may_combine(chars[j]) {
                j += 1;
            }
            let origin = join(&input.origins.at(i), &input.origins.at(j - 1));
            let flags = input.flags[i..j].iter().fold(0, |a, f| a | f);
            let group: String = chars[i..j].iter().collect();
            let normal: String = group.nfkc().collect();
            if j == i + 1 && normal == group {
                out.push(chars[i], input.origins.at(i), input.flags[i]);
            } else {
                out.push_str(&normal, origin, flags);
            }
            i = j;
        }
        out
    }

    fn agrees(s: &str) -> bool {
        let m = Mapped::identity_flagged(s, |k| (k % 3) as u8);
        let a = nfkc(m.clone());
        let b = nfkc_per_char(&m);
        (a.text, a.origins, a.flags) == (b.text, b.origins, b.flags)
    }

    #[test]
    fn plain_chars_are_what_the_fast_path_says() {
        for u in (0..0x80u32).chain(0x4E00..=0x9FFF) {
            let c = char::from_u32(u).unwrap();
            let s = c.to_string();
            assert_eq!(plain_len(s.as_bytes(), 0), c.len_utf8(), "U+{u:04X}");
            assert!(is_stable(c) && !may_combine(c), "U+{u:04X}");
        }
        for c in [
            '\u{80}', '\u{4DFF}', '\u{A000}', '\u{3000}', '，', '\u{301}', '𠀀',
        ] {
            assert_eq!(plain_len(c.to_string().as_bytes(), 0), 0, "{c}");
        }
    }

    #[test]
    fn bulk_runs_match_char_by_char() {
        for s in [
            "",
            "纯中文没有要改的",
            "（一）２０２５年：目标，“达到”〔２０２１〕。e\u{301}",
            "\u{301}开头的组合符",
            "ｅ\u{301}\u{302}全角加组合",
            "㈠㊣①½ﬁ™\u{3000}末尾Ａ",
            "한국어\u{1100}\u{1161}자모",
            "中文e\u{301}中文ａ\u{301}",
            "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}\u{301}",
        ] {
            assert!(agrees(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn bulk_runs_match_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(
                "教育a1 ,，。（）２Ａｅe\u{301}\u{308}①ﬁ\u{3000}가\u{1161}\u{2028}".chars().collect::<Vec<_>>(),
            ), 0..40)
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert!(agrees(&s), "{}", s);
        }
    }

    #[test]
    fn narrows_ascii_and_keeps_chinese_punctuation() {
        let s = "（一）２０２５年：目标，“达到”〔２０２１〕。e\u{301}";
        let m = Mapped::identity(s);
        let out = nfkc(m);
        assert_eq!(out.text, "(一)2025年:目标,“达到”〔2021〕。é");
        assert_eq!(out.origins.len(), out.text.chars().count());
        // The composed é maps to both of its input chars.
        let last = out.origins.last().unwrap();
        assert_eq!(last.end - last.start, 3);
    }
}
