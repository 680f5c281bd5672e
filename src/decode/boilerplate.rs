//! Removal of site chrome, navigation, counters, document-site notices and SEO spam.
//!
//! Lines are classified by features — length, sentence punctuation, how much of the line is
//! chrome vocabulary (by category), position before the body or in a trailing footer, link-like
//! shape — never by the seeds' literal lines. Lines carrying document metadata (索引号, 发文字号,
//! dates, 发布机构, 来源) are always kept; a view counter on such a line is trimmed off.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::mapped::{Mapped, OriginCursor};

/// Site navigation and section labels.
const NAV: &[&str] = &[
    "首页",
    "网站首页",
    "返回首页",
    "返回顶部",
    "网站地图",
    "无障碍",
    "阅读",
    "关怀版",
    "长者版",
    "适老化",
    "登录",
    "注册",
    "当前位置",
    "您的位置",
    "所在位置",
    "政府信息公开",
    "信息公开",
    "专题",
    "导航",
    "搜索",
    "简体",
    "繁体",
    "单位概况",
    "机构概况",
    "栏目",
];
/// Print, share, font-size and QR-code controls.
const CONTROLS: &[&str] = &[
    "大中小",
    "我要纠错",
    "手机",
    "打开",
    "当前页",
    "打印",
    "本页",
    "整页",
    "内容",
    "关闭",
    "窗口",
    "分享",
    "分享到",
    "收藏",
    "加入收藏",
    "设为首页",
    "字号",
    "字体",
    "扫码",
    "扫一扫",
    "二维码",
    "使用手机",
    "手机浏览",
    "浏览本页",
    "微信",
    "微博",
    "纠错",
];
/// View and post counters.
const COUNTERS: &[&str] = &[
    "浏览次数",
    "浏览量",
    "点击量",
    "点击数",
    "点击率",
    "访问量",
    "阅读量",
    "阅读次数",
    "信息发布",
    "发布总数",
    "总数",
];
/// Document-sharing site notices.
const DOC_SITE: &[&str] = &[
    "全文预览",
    "预览",
    "已结束",
    "下载",
    "本文档",
    "文档",
    "简介",
    "版权说明",
    "上传",
    "侵权",
    "举报",
    "认领",
    "本站",
    "评论",
    "提交",
    "最新",
    "相关",
    "温馨提示",
    "用户",
    "资源",
    "收益",
    "付费",
    "会员",
];
/// News-page furniture around an article: photo placeholders, editor and tag labels,
/// sidebar rankings.
const ARTICLE: &[&str] = &[
    "资料图",
    "资料图片",
    "配图",
    "图片来源",
    "责任编辑",
    "编辑",
    "关键词",
    "关键字",
    "标签",
    "排行",
    "排行榜",
    "热门",
    "热点",
    "话题",
    "最近更新",
    "推荐阅读",
    "相关阅读",
    "相关新闻",
    "延伸阅读",
];
/// Labels that open a list of page furniture (`关键词: A B C`, `[责任编辑:某某]`, `标签:`).
const LIST_LABELS: &[&str] = &[
    "关键词",
    "关键字",
    "标签",
    "责任编辑",
    "编辑",
    "Tags",
    "TAG",
];
/// Words by which a site talks about itself.
const SELF_REFERENCE: &[&str] = &["本站", "本网站", "本文档", "本平台", "文库"];
/// Previous/next links.
const SEQUENCE: &[&str] = &["上一篇", "下一篇", "上一页", "下一页", "上一条", "下一条"];
/// SEO spam vocabulary: (word, weight).
const SPAM: &[(&str, u32)] = &[
    ("在线观看", 2),
    ("免费观看", 2),
    ("电视剧", 2),
    ("欧美", 2),
    ("日韩", 2),
    ("人妻", 3),
    ("乱码", 2),
    ("无码", 3),
    ("国产", 2),
    ("蜜桃", 2),
    ("成人", 1),
    ("色情", 3),
    ("毛片", 3),
    ("av", 2),
    ("AV", 2),
    ("免费", 1),
    ("精品", 1),
    ("亚洲", 1),
    ("视频", 1),
    ("网站", 1),
    ("观看", 1),
];
/// Labels of document metadata the metadata extractor reads.
const META: &[&str] = &[
    "索引号",
    "发文字号",
    "文号",
    "成文日期",
    "发布日期",
    "发布时间",
    "发文日期",
    "发布机构",
    "发文机关",
    "来源",
    "主题分类",
    "有效性",
];

