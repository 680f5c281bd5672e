//! Line-level tests of the document head: chrome, organisation names, title-like lines.

/// One non-empty line of the text, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// Byte offset of `text` in the whole text.
    pub start: usize,
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

/// Trims white space, no-break and zero-width spaces.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// The non-empty lines of `text`, trimmed, with their offsets (lazily: callers read only the
/// head or the tail of long documents).
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let start = pos;
        pos += raw.len();
        let lead = raw.len() - raw.trim_start_matches(is_blank).len();
        let t = trim(raw);
        (!t.is_empty()).then_some(Line {
            text: t,
            start: start + lead,
        })
    })
}

/// The last `n` non-empty lines of `text`, reading only its last few kilobytes.
pub fn last_lines(text: &str, n: usize) -> Vec<Line<'_>> {
    let mut from = text.len().saturating_sub(4096);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Start at a line boundary so no partial line is read.
    if from > 0 {
        from = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    }
    let mut tail: Vec<Line<'_>> = lines(&text[from..])
        .map(|l| Line {
            text: l.text,
            start: l.start + from,
        })
        .collect();
    let skip = tail.len().saturating_sub(n);
    tail.drain(..skip);
    tail
}

/// Sentence punctuation: a line holding any is running text, not a title or a name.
pub fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| ",。;:!?,;:!?".contains(c))
}

/// Words of site chrome: navigation, tools, page furniture of web pages and document sites.
const CHROME: &[&str] = &[
    "首页",
    // A page's read-aloud widget (听全文约21分钟).
    "听全文",
    "返回",
    "打印",
    "字号",
    "分享",
    "关闭",
    "无障碍",
    "关怀版",
    "当前位置",
    "您的位置",
    "现在的位置",
    "下载",
    "浏览",
    "版权",
    "登录",
    "搜索",
    "上一篇",
    "下一篇",
    "索引号",
    "主题分类",
    "扫码",
    "扫一扫",
    "手机版",
    "微信",
    "收藏",
    "全文预览",
    "评论",
    "温馨提示",
    "简介",
    "网站地图",
    "网站首页",
    "来源",
    "发布时间",
    "发布日期",
    "发布机构",
    "责任编辑",
    "联系我们",
    "主办单位",
    "备案号",
    "备案编号",
    "ICP",
    "Copyright",
    "©",
];

/// Whole lines of chrome whose words may also appear in titles (政府信息公开工作年度报告).
const CHROME_LINES: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "政务公开",
    "信息公开目录",
    "信息公开指南",
    "政策文件",
    "政策解读",
    "通知公告",
    "工作动态",
];

/// True for a line of site chrome (navigation, tool bars, labels, breadcrumbs).
pub fn is_chrome(s: &str) -> bool {
    CHROME.iter().any(|w| s.contains(w))
        || CHROME_LINES.contains(&s)
        || s.contains(['>', '»', '|', '›'])
        || page_header(s).is_some()
        || s.chars().filter(char::is_ascii_alphabetic).count() * 3 > s.chars().count()
        || is_menu(s)
}

/// A navigation menu: three or more short items separated by spaces (政策解读 规划计划 工作要点).
fn is_menu(s: &str) -> bool {
    let items: Vec<&str> = s.split(is_blank).filter(|i| !i.is_empty()).collect();
    items.len() >= 3 && items.iter().all(|i| i.chars().count() <= 6)
}

/// `切实推动教育均衡发展_第1页` → `切实推动教育均衡发展`: a document site's page header.
pub fn page_header(s: &str) -> Option<&str> {
    let body = s.trim_end();
    let body = body.strip_suffix('页')?;
    let digits = body.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == body.len() {
        return None;
    }
    let head = digits.strip_suffix('第')?;
    let head = head.trim_end_matches(|c: char| c == '_' || c == '-' || c.is_whitespace());
    (!head.is_empty()).then_some(head)
}

/// Suffixes of the names of issuing bodies.
const ORG_SUFFIXES: &[&str] = &[
    "办公室",
    "办公厅",
    "政府",
    "委员会",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "中心",
    "院",
    "处",
    "小组",
    "管委会",
    "办事处",
    "室",
    "学校",
    "中学",
    "小学",
    "幼儿园",
    "党组",
    "政协",
];

/// True for a line that is the name of an issuing body (平阴县人民政府办公室), possibly
/// several separated by spaces.
pub fn is_org(s: &str) -> bool {
    let n = s.chars().count();
    (3..=60).contains(&n)
        && !has_sentence_punct(s)
        && !s.contains('、')
        && !is_chrome(s)
        && !s.chars().any(|c| c.is_ascii_digit())
        && ORG_SUFFIXES.iter().any(|suf| s.ends_with(suf))
        && s.starts_with(|c: char| is_han(c) || c == '(')
}

