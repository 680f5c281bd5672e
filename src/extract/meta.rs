//! Metadata: what the document is — title, issuer, 发文字号, 成文日期, region, period, kind.
//!
//! Two layouts are read:
//! - a covering notice (`X关于印发Y的通知`, 发文字号, addressees, `《Y》已经…同意,现印发给你们`,
//!   signature and date, then Y itself): the title is Y, the issuer X;
//! - a document that starts with its own title (maybe after web chrome): the title is the first
//!   title-like line of the head, or a document site's repeated page header.
//!
//! Anything the text does not state stays `None`.

use std::sync::LazyLock;

use regex::Regex;

use crate::decode::PageMeta;
use crate::records::{Meta, Region};
use crate::structure::Structure;
use crate::text::contains_any;

mod fields;
mod lines;
mod region;
mod reported;

use lines::{is_body, is_chrome, is_org, is_outline, title_like, Line};

pub use fields::{date_line, find_date, find_doc_number, kind_of, period_of};

/// Whether a line is a page's byline (来源:… 2023-05-13, 发布时间:…, 作者:…).
pub fn is_byline(line: &str) -> bool {
    const STAMPS: &[&str] = &[
        "来源", "作者", "编辑", "字体", "浏览", "点击", "发布", "阅读", "打印", "分享",
    ];
    let line = line.trim();
    lines::is_byline(line)
        || (line.chars().count() <= 80
            && !line.contains(['。', ','])
            && STAMPS.iter().any(|w| line.contains(w))
            && find_date(line).is_some())
}

/// Whether a line is a headline reporting a document (某市出台…专项规划, 某部门联合发布《…》).
pub fn reports_document(line: &str) -> bool {
    reported::from_headline(line).is_some()
}

/// How many non-empty lines from the top are searched for a covering notice and head fields.
const HEAD_LINES: usize = 150;
/// How many lines after a notice's title its signature and date may come.
const SIGNATURE_WINDOW: usize = 30;

/// Reads the document's metadata.
pub fn extract(text: &str, structure: &Structure) -> Meta {
    extract_with_page(text, structure, None)
}

/// The title a page's markup gives: its CMS `ArticleTitle`, else its `<title>` without the
/// column and site names after it (`标题_栏目_某县人民政府`).
fn page_title(page: &PageMeta) -> Option<String> {
    let strip = |t: &str| {
        let mut t = t.trim();
        loop {
            let shorter = lines::strip_site_suffix(t);
            if shorter.len() == t.len() {
                return t.to_owned();
            }
            t = shorter;
        }
    };
    [&page.article_title, &page.title]
        .into_iter()
        .flatten()
        .map(|t| strip(t))
        .find(|t| t.chars().count() >= 6 && !is_org(t) && lines::headline_like(t))
}