/// Vocabulary categories, for the one-pass matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Nav,
    Controls,
    Counters,
    DocSite,
    Article,
    SelfRef,
    Sequence,
    Spam(u32),
    Meta,
}

/// All vocabulary in one automaton (overlapping matches), with each word's category.
static VOCAB: LazyLock<(AhoCorasick, Vec<Cat>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut cats = Vec::new();
    for (list, cat) in [
        (NAV, Cat::Nav),
        (CONTROLS, Cat::Controls),
        (COUNTERS, Cat::Counters),
        (DOC_SITE, Cat::DocSite),
        (ARTICLE, Cat::Article),
        (SELF_REFERENCE, Cat::SelfRef),
        (SEQUENCE, Cat::Sequence),
        (META, Cat::Meta),
    ] {
        for w in list {
            words.push(w);
            cats.push(cat);
        }
    }
    for (w, weight) in SPAM {
        words.push(w);
        cats.push(Cat::Spam(*weight));
    }
    // A full DFA: the vocabulary is small, and every short line is searched with it.
    let ac = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&words)
        .expect("static vocabulary builds");
    (ac, cats)
});

/// What the vocabulary says about one line.
#[derive(Debug, Default)]
struct Hits {
    meta: bool,
    self_ref: bool,
    /// Distinct document-site words.
    site_words: usize,
    /// Sum of the weights of distinct spam words.
    spam: u32,
    /// Chrome words (navigation, controls, counters, site, sequence) found.
    tokens: usize,
    /// Letters covered by chrome words.
    covered: usize,
    /// Letters in the line.
    letters: usize,
}

fn hits(t: &str) -> Hits {
    let (ac, cats) = &*VOCAB;
    let mut h = Hits::default();
    // Coverage only matters for short lines (≤ 40 chars); skip its work on long ones.
    let short = t.len() <= 40 * 4;
    let mut covered_bytes = vec![false; if short { t.len() } else { 0 }];
    let mut seen = vec![false; cats.len()];
    for m in ac.find_overlapping_iter(t) {
        let id = m.pattern().as_usize();
        let first = !std::mem::replace(&mut seen[id], true);
        match cats[id] {
            Cat::Meta => h.meta = true,
            Cat::SelfRef => h.self_ref = true,
            Cat::Spam(w) => h.spam += if first { w } else { 0 },
            cat => {
                if cat == Cat::DocSite && first {
                    h.site_words += 1;
                }
                h.tokens += 1;
                if let Some(bytes) = covered_bytes.get_mut(m.range()) {
                    bytes.iter_mut().for_each(|b| *b = true);
                }
            }
        }
    }
    if !short {
        return h;
    }
    for (b, c) in t.char_indices() {
        if c.is_alphabetic() {
            h.letters += 1;
            h.covered += usize::from(covered_bytes[b]);
        }
    }
    h
}

/// Metadata labels that matter on long lines (a long line with 来源 is kept anyway as body).
const META_LONG: &[&str] = &["索引号", "发文字号"];

/// Site footer markers (licence numbers, copyright, site operator): such a line without a
/// sentence is chrome whatever its length.
const FOOTER: &[&str] = &[
    "ICP备",
    "公网安备",
    "网站标识码",
    "版权所有",
    "技术支持",
    "主办单位",
    "承办单位",
    "联系我们",
];

/// Length of the `?` run a line opens with when text follows it: ideographic-space
/// indentation saved through a code page without them (??上海市…人民政府办公室).
fn stray_indent(line: &str) -> Option<usize> {
    let n = line.len() - line.trim_start_matches('?').len();
    let next = line[n..].chars().next()?;
    let text = ('\u{4e00}'..='\u{9fff}').contains(&next) || next.is_ascii_digit();
    (n > 0 && (text || matches!(next, '“' | '《' | '('))).then_some(n)
}

