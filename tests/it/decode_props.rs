//! Robustness of the decode stage: never panics, and the provenance map is monotonic and in
//! bounds, on random bytes and on random Han text in GBK, GB18030, Big5 and UTF-16.

use encoding_rs::{BIG5, GB18030, GBK};
use planmine::decode::{DecodeOptions, Decoder};
use planmine::{decode, ErrorKind};
use proptest::prelude::*;

fn check(bytes: &[u8]) {
    if let Ok(d) = decode(bytes) {
        assert_eq!(d.origins().len(), d.text.chars().count());
        let origins: Vec<_> = d.origins().collect();
        for w in origins.windows(2) {
            assert!(w[0].start <= w[1].start && w[0].end <= w[1].end, "{w:?}");
        }
        for r in d.origins() {
            assert!(
                r.start <= r.end && r.end <= bytes.len(),
                "{r:?} of {}",
                bytes.len()
            );
        }
        let n = d.text.chars().count();
        for span in d.report.corrupt_spans.iter().chain(&d.report.guessed_spans) {
            assert!(span[0] < span[1] && span[1] <= n);
        }
    }
}

/// Han chars (common and rare), punctuation, ASCII and newlines.
fn han_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => (0x4E00u32..0x9FA5).prop_map(|u| char::from_u32(u).unwrap_or('中')),
            1 => prop::sample::select(vec!['，', '。', '、', '（', '）', '“', '”', '\n', ' ', '?']),
            1 => (0x20u32..0x7F).prop_map(|u| char::from_u32(u).unwrap_or('a')),
        ],
        0..400,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        check(&bytes);
    }

    #[test]
    fn random_high_bytes_never_panic(bytes in prop::collection::vec(0x80u8..=0xFF, 0..3000)) {
        check(&bytes);
    }

    #[test]
    fn random_han_text_in_any_encoding(text in han_text(), which in 0usize..6, cut in 0usize..8) {
        let mut bytes = match which {
            0 => GBK.encode(&text).0.into_owned(),
            1 => GB18030.encode(&text).0.into_owned(),
            2 => BIG5.encode(&text).0.into_owned(),
            3 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            4 => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => text.as_bytes().to_vec(),
        };
        // Damage: drop a byte somewhere (a lost byte shifts legacy streams).
        if cut > 0 && !bytes.is_empty() {
            let at = bytes.len() * cut / 8;
            bytes.remove(at.min(bytes.len() - 1));
        }
        check(&bytes);
    }

    #[test]
    fn gbk_han_text_round_trips(text in "[一-龥]{8,60}") {
        let bytes = GBK.encode(&text).0.into_owned();
        let d = decode(&bytes).expect("decodes");
        check(&bytes);
        prop_assert!(!d.text.contains(char::REPLACEMENT_CHARACTER), "{}", d.text);
    }
}

#[test]
fn empty_input_is_a_clear_error() {
    let utf16_spaces = [0xFF, 0xFE, 0x00, 0x30, 0x20, 0x00, 0x00, 0x30];
    for input in [
        &b""[..],
        b"   \n\t\r\n",
        // A BOM alone, or ideographic spaces, in UTF-8 and UTF-16: still no text.
        b"\xEF\xBB\xBF",
        "\u{FEFF}\u{3000}\u{3000}\n \u{3000}".as_bytes(),
        &utf16_spaces,
    ] {
        assert_eq!(decode(input).err().map(|e| e.kind), Some(ErrorKind::Empty));
    }
}

#[test]
fn binary_input_is_a_clear_error() {
    // A PNG-like header then pseudo-random bytes with NULs.
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut x = 12345u32;
    for _ in 0..10_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        bytes.push((x >> 16) as u8);
    }
    let err = decode(&bytes).expect_err("binary is refused");
    assert_eq!(err.kind, ErrorKind::Binary);
    assert!(err.message.contains("binary"));
}

#[test]
fn a_100_mb_single_line_is_refused_clearly() {
    let line = vec![b'a'; 100 * 1024 * 1024];
    let err = decode(&line).expect_err("over the default limit");
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert!(err.message.contains("limit"));
}

#[test]
fn a_long_single_line_under_a_raised_limit_is_flagged() {
    let options = DecodeOptions {
        max_bytes: 16 * 1024 * 1024,
        max_line_bytes: 1024 * 1024,
    };
    let line = "教育事业发展规划,".repeat(45_000); // 1.2 MB, no newline
    let d = Decoder::with_options(options)
        .decode(line.as_bytes())
        .expect("decodes");
    assert_eq!(d.text.chars().count(), line.chars().count());
    assert!(d.report.warnings.iter().any(|w| w.contains("line")));
}
