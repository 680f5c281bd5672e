//! News of a document: an article that reports a plan being issued (某市印发《…规划》), or a
//! congress where a government work report was delivered, names the document it is about.
//! The metadata then describes that document, not the article.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::kind_of;
use super::lines::{is_org, Line};

/// Verbs an article uses for a document being issued or adopted, just before its title.
const ISSUING_VERBS: &[&str] = &[
    "印发", "出台", "发布", "公布", "出炉", "审议", "编制", "解读",
];

/// How many lines from the top an article names the document it reports in.
const REPORT_LINES: usize = 8;

/// A title cited in 《》 that names a document: it ends in a kind word (规划, 方案, 意见, …) and
/// is not a law of the state (中华人民共和国…法).
fn document_title(cited: &str) -> bool {
    cited.chars().count() >= 6 && kind_of(cited).is_some() && !cited.starts_with("中华人民共和国")
}

/// The titles cited in 《》 on a line, with the byte offset of each 《.
fn cited(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.match_indices('《').filter_map(move |(open, _)| {
        let body = &line[open + '《'.len_utf8()..];
        let close = body.find('》')?;
        Some((open, &body[..close]))
    })
}

/// The document a headline reports: the title it cites in 《》, or what follows its verb of
/// issuing (临汾市政府印发临汾市水污染防治行动计划), with the body that issued it when the
/// headline names one. A place before the verb (上海市出台养老服务设施布局专项规划) opens the
/// title when the title names no place of its own.
pub fn from_headline(headline: &str) -> Option<(String, Option<String>)> {
    // 《…规划》政策解读 is a reading of the plan, another document: the cited title counts when
    // a verb of issuing comes before it or nothing comes after it.
    let reported = cited(headline).find(|&(open, t)| {
        let after = &headline[open + '《'.len_utf8() + t.len()..];
        let issued = ISSUING_VERBS.iter().any(|v| headline[..open].contains(v));
        document_title(t) && (issued || after.trim_end_matches('》').trim().is_empty())
    });
    if let Some((_, title)) = reported {
        return Some((carried_document(title).to_owned(), None));
    }
    static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(\p{Han}{2,14}?)(?:联合)?(?:印发|出台|发布|公布|出炉|审议通过)了?([\p{Han}“"][^,,。;;!?]{5,60})$"#)
            .expect("issued regex")
    });
    let c = ISSUED.captures(headline)?;
    let (who, what) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    // 广州市发布该市“十四五”规划纲要,2025年…: a headline that goes on past the title is no
    // title.
    if kind_of(what).is_none() || what.starts_with(['该', '本']) {
        return None;
    }
    // 我省印发…: the region is named once it is known.
    if matches!(who, "我省" | "我市" | "我县" | "我区") {
        return Some((format!("{who}{what}"), None));
    }
    if is_org(who) {
        return Some((what.to_owned(), Some(who.to_owned())));
    }
    let place = who.ends_with(['省', '市', '县', '区', '州', '旗']) && who.chars().count() <= 8;
    let title = if place && place_prefix(what).is_none() {
        format!("{who}{what}")
    } else {
        what.to_owned()
    };
    Some((title, None))
}

/// Whether a title cited in the body is the headline's title written out in full: it holds
/// the headline's title after its place (上海市…专项规划 in 上海市…专项规划(2022—2035年)).
pub fn extends(cited: &str, title: &str) -> bool {
    let core = ["我省", "我市", "我县", "我区"]
        .iter()
        .find_map(|w| title.strip_prefix(w))
        .unwrap_or(&title[place_prefix(title).unwrap_or(0)..]);
    // Quotes are written either way (“十四五” and "十四五"): they are compared without.
    let bare = |s: &str| -> String { s.chars().filter(|c| !"“”\"".contains(*c)).collect() };
    let (cited, core) = (bare(cited), bare(core));
    core.chars().count() >= 6 && cited.len() > bare(title).len() && cited.contains(&core)
}

/// The document a covering notice issues: Y of 关于印发Y的通知 (an article that reports the
/// notice reports the plan it carries, as the plan's own copy is titled).
fn carried_document(title: &str) -> &str {
    static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:.*?)关于(?:印发|下发|颁发)《?(.+?)》?的通知$").expect("notice regex")
    });
    NOTICE
        .captures(title)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
        .filter(|y| document_title(y))
        .unwrap_or(title)
}

