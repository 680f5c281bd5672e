//! Traditional → Simplified conversion with provenance, and script detection.
//!
//! The conversion sits behind [`ScriptConverter`] so another engine (e.g. ferrous-opencc) can
//! replace hanconv. The default engine uses hanconv's OpenCC dictionaries (phrases first, then
//! characters, longest match) plus [`MAINLAND_OVERRIDES`] for mainland usage OpenCC's t2s keeps
//! Traditional-looking (看著 → 看着).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use hanconv::{Dictionary, Trie};

use super::mapped::{join, Mapped, OriginCursor};
use crate::records::Script;

/// A Traditional → Simplified converter that says which input chars each output piece came from.
pub trait ScriptConverter: Send + Sync {
    /// Converts `text`, calling `emit(n, piece)` for consecutive pieces: the next `n` (≥ 1)
    /// input chars became `piece`. The `n`s sum to the number of chars of `text`.
    fn convert(&self, text: &str, emit: &mut dyn FnMut(usize, &str));
}

/// Phrase-level mainland usage that OpenCC's t2s leaves as 著: the verb suffix and 着-words.
pub const MAINLAND_OVERRIDES: &[(&str, &str)] = &[
    ("看著", "看着"),
    ("著力", "着力"),
    ("執著", "执着"),
    ("接著", "接着"),
    ("隨著", "随着"),
    ("沿著", "沿着"),
    ("本著", "本着"),
    ("向著", "向着"),
    ("朝著", "朝着"),
    ("有著", "有着"),
    ("帶著", "带着"),
    ("跟著", "跟着"),
    ("試著", "试着"),
    ("繞著", "绕着"),
    ("意味著", "意味着"),
    ("存在著", "存在着"),
    ("發揮著", "发挥着"),
    ("著手", "着手"),
    ("著眼", "着眼"),
    ("著重", "着重"),
    ("著想", "着想"),
    ("著落", "着落"),
    ("著實", "着实"),
    ("著急", "着急"),
    ("著陸", "着陆"),
    ("穿著", "穿着"),
    ("衣著", "衣着"),
    ("沉著", "沉着"),
];

/// hanconv's OpenCC t2s dictionaries plus the mainland overrides.
#[derive(Debug, Default, Clone, Copy)]
pub struct HanconvT2s;

static T2S_TRIE: LazyLock<Trie<&'static str>> = LazyLock::new(|| {
    let mut trie: Trie<&'static str> = Dictionary::TSPhrases
        .iter()
        .chain(Dictionary::TSCharacters.iter())
        .collect();
    for (k, v) in MAINLAND_OVERRIDES {
        trie.insert(k, v);
    }
    trie
});

impl ScriptConverter for HanconvT2s {
    fn convert(&self, text: &str, emit: &mut dyn FnMut(usize, &str)) {
        let trie = &*T2S_TRIE;
        let tables = &*TABLES;
        let mut iter = text.chars();
        // Chars that pass through unchanged are emitted as one piece per run (byte start and
        // char count of the pending run): fewer calls, and the caller copies runs in bulk.
        let (mut run_start, mut run_chars) = (0usize, 0usize);
        loop {
            let pos = text.len() - iter.as_str().len();
            let Some(c) = iter.clone().next() else { break };
            // ASCII and chars that start no dictionary key pass through cheaply.
            let matched = if c.is_ascii() || !tables.starts_key(c) {
                None
            } else {
                trie.r#match(iter.clone())
            };
            match matched {
                Some((out, len)) => {
                    if run_chars > 0 {
                        emit(run_chars, &text[run_start..pos]);
                    }
                    emit(len, out);
                    iter.nth(len.saturating_sub(1));
                    run_chars = 0;
                    run_start = text.len() - iter.as_str().len();
                }
                None => {
                    iter.next();
                    run_chars += 1;
                }
            }
        }
        if run_chars > 0 {
            emit(run_chars, &text[run_start..]);
        }
    }
}