/// [`extract`] for a web page: where the body states no title, date or issuer, the page's
/// markup ([`PageMeta`]) may (`from_page` names each field so taken).
pub fn extract_with_page(text: &str, _structure: &Structure, page: Option<&PageMeta>) -> Meta {
    let head_lines: Vec<Line<'_>> = lines::lines(text).take(HEAD_LINES).collect();
    let head = head_lines.as_slice();
    let labels = Labels::read(head);
    let label_line = labels
        .title
        .as_deref()
        .map(|t| [Line { text: t, start: 0 }]);
    let notice = find_notice(head)
        .or_else(|| label_line.as_ref().and_then(|l| find_notice(l)))
        .or_else(|| find_notice_by_body(head));

    let mut meta = Meta::default();
    let mut issuer_from_title = None;
    // A news page's publication date, from the byline under its headline.
    let mut published = None;
    match &notice {
        Some(n) => {
            meta.title = Some(n.title.clone());
            meta.issuer = match (&n.issuer, &n.signature) {
                // A title cut by page chrome (阴县人民政府办公室): the signature is whole.
                (Some(x), Some(sig)) if sig.len() > x.len() && sig.ends_with(x.as_str()) => {
                    Some(sig.clone())
                }
                (x, sig) => x.clone().or_else(|| sig.clone()),
            };
            meta.date = n.date.clone();
        }
        None => {
            // A page's own label (标题:…, 文件名称 | …) names the document more surely than
            // any line read as a title.
            let found = labels
                .title
                .clone()
                .map(|t| (t, None))
                .or_else(|| own_title(head))
                .map(|(t, after)| (unquote_title(&t).to_owned(), after));
            if let Some((title, after)) = found {
                let (title, quoted_issuer) = match misquoted_title(&title) {
                    Some((issuer, title)) => (title, Some(issuer)),
                    None => (title, None),
                };
                issuer_from_title = issuer_of_title(&title).or_else(|| issuer_above(head, &title));
                // The issuer a page puts before its quoted title outranks its 来源 label.
                if quoted_issuer.is_some() {
                    meta.issuer = quoted_issuer;
                }
                if let Some((issuer, date)) = after.and_then(|a| byline(head, a)) {
                    meta.issuer = Some(issuer);
                    meta.date = Some(date);
                }
                published = after
                    .and_then(|a| head.get(a))
                    .filter(|l| lines::is_byline(l.text))
                    .and_then(|l| find_date(l.text))
                    .map(|(d, _)| d);
                meta.title = Some(title);
            }
        }
    }
    let tail = tail_signature(&lines::last_lines(text, 12));
    meta.issuer = meta
        .issuer
        .or(labels.issuer.clone())
        .or(issuer_from_title)
        .or_else(|| tail.as_ref().map(|t| t.0.clone()));
    meta.date = meta
        .date
        .or(labels.date.clone())
        .or_else(|| tail.map(|t| t.1));
    meta.doc_number = labels
        .doc_number
        .clone()
        .or_else(|| notice.as_ref().and_then(|n| n.number.clone()))
        .or_else(|| {
            // Only the document's head: before the plan's outline or running text starts (a
            // table of cited documents further down lists other numbers).
            let end = notice.as_ref().map_or_else(
                || {
                    head.iter()
                        .position(|l| is_outline(l.text) || is_body(l.text))
                        .unwrap_or(head.len())
                },
                |n| n.end_line,
            );
            head[..end.min(head.len())]
                .iter()
                .find_map(|l| fields::doc_number_line(l.text))
        });
    // A government work report: the delivery line (——2024年1月15日在…人民代表大会…会议上)
    // dates it, whatever the page's stamps say.
    let delivery = delivery_date(head);
    if let Some(d) = &delivery {
        meta.date = Some(d.clone());
    }
    if delivery.is_some() {
        let named_report = meta
            .title
            .as_deref()
            .is_some_and(|t| t.contains("工作报告"));
        if !named_report {
            meta.title = report_title(head).or(meta.title.take());
        }
        // The government delivers its report; a page's label (发文机关:市政府办公室) names
        // the office that put it up.
        if meta.issuer.as_deref().is_none_or(is_office) {
            meta.issuer = report_issuer(head).or(meta.issuer.take());
        }
    }
    // A site's bare heading (政府工作报告) over the report's full name.
    if meta.title.as_deref() == Some("政府工作报告") {
        meta.title = report_title(head).or(meta.title.take());
    }
    // A news page: its headline over a byline (2023-05-13 10:44 来源:…).
    let byline_at = news_byline(head);
    if meta.title.is_none() {
        meta.title = byline_at
            .as_ref()
            .and_then(|(i, _)| i.checked_sub(1))
            .and_then(|i| head.get(i))
            .map(|l| lines::strip_site_suffix(l.text.trim_start_matches(['•', '·', ' '])))
            .filter(|t| lines::headline_like(t))
            .map(str::to_owned)
            .or_else(|| shared_document_title(head));
    }
    if meta.title.is_none() {
        if let Some(t) = page.and_then(page_title) {
            meta.title = Some(t);
            meta.from_page.push("title".to_owned());
        }
    }
    if published.is_none() {
        published = byline_at.map(|(_, d)| d);
    }
    if published.is_none() {
        published = page
            .and_then(|p| p.pub_date.as_deref())
            .and_then(find_date)
            .map(|(d, _)| d);
    }
    // News of a document (某市印发《…规划》): the document it reports, not the headline.
    if notice.is_none() {
        if let Some((title, issuer)) = meta.title.as_deref().and_then(reported::from_headline) {
            // The body may cite it whole (…专项规划(2022—2035年)).
            let whole = reported::from_body(head).filter(|b| reported::extends(b, &title));
            meta.title = Some(whole.unwrap_or(title));
            meta.issuer = meta.issuer.take().or(issuer);
        } else if meta.title.as_deref().is_none_or(|t| kind_of(t).is_none()) {
            if let Some(title) = reported::from_body(head) {
                meta.title = Some(title);
                meta.from_page.retain(|f| f != "title");
                if meta.issuer.is_none() {
                    meta.issuer = reported::issuer_in_body(head);
                }
            }
        } else if let Some(quoted) = meta
            .title
            .as_deref()
            .and_then(|t| reported::quoted_in_body(head, t))
        {
            meta.title = Some(quoted);
        }
    }
    // Joint issuers are set apart by a space in a document's head (中共某省委 某省人民政府);
    // the record lists them with 、.
    if let Some(issuer) = meta.issuer.take() {
        let parts: Vec<&str> = issuer.split_whitespace().collect();
        meta.issuer = Some(if parts.len() > 1 && parts.iter().all(|p| is_org(p)) {
            parts.join("、")
        } else {
            issuer
        });
    }
    // A title's trailing 发文字号 or date in brackets is its number or date, not part of it.
    if let Some(t) = meta.title.take() {
        let cleaned = clean_title(&t);
        if meta.doc_number.is_none() {
            meta.doc_number = cleaned.number;
        }
        if meta.date.is_none() {
            meta.date = cleaned.date;
        }
        meta.title = Some(cleaned.title);
    }
    if let Some(title) = &meta.title {
        meta.kind = kind_of(title).map(str::to_owned);
        meta.period = period_of(title);
    }
    if delivery.is_some() && meta.kind.as_deref().is_none_or(|k| k == "报告") {
        let names_report = head
            .iter()
            .take(12)
            .any(|l| spaced_out(l.text).contains("政府工作报告"));
        if names_report {
            meta.kind = Some("政府工作报告".to_owned());
        }
    }
    // News of a congress where the report was delivered (市长作政府工作报告), or a report
    // whose heading was cut off: a government work report.
    if meta.kind.as_deref().is_none_or(|k| k == "报告") && reported::delivers_work_report(head) {
        meta.kind = Some("政府工作报告".to_owned());
        // News of the report is described by the report, not by its headline.
        if meta.title.as_deref().is_none_or(|t| kind_of(t).is_none()) {
            meta.title = Some("政府工作报告".to_owned());
        }
    }
    if meta.kind.is_none() {
        meta.kind =
            self_described_kind(text).or_else(|| reported::headline_kind(head).map(str::to_owned));
    }
    if meta.kind.as_deref() == Some("政府工作报告") && meta.issuer.is_none() {
        meta.issuer = reported::speaker_government(head).or_else(|| report_issuer(head));
    }
    // A news article is dated by its byline.
    if meta.kind.is_none() && meta.date.is_none() {
        meta.date = published.take();
    }
    if meta.period.is_none() && meta.kind.as_deref() == Some("规划") {
        meta.period = fields::stated_period(text);
    }
    // A plan or an article about one names its period near the top (《…“十四五”规划》,
    // “十三五”生态环境保护主要指标); other kinds cite other plans there.
    if meta.period.is_none() && matches!(meta.kind.as_deref(), None | Some("规划")) {
        meta.period = head
            .iter()
            .take(12)
            .filter(|l| l.text.contains("规划") || l.text.contains("主要指标"))
            .find_map(|l| period_of(l.text));
    }
    meta.region = find_region(text, &meta, &labels);
    // 我省印发“十四五”…规划: the reported title names its region as 我省.
    if let (Some(title), Some(region)) = (meta.title.as_mut(), meta.region.as_ref()) {
        let named = match title.get(..'我'.len_utf8() * 2) {
            Some("我省") => region.province.as_ref(),
            Some("我市") => region.city.as_ref(),
            Some("我县" | "我区") => region.county.as_ref(),
            _ => None,
        };
        if let Some(name) = named {
            title.replace_range(..'我'.len_utf8() * 2, name);
        }
    }
    // An official document that states no date or issuer of its own gets them from its page
    // (after the region, which the page's source would blur): when the page went up (most go
    // up within days of signing) and the body that put it up (文章来源:某县卫生健康委员会); a
    // news article's source is an outlet, not an issuer. `from_page` says so.
    // A page that went up after the year its title plans for (2019年工作要点 on a 2021 page)
    // is a repost: neither its time nor its source is the document's.
    let reposted = published
        .as_deref()
        .and_then(|d| d.get(..4)?.parse::<i32>().ok())
        .zip(meta.title.as_deref().and_then(latest_year))
        .is_some_and(|(page, title)| page > title);
    if meta.kind.is_some() && !reposted {
        if meta.date.is_none() {
            if let Some(d) = published {
                meta.date = Some(d);
                meta.from_page.push("date".to_owned());
            }
        }
        if meta.issuer.is_none() {
            let page_source = page.and_then(|p| p.content_source.as_ref());
            if let Some(s) = labels.source.as_ref().or(page_source).filter(|s| is_org(s)) {
                meta.issuer = Some(s.clone());
                meta.from_page.push("issuer".to_owned());
            }
        }
    }
    meta
}