/// The end of the longest full division name a title opens with (临汾市…, 甘肃省…), if any.
fn place_prefix(title: &str) -> Option<usize> {
    let g = crate::gazetteer::gazetteer();
    title
        .char_indices()
        .skip(2)
        .take(6)
        .map(|(end, _)| end)
        .filter(|&end| g.lookup(&title[..end]).iter().any(|c| !c.short))
        .max()
}

/// The document an article's opening lines report: a title in 《》 right after a verb of
/// issuing (会议印发了《…》, 市政府出台《…》) or introduced for the rest of the article
/// (《…》(以下简称《规划》)).
pub fn from_body(head: &[Line<'_>]) -> Option<String> {
    head.iter().take(REPORT_LINES).find_map(|l| {
        cited(l.text).find_map(|(open, title)| {
            let before: String = l.text[..open].chars().rev().take(6).collect();
            let before: String = before.chars().rev().collect();
            let after = &l.text[open..];
            let introduced =
                ISSUING_VERBS.iter().any(|v| before.contains(v)) || after.contains("以下简称");
            (introduced && document_title(title)).then(|| carried_document(title).to_owned())
        })
    })
}

/// The name `title` as the opening lines cite it with its quotes, when a headline dropped them
/// (江苏省十四五…规划 over 《江苏省“十四五”…规划》): the name as the document writes it.
pub fn quoted_in_body(head: &[Line<'_>], title: &str) -> Option<String> {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
            .collect()
    };
    let wanted = bare(title);
    head.iter().take(REPORT_LINES).find_map(|l| {
        cited(l.text)
            .map(|(_, t)| t)
            .find(|t| *t != title && bare(t) == wanted)
            .map(str::to_owned)
    })
}

/// The bodies an article says issued the document it reports: 市水务局、市发改委近日联合
/// 印发了《…》 names two. Each part must read as an organisation; a bare time word or a
/// reporter's aside before them (记者昨日获悉,) is not part of the name.
pub fn issuer_in_body(head: &[Line<'_>]) -> Option<String> {
    static WHO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([^,,。;;:!?《》]{3,60}?)(?:近日|日前|近期|昨日|今天|今日|正式|联合|共同)*(?:印发|出台|发布)了?《")
            .expect("issuer regex")
    });
    head.iter().take(REPORT_LINES).find_map(|l| {
        let c = WHO.captures(l.text)?;
        let who = c.get(1)?.as_str().trim();
        let parts: Vec<&str> = who.split('、').map(str::trim).collect();
        parts.iter().all(|p| is_org(p)).then(|| parts.join("、"))
    })
}

/// The kind of document a headline reports without naming its title: 某市十四五规划出炉!
pub fn headline_kind(head: &[Line<'_>]) -> Option<&'static str> {
    static OUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Han}[^,,。;;]{1,40}?)(?:正式)?(?:出炉|发布|出台|印发|公布|获批)[!!。]?$")
            .expect("headline regex")
    });
    head.iter().take(3).find_map(|l| {
        let c = OUT.captures(l.text.trim())?;
        kind_of(c.get(1)?.as_str())
    })
}

/// Whether the opening lines say a government work report was delivered (市长作政府工作报告,
/// 向大会作《政府工作报告》) or report what one sets out (政府工作报告中明确了…).
pub fn delivers_work_report(head: &[Line<'_>]) -> bool {
    // News of what a report sets out: 今年的某市政府工作报告中,明确了…; 政府工作报告提出.
    static STATES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"政府工作报告》?(?:中|里)?[,,]?(?:明确|提出|指出|确定|部署)")
            .expect("report regex")
    });
    head.iter().take(15).any(|l| {
        let t = l.text;
        t.contains("作政府工作报告")
            || t.contains("作《政府工作报告》")
            || (t.contains("政府工作报告") && (t.contains("代表大会") || t.contains("人大")))
            || STATES.is_match(t)
    })
}

