//! Encoding detection and decoding with a byte map.
//!
//! Order: BOM; strict UTF-8; BOM-less UTF-16 (chardetng never answers it); binary check;
//! otherwise the legacy encoding from the first 16 KiB of non-UTF-8 lines — GBK or Big5 at
//! once when a frequency reading makes it clear-cut, else chardetng (`last = false`: on a cut
//! prefix `last = true` misjudges) — and encoding_rs. Files whose lines are partly valid
//! UTF-8 and partly not are decoded line by line (mixed).

use std::ops::Range;

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use super::freq::{char_score, is_han, rank};
use super::mapped::{Mapped, CORRUPT};
use crate::error::{Error, ErrorKind};

/// How much of the input the UTF-16 sniffer and the binary check look at.
const SNIFF_BYTES: usize = 64 * 1024;
/// How much legacy text chardetng sees: it runs ~9 MB/s, and 16 KiB of Chinese (8,000
/// characters) is plenty to tell GBK from Big5.
const CHARDET_BYTES: usize = 16 * 1024;
/// Han chars a sample needs before [`clear_chinese`] decides without chardetng.
const CLEAR_MIN_HAN: usize = 200;

/// The decoded text and how it was decoded.
pub(crate) struct Detected {
    /// The text, each char mapped to its input bytes; U+FFFD for malformed bytes (flagged).
    pub mapped: Mapped,
    /// What the bytes were decoded as (the legacy one for mixed files).
    pub encoding: &'static Encoding,
    /// Lines needed different encodings.
    pub mixed: bool,
}

/// Decodes `bytes`, detecting the encoding; `declared` (a page's `<meta charset>`) stands
/// in for the guess when the bytes are not UTF-8.
pub(crate) fn decode_bytes(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Detected, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 {
            if let Ok(text) = std::str::from_utf8(body) {
                let mut mapped = Mapped::with_capacity(body.len());
                push_utf8(text, bom_len, &mut mapped);
                return Ok(Detected {
                    mapped,
                    encoding: UTF_8,
                    mixed: false,
                });
            }
            return Ok(decode_utf8_or_mixed(body, bom_len, None));
        }
        let mut mapped = Mapped::with_capacity(body.len() * 3 / 2);
        decode_utf16(body, bom_len, enc == UTF_16BE, &mut mapped);
        return Ok(Detected {
            mapped,
            encoding: enc,
            mixed: false,
        });
    }
    // NUL bytes mean UTF-16 (ASCII-heavy UTF-16 is even valid UTF-8) or binary; a stray NUL
    // in text is tolerated.
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let nuls = count_bytes(sample, |b| b == 0);
    // (The UTF-16 sniffer costs a pass: only run it when UTF-8 is not the answer.)
    if nuls > 0 {
        if let Some(big_endian) = sniff_utf16(bytes) {
            return Ok(decode_utf16_detected(bytes, big_endian));
        }
    }
    if nuls * 1000 <= sample.len() {
        if let Ok(text) = std::str::from_utf8(bytes) {
            // Sized exactly: a char starts at every byte that is not a continuation byte.
            let chars = count_chars(bytes);
            let mut mapped = Mapped::with_capacity_chars(bytes.len(), chars);
            push_utf8(text, 0, &mut mapped);
            return Ok(Detected {
                mapped,
                encoding: UTF_8,
                mixed: false,
            });
        }
    }
    if nuls == 0 {
        if let Some(big_endian) = sniff_utf16(bytes) {
            return Ok(decode_utf16_detected(bytes, big_endian));
        }
    }
    if looks_binary(bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            "the input looks like binary data (NUL or control bytes), not text",
        ));
    }
    Ok(decode_utf8_or_mixed(bytes, 0, declared))
}

