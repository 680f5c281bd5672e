use super::*;

fn read(html: &str) -> (String, PageMeta) {
    let page = Mapped::identity(html);
    let sniffed = sniff(html.as_bytes()).expect("markup");
    let (m, meta) = extract(&page, sniffed);
    assert_eq!(m.text.chars().count(), m.origins.len());
    (m.text, meta)
}

/// A county site's article page: navigation, title block, byline, the body container with
/// an indicator table, a share bar and a footer. The sentences are made up.
const PAGE: &str = r##"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某县养老服务发展规划_规划计划_某县人民政府</title>
<meta name="ArticleTitle" content="某县养老服务发展规划">
<meta name="PubDate" content="2022-03-18 09:30">
<meta name="ContentSource" content="某县民政局">
<script>var nav = "<p>不是正文</p>";</script><style>p { color: red }</style>
</head><body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li>
<li><a href="/fw">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="main"><div class="title"><h1>某县养老服务发展规划</h1></div>
<div class="info">发布时间：2022-03-18　来源：某县民政局</div>
<div class="TRS_Editor">
<p>　　一、发展目标</p>
<p>　　到2025年，全县养老机构护理型床位占比达到55%以上，
    社区养老服务设施覆盖率达到100%。</p>
<table border="1"><tr><td rowspan="2">指标</td><td colspan="2">目标值</td></tr>
<tr><td>2020年</td><td>2025年</td></tr>
<tr><td>护理型床位占比(%)</td><td>40</td><td>55</td></tr></table>
<p>二、保障措施&nbsp;&amp;&nbsp;责任分工</p><p>由县民政局牵头，县财政局配合。</p>
</div>
<div class="share"><a href="#">分享到微信</a> <a href="#">微博</a> <a href="javascript:print()">打印本页</a></div>
</div>
<div class="footer">主办单位：某县人民政府办公室　网站标识码：0000000000</div>
</body></html>"##;

#[test]
fn a_county_page_gives_its_article_with_title_and_byline() {
    let (text, meta) = read(PAGE);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "某县养老服务发展规划");
    assert!(lines[1].starts_with("发布时间"), "{lines:?}");
    assert!(text.contains("一、发展目标"));
    // Collapsed white space: none between Chinese chars, the U+3000 indent dropped.
    assert!(
        text.contains(
            "到2025年，全县养老机构护理型床位占比达到55%以上，社区养老服务设施覆盖率达到100%。"
        ),
        "{text}"
    );
    assert!(text.contains("二、保障措施 & 责任分工"), "{text}");
    for chrome in [
        "首页",
        "政务服务",
        "分享到微信",
        "网站标识码",
        "不是正文",
        "color",
    ] {
        assert!(!text.contains(chrome), "{chrome} leaked: {text}");
    }
    assert_eq!(meta.article_title.as_deref(), Some("某县养老服务发展规划"));
    assert_eq!(meta.pub_date.as_deref(), Some("2022-03-18 09:30"));
    assert_eq!(meta.content_source.as_deref(), Some("某县民政局"));
    assert_eq!(
        meta.title.as_deref(),
        Some("某县养老服务发展规划_规划计划_某县人民政府")
    );
}

#[test]
fn tables_become_pipe_rows_with_spans_filled_and_headers_merged() {
    let (text, _) = read(PAGE);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('|')).collect();
    assert_eq!(
        rows,
        [
            "指标 | 目标值 2020年 | 目标值 2025年 |",
            "护理型床位占比(%) | 40 | 55 |"
        ]
    );
}

#[test]
fn layout_tables_give_their_cells_lines() {
    let html = "<html><body><table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td>\
                <td><p>第一段，内容。</p><p>第二段。</p></td></tr></table></body></html>";
    let (text, _) = read(html);
    assert_eq!(text, "甲 | 乙 |\n第一段，内容。\n第二段。");
}