/// The delivery line of a report to a people's congress: `——2024年1月15日在…县第十八届人民
/// 代表大会第四次会议上`, maybe broken over two lines, or with its date in brackets on a line
/// of its own after it; the whole report may also sit on one line. Its date is the report's.
fn delivery_date(head: &[Line<'_>]) -> Option<String> {
    // The first line naming the congress that gives a date: a file header above it
    // (某县十六届人大四次会议文件) names the congress too, but dates nothing.
    head.iter()
        .take(20)
        .enumerate()
        .filter(|(_, l)| l.text.contains("代表大会") || l.text.contains("人大"))
        .find_map(|(at, _)| delivery_date_at(head, at))
}

/// [`delivery_date`] for the congress named on line `at`.
fn delivery_date_at(head: &[Line<'_>], at: usize) -> Option<String> {
    let line = head[at].text;
    // The date on the line itself, or on the line before it (broken delivery lines), when
    // that line holds nothing else but the dash and the date.
    let before = at.checked_sub(1).map(|i| head[i].text).unwrap_or("");
    let congress = line.find("代表大会").or_else(|| line.find("人大"))?;
    let own = find_date(&line[..congress]).map(|(d, _)| d);
    let broken = (before.chars().count() <= 40)
        .then(|| find_date(before))
        .flatten()
        .filter(|_| before.contains('在') && !before.contains("发布"))
        .map(|(d, _)| d);
    // A bracketed date a line or two after: (2026年2月27日).
    let bracketed = || {
        head[at + 1..].iter().take(3).find_map(|l| {
            let t = l
                .text
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）']);
            fields::date_line(t)
        })
    };
    own.or(broken).or_else(bracketed)
}

/// The issuing government of a report, from its speaker line (牟定县人民政府县长 …, 汉滨区人民
/// 政府代区长 …) or its delivery line (在石门县第十七届人民代表大会…).
fn report_issuer(head: &[Line<'_>]) -> Option<String> {
    static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Han}{2,12}?人民政府)(?:代理?)?(?:县长|区长|市长|州长|省长|旗长|主席)")
            .expect("speaker regex")
    });
    static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|在|[,,。\s日])([\p{Han}&&[^在]]\p{Han}{1,9}?[县区市州旗省])第\p{Han}{1,4}届人民代表大会")
            .expect("congress regex")
    });
    let lines = &head[..head.len().min(20)];
    // The name starts after the delivery line when both share a line (…会议上石门县人民政府县长).
    let own_name = |name: &str| {
        let from = ["会议上", "会上", "——"]
            .iter()
            .filter_map(|w| name.rfind(w).map(|i| i + w.len()))
            .max()
            .unwrap_or(0);
        name[from..].to_owned()
    };
    lines
        .iter()
        .find_map(|l| crate::text::captures(&SPEAKER, l.text).map(|c| own_name(&c[1])))
        .filter(|n| n.chars().count() > 4)
        .or_else(|| {
            let joined: String = lines.iter().map(|l| l.text).collect();
            CONGRESS
                .captures(&joined)
                .map(|c| format!("{}人民政府", &c[1]))
        })
}