/// Tables derived once from the OpenCC character dictionaries. The hot lookups (one per char
/// of every document) use arrays over the BMP; the hash tables hold the rest.
struct Tables {
    /// Traditional char → its Simplified char (only where they differ).
    t2s: HashMap<char, char>,
    /// `t2s` for BMP keys, indexed by code point: 0 where there is none, [`IN_MAP`] where the
    /// value lies beyond the BMP (look in `t2s`), else the value.
    t2s_bmp: Vec<u16>,
    /// Chars that begin some key of the t2s trie (phrases or chars).
    key_starts: HashSet<char>,
    /// Bitset over the BMP of `key_starts`.
    key_starts_bmp: Vec<u64>,
    /// Bitset over the BMP of chars t2s would change.
    trad_only: Vec<u64>,
    /// Bitset over the BMP of Simplified chars whose Traditional form differs.
    simp_only: Vec<u64>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t2s = HashMap::new();
    let mut trad_only = vec![0u64; 1024];
    let mut simp_only = vec![0u64; 1024];
    let mut key_starts = HashSet::new();
    let single = |s: &str| {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    for (k, v) in Dictionary::TSCharacters.iter() {
        if let (Some(k), Some(v)) = (single(k), v.chars().next()) {
            if k != v {
                t2s.insert(k, v);
                set_bit(&mut trad_only, k);
            }
        }
    }
    for (k, _) in Dictionary::TSPhrases.iter() {
        if let Some(c) = k.chars().next() {
            key_starts.insert(c);
        }
    }
    for (k, _) in MAINLAND_OVERRIDES {
        if let Some(c) = k.chars().next() {
            key_starts.insert(c);
        }
    }
    key_starts.extend(t2s.keys().copied());
    let mut key_starts_bmp = vec![0u64; 1024];
    for &c in &key_starts {
        set_bit(&mut key_starts_bmp, c);
    }
    let mut t2s_bmp = vec![0u16; 0x1_0000];
    for (&k, &v) in &t2s {
        if let Some(slot) = t2s_bmp.get_mut(k as usize) {
            *slot = u16::try_from(v as u32)
                .ok()
                .filter(|&v| v != IN_MAP)
                .unwrap_or(IN_MAP);
        }
    }
    for (k, v) in Dictionary::STCharacters.iter() {
        if let (Some(k), Some(v)) = (single(k), v.chars().next()) {
            if k != v && !t2s.contains_key(&k) {
                set_bit(&mut simp_only, k);
            }
        }
    }
    Tables {
        t2s,
        t2s_bmp,
        key_starts,
        key_starts_bmp,
        trad_only,
        simp_only,
    }
});

/// `t2s_bmp` entry of a key whose value is not a BMP char (U+FFFF is no char of any text).
const IN_MAP: u16 = 0xFFFF;

fn set_bit(bits: &mut [u64], c: char) {
    let i = c as usize;
    if let Some(w) = bits.get_mut(i / 64) {
        *w |= 1 << (i % 64);
    }
}