#[test]
fn every_char_maps_back_to_its_markup() {
    let html = "<html><body><p>a&amp;b 税</p></body></html>";
    let page = Mapped::identity(html);
    let (m, _) = extract(&page, sniff(html.as_bytes()).unwrap());
    assert_eq!(m.text, "a&b 税");
    let src = |k: usize| &html[m.origins.at(k).range()];
    assert_eq!(src(0), "a");
    assert_eq!(src(1), "&amp;");
    assert_eq!(src(4), "税");
}

#[test]
fn implied_ends_and_hidden_content() {
    let html = "<html><body><div><p>一<p>二<ul><li>三<li>四</ul>\
                <select><option>县一<option>县二</select>\
                <div style=\"display: none\">藏</div><span>五</span></div></body></html>";
    let (text, _) = read(html);
    assert_eq!(text, "一\n二\n三\n四\n五");
}

#[test]
fn text_with_a_few_tags_keeps_its_lines() {
    let text = "一、目标\n<strong>地区生产总值</strong>增长6%。\n<p>二、措施</p>\n第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n第七行\n第八行\n<b>x</b><br>";
    let sniffed = sniff(text.as_bytes()).expect("tags");
    assert!(sniffed.keep_newlines);
    let (m, _) = extract(&Mapped::identity(text), sniffed);
    assert!(
        m.text
            .starts_with("一、目标\n地区生产总值增长6%。\n二、措施\n第一行"),
        "{}",
        m.text
    );
}

#[test]
fn plain_text_is_no_markup() {
    assert!(sniff("到2025年，PM2.5浓度<35微克/立方米。".as_bytes()).is_none());
    assert!(sniff(b"").is_none());
}

#[test]
fn declared_charsets() {
    let page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head>"#;
    assert_eq!(declared_charset(page), Some(GB18030));
    assert_eq!(
        declared_charset(b"<meta charset='big5'>"),
        Some(encoding_rs::BIG5)
    );
    assert_eq!(declared_charset(b"<meta charset=\"utf-16\">"), None);
    assert_eq!(declared_charset(b"<meta charset=\"iso-8859-1\">"), None);
    assert_eq!(declared_charset(b"<p>charset is a word</p>"), None);
}

#[test]
fn hostile_markup_is_linear_and_safe() {
    let deep = "<div>".repeat(200_000) + "正文，内容。" + &"</span>".repeat(200_000);
    let (text, _) = read(&deep);
    assert_eq!(text, "正文，内容。");
    let spans = format!(
        "<html><table>{}</table></html>",
        "<tr><td rowspan=9999 colspan=9999>x</td></tr>".repeat(2000)
    );
    let (text, _) = read(&spans);
    assert!(text.contains('x'));
    for junk in [
        "<",
        "<a",
        "</",
        "<!--",
        "<p title='",
        "&#x110000;",
        "&#0;",
        "<table><td>",
        "</table></tr>",
    ] {
        let page = Mapped::identity(junk);
        let _ = extract(
            &page,
            Sniffed {
                keep_newlines: false,
                whole: false,
            },
        );
    }
}

#[test]
fn a_header_over_two_rows_reads_as_one() {
    let html = "<html><body><table>\
        <tr><td rowspan=2>指标</td><td colspan=2>目标值</td><td rowspan=2>属性</td></tr>\
        <tr><td>2020年</td><td>2025年</td></tr>\
        <tr><td>森林覆盖率(%)</td><td>40</td><td>42</td><td>预期性</td></tr></table></body></html>";
    let (text, _) = read(html);
    assert_eq!(
        text,
        "指标 | 目标值 2020年 | 目标值 2025年 | 属性 |\n森林覆盖率(%) | 40 | 42 | 预期性 |"
    );
}

#[test]
fn typed_spaces_stay_and_source_breaks_go() {
    let html = "<html><body><p>第一章&#12288;总则</p><p>到2025年，\n  全县</p><p>指&nbsp;&nbsp;标</p></body></html>";
    let (text, _) = read(html);
    assert_eq!(text, "第一章 总则\n到2025年，全县\n指 标");
}