/// The line of a news page's byline near its head and its date: a date with a label
/// (来源, 作者, 发布时间, 编辑) or a date standing alone with its time.
fn news_byline(head: &[Line<'_>]) -> Option<(usize, String)> {
    const LABELS: &[&str] = &["来源", "来自", "作者", "发布", "时间", "编辑", "稿源", "|"];
    head.iter().take(15).enumerate().find_map(|(i, l)| {
        let (date, range) = find_date(l.text)?;
        let rest: String = format!("{}{}", &l.text[..range.start], &l.text[range.end..]);
        let bare = rest
            .chars()
            .filter(|c| !c.is_ascii_digit() && !" :-/•".contains(*c))
            .count()
            <= 2;
        (bare || LABELS.iter().any(|w| rest.contains(w))).then_some((i, date))
    })
}

/// The title of a shared document page: `《2023年XX县安全生产工作要点.docx》由会员分享…`.
fn shared_document_title(head: &[Line<'_>]) -> Option<String> {
    head.iter().take(5).find_map(|l| {
        let inner = l.text.strip_prefix('《')?;
        let inner = &inner[..inner.find('》')?];
        let stem = [".docx", ".doc", ".pdf", ".wps", ".txt"]
            .iter()
            .find_map(|e| inner.strip_suffix(e))?;
        title_like(stem).then(|| stem.to_owned())
    })
}

/// A title without the site's wrapping: a leading `(江西省)`, a trailing `(全文)`,
/// `(2022年更新)` or the document's number in brackets, which comes back apart.
/// A title without its site's wrapping, and the 发文字号 or date it carried in brackets.
#[derive(Debug, PartialEq)]
struct CleanTitle {
    title: String,
    number: Option<String>,
    date: Option<String>,
}

fn clean_title(title: &str) -> CleanTitle {
    let mut t = title.trim();
    // 【上级政策】…: the column a site files the page under.
    if let Some(rest) = t
        .strip_prefix('【')
        .and_then(|r| Some(&r[r.find('】')? + '】'.len_utf8()..]))
    {
        if rest.chars().count() >= 6 {
            t = rest.trim_start();
        }
    }
    // (江西省)宜春市…: the province a site files the page under.
    if let Some(rest) = t.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let inner = &rest[..close];
            if inner.chars().count() <= 8 && inner.ends_with(['省', '市', '区']) {
                t = &rest[close + 1..];
            }
        }
    }
    let mut number = None;
    let mut date = None;
    while let Some(body) = t.strip_suffix(')') {
        let Some(open) = body.rfind('(') else { break };
        let inner = &body[open + 1..];
        if let Some(n) = fields::doc_number_line(inner) {
            number = Some(n);
        } else if let Some(d) = fields::date_line(inner).filter(|d| d.len() == 10) {
            // A full date (关于…的意见(2024年4月30日)) is when it was adopted; a year or a
            // window of years (2021—2025年) belongs to the title.
            date = Some(d);
        } else if !matches!(inner, "全文" | "摘要" | "图解" | "简版" | "文字版")
            && !inner.ends_with("更新")
        {
            break;
        }
        t = body[..open].trim_end();
    }
    CleanTitle {
        title: t.to_owned(),
        number,
        date,
    }
}

/// The latest year a title names (2023-2027年 → 2027), if any.
fn latest_year(title: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:19|20)\d{2}").expect("valid regex"));
    YEAR.find_iter(title)
        .filter_map(|m| m.as_str().parse().ok())
        .max()
}

/// The title of a report whose head names it only as 政府工作报告 (maybe spaced out).
/// The fullest naming wins over a site's bare heading (政府工作报告 above 某某在…会议上的政府工作
/// 报告(摘登)); a bracketed note right after the name stays with it.
fn report_title(head: &[Line<'_>]) -> Option<String> {
    head.iter()
        .take(8)
        .filter_map(|l| {
            let t = spaced_out(l.text);
            let at = t.find("政府工作报告")?;
            // 现在,我代表县人民政府,向大会作政府工作报告: a sentence of the report, no title.
            // Nor is a covering notice's title (关于印发政府工作报告的通知) or a citation in
            // its body (…审议通过了《政府工作报告》): the notice names the report.
            if t[..at].contains([',', ',', '。'])
                || t[..at].ends_with(['作', '《'])
                || t[..at].contains("关于")
            {
                return None;
            }
            let mut end = at + "政府工作报告".len();
            if let Some(note) = t[end..].strip_prefix('(').and_then(|r| r.find(')')) {
                if note <= 12 * 3 {
                    end += note + 2;
                }
            }
            let title = t[..end].trim_start_matches(['—', '-']);
            (title.chars().count() <= 40).then(|| title.to_owned())
        })
        .max_by_key(|t| t.chars().count())
}

/// A line whose chars are spaced out for a heading (政 府 工 作 报 告), put back together.
fn spaced_out(line: &str) -> std::borrow::Cow<'_, str> {
    let spaced = line.chars().filter(|c| *c == ' ').count() >= 3
        && line.split(' ').all(|w| w.chars().count() <= 2);
    if spaced {
        std::borrow::Cow::Owned(line.chars().filter(|c| *c != ' ').collect())
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// The kind a document states for itself near its start: `制定本方案`, `编制本规划`.
fn self_described_kind(text: &str) -> Option<String> {
    static SELF: LazyLock<Regex> = LazyLock::new(|| {
        // Also the preamble's announcement of what follows: 提出如下实施意见, 通知如下.
        Regex::new(r"(?:制定|编制|制订|出台)本(规划|方案|意见|办法|要点)|(?:提出|形成)(?:如下|以下)(?:实施|指导)?(意见)|(通知|报告)如下")
            .expect("valid regex")
    });
    // Only the opening: later `本方案` phrases refer back to it and add nothing.
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // A work report read out without its title: 我代表市人民政府,向大会报告工作.
    static DELIVERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"代表[^,。;]{0,16}人民政府[,,]?向(?:大会|本次会议|各位代表)报告")
            .expect("valid regex")
    });
    let opening = &text[..end];
    if opening.contains("报告") && DELIVERED.is_match(opening) {
        return Some("政府工作报告".to_owned());
    }
    // Only a work report sets out the year's 政府工作的总体要求 (a page of one that lost
    // its head), and only a report's plan part bids to 做好今年的政府工作.
    static THIS_YEARS_WORK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"做好(?:今年|明年|[0-9]{4}年)的?政府工作").expect("valid regex")
    });
    if opening.contains("政府工作的总体要求")
        || opening.contains("政府工作总体要求")
        || THIS_YEARS_WORK.is_match(opening)
    {
        return Some("政府工作报告".to_owned());
    }
    let c = SELF.captures(opening)?;
    let word = c.iter().skip(1).flatten().next()?;
    kind_of(word.as_str()).map(str::to_owned)
}