/// The government a report's speaker speaks for: 我代表上杭县人民政府 (a bare 县人民政府 names
/// none).
pub fn speaker_government(head: &[Line<'_>]) -> Option<String> {
    static SPEAKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"我代表(\p{Han}{2,12}?人民政府)").expect("speaker regex"));
    head.iter().take(30).find_map(|l| {
        let name = SPEAKER.captures(l.text)?.get(1)?.as_str();
        let bare = matches!(
            name,
            "县人民政府" | "市人民政府" | "区人民政府" | "省人民政府"
        ) || name.starts_with(['本', '全']);
        (!bare).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        super::super::lines::lines(text).collect()
    }

    #[test]
    fn a_headline_names_the_document_it_reports() {
        assert_eq!(
            from_headline("9部门联合发布《某市扬尘污染防治攻坚行动方案》"),
            Some(("某市扬尘污染防治攻坚行动方案".into(), None))
        );
        assert_eq!(
            from_headline("某某市政府印发某某市大气污染防治2019年行动计划"),
            Some((
                "某某市大气污染防治2019年行动计划".into(),
                Some("某某市政府".into())
            ))
        );
        assert_eq!(
            from_headline("南京市出台养老服务设施布局专项规划"),
            Some(("南京市养老服务设施布局专项规划".into(), None))
        );
        // A headline that goes on past the document is no title.
        assert_eq!(
            from_headline("某市发布该市十四五规划纲要到2025年GDP将过万亿"),
            None
        );
        assert_eq!(from_headline("某县召开全县教育工作会议"), None);
    }

    #[test]
    fn news_of_a_covering_notice_reports_the_plan_it_carries() {
        let head = lines("某网讯 市政府办公厅日前发布《关于印发某市安全生产“十四五”发展规划的通知》,明确了目标。\n");
        assert_eq!(
            from_body(&head).as_deref(),
            Some("某市安全生产“十四五”发展规划")
        );
        // A headline in ASCII quotes, the body citing the plan whole.
        let (t, _) = from_headline("云南印发\"十四五\"老龄事业发展规划").unwrap();
        assert!(extends("云南省“十四五”老龄事业发展规划", &t), "{t}");
    }

    #[test]
    fn a_body_citation_writes_out_the_headline_title() {
        assert!(extends(
            "南京市养老服务设施布局专项规划(2022—2035年)",
            "南京市养老服务设施布局专项规划"
        ));
        assert!(!extends(
            "南京市养老服务设施布局专项规划",
            "南京市养老服务设施布局专项规划"
        ));
        assert!(!extends(
            "某市交通运输发展规划(2021—2025年)",
            "南京市养老服务设施布局专项规划"
        ));
    }

    #[test]
    fn an_article_names_the_document_it_reports_in_its_opening() {
        let text = "日前,市政府出台《某市“十四五”卫生健康事业发展专项规划》,推动…。\n";
        assert_eq!(
            from_body(&lines(text)).as_deref(),
            Some("某市“十四五”卫生健康事业发展专项规划")
        );
        let text =
            "8月12日,《某市国民经济和社会发展第十四个五年规划纲要》(以下简称《纲要》)全文公布。\n";
        assert!(from_body(&lines(text)).is_some());
        // A document cited as the ground of another is no subject: nothing introduces it.
        let text = "为贯彻落实《某省乡村振兴促进条例》精神,结合实际,制定本方案。\n";
        assert_eq!(from_body(&lines(text)), None);
        // A law is never the reported document.
        let text = "会议审议通过了《中华人民共和国某某法实施办法》。\n";
        assert_eq!(from_body(&lines(text)), None);
    }

    #[test]
    fn congress_news_delivers_a_work_report() {
        let text = "某市第十届人民代表大会第三次会议开幕\n市长某某向大会作政府工作报告。\n";
        assert!(delivers_work_report(&lines(text)));
        assert!(!delivers_work_report(&lines("某县召开全县教育工作会议\n")));
    }

    #[test]
    fn a_speaker_names_the_government() {
        let text = "各位代表:\n现在,我代表青溪县人民政府,向大会报告政府工作。\n";
        assert_eq!(
            speaker_government(&lines(text)).as_deref(),
            Some("青溪县人民政府")
        );
        let text = "各位代表:\n现在,我代表县人民政府,向大会报告政府工作。\n";
        assert_eq!(speaker_government(&lines(text)), None);
    }
}