/// True for a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True for a line starting with an outline label (`一、`, `(一)`, `1.`, `第一章`).
pub fn is_outline(s: &str) -> bool {
    let mut chars = s.chars();
    let first = chars.next();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        Some('第') => {
            let rest: String = chars.collect();
            let rest = rest.trim_start_matches(numeral);
            rest.len() < s.len() - '第'.len_utf8() && rest.starts_with(['章', '节', '条', '部'])
        }
        Some('(') => {
            // `(一)`, `(12)`: a short number closed at once, not `(2021—2025年)`.
            let inner = s[1..].trim_start_matches(|c: char| numeral(c) || c.is_ascii_digit());
            let len = s.len() - 1 - inner.len();
            len > 0 && len <= 6 && inner.starts_with(')')
        }
        Some(c) if numeral(c) => s.trim_start_matches(numeral).starts_with('、'),
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['、', '.']) && !rest.starts_with(".0")
        }
        _ => false,
    }
}

/// True for a line of running text: a sentence ending, or long and punctuated.
pub fn is_body(s: &str) -> bool {
    let n = s.chars().count();
    (s.contains('。') && n >= 20) || (n >= 60 && has_sentence_punct(s))
}

/// Strips a web page title's site part: `2019年工作要点_荣成市人民政府` → `2019年工作要点`,
/// `…规划-某县人民政府网` → `…规划`. A dash splits only before a site or body name, since
/// titles hold year ranges (2021-2025). A shared file's extension goes too (某县规划.docx).
pub fn strip_site_suffix(s: &str) -> &str {
    // A shared file's name: 某县规划.docx.
    let s = [".docx", ".doc", ".pdf", ".wps", ".txt"]
        .iter()
        .find_map(|e| s.strip_suffix(e))
        .unwrap_or(s);
    // Every separator holds one of these chars; most lines hold none.
    if !s.contains(['_', '|', '-', '—']) {
        return s;
    }
    for sep in ["_", "|", " - ", "--", "-", "—"] {
        if let Some(at) = s.rfind(sep) {
            let head = trim(&s[..at]);
            let tail = trim(&s[at + sep.len()..]);
            let site = tail.ends_with('网')
                || tail.ends_with("网站")
                || tail.ends_with("门户")
                || is_org(tail);
            if head.chars().count() >= 4 && (matches!(sep, "_" | "|") || site) {
                return head;
            }
        }
    }
    s
}

/// True for a line that could be a document title: short, mostly Han, no sentence
/// punctuation, no chrome, no outline label, no date or document number.
pub fn title_like(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().filter(|&c| is_han(c)).count();
    (4..=80).contains(&n)
        && han * 2 >= n
        && (!has_sentence_punct(s) || place_colon_title(s))
        && !is_chrome(s)
        && !is_outline(s)
        && !is_caption(s)
        && super::fields::date_line(s).is_none()
        && super::fields::doc_number_line(s).is_none()
}

/// A line wholly inside one pair of brackets: `(资料图片)`, `【专题】`, `(试行)`.
pub fn is_bracketed(s: &str) -> bool {
    [
        ('(', ')'),
        ('（', '）'),
        ('[', ']'),
        ('【', '】'),
        ('〔', '〕'),
    ]
    .iter()
    .any(|&(open, close)| {
        s.strip_prefix(open)
            .and_then(|r| r.strip_suffix(close))
            .is_some_and(|inner| !inner.contains([open, close]))
    })
}

/// A photo or caption placeholder (`(资料图片)`, `图片来源:网络`): never a title.
fn is_caption(s: &str) -> bool {
    const PHOTO: &[&str] = &["资料图", "图片", "照片", "配图", "截图", "摄影"];
    is_bracketed(s) || (s.chars().count() <= 12 && PHOTO.iter().any(|w| s.contains(w)))
}

/// A byline under a news headline: `来源:…`, `作者:…`, `发布时间:…`, maybe after a date.
pub fn is_byline(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "来源",
        "作者",
        "发布时间",
        "发布日期",
        "发布者",
        "稿源",
        "时间",
        "日期",
        "编辑",
    ];
    let s = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "-/:年月日 ".contains(c) || is_blank(c)
    });
    LABELS.iter().any(|l| {
        s.strip_prefix(l)
            .is_some_and(|r| r.trim_start_matches(is_blank).starts_with([':', ':']))
    })
}

/// A headline over a byline: like [`title_like`], but a news headline may hold a colon,
/// commas and quotes (江苏某市:启动“十四五”行动); only full stops make it running text.
pub fn headline_like(s: &str) -> bool {
    let n = s.chars().count();
    let han = s.chars().filter(|&c| is_han(c)).count();
    (4..=80).contains(&n)
        && han * 2 >= n
        && !s.contains(['。', ';', ';', '!', '?'])
        && !is_chrome(s)
        && !is_outline(s)
        && !is_caption(s)
        && !is_byline(s)
        && super::fields::date_line(s).is_none()
        && super::fields::doc_number_line(s).is_none()
}