/// A covering notice's reading.
#[derive(Debug, Clone, PartialEq)]
struct Notice {
    /// The plan's title Y.
    title: String,
    /// X of `X关于印发Y的通知`, or the organisation line just above it.
    issuer: Option<String>,
    /// A 发文字号 written on the title line.
    number: Option<String>,
    /// The organisation that signs the notice.
    signature: Option<String>,
    /// The notice's date.
    date: Option<String>,
    /// Index (into the head lines) just past the notice's head (title, number, date).
    end_line: usize,
}

static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<x>.*?)关于(?:印发|下发|颁发|转发)(?P<y>.+?)的通知$").expect("valid regex")
});

/// Finds `X关于印发Y的通知`, joining a title broken over up to four lines.
fn find_notice(head: &[Line<'_>]) -> Option<Notice> {
    let mut best: Option<Notice> = None;
    // A notice heads the document: once an outline starts, `关于印发…的通知` lines are the
    // plan's own list of cited documents.
    let stop = head
        .iter()
        .position(|l| is_outline(l.text))
        .unwrap_or(head.len());
    for (i, line) in head[..stop].iter().enumerate() {
        let Some(at) = line.text.find("关于") else {
            continue;
        };
        let before = &line.text[..at];
        // A notice cited inside a sentence (根据《…关于印发…的通知》) is not this document.
        if before.contains('《') || lines::has_sentence_punct(before) || is_body(line.text) {
            continue;
        }
        let (first, mut number) = strip_trailing_number(lines::strip_site_suffix(line.text));
        let mut joined = first.to_owned();
        let mut j = i;
        while !joined.ends_with("的通知") && j + 1 < head.len() && j < i + 4 {
            let next = head[j + 1].text;
            if is_body(next) || is_chrome(next) {
                break;
            }
            j += 1;
            let (piece, n) = strip_trailing_number(next);
            number = number.or(n);
            joined.push_str(piece);
        }
        // X印发 / 关于Y的意见的通知: the issuers stand on the line above, and the document
        // issued is theirs (X关于Y的意见).
        if !joined.contains("关于印发") && !joined.contains("关于转发") {
            let issuers = i
                .checked_sub(1)
                .and_then(|p| head[p].text.trim().strip_suffix("印发"))
                .map(lines::trim)
                .filter(|x| !x.is_empty() && is_org(x.split_whitespace().next().unwrap_or("")));
            let issued = joined
                .strip_suffix("的通知")
                .filter(|y| y.starts_with("关于") && !lines::has_sentence_punct(y));
            if let (Some(x), Some(y)) = (issuers, issued) {
                let (signature, date, end) = signature_after(head, j + 1);
                best = Some(Notice {
                    title: format!("{x}{y}"),
                    issuer: Some(x.split_whitespace().collect::<Vec<_>>().join("、")),
                    number,
                    signature,
                    date,
                    end_line: end,
                });
                break;
            }
        }
        let Some(c) = NOTICE.captures(&joined) else {
            continue;
        };
        let y = c["y"].trim();
        // A notice that issues several documents (关于印发《A》《B》的通知) is the document: no
        // one of them is.
        let several = y.matches('《').count() > 1;
        let y = if several {
            joined[c.name("x").map_or(0, |x| x.end())..].trim()
        } else {
            unquote_title(y)
        };
        if y.chars().count() < 4 || (!several && lines::has_sentence_punct(y)) {
            continue;
        }
        let x = lines::trim(&c["x"]);
        let issuer = if !x.is_empty() {
            is_org(x).then(|| x.to_owned())
        } else {
            i.checked_sub(1)
                .map(|p| head[p].text)
                .filter(|p| is_org(p))
                .map(str::to_owned)
        };
        let (signature, date, end) = signature_after(head, j + 1);
        let notice = Notice {
            title: y.to_owned(),
            issuer,
            number,
            signature,
            date,
            end_line: end,
        };
        // Keep the first reading; a later copy (the printed one after the web title) fills in
        // what the first lacked.
        best = Some(match best.take() {
            Some(mut b) => {
                if b.issuer.is_none() {
                    b.issuer = notice.issuer;
                }
                b.number = b.number.or(notice.number);
                if b.date.is_none() && notice.date.is_some() {
                    b.date = notice.date;
                    b.signature = notice.signature;
                    b.end_line = notice.end_line;
                }
                b
            }
            None => notice,
        });
        if best
            .as_ref()
            .is_some_and(|b| b.issuer.is_some() && b.date.is_some())
        {
            break;
        }
    }
    best
}

/// `…的通知(平政办字〔2021〕26号)` → (`…的通知`, the number); other lines unchanged.
fn strip_trailing_number(line: &str) -> (&str, Option<String>) {
    if let Some((n, range)) = fields::find_doc_number(line) {
        let after = lines::trim(&line[range.end..]);
        let before = line[..range.start]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '(' || c == '\u{ff08}');
        if before.ends_with("的通知") && matches!(after, "" | ")" | "\u{ff09}") {
            return (before, Some(n));
        }
    }
    (line, None)
}

