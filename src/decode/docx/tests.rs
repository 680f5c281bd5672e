use std::io::Write;

use super::*;

/// A `.docx` archive with `document` as its body (and optional numbering and core parts),
/// stored uncompressed.
pub(crate) fn docx(document: &str, numbering: Option<&str>, core: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, stored).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    put("[Content_Types].xml", "<Types/>");
    put("word/document.xml", document);
    if let Some(n) = numbering {
        put("word/numbering.xml", n);
    }
    if let Some(c) = core {
        put("docProps/core.xml", c);
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn para(text: &str, num: Option<(u32, u32)>) -> String {
    let ppr = num.map_or(String::new(), |(id, lvl)| {
        format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>"
        )
    });
    format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// Two levels: 一、 then (一), Chinese counting, as plans are numbered.
const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

pub(crate) fn sample_body() -> String {
    let cell =
        |t: &str, extra: &str| format!("<w:tc><w:tcPr>{extra}</w:tcPr>{}</w:tc>", para(t, None));
    let table = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        cell("指标", "<w:vMerge w:val=\"restart\"/>"),
        cell("目标值", "<w:gridSpan w:val=\"2\"/>"),
        cell("属性", "<w:vMerge w:val=\"restart\"/>"),
        cell("", "<w:vMerge/>"),
        cell("2020年", ""),
        cell("2025年", ""),
        cell("森林覆盖率(%)", ""),
        cell("40", ""),
        cell("42", "")
    );
    // The 属性 column's second row continues the merged cell.
    let table = table.replace(
        &format!(
            "{}</w:tr><w:tr>{}",
            cell("2025年", ""),
            cell("森林覆盖率(%)", "")
        ),
        &format!(
            "{}{}</w:tr><w:tr>{}",
            cell("2025年", ""),
            cell("", "<w:vMerge/>"),
            cell("森林覆盖率(%)", "")
        ),
    );
    let table = table.replace(
        &format!("{}</w:tr></w:tbl>", cell("42", "")),
        &format!("{}{}</w:tr></w:tbl>", cell("42", ""), cell("预期性", "")),
    );
    format!(
        "<w:document {W}><w:body>{}{}{}{}{}{}<w:sectPr/></w:body></w:document>",
        para("某县林业发展规划", None),
        para("发展目标", Some((5, 0))),
        para("到2025年,森林覆盖率达到42%。", Some((5, 1))),
        table,
        para("保障措施", Some((5, 0))),
        para("由县林业局牵头&amp;落实。", Some((5, 1))),
    )
}

#[test]
fn numbering_becomes_labels_and_merged_cells_spans() {
    let bytes = docx(&sample_body(), Some(NUMBERING), None);
    let doc = read(&bytes, 1 << 20).unwrap();
    let page = super::super::mapped::Mapped::identity(&doc.markup);
    let whole = super::super::html::Sniffed {
        keep_newlines: false,
        whole: true,
    };
    let (text, _) = super::super::html::extract(&page, whole);
    assert_eq!(
        text.text,
        "某县林业发展规划\n一、发展目标\n(一)到2025年,森林覆盖率达到42%。\n\
         指标 | 目标值 2020年 | 目标值 2025年 | 属性 |\n森林覆盖率(%) | 40 | 42 | 预期性 |\n\
         二、保障措施\n(一)由县林业局牵头&落实。"
    );
    assert!(doc.entry.end <= bytes.len() && doc.entry.start < doc.entry.end);
}

#[test]
fn core_properties_give_title_and_date() {
    let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>某县林业发展规划</dc:title><dcterms:created>2022-05-06T08:00:00Z</dcterms:created></cp:coreProperties>"#;
    let doc = read(&docx(&sample_body(), None, Some(core)), 1 << 20).unwrap();
    assert_eq!(doc.meta.article_title.as_deref(), Some("某县林业发展规划"));
    assert_eq!(doc.meta.pub_date.as_deref(), Some("2022-05-06T08:00:00Z"));
}

#[test]
fn other_archives_and_formats_are_named() {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "xl/workbook.xml",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    let xlsx = zip.finish().unwrap().into_inner();
    let err = read(&xlsx, 1 << 20).err().unwrap();
    assert_eq!(err.kind, ErrorKind::UnsupportedFormat);
    assert!(err.message.contains("Excel"), "{}", err.message);
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    let err = unsupported(&ole).unwrap();
    assert!(err.message.contains("soffice --headless --convert-to docx"));
    assert!(
        unsupported(b"%PDF-1.7\n").is_none(),
        "PDFs are the PDF reader's"
    );
    assert!(unsupported("到2025年".as_bytes()).is_none());
    assert_eq!(
        read(b"PK\x03\x04broken", 1 << 20).err().unwrap().kind,
        ErrorKind::UnsupportedFormat
    );
}

#[test]
fn a_part_that_unpacks_too_far_is_refused() {
    let body = format!(
        "<w:document {W}><w:body>{}</w:body></w:document>",
        para(&"字".repeat(5000), None)
    );
    let err = read(&docx(&body, None, None), 1000).err().unwrap();
    assert_eq!(err.kind, ErrorKind::TooLarge);
}

#[test]
fn chinese_numerals() {
    let got: Vec<String> = [1, 10, 12, 20, 21, 100, 105, 110]
        .iter()
        .map(|&n| chinese(n))
        .collect();
    assert_eq!(
        got,
        [
            "一",
            "十",
            "十二",
            "二十",
            "二十一",
            "一百",
            "一百零五",
            "一百一十"
        ]
    );
    assert_eq!(format_number(3, "upperLetter"), "C");
    assert_eq!(format_number(4, "lowerRoman"), "iv");
    assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
}
