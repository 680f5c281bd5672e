//! NFKC with provenance: ASCII digits, `(`, `)`, `:`, `,` come out ASCII; Chinese punctuation
//! such as `。`, `、`, `“”`, `〔〕` is left as it is by NFKC.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::mapped::{join, Mapped};

/// NFKC-normalises `input`. A char and the combining marks after it are normalised together
/// (composition needs them); every output char maps to that group's input bytes.
pub(crate) fn nfkc(input: Mapped) -> Mapped {
    if is_nfkc_quick(input.text.chars()) == IsNormalized::Yes {
        return input;
    }
    let chars: Vec<char> = input.text.chars().collect();
    let mut out = Mapped::with_capacity(input.text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let u = c as u32;
        let combining_next = chars.get(i + 1).is_some_and(|&n| may_combine(n));
        if !combining_next {
            // Fast paths for what plan documents are made of.
            if u < 0x80 || (0x4E00..=0x9FFF).contains(&u) {
                out.push(c, input.origins[i].clone(), input.flags[i]);
                i += 1;
                continue;
            }
            if (0xFF01..=0xFF5E).contains(&u) {
                let narrow = char::from_u32(u - 0xFEE0).unwrap_or(c);
                out.push(narrow, input.origins[i].clone(), input.flags[i]);
                i += 1;
                continue;
            }
        }
        let mut j = i + 1;
        while j < chars.len() && may_combine(chars[j]) {
            j += 1;
        }
        let origin = join(&input.origins[i], &input.origins[j - 1]);
        let flags = input.flags[i..j].iter().fold(0, |a, f| a | f);
        for n in chars[i..j].iter().copied().nfkc() {
            out.push(n, origin.clone(), flags);
        }
        i = j;
    }
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