/// Without a notice title: `《Y》已经县政府同意,现印发给你们` names Y.
fn find_notice_by_body(head: &[Line<'_>]) -> Option<Notice> {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"《(?P<y>[^《》]{4,80})》[^。]{0,30}?(?:同意|通过|研究)[^。]{0,10}(?:现|特)[予将]?印发",
            r"|(?:现|特)将《(?P<y2>[^《》]{4,80})》印发给",
        ))
            .expect("valid regex")
    });
    head.iter().enumerate().find_map(|(i, l)| {
        let c = crate::text::captures(&BODY, l.text)?;
        let y = c.name("y").or_else(|| c.name("y2"))?.as_str();
        let (signature, date, end) = signature_after(head, i);
        Some(Notice {
            title: y.to_owned(),
            issuer: None,
            number: None,
            signature,
            date,
            end_line: end,
        })
    })
}

/// The signature and date following a notice head from line `from`: the first date line
/// within the window, and the organisation line just above it. Also returns the index just
/// past the date (or `from` when none).
fn signature_after(head: &[Line<'_>], from: usize) -> (Option<String>, Option<String>, usize) {
    let end = head.len().min(from + SIGNATURE_WINDOW);
    // (signer, date, index past the date, whether the issuing paragraph came before it)
    let mut found: Vec<(Option<String>, String, usize, bool)> = Vec::new();
    let mut issued = false;
    let mut body_seen = false;
    for k in from..end {
        let text = head[k].text;
        if let Some(date) = fields::date_line(text) {
            let signer = k
                .checked_sub(1)
                .filter(|&p| p >= from)
                .map(|p| head[p].text)
                .filter(|p| is_org(p))
                .map(str::to_owned);
            // A bare date among web chrome counts only with a signer or after running text.
            if signer.is_some() || body_seen {
                found.push((signer, date, k + 1, issued));
            }
        } else if let Some((date, range)) = find_date(text) {
            // `平阴县人民政府办公室 2021年12月20日` on one line.
            let before = lines::trim(&text[..range.start]);
            if lines::trim(&text[range.end..]).is_empty() && is_org(before) {
                found.push((Some(before.to_owned()), date, k + 1, issued));
            }
        }
        if is_body(text) {
            body_seen = true;
            issued |= text.contains("印发");
        }
        // The plan itself starts: its outline begins. A notice's own numbered paragraphs
        // (一、提高政治站位,强化担当意识。各部门要…) run on after their label; a plan's heading
        // stands alone on its line.
        let heading = is_outline(text) && text.chars().count() <= 30;
        if heading || found.iter().any(|f| f.3) {
            break;
        }
    }
    let pick = found
        .iter()
        .find(|f| f.3)
        .or_else(|| found.iter().find(|f| f.0.is_some()))
        .or(found.first());
    match pick {
        Some((signer, date, past, _)) => (signer.clone(), Some(date.clone()), *past),
        None => (None, None, from),
    }
}

/// Labelled fields of a web page's metadata table (发文字号:…, 成文日期:…, 来源:…).
#[derive(Debug, Default)]
struct Labels {
    issuer: Option<String>,
    doc_number: Option<String>,
    date: Option<String>,
    source: Option<String>,
    title: Option<String>,
}

impl Labels {
    fn read(head: &[Line<'_>]) -> Self {
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            // Tables pad labels with spaces (索 引 号, 标  题): allow them between the chars.
            let names = [
                "发文机关",
                "发文单位",
                "发布机构",
                "制定机关",
                "发文字号",
                "发文序号",
                "文件编号",
                "文号",
                "字号",
                "成文日期",
                "成文时间",
                "公布日期",
                "信息来源",
                "文章来源",
                "来源",
                "文件名称",
                "标题",
                "名称",
            ];
            let alternation: Vec<String> = names
                .iter()
                .map(|n| {
                    n.chars()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join(r"\s*")
                })
                .collect();
            // Labels are written `label:value`, in a pipe table `[ label ] | value |`, or in
            // a law database's `【label】value•`. The opening bracket is left unmatched: a
            // pattern starting with a label gets a literal prefilter.
            Regex::new(&format!(
                r"({})\s*[\]】]?\s*(?:[::|]|(?:\]|】))\s*(?:[|::]\s*)*([^\s|•【]+)",
                alternation.join("|")
            ))
            .expect("valid regex")
        });
        // A page's metadata table may drop the colon (发文字号交政办发〔2023〕26号, 发布机构
        // 县民政局): only labels too specific for running text are read so, and their values
        // are checked (an organisation, a document number, a date) as with a colon.
        static BARE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(发文字号|文件编号|发文机关|发文单位|发布机构|成文日期|成文时间|公布日期)\s*([^\s|•【]+)",
            )
            .expect("valid regex")
        });
        let mut labels = Labels::default();
        for l in head {
            for c in BARE_LABEL.captures_iter(l.text) {
                labels.record(&c[1], c[2].trim_start_matches([':', ':']));
            }
            // A red-head document's masthead: 平阴县人民政府文件.
            if let Some(x) = l.text.strip_suffix("文件").map(lines::trim) {
                if is_org(x) {
                    labels.issuer.get_or_insert_with(|| x.to_owned());
                }
            }
            // Every label is followed by a colon, a bar or a closing bracket.
            if !contains_any(l.text, &[':', ':', '|', ']', '】']) {
                continue;
            }
            for c in LABEL.captures_iter(l.text) {
                let label: String = c[1].chars().filter(|c| !c.is_whitespace()).collect();
                // A number may be typed with a space before its 号 (京兴政办发〔2023〕1 号):
                // the whole cell, without spaces.
                let cell: String;
                let value = if label.ends_with('号') || label == "文件编号" {
                    let rest = &l.text[c.get(2).map_or(0, |m| m.start())..];
                    cell = rest
                        .split(['|', '•', '【'])
                        .next()
                        .unwrap_or("")
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    cell.as_str()
                } else {
                    c[2].trim()
                };
                if labels.record(&label, value) {
                    continue;
                }
                match label.as_str() {
                    "标题" | "名称" | "文件名称" => {
                        // The whole rest of the line up to the next cell: titles may hold
                        // spaces.
                        let rest = &l.text[c.get(2).map_or(0, |m| m.start())..];
                        let whole = lines::trim(rest.split(['|', '•']).next().unwrap_or(""));
                        if title_like(whole) {
                            labels.title.get_or_insert_with(|| whole.to_owned());
                        }
                    }
                    _ => {
                        labels.source.get_or_insert_with(|| value.to_owned());
                    }
                }
            }
        }
        labels
    }

    /// Keeps a labelled issuer, document number or date when its value reads as one (an
    /// organisation, a 发文字号, a date); true when the label is of those kinds.
    fn record(&mut self, label: &str, value: &str) -> bool {
        match label {
            "发文机关" | "发文单位" | "发布机构" | "制定机关" => {
                if is_org(value) {
                    self.issuer.get_or_insert_with(|| value.to_owned());
                }
            }
            "发文字号" | "发文序号" | "文件编号" | "文号" | "字号" => {
                if let Some(n) = fields::doc_number_line(value) {
                    self.doc_number.get_or_insert(n);
                }
            }
            "成文日期" | "成文时间" | "公布日期" => {
                if let Some((d, _)) = find_date(value) {
                    self.date.get_or_insert(d);
                }
            }
            _ => return false,
        }
        true
    }
}