/// Removes boilerplate lines; returns the new text and the number of lines removed.
pub(crate) fn remove_boilerplate(input: Mapped) -> (Mapped, usize) {
    let lines = split_lines(&input.text);
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let first_body = kinds.iter().position(|k| *k == Kind::Body);
    let last_body = kinds.iter().rposition(|k| *k == Kind::Body);
    let footer = footer_start(&lines, &kinds, first_body);

    let mut drop = vec![false; lines.len()];
    let mut trims: Vec<Range<usize>> = Vec::new();
    let mut seen_page_label = false;
    for (i, (line, kind)) in lines.iter().zip(&kinds).enumerate() {
        let inside = first_body.is_some_and(|f| i > f) && last_body.is_some_and(|l| i < l);
        drop[i] = match kind {
            Kind::Blank | Kind::Body => false,
            Kind::Meta => {
                if let Some(r) = counter_suffix(line.text) {
                    trims.push(line.byte_start + r.start..line.byte_start + r.end);
                }
                false
            }
            Kind::Chrome => true,
            // `标题_第1页`: the first one carries the title (keep it, minus the page number),
            // the repeats are chrome.
            Kind::PageLabel => {
                let first = !seen_page_label;
                seen_page_label = true;
                if first {
                    if let Some(r) = page_suffix(line.text) {
                        trims.push(line.byte_start + r.start..line.byte_start + r.end);
                    }
                }
                !first
            }
            Kind::WeakChrome => !inside,
            Kind::Spam { before_title } => *before_title || first_body.is_none_or(|f| i < f),
            Kind::Other => false,
        };
        if matches!(kind, Kind::Body | Kind::Other) {
            if let Some(n) = stray_indent(line.text) {
                trims.push(line.byte_start..line.byte_start + n);
            }
        }
        if footer.is_some_and(|f| i >= f) && *kind != Kind::Blank && *kind != Kind::Meta {
            drop[i] = true;
        }
        // Spam that is strong enough anywhere.
        if let Kind::Spam { before_title: true } = kind {
            drop[i] = true;
        }
    }
    let removed = drop.iter().filter(|&&d| d).count();
    if removed == 0 && trims.is_empty() {
        return (input, 0);
    }
    let mut out = Mapped::with_capacity_of(&input);
    let mut trim = trims.iter().peekable();
    let mut origins = OriginCursor::new(&input.origins, 0);
    for (li, line) in lines.iter().enumerate() {
        if drop[li] {
            continue;
        }
        let (b0, b1) = (line.byte_start, line.byte_start + line.full_len);
        let (k0, k1) = (line.char_start, line.char_start + line.chars);
        let trimmed = trim.peek().is_some_and(|r| r.start >= b0 && r.start < b1);
        if !trimmed {
            // Kept whole: bulk copy.
            out.text.push_str(&input.text[b0..b1]);
            out.origins.extend_from(&input.origins, k0..k1);
            out.flags.extend_from_slice(&input.flags[k0..k1]);
            continue;
        }
        let r = trim.next().cloned().unwrap_or(0..0);
        for (k, (b, c)) in (k0..k1).zip(input.text[b0..b1].char_indices()) {
            if !r.contains(&(b0 + b)) {
                out.push(c, origins.at(k), input.flags[k]);
            }
        }
    }
    (out, removed)
}