/// A news-style title led by a place or body and a colon: `徽县:切实推动教育均衡发展`.
fn place_colon_title(s: &str) -> bool {
    let Some((lead, rest)) = s.split_once([':', ':']) else {
        return false;
    };
    let g = crate::gazetteer::gazetteer();
    let place = g.lookup(lead).iter().any(|c| !c.short);
    (place || is_org(lead)) && rest.chars().count() >= 4 && !has_sentence_punct(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_trims_lines() {
        let text = "  标题\u{3000}\n\n\u{a0}正文。\n";
        let ls: Vec<Line<'_>> = lines(text).collect();
        assert_eq!(ls.len(), 2);
        assert_eq!(last_lines(text, 1), ls[1..]);
        let long = format!("{}\n末行一\n末行二\n", "很长的正文。".repeat(1000));
        let last = last_lines(&long, 2);
        assert_eq!(
            last.iter().map(|l| l.text).collect::<Vec<_>>(),
            ["末行一", "末行二"]
        );
        assert_eq!(
            &long[last[1].start..last[1].start + last[1].text.len()],
            "末行二"
        );
        assert_eq!(ls[0].text, "标题");
        assert_eq!(&text[ls[1].start..ls[1].start + ls[1].text.len()], "正文。");
    }

    #[test]
    fn recognises_chrome() {
        for s in [
            "无障碍阅读 关怀版 返回首页",
            "打印整页 打印内容 分享",
            "字号:",
            ">专题>教育政策法规",
            "时间:2021年04月15日 14:27 来源:荣成市人民政府 浏览次数:",
            "切实推动教育均衡发展_第2页",
            "下载本文档",
            "政策解读 规划计划 工作要点",
        ] {
            assert!(is_chrome(s), "{s}");
            assert!(!title_like(s), "{s}");
        }
        assert!(!is_chrome("平阴县教育事业发展“十四五”规划"));
        assert!(!is_chrome("平阴县 教育事业发展规划"));
        assert!(is_chrome("政府信息公开"));
        assert!(title_like(
            "平阴县教育和体育局2021年政府信息公开工作年度报告"
        ));
        assert_eq!(page_header("某某发展_第12页"), Some("某某发展"));
        assert_eq!(page_header("第3页"), None);
    }

    #[test]
    fn recognises_organisations() {
        assert!(is_org("平阴县人民政府办公室"));
        assert!(is_org("某县教育和体育局"));
        assert!(is_org("中共某县委员会 某县人民政府"));
        assert!(!is_org("各镇人民政府,各街道办事处,县政府各部门"));
        assert!(!is_org("打印本页 关闭本页"));
        assert!(!is_org("2021年12月20日"));
    }

    #[test]
    fn recognises_titles_and_outline() {
        assert!(title_like("2019年全市教育工作要点"));
        assert!(title_like("徽县:切实推动教育均衡发展"));
        assert!(title_like("某县教育局:推进集团化办学"));
        assert!(!title_like("时间:2021年04月15日"));
        assert!(!title_like("字号:大 中 小"));
        assert!(!title_like("徽县:推进改革,提升质量"));
        assert!(title_like("某县“十四五”教育事业发展规划"));
        assert!(!title_like(
            "免费网站在线观看,蜜桃欧美日韩,亚洲精品在线免费观看"
        ));
        assert!(!title_like("一、总体要求"));
        assert!(!title_like("平政办字〔2021〕26号"));
        assert!(!title_like("(现场照片)"));
        assert!(!title_like("【专题专栏】"));
        assert!(!title_like("图片来自网络"));
        assert!(title_like("某县(试行)学校管理办法"));
    }

    #[test]
    fn recognises_headlines_over_bylines() {
        assert!(is_byline("来源:某某日报 作者:张三 2022-05-06 08:30:00"));
        assert!(is_byline("2022-05-06 08:30 来源:某某网"));
        assert!(is_byline("发布时间:2022年5月6日"));
        assert!(!is_byline("来源于群众的意见要认真办理。"));
        assert!(headline_like("浙江湖州:启动“双减”提质行动"));
        assert!(headline_like("某市新建幼儿园三十所,新增学位一万个"));
        assert!(!headline_like("(现场照片)"));
        assert!(!headline_like("近日,某市出台方案。方案提出,到2025年建成。"));
        assert!(is_outline("(一)指导思想"));
        assert!(is_outline("(12)加强宣传"));
        assert!(!is_outline("(2021—2025年)"));
        assert!(is_outline("第一章 总则"));
        assert!(is_outline("12.加强宣传"));
        assert!(!is_outline("2019年全市教育工作要点"));
        assert!(!is_outline("第十四个五年规划"));
        assert_eq!(
            strip_site_suffix("2019年全市教育工作要点_荣成市人民政府"),
            "2019年全市教育工作要点"
        );
    }
}