/// The title of a document that starts with it: the first title-like line naming a kind of
/// document (at least six chars, so a menu item like 发展规划 is not taken), else a repeated
/// page header, else the first title-like line just above the body.
fn own_title(head: &[Line<'_>]) -> Option<(String, Option<usize>)> {
    let stop = head
        .iter()
        .position(|l| is_outline(l.text))
        .unwrap_or(head.len());
    let scope = &head[..stop];
    for (i, l) in scope.iter().enumerate().take(100) {
        let t = lines::strip_site_suffix(l.text);
        // A news headline right over its byline (来源:… 2023-03-15) is the title.
        if scope.get(i + 1).is_some_and(|n| lines::is_byline(n.text)) && lines::headline_like(t) {
            return Some((t.to_owned(), Some(i + 1)));
        }
        if !title_like(t) {
            continue;
        }
        // A title broken over two lines: 创建…发展县 / 实施方案, or …规划 / (2021—2025).
        let next = scope.get(i + 1).map(|n| n.text);
        if kind_of(t).is_some() {
            if t.chars().count() < 6 {
                continue;
            }
            let mut title = t.to_owned();
            let mut after = i + 1;
            if let Some(n) = next.filter(|n| is_parenthetical(n)) {
                title.push_str(n);
                after += 1;
            }
            return Some((title, Some(after)));
        }
        if let Some(n) = next {
            // A kind spaced out under the title line (通 知) is one word.
            let squeezed: String;
            let n = if n.chars().filter(|c| !c.is_whitespace()).count() <= 4 {
                squeezed = n.chars().filter(|c| !c.is_whitespace()).collect();
                squeezed.as_str()
            } else {
                n
            };
            let joined = format!("{t}{n}");
            // Only a short tail (实施方案) continues a line of its own weight; a longer line
            // naming a kind is a title by itself.
            if n.chars().count() <= 10
                && t.chars().count() >= 6
                && (title_like(n) || n.chars().all(lines::is_han))
                && kind_of(n).is_some()
                && title_like(&joined)
            {
                return Some((joined, Some(i + 2)));
            }
        }
    }
    if let Some(h) = scope.iter().find_map(|l| lines::page_header(l.text)) {
        if title_like(h) {
            return Some((h.to_owned(), None));
        }
    }
    let body = scope.iter().position(|l| is_body(l.text))?;
    (body.saturating_sub(3)..body)
        .rev()
        .map(|k| (lines::strip_site_suffix(scope[k].text), k))
        .find(|(t, _)| title_like(t) && t.chars().count() >= 6)
        .map(|(t, k)| (t.to_owned(), Some(k + 1)))
}

/// A byline under a title: an organisation line and a date line (or both on one line).
fn byline(head: &[Line<'_>], at: usize) -> Option<(String, String)> {
    let first = head.get(at)?.text;
    if let Some((date, range)) = find_date(first) {
        let before = lines::trim(&first[..range.start]);
        let after = lines::trim(&first[range.end..]);
        return (is_org(before) && after.is_empty()).then(|| (before.to_owned(), date));
    }
    let date = fields::date_line(head.get(at + 1)?.text)?;
    is_org(first).then(|| (first.to_owned(), date))
}

/// `《某县教育规划》` → `某县教育规划`: book-title marks around a whole title.
fn unquote_title(t: &str) -> &str {
    t.strip_prefix('《')
        .and_then(|s| s.strip_suffix('》'))
        .filter(|s| !s.contains(['《', '》']))
        .unwrap_or(t)
}

/// `(2021—2025)`, `(试行)`: a bracketed line continuing a title.
fn is_parenthetical(s: &str) -> bool {
    let n = s.chars().count();
    n <= 20
        && [('(', ')'), ('\u{ff08}', '\u{ff09}'), ('〔', '〕')]
            .iter()
            .any(|&(open, close)| s.starts_with(open) && s.ends_with(close))
        && !lines::has_sentence_punct(s)
}

/// `某县人民政府办公室《关于…》的通知`: a page that quotes its own title after the issuer
/// (the marks belong around a cited document). Gives the issuer and `关于…的通知`.
fn misquoted_title(title: &str) -> Option<(String, String)> {
    let (issuer, rest) = title.split_once('《')?;
    let (quoted, kind) = rest.split_once('》')?;
    let fits = quoted.starts_with("关于")
        && !quoted.contains(['《', '》'])
        && kind.starts_with('的')
        && kind.chars().count() <= 4
        && kind_of(kind).is_some()
        && is_org(lines::trim(issuer));
    fits.then(|| (lines::trim(issuer).to_owned(), format!("{quoted}{kind}")))
}

/// `平阴县人民政府关于加快发展学前教育的意见` → issuer `平阴县人民政府`.
fn issuer_of_title(title: &str) -> Option<String> {
    let at = title.find("关于")?;
    let x = lines::trim(&title[..at]);
    is_org(x).then(|| x.to_owned())
}

/// `平阴县教育和体育局` / `关于2021年工作情况的报告`: the body named on the line above a title
/// that starts with 关于 (the title's own subject was split off).
fn issuer_above(head: &[Line<'_>], title: &str) -> Option<String> {
    if !title.starts_with("关于") {
        return None;
    }
    // A page may repeat the title (its heading, then the document's own head): any of its
    // lines may stand under the issuer's.
    head.iter()
        .enumerate()
        .filter(|(_, l)| title.starts_with(lines::strip_site_suffix(l.text)))
        .find_map(|(at, _)| {
            let above = head.get(at.checked_sub(1)?)?.text;
            is_org(above).then(|| above.to_owned())
        })
}

/// An office that puts documents up (市政府办公室, 区政府办, 省政府办公厅), not the body
/// that issues a report.
fn is_office(name: &str) -> bool {
    name.ends_with("办公室") || name.ends_with("办公厅") || name.ends_with("政府办")
}

/// A signature at the end of the document: an organisation line followed by a date line.
fn tail_signature(tail: &[Line<'_>]) -> Option<(String, String)> {
    tail.windows(2).rev().find_map(|w| {
        let date = fields::date_line(w[1].text)?;
        is_org(w[0].text).then(|| (w[0].text.to_owned(), date))
    })
}

/// The region: issuer, title, source line, credit code, most-mentioned county, in that order.
fn find_region(text: &str, meta: &Meta, labels: &Labels) -> Option<Region> {
    let ctx = region::Context::new(text);
    let from_str =
        |s: &Option<String>, allow_short| s.as_deref().and_then(|s| ctx.region_in(s, allow_short));
    let code = || ctx.credit_code_region();
    // The issuer or title decides; only the exact credit code may narrow a city or province.
    if let Some(r) = from_str(&meta.issuer, true).or_else(|| from_str(&meta.title, true)) {
        return Some(refine(r, code));
    }
    // A source line names the publishing site: a county inside it may come from the text.
    if let Some(r) = from_str(&labels.source, false) {
        return Some(refine(refine(r, code), || ctx.most_mentioned()));
    }
    code()
        .or_else(|| ctx.most_mentioned())
        .or_else(|| ctx.most_mentioned_city())
        .or_else(|| ctx.sole_county())
}

/// `coarse` narrowed to `finer` when `coarse` names no county and `finer` is a county inside it.
/// `finer` is only worked out when `coarse` could be narrowed.
fn refine(coarse: Region, finer: impl FnOnce() -> Option<Region>) -> Region {
    if coarse.county.is_some() {
        return coarse;
    }
    let Some(f) = finer() else {
        return coarse;
    };
    let agrees = |a: &Option<String>, b: &Option<String>| a.is_none() || a == b;
    let inside = coarse.county.is_none()
        && f.county.is_some()
        && (coarse.city.is_some() || coarse.province.is_some())
        && agrees(&coarse.city, &f.city)
        && agrees(&coarse.province, &f.province);
    if inside {
        f
    } else {
        coarse
    }
}

#[cfg(test)]
mod tests;
