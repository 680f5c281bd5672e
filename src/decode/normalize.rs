//! NFKC with provenance: ASCII digits, `(`, `)`, `:`, `,` come out ASCII; Chinese punctuation
//! such as `。`, `、`, `“”`, `〔〕` is left as it is by NFKC.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::mapped::{join, Mapped};

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
    let mut iter = text.char_indices().enumerate().peekable();
    // First char that needs work; none → nothing to do.
    let mut first = None;
    while let Some((k, (b, c))) = iter.next() {
        let next_combines = iter.peek().is_some_and(|(_, (_, n))| may_combine(*n));
        if !is_stable(c) || next_combines {
            first = Some((k, b));
            break;
        }
    }
    let Some((first_k, first_b)) = first else {
        return input;
    };
    let rest = &text[first_b..];
    let origins = &input.origins[first_k..];
    let flags = &input.flags[first_k..];
    let mut out = Mapped::with_capacity(text.len());
    out.text.push_str(&text[..first_b]);
    out.origins.extend_from_slice(&input.origins[..first_k]);
    out.flags.extend_from_slice(&input.flags[..first_k]);
    // The pending run of unchanged chars (byte and char start, within `rest`) is copied in
    // bulk when a char that needs work, or the end, is reached.
    let flush = |out: &mut Mapped, bytes: Range<usize>, chars: Range<usize>| {
        out.text.push_str(&rest[bytes]);
        out.origins.extend_from_slice(&origins[chars.clone()]);
        out.flags.extend_from_slice(&flags[chars]);
    };
    let (mut run_b, mut run_k) = (0usize, 0usize);
    // Char index (within `rest`) of the current char.
    let mut k = 0usize;
    let mut iter = rest.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        let u = c as u32;
        let combining_next = iter.peek().is_some_and(|&(_, n)| may_combine(n));
        if !combining_next && is_stable(c) {
            k += 1;
            continue;
        }
        flush(&mut out, run_b..b, run_k..k);
        if !combining_next && (0xFF01..=0xFF5E).contains(&u) {
            let narrow = char::from_u32(u - 0xFEE0).unwrap_or(c);
            out.push(narrow, origins[k].clone(), flags[k]);
            k += 1;
            run_b = b + c.len_utf8();
            run_k = k;
            continue;
        }
        // The char and the combining marks after it, normalised together.
        let mut group_end = b + c.len_utf8();
        let mut j = k + 1;
        while let Some((nb, n)) = iter.next_if(|&(_, n)| may_combine(n)) {
            group_end = nb + n.len_utf8();
            j += 1;
        }
        let origin = join(&origins[k], &origins[j - 1]);
        let group_flags = flags[k..j].iter().fold(0, |a, f| a | f);
        for n in rest[b..group_end].nfkc() {
            out.push(n, origin.clone(), group_flags);
        }
        k = j;
        run_b = group_end;
        run_k = k;
    }
    flush(&mut out, run_b..rest.len(), run_k..k);
    out
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
            let origin = join(&input.origins[i], &input.origins[j - 1]);
            let flags = input.flags[i..j].iter().fold(0, |a, f| a | f);
            let group: String = chars[i..j].iter().collect();
            let normal: String = group.nfkc().collect();
            if j == i + 1 && normal == group {
                out.push(chars[i], input.origins[i].clone(), input.flags[i]);
            } else {
                out.push_str(&normal, &origin, flags);
            }
            i = j;
        }
        out
    }

    fn agrees(s: &str) -> bool {
        let mut m = Mapped::default();
        for (k, (i, c)) in s.char_indices().enumerate() {
            m.push(c, i..i + c.len_utf8(), (k % 3) as u8);
        }
        let a = nfkc(m.clone());
        let b = nfkc_per_char(&m);
        (a.text, a.origins, a.flags) == (b.text, b.origins, b.flags)
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
        let mut m = Mapped::default();
        let s = "（一）２０２５年：目标，“达到”〔２０２１〕。e\u{301}";
        for (i, c) in s.char_indices() {
            m.push(c, i..i + c.len_utf8(), 0);
        }
        let out = nfkc(m);
        assert_eq!(out.text, "(一)2025年:目标,“达到”〔2021〕。é");
        assert_eq!(out.origins.len(), out.text.chars().count());
        // The composed é maps to both of its input chars.
        let last = out.origins.last().cloned().unwrap();
        assert_eq!(last.end - last.start, 3);
    }
}