struct Line<'a> {
    /// Byte offset of the line in the text.
    byte_start: usize,
    /// Bytes of the line with its newline.
    full_len: usize,
    /// Char offset of the line in the text.
    char_start: usize,
    /// Chars of the line with its newline.
    chars: usize,
    /// The line without its newline.
    text: &'a str,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let (mut start, mut char_start) = (0, 0);
    for piece in text.split_inclusive('\n') {
        let chars = piece.chars().count();
        lines.push(Line {
            byte_start: start,
            full_len: piece.len(),
            char_start,
            chars,
            text: piece.strip_suffix('\n').unwrap_or(piece),
        });
        start += piece.len();
        char_start += chars;
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    /// A sentence of the document: long, with sentence punctuation.
    Body,
    /// Carries document metadata: always kept.
    Meta,
    /// Chrome by a strong rule (notice, link list, page label, previous/next): dropped anywhere.
    Chrome,
    /// `标题_第3页`: the first is kept without its page number, repeats are dropped.
    PageLabel,
    /// A short line made of chrome vocabulary: dropped outside the body.
    WeakChrome,
    /// SEO spam; `before_title` when strong enough to drop anywhere.
    Spam {
        before_title: bool,
    },
    /// Anything else (titles, headings, signatures, dates, short labels): kept.
    Other,
}

fn is_blankish(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '\u{200b}' | '\u{feff}')
}

fn classify(raw: &str) -> Kind {
    let t = raw.trim_matches(is_blankish);
    if t.is_empty() {
        return Kind::Blank;
    }
    let n = t.chars().count();
    let sentence = t.contains('。') || t.contains(';') || t.contains('；');
    // Long sentences are body unless the site talks about itself (本站, 本文档, 文库…): the
    // cheap char test spares most lines the vocabulary pass.
    if n > 60 && sentence && !t.contains('本') && !t.contains('库') {
        return if META_LONG.iter().any(|m| t.contains(m)) {
            Kind::Meta
        } else {
            Kind::Body
        };
    }
    // Controls are often spaced out ("大 中 小"): match on the line without white space.
    let compact: String;
    let h = if t.contains(is_blankish) && t.len() <= 40 * 4 {
        compact = t.chars().filter(|&c| !is_blankish(c)).collect();
        hits(&compact)
    } else {
        hits(t)
    };
    if h.meta || is_index_number(t) {
        return Kind::Meta;
    }
    if h.self_ref && h.site_words >= 2 {
        return Kind::Chrome;
    }
    if !sentence && FOOTER.iter().any(|f| t.contains(f)) {
        return Kind::Chrome;
    }
    if n > 60 && sentence {
        return Kind::Body;
    }
    if starts_enumerated(t) {
        return if n >= 20 && sentence {
            Kind::Body
        } else {
            Kind::Other
        };
    }
    if SEQUENCE.iter().any(|s| t.starts_with(s)) || is_label_list(t) {
        return Kind::Chrome;
    }
    if !sentence && h.spam >= 3 {
        let segments = t
            .split([',', '，', '、', ' ', '|'])
            .filter(|s| !s.is_empty())
            .count();
        if segments >= 3 || h.spam >= 5 {
            return Kind::Spam {
                before_title: h.spam >= 6,
            };
        }
    }
    if n <= 40 && !sentence {
        if is_page_label(t) {
            return Kind::PageLabel;
        }
        if is_breadcrumb(t) {
            return Kind::Chrome;
        }
        let (covered, countable, tokens) = (h.covered, h.letters, h.tokens);
        // A bracketed line of chrome words (`(资料图片)`, `【打印】`) is a placeholder anywhere.
        if tokens > 0 && covered * 10 >= countable * 6 && is_bracketed(t) {
            return Kind::Chrome;
        }
        if tokens > 0 && countable > 0 && covered * 10 >= countable * 6 {
            // Several controls on one line ("打印本页 关闭本页") are chrome anywhere.
            return if tokens >= 3 && covered * 10 >= countable * 8 {
                Kind::Chrome
            } else {
                Kind::WeakChrome
            };
        }
    }
    if n >= 20 && (sentence || t.contains(',') || t.contains('，')) {
        return Kind::Body;
    }
    Kind::Other
}

