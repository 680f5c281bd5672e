//! The same plan read from a text copy, from web pages (UTF-8 and GBK, with site chrome), from
//! a Word file and from a PDF gives the same records. The plan's sentences are made up for this test.

use planmine::records::{Document, InputFormat};

/// The plan, one paragraph or table row per line; `|` rows are an indicator table. The file
/// is shared with `tests/data/pdf/make_fixtures.py`, which prints it to the PDF fixture.
static PLAN: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| include_str!("../data/formats_plan.txt").lines().collect());

fn text_copy() -> String {
    PLAN.iter()
        .map(|l| {
            if l.starts_with('|') {
                l.trim_matches('|')
                    .split('|')
                    .collect::<Vec<_>>()
                    .join(" | ")
                    + " |"
            } else {
                (*l).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The plan as a county site's article page.
fn html_page(charset: &str) -> String {
    let mut body = String::new();
    let mut in_table = false;
    for l in &PLAN[1..] {
        if let Some(row) = l.strip_prefix('|') {
            if !in_table {
                body.push_str("<table border=\"1\" cellspacing=\"0\"><tbody>\n");
                in_table = true;
            }
            body.push_str("<tr>");
            for cell in row.trim_end_matches('|').split('|') {
                body.push_str(&format!("<td><p align=\"center\">{cell}</p></td>"));
            }
            body.push_str("</tr>\n");
            continue;
        }
        if in_table {
            body.push_str("</tbody></table>\n");
            in_table = false;
        }
        // Entities and a source line break inside a sentence, as CMS editors write them.
        let escaped = l
            .replace('“', "&ldquo;")
            .replace('”', "&rdquo;")
            .replacen(',', ",\n    ", 1);
        body.push_str(&format!(
            "<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312\">&nbsp;&nbsp;{escaped}</span></p>\n"
        ));
    }
    format!(
        r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_规划计划_某县人民政府</title><script>document.write("<p>统计代码</p>");</script></head>
<body><div class="header"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="article"><h1 class="title">{title}</h1>
<div class="source">发布日期:2022-03-18 来源:某县民政局 浏览次数:1024</div>
<div class="TRS_Editor">{body}</div>
<div class="bar"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>
<div class="footer"><p>主办:某县人民政府办公室</p><p>网站标识码:0000000000 备案号:某ICP备00000000号</p></div></body></html>"#,
        title = PLAN[0]
    )
}

/// The plan as a Word file: numbered headings as typed text, the table as `w:tbl`, stored
/// uncompressed, with a `docProps/core.xml` title.
fn docx_file() -> Vec<u8> {
    use std::io::Write;
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let para = |t: &str| {
        format!(
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
            t.replace('&', "&amp;")
        )
    };
    let mut body = String::new();
    let mut rows = Vec::new();
    for l in PLAN.iter() {
        if let Some(row) = l.strip_prefix('|') {
            let cells: String = row
                .trim_end_matches('|')
                .split('|')
                .map(|c| format!("<w:tc>{}</w:tc>", para(c)))
                .collect();
            rows.push(format!("<w:tr>{cells}</w:tr>"));
            continue;
        }
        if !rows.is_empty() {
            body.push_str(&format!("<w:tbl>{}</w:tbl>", rows.concat()));
            rows.clear();
        }
        body.push_str(&para(l));
    }
    let document = format!("<w:document {w}><w:body>{body}</w:body></w:document>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// The records, without spans (which differ by format) and the decode report.
fn records(doc: &Document) -> String {
    assert!(doc.error.is_none(), "{:?}", doc.error);
    let strip = |v: serde_json::Value| {
        let mut v = v;
        if let Some(items) = v.as_array_mut() {
            for item in items {
                if let Some(o) = item.as_object_mut() {
                    o.remove("span");
                }
            }
        }
        v
    };
    let goals = strip(serde_json::to_value(&doc.goals).unwrap());
    let deadlines = strip(serde_json::to_value(&doc.deadlines).unwrap());
    let resp = strip(serde_json::to_value(&doc.responsibilities).unwrap());
    let targets = strip(serde_json::to_value(&doc.targets).unwrap());
    format!("{goals:#}\n{deadlines:#}\n{resp:#}\n{targets:#}")
}

#[test]
fn a_web_page_gives_the_records_of_its_text_copy() {
    let text = planmine::process("plan.txt", text_copy().as_bytes());
    let want = records(&text);
    assert!(text.goals.len() >= 5, "{want}");
    assert!(!text.responsibilities.is_empty() && !text.targets.is_empty());

    let utf8 = planmine::process("plan.html", html_page("utf-8").as_bytes());
    let gbk_page = html_page("gb2312");
    let (gbk_bytes, _, bad) = encoding_rs::GBK.encode(&gbk_page);
    assert!(!bad);
    let gbk = planmine::process("plan.htm", &gbk_bytes);
    for page in [&utf8, &gbk] {
        let decode = page.decode.as_ref().unwrap();
        assert_eq!(decode.format, InputFormat::Html);
        assert_eq!(records(page), want);
        let meta = page.meta.as_ref().unwrap();
        assert_eq!(meta.title.as_deref(), Some(PLAN[0]));
        assert_eq!(meta.date.as_deref(), Some("2022-03-18"));
        assert_eq!(meta.kind.as_deref(), Some("规划"));
    }
    assert_eq!(gbk.decode.as_ref().unwrap().encoding, "gb18030");
    let word = planmine::process("plan.docx", &docx_file());
    assert_eq!(word.decode.as_ref().unwrap().format, InputFormat::Docx);
    assert_eq!(records(&word), want);
    assert_eq!(word.meta.as_ref().unwrap().title.as_deref(), Some(PLAN[0]));
    // The same plan printed to PDF by LibreOffice (tests/data/pdf/make_fixtures.py): its
    // table's first column wraps inside the cells.
    let pdf_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pdf/plan.pdf");
    let pdf = planmine::process("plan.pdf", &std::fs::read(pdf_path).unwrap());
    assert_eq!(pdf.decode.as_ref().unwrap().format, InputFormat::Pdf);
    assert_eq!(records(&pdf), want);
    // The table's rows are goals with baseline and binding.
    let table: Vec<_> = utf8.goals.iter().filter(|g| g.baseline.is_some()).collect();
    assert_eq!(table.len(), 2, "{want}");
}

#[test]
fn a_page_without_a_title_in_its_body_takes_its_markup_title() {
    let page = html_page("utf-8")
        .replace(&format!("<h1 class=\"title\">{}</h1>", PLAN[0]), "")
        .replace("<div class=\"source\">发布日期:2022-03-18 来源:某县民政局 浏览次数:1024</div>", "")
        .replace(
            "</title>",
            "</title><meta name=\"PubDate\" content=\"2022-03-19 08:00\"><meta name=\"ContentSource\" content=\"某县民政局\">",
        );
    let doc = planmine::process("plan.html", page.as_bytes());
    let meta = doc.meta.as_ref().unwrap();
    assert_eq!(meta.title.as_deref(), Some(PLAN[0]));
    assert_eq!(meta.date.as_deref(), Some("2022-03-19"));
    assert_eq!(meta.issuer.as_deref(), Some("某县民政局"));
    assert_eq!(meta.from_page, ["title", "date", "issuer"]);
}

/// The checked-in pages (`tests/data/html/`): one plan page with site chrome, a two-row table
/// header and CMS meta tags, in UTF-8 and in GBK declared as GB2312.
#[test]
fn the_fixture_pages_give_their_table_and_byline() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    let mut seen = Vec::new();
    for name in ["county_plan_utf8.html", "county_plan_gbk.html"] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let doc = planmine::process(name, &bytes);
        let meta = doc.meta.as_ref().unwrap();
        assert_eq!(meta.title.as_deref(), Some("某县“十四五”生态环境保护规划"));
        assert_eq!(meta.date.as_deref(), Some("2022-01-10"));
        assert_eq!(meta.issuer.as_deref(), Some("某县生态环境分局"));
        let table: Vec<String> = doc
            .goals
            .iter()
            .filter(|g| g.baseline.is_some())
            .map(|g| {
                let b = g.baseline.as_ref().unwrap();
                format!(
                    "{} {} {:?} {} {:?}",
                    g.indicator, g.value, g.unit, b.value, g.binding
                )
            })
            .collect();
        assert_eq!(table.len(), 3, "{table:?}");
        assert!(
            table[1].starts_with("细颗粒物(PM2.5)平均浓度 35 Some(\"微克/立方米\") 38"),
            "{table:?}"
        );
        let json = serde_json::to_string(&doc).unwrap();
        for chrome in ["设为首页", "相关文章", "网站标识码", "统计", "打印本页"]
        {
            assert!(!json.contains(chrome), "{chrome} in {name}");
        }
        seen.push(records(&doc));
    }
    assert_eq!(seen[0], seen[1]);
}

/// The checked-in PDFs (`tests/data/pdf/`, written by LibreOffice): five pages with a running
/// header and `- N -` footers, and a scanned page without a text layer.
#[test]
fn pdf_pages_lose_their_running_lines_and_a_scan_asks_for_ocr() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pdf");
    let bytes = std::fs::read(dir.join("long_plan.pdf")).unwrap();
    let decoded = planmine::decode::Decoder::default().decode(&bytes).unwrap();
    assert_eq!(decoded.report.format, InputFormat::Pdf);
    let text = &decoded.text;
    assert!(
        !text.contains("- 2 -") && !text.contains("办公室文件"),
        "{text}"
    );
    // Paragraphs wrapped at the page width, and across pages, read whole again.
    let items = text
        .lines()
        .filter(|l| l.contains("提升工程。到2025年") && l.ends_with("县发展改革局)"))
        .count();
    assert_eq!(items, 24, "{text}");
    let origins: Vec<_> = decoded.origins().collect();
    assert!(origins.iter().all(|r| r.end <= bytes.len()));

    let doc = planmine::process("long_plan.pdf", &bytes);
    assert_eq!(doc.goals.len(), 72, "three goals an item");
    assert!(doc
        .goals
        .iter()
        .all(|g| g.year == Some(2025) || g.year.is_none()));
    assert_eq!(doc.responsibilities.len(), 24);

    let scan = planmine::process("scan.pdf", &std::fs::read(dir.join("scan.pdf")).unwrap());
    let err = scan.error.as_ref().unwrap();
    assert_eq!(err.kind, "no_text");
    assert!(err.message.contains("OCR"), "{}", err.message);

    // A PDF cut short is an error record too, never a panic.
    let cut = planmine::process("cut.pdf", &bytes[..bytes.len() / 3]);
    assert!(cut.error.is_some() || cut.goals.len() < 72);
}
