//! Character plausibility from a compact frequency table.
//!
//! `freq_table.txt` lists the 3,755 GB2312 level-1 characters ranked by their frequency in
//! jieba's dictionary (generated once; 64 a line). Mojibake and shifted GBK streams are made of
//! rare characters, PUA code points and stray symbols, so a run's mean score separates them from
//! real text without listing any strings.

use std::sync::LazyLock;

use super::convert::t2s_char;

static TABLE: &str = include_str!("freq_table.txt");

/// Rank + 1 of each char of U+4E00..=U+9FFF in the table, 0 when absent.
static RANKS: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let mut ranks = vec![0u16; 0x9FFF - 0x4E00 + 1];
    for (rank, c) in TABLE.chars().filter(|c| !c.is_whitespace()).enumerate() {
        if let Some(slot) = (c as usize)
            .checked_sub(0x4E00)
            .and_then(|i| ranks.get_mut(i))
        {
            *slot = u16::try_from(rank + 1).unwrap_or(u16::MAX);
        }
    }
    ranks
});

/// Frequency rank (1 = most common) of a Simplified char, `None` when not in the table.
pub(crate) fn rank(c: char) -> Option<u16> {
    let i = (c as usize).checked_sub(0x4E00)?;
    RANKS.get(i).copied().filter(|&r| r > 0)
}

/// True for CJK unified ideographs (BMP block and extensions) and compatibility ideographs.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Common punctuation of Chinese text (full width and ASCII forms).
fn is_common_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
            | '%'
            | '％'
    )
}

/// [`score_of`] for every BMP code point, computed once: the repair pass scores every char
/// of a suspicious text, and a table lookup is several times cheaper than the rank and
/// Traditional → Simplified lookups behind the score.
static SCORES: LazyLock<Vec<i8>> = LazyLock::new(|| {
    (0..0x1_0000u32)
        .map(|u| {
            let s = char::from_u32(u).map_or(0, score_of);
            i8::try_from(s).unwrap_or(i8::MIN)
        })
        .collect()
});

/// How plausible `c` is in Chinese text: about 2–4 for common characters and punctuation,
/// negative for rare characters, replacement and private-use code points, and stray symbols.
#[inline]
pub(crate) fn char_score(c: char) -> i32 {
    match SCORES.get(c as usize) {
        Some(&s) => i32::from(s),
        None => score_of(c),
    }
}

/// The score itself ([`char_score`] reads it from a table for the BMP).
fn score_of(c: char) -> i32 {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            '?' => -3,
            c if c.is_ascii_alphanumeric() => 1,
            _ => 0,
        };
    }
    if (0x4E00..=0x9FFF).contains(&u) {
        return match rank(t2s_char(c)) {
            Some(r) if r <= 500 => 4,
            Some(r) if r <= 1500 => 3,
            Some(_) => 2,
            None => -2,
        };
    }
    if is_common_punct(c) {
        return 2;
    }
    if c.is_whitespace() {
        return 0;
    }
    match u {
        0xFFFD => -6,
        0xE000..=0xF8FF => -6,
        0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3134F => -3,
        0xAC00..=0xD7AF => -4,
        0x3000..=0x303F | 0xFF01..=0xFF5E => 1,
        // Accented Latin letters in Chinese text are pinyin (annotations, or their residue
        // in garbled runs): bad, though not garbage on their own.
        0xC0..=0x24F if c.is_alphabetic() => -2,
        // Latin-1 signs (×, ·, °) and typographic punctuation occur in real text.
        0x80..=0xFF | 0x2010..=0x2027 => -1,
        _ => -3,
    }
}

/// Mean [`char_score`] of `chars` (0 for none).
pub(crate) fn mean_score(chars: impl IntoIterator<Item = char>) -> f32 {
    let (mut sum, mut n) = (0i64, 0i64);
    for c in chars {
        sum += i64::from(char_score(c));
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum as f32 / n as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_text_scores_high_and_mojibake_low() {
        assert!(mean_score("强校带弱校”的原则".chars()) > 2.5);
        assert!(mean_score("寮烘牎甯﹀急鏍♀€濈殑鍘熷垯".chars()) < 0.0);
        // Traditional text scores through its Simplified forms.
        assert!(mean_score("教育事業發展規劃".chars()) > 2.5);
        assert!(mean_score("\u{e0d8}萄小钡然顒".chars()) < mean_score("聯片教研”等".chars()));
        assert_eq!(rank('的').map(|r| r < 100), Some(true));
        assert_eq!(rank('A'), None);
    }

    #[test]
    fn score_table_agrees_with_the_score() {
        // Every BMP code point (surrogates are no chars), plus some beyond.
        for u in (0..0x1_0000u32).chain([0x1_F600, 0x2_0000, 0x2_A6D6, 0x3_1350, 0x10_FFFF]) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(char_score(c), score_of(c), "U+{u:04X}");
            }
        }
    }
}
