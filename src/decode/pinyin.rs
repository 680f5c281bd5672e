//! Removal of inline pinyin annotations: `關(guān)` → `關`.
//!
//! Only a parenthesised single pinyin syllable with a tone (mark or digit 1–5) right after a Han
//! character is removed; `(2021—2025)`, `(试行)`, `(一)`, `(a)` stay. Runs after NFKC, so the
//! parentheses are ASCII.

use std::ops::Range;

use super::freq::is_han;
use super::mapped::Mapped;

/// Removes the annotations; returns the new text and how many were removed.
pub(crate) fn remove_pinyin(input: Mapped) -> (Mapped, usize) {
    let spans = annotations(&input.text);
    if spans.is_empty() {
        return (input, 0);
    }
    // Copy the text between annotations in bulk, keeping the char index in step.
    let mut out = Mapped::with_capacity_of(&input);
    let (mut byte, mut k) = (0usize, 0usize);
    for span in &spans {
        let kept = &input.text[byte..span.start];
        let kept_end = k + kept.chars().count();
        out.text.push_str(kept);
        out.origins.extend_from(&input.origins, k..kept_end);
        out.flags.extend_from_slice(&input.flags[k..kept_end]);
        k = kept_end + input.text[span.clone()].chars().count();
        byte = span.end;
    }
    out.text.push_str(&input.text[byte..]);
    out.origins
        .extend_from(&input.origins, k..input.origins.len());
    out.flags.extend_from_slice(&input.flags[k..]);
    (out, spans.len())
}

/// Byte ranges, `(` to `)`, of the annotations: a Han char, `(`, then within the next 8 chars
/// a `)` closing a toned syllable. Only the `(`s are visited (a byte search), so text without
/// annotations costs little.
fn annotations(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for (open, _) in text.match_indices('(') {
        if !text[..open].chars().next_back().is_some_and(is_han) {
            continue;
        }
        // The chars after `(` up to the first `)` among the next 8 (the syllable itself has
        // no parenthesis, so annotations never nest or overlap).
        let mut inner = ['\0'; 8];
        let mut n = 0;
        let mut close = None;
        for (b, c) in text[open + 1..].char_indices().take(8) {
            if c == ')' {
                close = Some(open + 1 + b);
                break;
            }
            inner[n] = c;
            n += 1;
        }
        if let Some(close) = close.filter(|_| is_toned_syllable(&inner[..n])) {
            spans.push(open..close + 1);
        }
    }
    spans
}

/// The base letter of a pinyin vowel with a tone mark, and whether it had one.
fn untone(c: char) -> Option<(char, bool)> {
    Some(match c {
        'a'..='z' => (c, false),
        'ā' | 'á' | 'ǎ' | 'à' => ('a', true),
        'ē' | 'é' | 'ě' | 'è' => ('e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => ('i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => ('o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => ('u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => ('v', true),
        'ü' => ('v', false),
        _ => return None,
    })
}

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

const FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an",
    "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang", "iong", "ua",
    "uo", "uai", "uan", "van", "uang", "ueng", "ng",
];

/// One pinyin syllable with a tone mark or a trailing tone digit.
fn is_toned_syllable(chars: &[char]) -> bool {
    let (letters, digit) = match chars.split_last() {
        Some((d, rest)) if ('1'..='5').contains(d) => (rest, true),
        _ => (chars, false),
    };
    if letters.is_empty() || letters.len() > 6 {
        return false;
    }
    let mut base = String::with_capacity(8);
    let mut marks = 0;
    for &c in letters {
        let Some((b, marked)) = untone(c) else {
            return false;
        };
        base.push(b);
        marks += usize::from(marked);
    }
    if marks + usize::from(digit) != 1 {
        return false;
    }
    let rest = INITIALS
        .iter()
        .find(|i| base.starts_with(*i) && base.len() > i.len())
        .map_or(base.as_str(), |i| &base[i.len()..]);
    FINALS.contains(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let m = Mapped::identity(s);
        let (out, n) = remove_pinyin(m);
        assert_eq!(out.origins.len(), out.text.chars().count());
        (out.text, n)
    }

    #[test]
    fn removes_toned_syllables_after_han() {
        assert_eq!(run("關(guān)于印發(fā)通知"), ("關于印發通知".into(), 2));
        assert_eq!(run("教育優(yōu)質發展(zhan3)"), ("教育優質發展".into(), 2));
        assert_eq!(run("鄉(xiāng)村"), ("鄉村".into(), 1));
    }

    /// The removal as it was: a scan of every char.
    fn remove_per_char(input: &Mapped) -> (Mapped, usize) {
        let chars: Vec<char> = input.text.chars().collect();
        let mut keep = vec![true; chars.len()];
        let mut removed = 0;
        let mut i = 1;
        while i < chars.len() {
            if chars[i] == '(' && is_han(chars[i - 1]) {
                if let Some(close) = (i + 1..chars.len().min(i + 9)).find(|&j| chars[j] == ')') {
                    if is_toned_syllable(&chars[i + 1..close]) {
                        keep[i..=close].iter_mut().for_each(|k| *k = false);
                        removed += 1;
                        i = close + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        let mut out = Mapped::default();
        for (k, ((c, o), f)) in input
            .text
            .chars()
            .zip(&input.origins)
            .zip(&input.flags)
            .enumerate()
        {
            if keep[k] {
                out.push(c, o, *f);
            }
        }
        (out, removed)
    }

    fn agrees(s: &str) -> bool {
        let m = Mapped::identity_flagged(s, |k| (k % 3) as u8);
        let (a, n) = remove_pinyin(m.clone());
        let (b, n2) = remove_per_char(&m);
        (a.text, a.origins, a.flags, n) == (b.text, b.origins, b.flags, n2)
    }

    #[test]
    fn byte_search_matches_the_char_scan() {
        for s in [
            "關(guān)于印發(fā)通知",
            "教育優(yōu)質發展(zhan3)",
            "(guān)开头",
            "末尾(guān",
            "关(guān)(fā)(zhan3)",
            "关((guān)",
            "关(guānzhuàngxx)",
            "规划(2021—2025)和(试行)",
            "a(guān)b关(xiāng)",
            "装(zhuang1)置(zhuāng)",
            "装(zhuangx1)",
            "",
        ] {
            assert!(agrees(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_search_matches_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(
                "关發鄉()((()guanxiā ngzhǎo35a)".chars().collect::<Vec<_>>(),
            ), 0..50)
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert!(agrees(&s), "{}", s);
        }
    }

    #[test]
    fn keeps_other_parentheses() {
        for s in [
            "规划(2021—2025)",
            "办法(试行)",
            "(一)指导思想",
            "方案(a)",
            "部门(guan)",
            "任务(责任部门:县教育局)",
            "AB(guān)",
        ] {
            assert_eq!(run(s), (s.to_string(), 0), "{s}");
        }
    }
}