fn get_bit(bits: &[u64], c: char) -> bool {
    let i = c as usize;
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

impl Tables {
    /// `c` begins some key of the t2s trie.
    #[inline]
    fn starts_key(&self, c: char) -> bool {
        if (c as u32) < 0x1_0000 {
            get_bit(&self.key_starts_bmp, c)
        } else {
            self.key_starts.contains(&c)
        }
    }

    /// t2s would change `c` on its own.
    #[inline]
    fn traditional_only(&self, c: char) -> bool {
        if (c as u32) < 0x1_0000 {
            get_bit(&self.trad_only, c)
        } else {
            self.t2s.contains_key(&c)
        }
    }
}

#[cfg(test)]
fn starts_key(c: char) -> bool {
    TABLES.starts_key(c)
}

/// True when t2s would change `c` on its own (a Traditional-only char).
#[cfg(test)]
fn is_traditional_only(c: char) -> bool {
    TABLES.traditional_only(c)
}

/// The Simplified form of a single char (itself when it has none).
pub(crate) fn t2s_char(c: char) -> char {
    let tables = &*TABLES;
    match tables.t2s_bmp.get(c as usize) {
        Some(0) => c,
        Some(&v) if v != IN_MAP => char::from_u32(u32::from(v)).unwrap_or(c),
        _ => tables.t2s.get(&c).copied().unwrap_or(c),
    }
}

/// Counts Traditional-only and Simplified-only chars and names the dominant script.
pub(crate) fn detect_script(text: &str) -> (Script, usize) {
    let (mut trad, mut simp) = (0usize, 0usize);
    // The tables once, not per char.
    let tables = &*TABLES;
    for c in text.chars() {
        if (c as u32) < 0x3400 {
            continue;
        }
        if tables.traditional_only(c) {
            trad += 1;
        } else if get_bit(&tables.simp_only, c) {
            simp += 1;
        }
    }
    let script = if trad == 0 || simp >= 4 * trad {
        Script::Simplified
    } else if trad >= 4 * simp {
        Script::Traditional
    } else {
        Script::Mixed
    };
    (script, trad)
}

/// Converts `input` with `converter`, keeping provenance: a piece with as many chars as it
/// consumed maps char to char; otherwise each output char maps to the whole consumed range.
pub(crate) fn convert_mapped(input: Mapped, converter: &dyn ScriptConverter) -> Mapped {
    // Usually every piece has as many chars as it consumed (OpenCC maps char to char, phrases
    // to phrases of the same length): then origins and flags stay as they are and only the
    // text is new. Otherwise convert again, mapping piece by piece.
    let mut text = String::with_capacity(input.text.len());
    let (mut pos, mut aligned) = (0usize, true);
    converter.convert(&input.text, &mut |n, piece| {
        if aligned && n > 0 && piece.chars().count() == n {
            text.push_str(piece);
            pos += n;
        } else {
            aligned = false;
        }
    });
    if aligned && pos == input.origins.len() {
        return Mapped {
            text,
            origins: input.origins,
            flags: input.flags,
        };
    }
    convert_pieces(&input, converter)
}

/// [`convert_mapped`] piece by piece.
fn convert_pieces(input: &Mapped, converter: &dyn ScriptConverter) -> Mapped {
    let mut out = Mapped::with_capacity_of(input);
    let mut pos = 0usize;
    let mut origins = OriginCursor::new(&input.origins, 0);
    converter.convert(&input.text, &mut |n, piece| {
        let end = (pos + n).min(input.origins.len());
        if pos >= end {
            return;
        }
        let pieces = piece.chars().count();
        if pieces == end - pos {
            // Char to char (runs of unchanged text, single-char conversions): bulk copy.
            out.text.push_str(piece);
            out.origins.extend_from(&input.origins, pos..end);
            out.flags.extend_from_slice(&input.flags[pos..end]);
        } else {
            let origin = join(&origins.at(pos), &origins.at(end - 1));
            let flags = input.flags[pos..end].iter().fold(0, |a, f| a | f);
            out.push_str(piece, origin, flags);
        }
        pos = end;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t2s(s: &str) -> String {
        let mut out = String::new();
        HanconvT2s.convert(s, &mut |_, p| out.push_str(p));
        out
    }

    #[test]
    fn converts_phrases_and_overrides() {
        assert_eq!(t2s("教育事業發展規劃"), "教育事业发展规划");
        assert_eq!(
            t2s("著力推進,看著孩子,執著追求"),
            "着力推进,看着孩子,执着追求"
        );
        // 著 as "famous/write" stays.
        assert_eq!(t2s("顯著提高,著名學者"), "显著提高,著名学者");
        assert_eq!(t2s("abc 2025年"), "abc 2025年");
    }

    #[test]
    fn detects_script() {
        assert_eq!(detect_script("教育事业发展规划").0, Script::Simplified);
        assert_eq!(detect_script("教育事業發展規劃").0, Script::Traditional);
        assert_eq!(detect_script("no han at all").0, Script::Simplified);
        assert_eq!(detect_script("教育事業發展规划学习").0, Script::Mixed);
        assert!(is_traditional_only('發'));
        assert!(!is_traditional_only('发'));
        assert_eq!(t2s_char('學'), '学');
    }

    /// The converter before runs were batched: one piece per pass-through char, and a hash
    /// set for the key starts.
    struct PerChar;

    impl ScriptConverter for PerChar {
        fn convert(&self, text: &str, emit: &mut dyn FnMut(usize, &str)) {
            let trie = &*T2S_TRIE;
            let mut iter = text.chars();
            let mut buf = [0u8; 4];
            while let Some(c) = iter.clone().next() {
                if c.is_ascii() || !TABLES.key_starts.contains(&c) {
                    iter.next();
                    emit(1, c.encode_utf8(&mut buf));
                } else if let Some((out, len)) = trie.r#match(iter.clone()) {
                    emit(len, out);
                    iter.nth(len.saturating_sub(1));
                } else {
                    iter.next();
                    emit(1, c.encode_utf8(&mut buf));
                }
            }
        }
    }

    /// [`convert_mapped`] as it was: char by char.
    fn convert_per_char(input: &Mapped) -> Mapped {
        convert_reference(input, &PerChar)
    }

    fn convert_reference(input: &Mapped, converter: &dyn ScriptConverter) -> Mapped {
        let mut out = Mapped::default();
        let mut pos = 0usize;
        converter.convert(&input.text, &mut |n, piece| {
            let end = (pos + n).min(input.origins.len());
            if pos >= end {
                return;
            }
            if piece.chars().count() == end - pos {
                for (k, c) in piece.chars().enumerate() {
                    out.push(c, input.origins.at(pos + k), input.flags[pos + k]);
                }
            } else {
                let origin = join(&input.origins.at(pos), &input.origins.at(end - 1));
                let flags = input.flags[pos..end].iter().fold(0, |a, f| a | f);
                out.push_str(piece, origin, flags);
            }
            pos = end;
        });
        out
    }

    fn mapped(s: &str) -> Mapped {
        Mapped::identity_flagged(s, |k| (k % 3) as u8)
    }

    fn same(a: &Mapped, b: &Mapped) -> bool {
        (&a.text, &a.origins, &a.flags) == (&b.text, &b.origins, &b.flags)
    }

    #[test]
    fn tables_agree_with_the_dictionaries() {
        for u in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(starts_key(c), TABLES.key_starts.contains(&c), "U+{u:04X}");
            let slow = TABLES.t2s.get(&c).copied().unwrap_or(c);
            assert_eq!(t2s_char(c), slow, "U+{u:04X}");
        }
    }

    #[test]
    fn batched_conversion_matches_char_by_char() {
        for s in [
            "",
            "abc",
            "教育事業發展規劃",
            "著力推進,看著孩子,執著追求;顯著提高,著名學者",
            "鄉(xiāng)村振興 2025年 ａｂｃ１２３",
            "发展规划,全部是简体字。\n第二行也是。",
            "學",
            "末尾是繁體",
            "𠀀𪚥與\u{FFFD}\u{E000}鏍♀€濈殑",
        ] {
            let m = mapped(s);
            assert!(
                same(
                    &convert_mapped(m.clone(), &HanconvT2s),
                    &convert_per_char(&m)
                ),
                "{s}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn batched_conversion_matches_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(
                "教育事業發展規劃著力看執隨顯學习关關于於乾干後后臺台a1 (),。\n\u{FFFD}𠀀".chars().collect::<Vec<_>>(),
            ), 0..60)
        ) {
            let s: String = chars.into_iter().collect();
            let m = mapped(&s);
            proptest::prop_assert!(same(&convert_mapped(m.clone(), &HanconvT2s), &convert_per_char(&m)), "{}", s);
        }
    }

    /// A converter whose pieces change length: `@` → `at`, `ab` → `x`; and one that stops
    /// early.
    struct Resizing {
        stop_after: usize,
    }

    impl ScriptConverter for Resizing {
        fn convert(&self, text: &str, emit: &mut dyn FnMut(usize, &str)) {
            let chars: Vec<char> = text.chars().collect();
            let mut i = 0;
            while i < chars.len().min(self.stop_after) {
                if chars[i] == '@' {
                    emit(1, "at");
                    i += 1;
                } else if chars[i] == 'a' && chars.get(i + 1) == Some(&'b') {
                    emit(2, "x");
                    i += 2;
                } else {
                    emit(1, &chars[i].to_string());
                    i += 1;
                }
            }
        }
    }

    #[test]
    fn pieces_of_another_length_are_mapped_piece_by_piece() {
        for s in ["", "abc", "x@y", "教育ab發展@", "no change here"] {
            for stop_after in [usize::MAX, 2] {
                let m = mapped(s);
                let conv = Resizing { stop_after };
                let out = convert_mapped(m.clone(), &conv);
                assert!(same(&out, &convert_reference(&m, &conv)), "{s}");
                assert_eq!(out.origins.len(), out.text.chars().count());
            }
        }
    }

    #[test]
    fn conversion_keeps_provenance() {
        let mut m = Mapped::default();
        for (i, c) in "看著發展".chars().enumerate() {
            m.push(c, i * 3..i * 3 + 3, 0);
        }
        let out = convert_mapped(m, &HanconvT2s);
        assert_eq!(out.text, "看着发展");
        let ranges: Vec<_> = out.origins.iter().map(|o| o.range()).collect();
        assert_eq!(ranges, vec![0..3, 3..6, 6..9, 9..12]);
    }
}
