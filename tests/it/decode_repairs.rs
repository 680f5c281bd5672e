//! Repairs through the public API: mojibake in a UTF-8 file, a GBK file that lost a byte,
//! BOM-less UTF-16, and legitimate text left alone.

use encoding_rs::GBK;
use planmine::decode;

/// UTF-8 bytes of `s` read as GBK: the classic mojibake.
fn mojibake(s: &str) -> String {
    GBK.decode_without_bom_handling(s.as_bytes()).0.into_owned()
}

#[test]
fn utf8_read_as_gbk_is_repaired_in_place() {
    let garbled = mojibake("强校带弱校”的原则");
    let text = format!("一、工作要求\n按照“{garbled},积极组织城镇教师支援农村学校。\n");
    let d = decode(text.as_bytes()).expect("decodes");
    assert_eq!(d.report.mojibake_repaired, 1, "{}", d.text);
    assert!(d
        .text
        .contains("按照“强校带弱校”的原则,积极组织城镇教师支援农村学校。"));
    assert!(d.report.corrupt_spans.is_empty());
    // The repaired chars map back into the garbled bytes.
    let at = d.text.find("强校").expect("repaired");
    let k = d.text[..at].chars().count();
    let r = d.source_range(k..k + 2).expect("range");
    let start = text.find(&garbled).expect("garbled in input");
    assert!(r.start >= start && r.end <= start + garbled.len());
}

#[test]
fn a_gbk_file_that_lost_a_byte_is_re_paired_and_flagged() {
    let body = "坚持教育优先发展,全面提高教育质量,努力办好人民满意的教育事业";
    let mut bytes = GBK
        .encode(&format!("一、总体要求\n{body}。\n"))
        .0
        .into_owned();
    // Drop the first byte of 坚 (a lead byte): every later pair is shifted until the ASCII comma.
    let at = bytes.iter().position(|&b| b == b'\n').expect("newline") + 1;
    bytes.remove(at);
    let d = decode(&bytes).expect("decodes");
    assert_eq!(d.report.encoding, "GBK");
    assert!(d.report.mojibake_repaired >= 1, "{} {:?}", d.text, d.report);
    // 坚 lost its byte; 展's second byte was paired with the comma, so it stays unreadable.
    assert!(d.text.contains("持教育优先发"), "{}", d.text);
    assert!(d.text.contains(",全面提高教育质量"));
    assert!(!d.report.guessed_spans.is_empty());
    assert_eq!(d.report.corrupt_spans.len(), 1);
}

#[test]
fn bomless_utf16_is_detected() {
    let text = "迎泽区“十四五”教育事业发展规划\n为推动教育高质量发展,编制本规划。\n";
    for be in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect();
        let d = decode(&bytes).expect("decodes");
        assert_eq!(d.text, text);
        assert_eq!(d.report.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
    }
}

#[test]
fn ascii_heavy_bomless_utf16_and_nul_filled_input() {
    let text = "Plan 2021-2025: education goals\nline two\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert!(std::str::from_utf8(&bytes).is_ok(), "valid UTF-8 too");
    let d = decode(&bytes).expect("decodes");
    assert_eq!(
        (d.text.as_str(), d.report.encoding.as_str()),
        (text, "UTF-16LE")
    );
    // A stray NUL in long UTF-8 text is tolerated.
    let mut stray = "教育事业发展规划。\n".repeat(200).into_bytes();
    stray.insert(28, 0); // after the first line's newline
    let d = decode(&stray).expect("decodes");
    assert_eq!(d.report.encoding, "UTF-8");
    let zeros = vec![0u8; 4096];
    let err = decode(&zeros).expect_err("refused");
    assert_eq!(err.kind, planmine::ErrorKind::Binary);
}

#[test]
fn legitimate_text_with_rare_characters_is_not_touched() {
    let text =
        "沂源县、鄄城县、婺源县和濉溪县的学校推进优质均衡发展。为什么?因为要办好每一所学校。\n";
    let d = decode(text.as_bytes()).expect("decodes");
    assert_eq!(d.text, text);
    assert_eq!(d.report.mojibake_repaired, 0);
    assert!(d.report.corrupt_spans.is_empty());
}

#[test]
fn checked_in_mixed_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/decode/mixed_utf8_gbk.txt"
    );
    let bytes = std::fs::read(path).expect("fixture");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture really is mixed"
    );
    let d = decode(&bytes).expect("decodes");
    assert!(d.report.mixed_encoding);
    assert_eq!(d.report.encoding, "GBK");
    assert!(!d.text.contains('\u{FFFD}'));
    assert!(d
        .text
        .starts_with("某县教育局关于印发2024年教育工作要点的通知\n各镇人民政府"));
    assert!(d
        .text
        .contains("学前教育毛入园率达到95%以上。\n(一)推进城乡教育一体化。"));
    assert!(d.text.ends_with("(责任单位:县教育局、县财政局)\n"));
    assert!(d.report.corrupt_spans.is_empty() && d.report.mojibake_repaired == 0);
}
