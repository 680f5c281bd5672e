//! NFKC with provenance: ASCII digits, `(`, `)`, `:`, `,` come out ASCII; Chinese punctuation
//! such as `。`, `、`, `“”`, `〔〕` is left as it is by NFKC.

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
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut out = Mapped::with_capacity(text.len());
    out.text.push_str(&text[..first_b]);
    out.origins.extend_from_slice(&input.origins[..first_k]);
    out.flags.extend_from_slice(&input.flags[..first_k]);
    let origins = &input.origins[first_k..];
    let flags = &input.flags[first_k..];
    // Start of the pending run of unchanged chars (char index into `chars`).
    let mut run = 0;
    let flush = |out: &mut Mapped, from: usize, to: usize| {
        if from < to {
            let b0 = chars[from].0;
            let b1 = chars.get(to).map_or(rest.len(), |x| x.0);
            out.text.push_str(&rest[b0..b1]);
            out.origins.extend_from_slice(&origins[from..to]);
            out.flags.extend_from_slice(&flags[from..to]);
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let u = c as u32;
        let combining_next = chars.get(i + 1).is_some_and(|&(_, n)| may_combine(n));
        if !combining_next && is_stable(c) {
            i += 1;
            continue;
        }
        flush(&mut out, run, i);
        if !combining_next && (0xFF01..=0xFF5E).contains(&u) {
            let narrow = char::from_u32(u - 0xFEE0).unwrap_or(c);
            out.push(narrow, origins[i].clone(), flags[i]);
            i += 1;
            run = i;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && may_combine(chars[j].1) {
            j += 1;
        }
        let origin = join(&origins[i], &origins[j - 1]);
        let group_flags = flags[i..j].iter().fold(0, |a, f| a | f);
        for n in chars[i..j].iter().map(|x| x.1).nfkc() {
            out.push(n, origin.clone(), group_flags);
        }
        i = j;
        run = i;
    }
    flush(&mut out, run, chars.len());
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