/// An outline enumerator starts the line: 一、 (一) 1. 第一章 …
fn starts_enumerated(t: &str) -> bool {
    let mut it = t.chars();
    let Some(first) = it.next() else { return false };
    let second = it.next();
    const NUMERALS: &str = "一二三四五六七八九十";
    match first {
        '(' | '（' => {
            it.next()
                .is_some_and(|c| c == ')' || c == '）' || NUMERALS.contains(c))
                || second.is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit())
        }
        '第' => second.is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit()),
        c if NUMERALS.contains(c) => t.chars().take(4).any(|c| c == '、'),
        c if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with('.') || rest.starts_with('、')
        }
        _ => false,
    }
}

/// `标题_第3页`, `第2页/共5页`.
fn is_page_label(t: &str) -> bool {
    let Some(rest) = t.strip_suffix('页') else {
        return false;
    };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len()
        && (digits.ends_with("_第") || digits.ends_with("第"))
        && (digits.contains('_') || digits.chars().count() <= 6)
}

/// A line wholly inside one pair of brackets: `(资料图片)`, `[责任编辑:某某]`.
fn is_bracketed(t: &str) -> bool {
    [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')]
        .iter()
        .any(|&(open, close)| {
            t.strip_prefix(open)
                .and_then(|r| r.strip_suffix(close))
                .is_some_and(|inner| !inner.contains([open, close]))
        })
}

/// `关键词: A B C`, `标签:`, `[责任编辑:某某]`: a furniture label and its colon opening the
/// line (maybe bracketed), with no sentence after it.
fn is_label_list(t: &str) -> bool {
    let inner = if is_bracketed(t) {
        let mut c = t.chars();
        c.next();
        c.next_back();
        c.as_str()
    } else {
        t
    };
    !inner.contains(['。', '!', '?', ';'])
        && LIST_LABELS.iter().any(|l| {
            inner
                .strip_prefix(l)
                .map(|r| r.trim_start_matches(is_blankish))
                .is_some_and(|r| r.starts_with([':', '：']))
        })
}

/// `>专题>教育政策法规`, `首页 > 政务公开 > 文件`: short segments joined by arrows.
fn is_breadcrumb(t: &str) -> bool {
    let arrows = t.matches(['>', '»', '›']).count();
    arrows >= 1
        && (t.starts_with(['>', '»', '›']) || arrows >= 2)
        && t.split(['>', '»', '›'])
            .all(|s| s.trim().chars().count() <= 12)
        // >79, >80%: a bound in a table cell, not a trail of page names.
        && t.split(['>', '»', '›'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .all(|s| s.chars().any(|c| c.is_alphabetic()))
}

/// Byte range of the `_第N页` (or `第N页`) suffix of a page label, to the line's end.
fn page_suffix(line: &str) -> Option<Range<usize>> {
    let start = line.rfind("_第").or_else(|| line.rfind('第'))?;
    Some(start..line.len())
}

/// `11370124004209020U/2021-4656593`: a credit code, a year and a serial.
fn is_index_number(t: &str) -> bool {
    let Some((code, rest)) = t.split_once('/') else {
        return false;
    };
    let code = code.trim_matches(is_blankish);
    let code = code
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    code.len() >= 9
        && code
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && rest.len() >= 6
        && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && rest.as_bytes().get(4) == Some(&b'-')
}

/// Byte range (within the line) of a trailing view counter (`浏览次数: 123`) on a metadata line.
fn counter_suffix(t: &str) -> Option<Range<usize>> {
    for w in COUNTERS {
        if let Some(pos) = t.rfind(w) {
            let after = &t[pos + w.len()..];
            if after
                .chars()
                .all(|c| c == ':' || c == '：' || c.is_ascii_digit() || is_blankish(c) || c == '次')
            {
                let before = t[..pos].trim_end_matches(is_blankish);
                if META.iter().any(|m| before.contains(m)) {
                    return Some(before.len()..t.len());
                }
            }
        }
    }
    None
}

/// Where a trailing footer starts: the first chrome line after the first body line from which
/// on chrome dominates (and any other line is short, unless chrome is overwhelming).
fn footer_start(lines: &[Line<'_>], kinds: &[Kind], first_body: Option<usize>) -> Option<usize> {
    let first_body = first_body?;
    let (mut chrome, mut other, mut long_other) = (0usize, 0usize, 0usize);
    let mut best = None;
    for i in (first_body + 1..lines.len()).rev() {
        match kinds[i] {
            Kind::Blank => continue,
            // A bracketed placeholder (`(资料图片)`) sits between paragraphs: dropped by its
            // kind, it must not pull the paragraphs below it into the footer.
            Kind::Chrome if is_bracketed(lines[i].text.trim_matches(is_blankish)) => continue,
            Kind::Chrome | Kind::WeakChrome | Kind::PageLabel | Kind::Spam { .. } => chrome += 1,
            Kind::Body => {
                other += 1;
                long_other += 1;
            }
            _ => {
                other += 1;
                if lines[i].text.trim_matches(is_blankish).chars().count() > 20 {
                    long_other += 1;
                }
            }
        }
        let is_chrome = matches!(kinds[i], Kind::Chrome | Kind::WeakChrome | Kind::PageLabel);
        let total = chrome + other;
        let ok = (long_other == 0 && chrome * 2 >= total) || chrome * 10 >= total * 7;
        if is_chrome && ok {
            best = Some(i);
        }
        if long_other > 0 && chrome * 10 < total * 5 {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let m = Mapped::identity(s);
        let (out, n) = remove_boilerplate(m);
        assert_eq!(out.origins.len(), out.text.chars().count());
        (out.text, n)
    }

    const BODY1: &str = "为推动教育高质量发展,加快教育现代化,办好新时代人民满意教育,制定本方案。";
    const BODY2: &str = "各部门要加强组织领导,明确责任分工,确保各项任务按期完成,形成工作合力。";

    #[test]
    fn drops_head_and_footer_chrome_keeps_metadata() {
        let text = format!(
            "网站首页 > 政务公开 > 文件\n某县人民政府关于印发某某方案的通知\n\
             索引号:11370000000000000X/2023-0000001\n发布时间:2023年01月02日 来源:某县人民政府 点击量: 35\n\
             字体:大 中 小 打印本页\n{BODY1}\n一、工作目标\n{BODY2}\n某县人民政府\n2023年1月2日\n\
             分享到: 微信 微博\n上一篇:关于某事的通知\n下一篇:关于另一件事的通知\n"
        );
        let (out, n) = run(&text);
        assert_eq!(n, 5, "{out}");
        assert!(out.contains("索引号:11370000000000000X/2023-0000001\n"));
        assert!(
            out.contains("发布时间:2023年01月02日 来源:某县人民政府\n"),
            "{out}"
        );
        assert!(out.contains(BODY1) && out.contains(BODY2));
        assert!(out.contains("某县人民政府\n2023年1月2日\n"));
        assert!(!out.contains("打印") && !out.contains("上一篇") && !out.contains("首页"));
    }

    #[test]
    fn drops_bookmark_and_home_page_links_on_their_own_lines() {
        let text = format!("    设为首页\n    加入收藏\n某市推进全民健身设施建设\n{BODY1}\n");
        let (out, n) = run(&text);
        assert_eq!(n, 2, "{out}");
        assert!(out.starts_with("某市推进全民健身设施建设\n"), "{out}");
    }

    #[test]
    fn drops_question_marks_left_by_lost_indentation() {
        let text = format!("??{BODY1}\n??某县人民政府办公室\n??2023年4月23日\n为什么?\n?\n");
        let (out, _) = run(&text);
        assert!(out.starts_with(BODY1), "{out}");
        assert!(
            out.contains("\n某县人民政府办公室\n2023年4月23日\n"),
            "{out}"
        );
        assert!(
            out.ends_with("为什么?\n?\n"),
            "a question is no indentation: {out}"
        );
    }

    #[test]
    fn drops_spam_and_site_notices() {
        let text = format!(
            "高清电影在线观看,欧美日韩精品,国产乱码免费视频\n某某规划\n{BODY1}\n\
             本站所有文档均由用户上传,如有侵权请联系删除。\n{BODY2}\n"
        );
        let (out, n) = run(&text);
        assert_eq!(n, 2, "{out}");
        assert!(out.starts_with("某某规划\n"));
    }

    #[test]
    fn keeps_body_headings_with_chrome_words() {
        let text = format!("{BODY1}\n(三)推进政务信息公开\n信息公开\n{BODY2}\n");
        let (out, n) = run(&text);
        assert_eq!((out.as_str(), n), (text.as_str(), 0));
    }

    #[test]
    fn common_site_chrome_shapes() {
        for line in [
            "【字体:大 中 小】",
            "【打印本页】【关闭窗口】",
            "扫一扫在手机打开当前页",
            "【我要纠错】",
            "网站标识码:3700000001 鲁ICP备05002315号 鲁公网安备 37010202000001号",
            "当前位置:首页 > 政务公开 > 政策文件",
            "当前位置:主页 > 新闻 > 正文",
            "(相关资料图)",
            "[责任编辑:某某]",
            "标签:",
            "关键词: 课后服务 双减 集团化办学",
            "热点排行",
        ] {
            assert!(
                matches!(classify(line), Kind::Chrome | Kind::WeakChrome),
                "{line}: {:?}",
                classify(line)
            );
        }
        for line in [
            "附件:平阴县教育事业发展主要指标",
            "(三)推进政务信息公开",
            "各镇人民政府,各街道办事处:",
            "2021年12月20日",
            "发文字号:平政办字〔2021〕26号",
            "(试行)",
            "关键词是质量,要把提高质量作为核心任务。",
        ] {
            assert!(
                !matches!(classify(line), Kind::Chrome | Kind::WeakChrome),
                "{line}: {:?}",
                classify(line)
            );
        }
    }

    #[test]
    fn drops_news_page_furniture() {
        let text = format!(
            "当前位置:首页 > 新闻 > 正文\n某市:推进集团化办学\n来源:某某网 2022-04-05 10:20:30\n\
             (相关资料图)\n{BODY1}\n(现场资料图片)\n{BODY2}\n【责任编辑:张某】\n\
             关键词: 集团化办学 优质均衡 新增学位 教育共同体 城乡一体化 办学质量\n标签:\n\
             排行榜\n热点话题\n最近更新\n"
        );
        let (out, n) = run(&text);
        assert_eq!(
            out,
            format!("某市:推进集团化办学\n来源:某某网 2022-04-05 10:20:30\n{BODY1}\n{BODY2}\n"),
            "{n}"
        );
    }

    #[test]
    fn keeps_sentences_and_headings_with_furniture_words() {
        let text = format!(
            "某县热点难点问题攻坚方案\n{BODY1}\n(二)编辑出版乡土教材\n\
             关键词是质量,要把提高质量作为核心任务。\n\
             各校要建立标签化管理台账,定期更新资料图册和档案,做好热门专业的招生宣传工作。\n{BODY2}\n"
        );
        let (out, n) = run(&text);
        assert_eq!((out.as_str(), n), (text.as_str(), 0));
    }

    #[test]
    fn page_labels_keep_the_title_once() {
        let text = format!(
            "某县教育发展规划_第1页\n某县教育发展规划_第2页\n某县教育发展规划_第3页\n{BODY1}\n"
        );
        let (out, n) = run(&text);
        assert_eq!(n, 2);
        assert_eq!(out, format!("某县教育发展规划\n{BODY1}\n"));
    }

    #[test]
    fn line_shapes() {
        assert!(is_page_label("切实推动教育均衡发展_第1页"));
        assert!(!is_page_label("共10页"));
        assert!(is_breadcrumb(">专题>教育政策法规"));
        assert!(!is_breadcrumb("x>3"));
        // A bound in a table cell is text (issue: >80% lines were dropped).
        assert!(!is_breadcrumb(">79"));
        assert!(!is_breadcrumb(">80%"));
        assert!(!is_breadcrumb("> 0.15"));
        assert!(is_index_number("11370124004209020U/2021-4656593"));
        assert!(starts_enumerated("(一)指导思想") && starts_enumerated("12.加强"));
    }
}
