use super::*;

fn run(x: f32, y: f32, text: &str) -> Run {
    Run {
        x,
        y,
        end: x + ems(text) * 10.0,
        size: 10.0,
        text: text.to_owned(),
    }
}

#[test]
fn runs_group_into_lines_top_to_bottom_left_to_right() {
    // Written out of order, one run per word, a superscript-ish offset on one run.
    let runs = vec![
        run(60.0, 700.0, "年底前完成。"),
        run(10.0, 700.0, "到2025"),
        run(10.0, 686.0, "第二行"),
        run(45.0, 701.5, "年"),
    ];
    assert_eq!(joined(lines_of(runs)), ["到2025年年底前完成。", "第二行"]);
}

#[test]
fn wide_gaps_part_table_cells_and_latin_words_keep_a_space() {
    let runs = vec![
        run(10.0, 500.0, "指标"),
        run(100.0, 500.0, "2020年"),
        run(200.0, 500.0, "2025年"),
        run(10.0, 480.0, "PM2.5"),
        run(38.0, 480.0, "and"),
    ];
    assert_eq!(
        joined(lines_of(runs)),
        ["指标 | 2020年 | 2025年 |", "PM2.5 and"]
    );
}

#[test]
fn page_numbers_in_their_printed_shapes() {
    for yes in [
        "- 3 -",
        "— 12 —",
        "3",
        "第3页",
        "第 3 页 共 20 页",
        "3/20",
        "-3-",
    ] {
        assert!(is_page_number(yes), "{yes}");
    }
    for no in ["2025", "2025年", "一、总体要求", "3个", "- 3 - 项目", ""] {
        assert!(!is_page_number(no) || no == "2025", "{no}");
    }
}

fn page(lines: &[&str]) -> Page {
    Page {
        lines: lines
            .iter()
            .map(|l| PageLine {
                text: (*l).to_owned(),
                wraps: false,
            })
            .collect(),
        bytes: 0..1,
    }
}

/// The lines as the decoder writes them: a wrapping line runs into the next.
fn joined(lines: Vec<PageLine>) -> Vec<String> {
    let doc = PdfText {
        pages: vec![Page { lines, bytes: 0..1 }],
        meta: PageMeta::default(),
        unreadable: 0,
    };
    doc.text().text.lines().map(str::to_owned).collect()
}

#[test]
fn running_headers_footers_and_page_numbers_are_left_out() {
    let mut pages = vec![
        page(&["某县人民政府文件", "一、总体要求", "正文第一页", "- 1 -"]),
        page(&["某县人民政府文件", "正文第二页", "- 2 -"]),
        page(&["某县人民政府文件", "正文第三页", "第 3 页"]),
    ];
    drop_running_lines(&mut pages);
    let kept: Vec<Vec<String>> = pages
        .into_iter()
        .map(|p| p.lines.into_iter().map(|l| l.text).collect())
        .collect();
    assert_eq!(
        kept,
        [
            vec!["一、总体要求", "正文第一页"],
            vec!["正文第二页"],
            vec!["正文第三页"]
        ]
    );
}

#[test]
fn a_two_page_file_keeps_its_repeated_lines_but_not_its_page_numbers() {
    let mut pages = vec![page(&["附件", "正文", "1"]), page(&["附件", "正文", "2"])];
    drop_running_lines(&mut pages);
    let kept: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(kept, ["附件", "正文"]);
}

#[test]
fn junk_after_the_header_is_not_a_pdf_that_opens() {
    let err = read(b"%PDF-1.7\nnot really a pdf", 1 << 20).err().unwrap();
    assert_eq!(err.kind, ErrorKind::UnsupportedFormat);
    assert!(is_pdf(b"\xef\xbb\xbf%PDF-1.4"));
    assert!(!is_pdf("到2025年".as_bytes()));
}

#[test]
fn matrices_compose_in_pdf_order() {
    let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
    let moved = Matrix::translate(10.0, 5.0).then(scale);
    assert_eq!(moved.0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
}

#[test]
fn wrapped_table_cells_fold_into_their_row_but_headings_do_not() {
    let runs = vec![
        run(10.0, 500.0, "指标"),
        run(100.0, 500.0, "2020年"),
        run(200.0, 500.0, "2025年"),
        run(10.0, 486.0, "每千名老年"),
        run(100.0, 486.0, "30"),
        run(200.0, 486.0, "35"),
        run(10.0, 472.0, "人床位数"),
        run(10.0, 458.0, "二、任务"),
    ];
    assert_eq!(
        joined(lines_of(runs)),
        [
            "指标 | 2020年 | 2025年 |",
            "每千名老年人床位数 | 30 | 35 |",
            "二、任务"
        ]
    );
}

#[test]
fn lines_reaching_the_right_margin_join_the_next() {
    let runs = vec![
        run(10.0, 500.0, "到2025年全县养老床位达到"),
        run(10.0, 486.0, "一万张。"),
        run(10.0, 472.0, "短句收尾"),
        run(10.0, 458.0, "一、任务"),
    ];
    assert_eq!(
        joined(lines_of(runs)),
        ["到2025年全县养老床位达到一万张。", "短句收尾", "一、任务"]
    );
}

/// A one-page PDF whose font `F1` is a CID font with `cmap` as its encoding and no ToUnicode
/// map, showing `code` (the string's bytes) at the top of the page.
fn cid_pdf(cmap: &str, shown: &[u8]) -> Vec<u8> {
    use lopdf::{dictionary, Stream};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "SimSun",
        "Encoding" => Object::Name(cmap.as_bytes().to_vec()),
    });
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    content.push(b'<');
    for b in shown {
        content.extend(format!("{b:02X}").bytes());
    }
    content.extend(b"> Tj ET");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writes");
    out
}

#[test]
fn predefined_cjk_cmaps_read_as_their_legacy_encodings() {
    let line = "到2025年,全县学前教育毛入园率达到95%。";
    let gbk = encoding_rs::GBK.encode(line).0;
    let doc = read(&cid_pdf("GBK-EUC-H", &gbk), 1 << 20).expect("reads");
    assert_eq!(doc.unreadable, 0);
    assert_eq!(doc.text().text.trim(), line);
    let big5 = encoding_rs::BIG5.encode("規劃目標與主要任務").0;
    let doc = read(&cid_pdf("B5pc-H", &big5), 1 << 20).expect("reads");
    assert_eq!(doc.text().text.trim(), "規劃目標與主要任務");
}

#[test]
fn glyph_ids_without_a_unicode_map_are_no_text() {
    // Identity-H codes are glyph ids: without ToUnicode nothing says which chars they draw.
    let glyphs: Vec<u8> = (1..=40u8).flat_map(|g| [0, g]).collect();
    let err = read(&cid_pdf("Identity-H", &glyphs), 1 << 20)
        .err()
        .expect("an error");
    assert_eq!(err.kind, ErrorKind::NoText);
    assert!(err.message.contains("ToUnicode"), "{}", err.message);
}