fn decode_utf16_detected(bytes: &[u8], big_endian: bool) -> Detected {
    let mut mapped = Mapped::with_capacity(bytes.len() * 3 / 2);
    decode_utf16(bytes, 0, big_endian, &mut mapped);
    Detected {
        mapped,
        encoding: if big_endian { UTF_16BE } else { UTF_16LE },
        mixed: false,
    }
}

/// More than a stray NUL, or over 1% control bytes other than tab, newlines, form feed and
/// escape, in the sniffed prefix.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = count_bytes(sample, |b| {
        b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)
    });
    let nuls = count_bytes(sample, |b| b == 0);
    nuls * 1000 > sample.len() || controls * 100 > sample.len()
}

/// How many bytes of `sample` satisfy `pred`: summed as bytes per block of 255, which the
/// compiler vectorises (a filtered count runs byte by byte).
pub(crate) fn count_bytes(sample: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    sample
        .chunks(255)
        .map(|block| usize::from(block.iter().map(|&b| u8::from(pred(b))).sum::<u8>()))
        .sum()
}

/// The chars in UTF-8 `bytes`: a char starts at every byte that is not a continuation byte.
pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    count_bytes(bytes, |b| b & 0xC0 != 0x80)
}

/// Appends valid UTF-8 `text` found at input offset `base`.
pub(crate) fn push_utf8(text: &str, base: usize, out: &mut Mapped) {
    out.text.push_str(text);
    let mut prev = None::<usize>;
    for (i, _) in text.char_indices() {
        if let Some(p) = prev {
            out.origins.push((base + p..base + i).into());
        }
        prev = Some(i);
    }
    if let Some(p) = prev {
        out.origins.push((base + p..base + text.len()).into());
    }
    out.flags.resize(out.origins.len(), 0);
}

/// Decodes UTF-16 by hand: exact byte ranges, unpaired surrogates and an odd last byte become
/// flagged U+FFFD.
fn decode_utf16(bytes: &[u8], base: usize, big_endian: bool, out: &mut Mapped) {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    // Flags start clear and only U+FFFD gets one: set them after the chars.
    let mut corrupt: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < units.len() {
        let (u, i) = (units[k], base + 2 * k);
        if (0xD800..0xDC00).contains(&u) {
            if let Some(&v) = units.get(k + 1).filter(|v| (0xDC00..0xE000).contains(*v)) {
                let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(v) - 0xDC00);
                out.text.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                out.origins.push((i..i + 4).into());
                k += 2;
                continue;
            }
        }
        match char::from_u32(u32::from(u)) {
            Some(c) => out.text.push(c),
            None => {
                corrupt.push(out.origins.len());
                out.text.push('\u{FFFD}');
            }
        }
        out.origins.push((i..i + 2).into());
        k += 1;
    }
    if bytes.len() % 2 == 1 {
        corrupt.push(out.origins.len());
        out.text.push('\u{FFFD}');
        out.origins
            .push((base + bytes.len() - 1..base + bytes.len()).into());
    }
    out.flags.resize(out.origins.len(), 0);
    for c in corrupt {
        out.flags[c] = CORRUPT;
    }
}

/// A UTF-16 unit that plain text holds: printable ASCII and white space, general and CJK
/// punctuation, full-width forms, Han.
fn utf16_text_unit(u: u16, c: char) -> bool {
    (c.is_ascii() && (!c.is_ascii_control() || c.is_ascii_whitespace()))
        || matches!(u, 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFFEF)
        || is_han(c)
}

/// `Some(big_endian)` when the bytes read as UTF-16 give plausible text.
fn sniff_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let total = sample.len() / 2;
    // (good, common) for little- and big-endian, counted in one pass.
    let (mut le, mut be) = ((0usize, 0usize), (0usize, 0usize));
    for (seen, pair) in sample.chunks_exact(2).enumerate() {
        for (u, counts) in [
            (u16::from_le_bytes([pair[0], pair[1]]), &mut le),
            (u16::from_be_bytes([pair[0], pair[1]]), &mut be),
        ] {
            let Some(c) = char::from_u32(u32::from(u)) else {
                continue;
            };
            if utf16_text_unit(u, c) {
                counts.0 += 1;
            }
            if c.is_ascii_graphic() || c.is_ascii_whitespace() || rank(c).is_some() {
                counts.1 += 1;
            }
        }
        // Whichever order is picked needs 90% good units: once both have more than 10% bad
        // ones, the answer is no (legacy text gets here after a few hundred units).
        let bad = |good: usize| seen + 1 - good;
        if bad(le.0) * 10 > total && bad(be.0) * 10 > total {
            return None;
        }
    }
    let (big_endian, (good, common)) = if (be.1, be.0) > (le.1, le.0) {
        (true, be)
    } else {
        (false, le)
    };
    // Random bytes land ~33% in these ranges; GBK/Big5 pairs land in Hangul, surrogates, PUA.
    (total > 0 && good * 10 >= total * 9 && common * 2 >= total).then_some(big_endian)
}

/// Decodes a file that is not valid UTF-8 as a whole: line by line when some lines are clearly
/// UTF-8 text, otherwise entirely with the detected legacy encoding.
fn decode_utf8_or_mixed(
    bytes: &[u8],
    base: usize,
    declared: Option<&'static Encoding>,
) -> Detected {
    let LineScan {
        lines,
        sniff,
        utf8_evidence,
        legacy_lines,
    } = scan_lines(bytes);
    // A declared UTF-8 says nothing about bytes that are not UTF-8.
    let legacy = declared
        .filter(|&e| e != UTF_8)
        .unwrap_or_else(|| legacy_encoding(&sniff));
    let mixed = utf8_evidence && legacy_lines;
    if !legacy_lines {
        // Every line is valid UTF-8 (only reachable with NUL-free text that failed as a
        // whole, i.e. never in practice): decode as UTF-8.
        let mut mapped = Mapped::with_capacity(bytes.len());
        if let Ok(text) = std::str::from_utf8(bytes) {
            push_utf8(text, base, &mut mapped);
            return Detected {
                mapped,
                encoding: UTF_8,
                mixed: false,
            };
        }
    }
    let mut mapped = Mapped::with_capacity(bytes.len() * 3 / 2);
    if !mixed {
        decode_legacy(bytes, base, legacy, &mut mapped);
        return Detected {
            mapped,
            encoding: legacy,
            mixed: false,
        };
    }
    // Runs of legacy lines go through one streaming decoder each, so no char is cut at a seam.
    let mut i = 0;
    while i < lines.len() {
        let (range, utf8) = lines[i].clone();
        if utf8 {
            if let Ok(s) = std::str::from_utf8(&bytes[range.clone()]) {
                push_utf8(s, base + range.start, &mut mapped);
            }
            i += 1;
            continue;
        }
        let mut end = range.end;
        let mut j = i + 1;
        while j < lines.len() && !lines[j].1 {
            end = lines[j].0.end;
            j += 1;
        }
        decode_legacy(
            &bytes[range.start..end],
            base + range.start,
            legacy,
            &mut mapped,
        );
        i = j;
    }
    Detected {
        mapped,
        encoding: legacy,
        mixed: true,
    }
}

/// Lines of a file that is not valid UTF-8 as a whole.
struct LineScan {
    /// Each line (with its newline) and whether it is UTF-8 text.
    lines: Vec<(Range<usize>, bool)>,
    /// The start of the other lines, for the legacy detector.
    sniff: Vec<u8>,
    /// Some UTF-8 line holds non-ASCII text.
    utf8_evidence: bool,
    /// Some line is not UTF-8 text.
    legacy_lines: bool,
}

/// Classifies lines: valid UTF-8 with CJK text counts as UTF-8 evidence; invalid lines feed
/// the legacy sniffer.
fn scan_lines(bytes: &[u8]) -> LineScan {
    let mut lines: Vec<(Range<usize>, bool)> = Vec::new();
    let mut sniff: Vec<u8> = Vec::new();
    let mut utf8_evidence = false;
    let mut legacy_lines = false;
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr_newline(bytes, start);
        let line = &bytes[start..end];
        let utf8 = match std::str::from_utf8(line) {
            Ok(s) => s.is_ascii() || is_cjk_utf8(s),
            Err(_) => false,
        };
        if utf8 {
            utf8_evidence |= !line.is_ascii();
        } else {
            legacy_lines = true;
            if sniff.len() < CHARDET_BYTES {
                let take = (CHARDET_BYTES - sniff.len()).min(line.len());
                sniff.extend_from_slice(&line[..take]);
            }
        }
        lines.push((start..end, utf8));
        start = end;
    }
    LineScan {
        lines,
        sniff,
        utf8_evidence,
        legacy_lines,
    }
}

/// End of the line starting at `start` (after its `\n`, or the end of input).
fn memchr_newline(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| start + p + 1)
}

/// A valid-UTF-8 line counts as UTF-8 when its non-ASCII chars are CJK text, punctuation or
/// Latin-1 signs such as NBSP (a legacy line that happens to be valid UTF-8 decodes to
/// Cyrillic, Greek or other letters below U+2000 instead).
fn is_cjk_utf8(s: &str) -> bool {
    s.chars().all(|c| {
        let u = c as u32;
        u < 0x100 || (u >= 0x2000 && !(0xE000..0xF900).contains(&u))
    })
}

/// The legacy encoding of `sample`: [`clear_chinese`] when the answer is clear-cut, which
/// spares chardetng (the costliest step of decoding, ~800 instructions a byte), else chardetng.
fn legacy_encoding(sample: &[u8]) -> &'static Encoding {
    clear_chinese(sample).unwrap_or_else(|| detect_legacy(sample))
}

/// How a sample reads in one encoding.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// Some byte sequence is malformed in the encoding.
    malformed: bool,
    /// Han chars.
    han: usize,
    /// Han chars whose Simplified form is among the 3,755 common ones.
    common: usize,
}

fn reading(sample: &[u8], enc: &'static Encoding) -> Reading {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(sample.len())
        .unwrap_or(sample.len() * 3 + 16);
    let mut text = String::with_capacity(cap);
    // `last = false`: the sample may cut the last char.
    let (result, _) = decoder.decode_to_string_without_replacement(sample, &mut text, false);
    let malformed = !matches!(result, DecoderResult::InputEmpty);
    let (mut han, mut common) = (0, 0);
    for c in text.chars().filter(|&c| is_han(c)) {
        han += 1;
        common += usize::from(char_score(c) >= 2);
    }
    Reading {
        malformed,
        han,
        common,
    }
}

/// GBK or Big5 when the sample reads as fluent Chinese in one (no malformed bytes, at least
/// [`CLEAR_MIN_HAN`] Han chars, 90% of them common) and as garbage in the other (malformed
/// bytes, most Han chars rare, or less than half as many common chars). chardetng weighs the
/// same evidence (common level-1 ideographs against rare, private-use and invalid ones), so
/// such samples get the same answer from it; anything less clear goes to chardetng.
fn clear_chinese(sample: &[u8]) -> Option<&'static Encoding> {
    let fluent = |r: &Reading| !r.malformed && r.han >= CLEAR_MIN_HAN && r.common * 10 >= r.han * 9;
    let garbled = |r: &Reading, fluent: &Reading| {
        r.malformed || r.common * 2 < r.han || r.common * 2 < fluent.common
    };
    let gbk = reading(sample, GBK);
    if fluent(&gbk) {
        return garbled(&reading(sample, BIG5), &gbk).then_some(GBK);
    }
    let big5 = reading(sample, BIG5);
    (fluent(&big5) && garbled(&gbk, &big5)).then_some(BIG5)
}

/// The legacy encoding chardetng sees in `sample` (GBK when it has no opinion).
fn detect_legacy(sample: &[u8]) -> &'static Encoding {
    if sample.is_empty() {
        return GBK;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, false);
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    // Plan documents are Chinese: a single-byte guess on CJK-looking bytes is less likely than
    // GBK; keep chardetng's answer when it is a CJK encoding.
    if guess == GBK || guess == GB18030 || guess == BIG5 {
        return guess;
    }
    if guess.is_single_byte() && mostly_double_byte(sample) {
        return GBK;
    }
    guess
}

/// High bytes mostly come in GBK-shaped pairs.
fn mostly_double_byte(sample: &[u8]) -> bool {
    let (mut pairs, mut high) = (0usize, 0usize);
    let mut i = 0;
    while i < sample.len() {
        if sample[i] >= 0x81 {
            high += 1;
            if i + 1 < sample.len() && sample[i + 1] >= 0x40 && sample[i + 1] != 0x7F {
                pairs += 1;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    high > 0 && pairs * 10 >= high * 9
}

/// Decodes `bytes` (at input offset `base`) with a legacy encoding through one streaming
/// decoder, mapping every char to its bytes; malformed sequences become flagged U+FFFD.
pub(crate) fn decode_legacy(bytes: &[u8], base: usize, enc: &'static Encoding, out: &mut Mapped) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut buf = String::with_capacity(cap.min(64 * 1024 * 1024));
    let mut read_total = 0usize;
    let mut in_pos = 0usize;
    loop {
        buf.clear();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut buf, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => {
                map_units(&buf, bytes, &mut in_pos, bytes.len(), base, enc, out);
                break;
            }
            DecoderResult::OutputFull => {
                // Bytes of a char split by the buffer end stay in the decoder; map what is out.
                map_units(&buf, bytes, &mut in_pos, read_total, base, enc, out);
                buf.reserve(64 * 1024);
            }
            DecoderResult::Malformed(bad, extra) => {
                let bad_end = read_total.saturating_sub(usize::from(extra));
                let bad_start = bad_end.saturating_sub(usize::from(bad)).max(in_pos);
                map_units(&buf, bytes, &mut in_pos, bad_start, base, enc, out);
                out.push(
                    '\u{FFFD}',
                    base + bad_start..base + bad_end.max(bad_start),
                    CORRUPT,
                );
                in_pos = bad_end.max(bad_start);
            }
        }
        if read == 0 && !matches!(result, DecoderResult::Malformed(..)) && read_total < bytes.len()
        {
            // No progress: should not happen; stop rather than loop.
            break;
        }
    }
}

/// Maps the chars of a validly decoded `chunk` to consecutive byte units from `*in_pos`,
/// never past `limit`.
fn map_units(
    chunk: &str,
    bytes: &[u8],
    in_pos: &mut usize,
    limit: usize,
    base: usize,
    enc: &'static Encoding,
    out: &mut Mapped,
) {
    let limit = limit.min(bytes.len());
    let gb = enc == GBK || enc == GB18030;
    let (big5, single_byte) = (enc == BIG5, enc.is_single_byte());
    // Every char of the chunk is kept, in order: the text goes in at once, then one origin
    // per char, and the flags (all clear) at the end.
    out.text.push_str(chunk);
    let mut prev: Option<Range<usize>> = None;
    for c in chunk.chars() {
        let p = (*in_pos).min(limit);
        // Big5 decodes four byte pairs into a letter plus a combining mark: same bytes.
        if big5 && matches!(c, '\u{0304}' | '\u{030C}') {
            if let Some(r) = &prev {
                out.origins.push(r.into());
                continue;
            }
        }
        let len = if c.is_ascii() {
            1
        } else if gb {
            match bytes.get(p) {
                Some(0x80) | Some(0xFF) | None => 1,
                _ if bytes.get(p + 1).is_some_and(|b| b.is_ascii_digit()) => 4,
                _ => 2,
            }
        } else if single_byte {
            1
        } else if big5 {
            2
        } else {
            encoded_len(enc, c)
        };
        let end = (p + len).min(limit);
        let origin = base + p..base + end.max(p);
        out.origins.push((&origin).into());
        prev = Some(origin);
        *in_pos = end;
    }
    out.flags.resize(out.origins.len(), 0);
}

/// Bytes `c` takes in `enc` (for multi-byte encodings other than GBK/Big5).
fn encoded_len(enc: &'static Encoding, c: char) -> usize {
    let mut buf = [0u8; 4];
    let (bytes, _, _) = enc.encode(c.encode_utf8(&mut buf));
    bytes.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(m: &Mapped, len: usize) {
        assert_eq!(m.origins.len(), m.text.chars().count());
        let origins: Vec<_> = m.origins.iter().collect();
        for w in origins.windows(2) {
            assert!(w[0].start <= w[1].start && w[0].end <= w[1].end);
        }
        assert!(m
            .origins
            .iter()
            .all(|r| r.start <= r.end && r.range().end <= len));
    }

    #[test]
    fn decodes_gbk_with_exact_map() {
        let (bytes, _, _) = GBK.encode("教育a规划\n");
        let d = decode_bytes(&bytes, None).unwrap();
        assert_eq!(d.mapped.text, "教育a规划\n");
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.mapped.origins.at(2).range(), 4..5);
        assert_eq!(d.mapped.origins.at(3).range(), 5..7);
        check_map(&d.mapped, bytes.len());
    }

    #[test]
    fn malformed_bytes_become_flagged_replacement() {
        let mut bytes = GBK.encode("教育发展规划").0.into_owned();
        bytes.insert(4, 0xFF);
        bytes.extend_from_slice(&[0xB0]);
        let mut m = Mapped::default();
        decode_legacy(&bytes, 0, GBK, &mut m);
        assert_eq!(m.text, "教育\u{FFFD}发展规划\u{FFFD}");
        assert_eq!(m.flags[2], CORRUPT);
        check_map(&m, bytes.len());
    }

    #[test]
    fn sniffs_bomless_utf16() {
        let text = "教育事业发展规划\n一、总体要求\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = decode_bytes(&le, None).unwrap();
        assert_eq!((d.mapped.text.as_str(), d.encoding), (text, UTF_16LE));
        let d = decode_bytes(&be, None).unwrap();
        assert_eq!((d.mapped.text.as_str(), d.encoding), (text, UTF_16BE));
        // GBK is not mistaken for UTF-16.
        assert_eq!(sniff_utf16(&GBK.encode(text).0), None);
    }

    /// The UTF-16 sniffer without its early exit.
    fn sniff_utf16_full(bytes: &[u8]) -> Option<bool> {
        if bytes.len() < 4 {
            return None;
        }
        let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
        let score = |big_endian: bool| -> (usize, usize, usize) {
            let (mut good, mut common, mut total) = (0, 0, 0);
            for pair in sample.chunks_exact(2) {
                let u = if big_endian {
                    u16::from_be_bytes([pair[0], pair[1]])
                } else {
                    u16::from_le_bytes([pair[0], pair[1]])
                };
                total += 1;
                let Some(c) = char::from_u32(u32::from(u)) else {
                    continue;
                };
                if utf16_text_unit(u, c) {
                    good += 1;
                }
                if c.is_ascii_graphic() || c.is_ascii_whitespace() || rank(c).is_some() {
                    common += 1;
                }
            }
            (good, common, total)
        };
        let (le, be) = (score(false), score(true));
        let pick = if (be.1, be.0) > (le.1, le.0) {
            (true, be)
        } else {
            (false, le)
        };
        let (good, common, total) = pick.1;
        (total > 0 && good * 10 >= total * 9 && common * 2 >= total).then_some(pick.0)
    }

    /// UTF-16 decoding unit by unit, as it was.
    fn decode_utf16_reference(bytes: &[u8], base: usize, big_endian: bool, out: &mut Mapped) {
        let unit = |i: usize| -> u16 {
            let (a, b) = (bytes[i], bytes[i + 1]);
            if big_endian {
                u16::from_be_bytes([a, b])
            } else {
                u16::from_le_bytes([a, b])
            }
        };
        let mut i = 0;
        while i + 1 < bytes.len() {
            let u = unit(i);
            if (0xD800..0xDC00).contains(&u) && i + 3 < bytes.len() {
                let v = unit(i + 2);
                if (0xDC00..0xE000).contains(&v) {
                    let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(v) - 0xDC00);
                    let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                    out.push(c, base + i..base + i + 4, 0);
                    i += 4;
                    continue;
                }
            }
            match char::from_u32(u32::from(u)) {
                Some(c) => out.push(c, base + i..base + i + 2, 0),
                None => out.push('\u{FFFD}', base + i..base + i + 2, CORRUPT),
            }
            i += 2;
        }
        if i < bytes.len() {
            out.push('\u{FFFD}', base + i..base + bytes.len(), CORRUPT);
        }
    }

    proptest::proptest! {
        #[test]
        fn utf16_decoding_matches_unit_by_unit(
            units in proptest::collection::vec(proptest::sample::select(vec![
                0x0041u16, 0x000A, 0x6559, 0x80B2, 0xD83D, 0xDE00, 0xDC00, 0xD800, 0xFFFD, 0xFEFF,
            ]), 0..40),
            odd in proptest::bool::ANY,
            big_endian in proptest::bool::ANY,
        ) {
            let mut bytes: Vec<u8> = units
                .iter()
                .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect();
            if odd {
                bytes.push(0x41);
            }
            let (mut a, mut b) = (Mapped::default(), Mapped::default());
            a.push('x', 0..3, 0);
            b.push('x', 0..3, 0);
            decode_utf16(&bytes, 3, big_endian, &mut a);
            decode_utf16_reference(&bytes, 3, big_endian, &mut b);
            proptest::prop_assert_eq!((a.text, a.origins, a.flags), (b.text, b.origins, b.flags));
        }
    }

    #[test]
    fn utf16_early_exit_gives_the_full_answer() {
        let text = "教育事业发展规划\n一、总体要求 (2021-2025) abc\n".repeat(30);
        let mut inputs: Vec<Vec<u8>> = vec![
            text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect(),
            text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
            GBK.encode(&text).0.into_owned(),
            BIG5.encode(&text).0.into_owned(),
            text.as_bytes().to_vec(),
            vec![0x41, 0, 0x42],
        ];
        // UTF-16 with 5%, 10%, 15% and 30% of its units garbled.
        for every in [20, 10, 7, 3] {
            let mut b = inputs[0].clone();
            for i in (0..b.len() / 2).step_by(every) {
                b[2 * i + 1] = 0xD8;
            }
            inputs.push(b);
        }
        let mut x = 7u32;
        inputs.push(
            (0..5000)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (x >> 16) as u8
                })
                .collect(),
        );
        for (k, b) in inputs.iter().enumerate() {
            assert_eq!(sniff_utf16(b), sniff_utf16_full(b), "input {k}");
        }
    }

    #[test]
    fn mixed_lines_keep_utf8_and_decode_the_rest() {
        let mut bytes = "第一行是UTF-8文本。\n".as_bytes().to_vec();
        bytes.extend_from_slice(&GBK.encode("第二行是国标编码的文本。\n").0);
        bytes.extend_from_slice("第三行又是UTF-8。".as_bytes());
        let d = decode_bytes(&bytes, None).unwrap();
        assert!(d.mixed);
        assert_eq!(
            d.mapped.text,
            "第一行是UTF-8文本。\n第二行是国标编码的文本。\n第三行又是UTF-8。"
        );
        check_map(&d.mapped, bytes.len());
    }

    /// Checks [`clear_chinese`] against chardetng on `sample` and its prefixes; returns how
    /// many of them it decided.
    fn check_clear_cut(sample: &[u8], what: &str) -> usize {
        let mut decided = 0;
        for cut in [256, 512, 1024, 2048, 4096, 8192, CHARDET_BYTES] {
            let part = &sample[..cut.min(sample.len())];
            if let Some(enc) = clear_chinese(part) {
                assert_eq!(enc, detect_legacy(part), "{what}, {cut} bytes");
                decided += 1;
            }
            if cut >= sample.len() {
                break;
            }
        }
        decided
    }

    #[test]
    fn clear_cut_detection_agrees_with_chardetng() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.push("教育事業發展規劃,著力推進優質均衡。".repeat(40));
        texts.push("教育事业发展规划,着力推进优质均衡。".repeat(40));
        let (mut gbk, mut big5) = (0, 0);
        for (k, text) in texts.iter().enumerate() {
            let simplified = {
                let mut out = String::new();
                use crate::decode::ScriptConverter;
                crate::decode::HanconvT2s.convert(text, &mut |_, p| out.push_str(p));
                out
            };
            for (enc, text) in [(GBK, &simplified), (GB18030, text), (BIG5, text)] {
                let bytes = enc.encode(text).0;
                let sample = scan_lines(&bytes).sniff;
                let decided = check_clear_cut(&sample, &format!("text {k} in {}", enc.name()));
                if enc == BIG5 {
                    big5 += decided;
                } else {
                    gbk += decided;
                }
            }
        }
        // The check is not vacuous: clear-cut samples of both kinds were seen.
        assert!(gbk >= 10 && big5 >= 3, "{gbk} GBK, {big5} Big5 decided");
        // Too little text, or Japanese and Korean, go to chardetng.
        assert_eq!(clear_chinese(&GBK.encode("教育规划").0), None);
        let ja = "日本語の文章です。".repeat(60);
        let ja = encoding_rs::SHIFT_JIS.encode(&ja).0;
        assert_eq!(clear_chinese(&ja), None);
        let ko = "한국어 문장입니다.".repeat(60);
        let ko = encoding_rs::EUC_KR.encode(&ko).0;
        assert_eq!(clear_chinese(&ko), None);
    }

    /// The same check on a folder of real or synthetic files:
    /// `PLANMINE_DETECT_DIR=/tmp/syn55 cargo test --release clear_cut_on_dir -- --ignored`.
    #[test]
    #[ignore]
    fn clear_cut_on_dir() {
        let dir = std::env::var("PLANMINE_DETECT_DIR").unwrap();
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let (mut files, mut decided) = (0, 0);
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            if std::str::from_utf8(&bytes).is_ok() || bytes.contains(&0) {
                continue;
            }
            files += 1;
            let sample = scan_lines(&bytes).sniff;
            decided += usize::from(clear_chinese(&sample).is_some());
            check_clear_cut(&sample, &p.display().to_string());
        }
        eprintln!("{files} legacy files, {decided} decided without chardetng");
    }

    #[test]
    fn byte_counts_are_exact() {
        let bytes: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 256) as u8).collect();
        for len in [0, 1, 254, 255, 256, 511, 5000] {
            let s = &bytes[..len];
            for pred in [|b: u8| b == 0, |b: u8| b < 0x20, |_| true] {
                assert_eq!(count_bytes(s, pred), s.iter().filter(|&&b| pred(b)).count());
            }
        }
    }

    #[test]
    fn binary_is_an_error() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
        assert_eq!(
            decode_bytes(&bytes, None).err().map(|e| e.kind),
            Some(ErrorKind::Binary)
        );
    }
}
