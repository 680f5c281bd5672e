//! Statements of responsibility: which government bodies are responsible, lead or support.
//!
//! Two kinds of statement give records (one record per statement, with every body it names):
//!
//! 1. Explicit lists, labelled 责任部门 / 责任单位 / 牵头单位 / 配合单位 / 协办单位 …
//!    (`(牵头单位:县教育局;配合单位:县财政局、县人社局)`), in running text or in a table column
//!    of that name. The label gives the role.
//! 2. Bodies in a grammatical position of responsibility, recognised by
//!    [`super::departments::find`]:
//!    - the subject of a clause (`区委区政府每半年至少听取…`, `教育工委定期研究…`), also after a
//!      pivot verb (`协调X各部门齐心协力支持…`);
//!    - the agent of 由 (`由县教体局主管的…`, `建立由政府牵头、相关部门参与的…`);
//!    - a body directly followed by 牵头 / 负责 / 主管 / 配合 / 参与 / 协助
//!      (`…领导小组,负责统筹推进…`);
//!    - the owner of a duty (`落实各级政府教育支出责任`, `落实党委领导…的责任`);
//!    - the host of an office (`办公室设在县教育和体育局`).
//!
//! Roles: 牵头 → `lead`; 配合, 参与, 协助, 支持 → `support`; otherwise `responsible`.
//! Persons (县委副书记, 县政府主要领导) are never departments; vague references (相关部门,
//! 有关单位) are not names; statements of past work (`“十三五”期间,区委区政府坚持…`) and
//! addressee lines ending in `:` are not responsibilities.
//! Abbreviations get a canonical name from [`Abbreviations`]; a bare 政府 gets the document's
//! level (区政府 in a district's plan).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::departments::{self, Abbreviations, Mention};
use super::Context;
use crate::records::{Department, Responsibility, Role};
use crate::structure::Structure;

/// Extracts every statement of responsibility of the document.
pub fn extract(ctx: &Context<'_>) -> Vec<Responsibility> {
    let abbreviations = Abbreviations::from_text(ctx.text);
    let mut out = Vec::new();
    let mut lists = explicit_lists(ctx.text);
    let unlabelled: Vec<ExplicitList> = role_noted_lists(ctx.text, &abbreviations)
        .into_iter()
        .filter(|u| {
            !lists
                .iter()
                .any(|l| l.span.start < u.span.end && u.span.start < l.span.end)
        })
        .collect();
    lists.extend(unlabelled);
    lists.extend(column_lists(ctx, &abbreviations));
    lists.extend(spaced_rows(ctx, &abbreviations));
    lists.extend(body_headings(ctx));
    lists.sort_by_key(|l| l.span.start);
    for list in &lists {
        push(
            ctx,
            &mut out,
            list.span.clone(),
            list.departments(&abbreviations),
        );
    }
    for table in &ctx.structure.tables {
        let columns: Vec<(usize, Role)> = table
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| label_role(&c.header).map(|r| (i, r)))
            .collect();
        for row in &table.rows {
            // A table copied one cell per line is read by `column_lists`, which shares a
            // row's bodies out to its columns; its rows here would count them twice.
            if !ctx
                .text
                .get(row.span.clone())
                .is_some_and(|r| r.contains('|'))
            {
                continue;
            }
            let mut found = Vec::new();
            for &(i, role) in &columns {
                if let Some(cell) = row.cells.get(i) {
                    // Cells often part their bodies with spaces only (安监站 安监所).
                    let spaced = cell.split_whitespace().count() >= 2
                        && cell
                            .split_whitespace()
                            .all(|p| names_only_bodies(p) || body_word(p));
                    let cell = if spaced {
                        cell.split_whitespace().collect::<Vec<_>>().join("、")
                    } else {
                        cell.to_string()
                    };
                    found.extend(list_items(&cell, role, &abbreviations));
                }
            }
            push(ctx, &mut out, row.span.clone(), found);
        }
    }
    // Lists and sentences are both in text order: one pass skips sentences inside a list.
    let mut next_list = 0;
    let mut review_titles = vec![None; ctx.structure.headings.len()];
    for sentence in &ctx.structure.sentences {
        let span = sentence.span.clone();
        while next_list < lists.len() && lists[next_list].span.end <= span.start {
            next_list += 1;
        }
        if lists[next_list..]
            .iter()
            .take_while(|l| l.span.start < span.end)
            .any(|l| span.start < l.span.end)
        {
            continue;
        }
        let Some(text) = ctx.text.get(span.clone()) else {
            continue;
        };
        // A review of past work (一、“十三五”教育事业发展情况) states what bodies did, not duties.
        if in_review_section_memo(ctx.structure, span.start, &mut review_titles) {
            continue;
        }
        let found = in_sentence(text, &abbreviations);
        push(ctx, &mut out, span, found);
    }
    name_bare_governments(ctx, &mut out);
    out
}

/// True when `pos` lies under a heading that reviews past work (“十三五”发展情况, 主要成就,
/// 工作回顾, 发展基础).
#[cfg(test)]
fn in_review_section(structure: &Structure, pos: usize) -> bool {
    in_review_section_memo(structure, pos, &mut vec![None; structure.headings.len()])
}

/// [`in_review_section`] with each heading's title test kept in `memo` (one slot per
/// heading): every sentence walks its heading chain, and the same titles would otherwise be
/// matched again for each sentence under them.
fn in_review_section_memo(structure: &Structure, pos: usize, memo: &mut [Option<bool>]) -> bool {
    let hs = &structure.headings;
    // The innermost heading holding `pos`, as `Structure::heading_at` finds it.
    let after = hs.partition_point(|h| h.scope.start <= pos);
    let mut heading = hs[..after].iter().rposition(|h| pos < h.scope.end);
    let mut depth = 0;
    while let Some(i) = heading {
        let Some(h) = hs.get(i) else { break };
        let review = match memo.get(i).copied().flatten() {
            Some(r) => r,
            None => {
                let r = REVIEW_TITLE.is_match(&h.title);
                if let Some(slot) = memo.get_mut(i) {
                    *slot = Some(r);
                }
                r
            }
        };
        if review {
            return true;
        }
        depth += 1;
        if depth > 8 {
            break;
        }
        heading = h.parent.filter(|&p| p < hs.len());
    }
    false
}

static REVIEW_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"十[一二三]五|回顾|成就|成效|取得的成绩|发展基础|发展现状|基本情况|发展情况|工作总结",
    )
    .expect("review title regex")
});

/// The departments a sentence of running text states as responsible.
pub fn in_sentence(text: &str, abbreviations: &Abbreviations) -> Vec<Department> {
    // Table rows, addressee lines, history, the document's preamble, a page's byline
    // (信息来源:…) and press events (新闻发布会) assign nothing.
    if text.contains('|') || text.trim_end().ends_with(':') {
        return Vec::new();
    }
    let mentions: Vec<Mention> = departments::find(text)
        .into_iter()
        .filter(|m| !m.person && !quoted(&text[..m.range.start]))
        .collect();
    // Most sentences name no body: the tests below are only worth running for those that do.
    if mentions.is_empty()
        || HISTORY.is_match(text)
        || super::clause::about_itself(text)
        || ["来源:", "发布时间", "新闻发布会", "新闻办公室"]
            .iter()
            .any(|w| text.contains(w))
    {
        return Vec::new();
    }
    let mut out: Vec<Department> = Vec::new();
    let mut k = 0;
    while k < mentions.len() {
        // A group: bodies joined by 、/和/与/及 or written back to back (区委区政府).
        let mut last = k;
        while last + 1 < mentions.len() {
            let gap = &text[mentions[last].range.end..mentions[last + 1].range.start];
            if matches!(gap, "" | "、" | "和" | "与" | "及" | "以及") {
                last += 1;
            } else {
                break;
            }
        }
        let group = &mentions[k..=last];
        let before = &text[..group[0].range.start];
        let after = &text[group[last - k].range.end..];
        // 县教育局等部门负责: the list closes with 等部门.
        let after = ["等部门", "等单位", "等"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        if let Some(role) = role_of(before, after) {
            for m in group {
                let name = m.name.clone();
                if out.iter().any(|d| d.name == name) {
                    continue;
                }
                out.push(Department {
                    canonical: abbreviations.canonical(&name).filter(|c| *c != name),
                    name,
                    role,
                });
            }
        }
        k = last + 1;
    }
    out
}

/// The role of a group of bodies given the text around it, `None` when the position is not one
/// of responsibility.
fn role_of(before: &str, after: &str) -> Option<Role> {
    let after_verb = role_verb(after);
    // A body that only drafts, issues or approves a document is not responsible for its
    // work (由市民政局会同…联合编制, 经市政府批复).
    if DRAFTING.is_match(clause_of(after)) {
        return None;
    }
    // The body authorised or entrusted acts: 由市政府授权市市场监管局公布.
    if before.ends_with("授权") || before.ends_with("委托") {
        return Some(after_verb.unwrap_or(Role::Responsible));
    }
    // The agent of 由: 由县教体局主管, 由政府牵头.
    if before.ends_with('由') {
        if ["组成", "任", "担任", "构成", "授权", "委托"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            return None;
        }
        return Some(after_verb.unwrap_or(Role::Responsible));
    }
    // A role verb right after the body: X牵头, X配合, X负责 (also after a comma).
    // Also after a comma, a colon (县教育局:负责…) or inside a note (县教育局(牵头)).
    let after_comma = after.strip_prefix([',', ':', '(']).unwrap_or(after);
    if let Some(role) = role_verb(after_comma) {
        return Some(role);
    }
    // Partners named after 会同/联合 share the work of the clause's subject.
    // News of bodies (X联合Y召开通气会) is no duty of either.
    if NEWS_EVENT.is_match(clause_of(after)) {
        return None;
    }
    if ["会同", "联合", "协同"].iter().any(|w| before.ends_with(w)) && !at_clause_start(before)
    {
        return Some(Role::Support);
    }
    // The host of an office, the owner of a duty.
    if before.ends_with("设在") {
        return Some(Role::Responsible);
    }
    // A duty shared with non-bodies (强化政府、社会、个人健康责任) is a principle, not an
    // assignment.
    if after_duty_verb(before) && !after.starts_with('、') {
        let clause = clause_of(after);
        if clause.contains("责任") || clause.contains("职责") {
            return Some(Role::Responsible);
        }
    }
    // The subject of a clause, possibly after a pivot verb (协调X支持…).
    if at_clause_start(before) {
        let first = after.chars().next()?;
        // Time adverbs (近日, 正式) stand between a body and what it did: 近日印发 is 印发.
        let mut predicate = after;
        while let Some(w) = TIME_ADVERBS.iter().find(|w| predicate.starts_with(*w)) {
            predicate = &predicate[w.len()..];
        }
        let is_verb_start = ('\u{4e00}'..='\u{9fff}').contains(&first)
            && !"的之是和等与及、为".contains(first)
            && !NOT_ACTIONS.iter().any(|w| predicate.starts_with(w))
            // 县政府领导将…: the body's leaders, persons, act (领导小组 is a body).
            && (!predicate.starts_with("领导") || predicate.starts_with("领导小组"))
            // A body then a two-char verb then 情况 is a noun phrase (政府保障情况).
            && predicate.get(6..12) != Some("情况")
            // A body then a two-char word then 的 is a modifier (政府工作的总体要求).
            && predicate.get(6..9) != Some("的")
            && !names_official(predicate);
        // A body that says what it will do: 市交通运输局表示,今年将建成….
        if let Some(said) = predicate.strip_prefix("表示,") {
            if announces_plan(said) {
                return Some(Role::Responsible);
            }
        }
        // A predicate of a few chars at least: a bare name line is a signature or a header.
        if !is_verb_start
            || clause_of(after).chars().count() < 3
            || super::clause::reports_past(clause_of(after))
        {
            return None;
        }
        let head: String = after.chars().take(8).collect();
        let role = if head.contains("牵头") {
            Role::Lead
        } else if ["配合", "协助", "参与", "支持"]
            .iter()
            .any(|w| head.contains(w))
        {
            Role::Support
        } else {
            Role::Responsible
        };
        return Some(role);
    }
    None
}

/// True when reported speech opens on what the speaker will do: (今年|下一步…)(还)将/要/计划.
fn announces_plan(said: &str) -> bool {
    let mut rest = said;
    if let Some(w) = ["今年", "明年", "下一步", "年内", "全年", "下半年"]
        .iter()
        .find(|w| rest.starts_with(*w))
    {
        rest = &rest[w.len()..];
    }
    let rest = rest.trim_start_matches([',', '还', '也', '仍']);
    ["将", "要", "计划", "力争"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The role a verb at the start of `text` gives its subject.
fn role_verb(text: &str) -> Option<Role> {
    if text.starts_with("负责人") || text.starts_with("负责同志") {
        return None;
    }
    if text.starts_with("牵头") {
        Some(Role::Lead)
    } else if ["配合", "协助", "协作", "参与", "协办"]
        .iter()
        .any(|w| text.starts_with(w))
    {
        Some(Role::Support)
    } else if ["负责", "主管", "主抓", "统筹", "主责"]
        .iter()
        .any(|w| text.starts_with(w))
    {
        Some(Role::Responsible)
    } else {
        None
    }
}

fn clause_of(text: &str) -> &str {
    let end = text
        .find([',', ';', '。', ':', '!', '?'])
        .unwrap_or(text.len());
    &text[..end]
}

/// True when `before` leaves a `《` or `“` open: the name is part of a title or a quote.
fn quoted(before: &str) -> bool {
    let open = |o: char, c: char| match (before.rfind(o), before.rfind(c)) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    };
    open('《', '》') || open('“', '”')
}

/// Verbs after a subject that describe structure, not a duty (领导小组下设办公室).
/// Also nouns that a body name only modifies (政府信息公开, 县政府工作报告) and reported honours
/// (荣获, 被评为), which are achievements, not duties.
const NOT_ACTIONS: &[&str] = &[
    "关于",
    "下设",
    "设",
    "组成",
    "成立于",
    "印发",
    "同意",
    "主要",
    "所属",
    "名义",
    "信息",
    "网站",
    "门户",
    "工作报告",
    "重点工作",
    "工作要点",
    "文件",
    "公报",
    "采购",
    "购买",
    "投入",
    "债务",
    "职能",
    "机构",
    "荣获",
    "获得",
    "获评",
    "获",
    "被",
    "评为",
    "入选",
    "新闻办",
    "举行",
    "介绍",
    "出席",
    "发布会",
    "拟定",
    "拟订",
    "转发",
    // News of a body: what it issued, held or heeds, and the address lines of a notice
    // (省政府各厅委).
    "发布",
    "召开",
    "举办",
    "高度重视",
    "官网",
    "各",
    // A body's work as a noun (2023年政府工作总体要求), and what a body states rather than
    // does (省委、省政府明确…仍然是主战场).
    "工作",
    "明确",
];

/// Titles of officials: a body followed by one (省水利厅规划处处长…介绍) names a person who
/// speaks, not the body's duty.
const OFFICIALS: &[&str] = &[
    "处长",
    "局长",
    "厅长",
    "主任",
    "书记",
    "巡视员",
    "发言人",
    "负责同志",
];

/// Drafting, issuing or approving a document (联合编制, 起草, 印发, 批复, 会议研究通过), not
/// 核定编制 (staff).
static DRAFTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:联合|牵头|组织|负责)编制|编制(?:了)?(?:本|该|《|规划|方案|计划)|起草|印发|批复|(?:审议|研究|会议)(?:通过|同意)|作如下分工|分工如下")
        .expect("drafting regex")
});

/// Events that make a clause news: a body holds a press event. (A meeting alone may be a
/// duty: 会同县医保局召开专题会议.)
static NEWS_EVENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"发布会|通气会|见面会|新闻|记者").expect("news event regex"));

/// Adverbs of time or manner between a subject and its verb (近日印发, 正式印发).
const TIME_ADVERBS: &[&str] = &["近日", "日前", "近期", "正式", "联合", "先后", "再次", "于"];

/// True when a body right after `before` starts a clause: at the sentence start, after
/// punctuation, an enumerator (1. / 一是) or a connective (同时, 要), possibly followed by a
/// pivot verb (协调, 督促, 要求…). Looks only at the end of `before`, so it stays linear.
fn at_clause_start(before: &str) -> bool {
    let strip = |b: &'static [&'static str], text: &str| -> usize {
        b.iter().find(|w| text.ends_with(*w)).map_or(0, |w| w.len())
    };
    let mut b = before.trim_end();
    b = &b[..b.len() - strip(PIVOTS, b)];
    b = b.trim_end();
    b = &b[..b.len() - strip(CONNECTIVES, b)];
    b = b.trim_end();
    // A year heading the clause (2024年县教育局将…).
    for suffix in ["年度", "年"] {
        if let Some(head) = b.strip_suffix(suffix) {
            let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 4 {
                b = head[..head.len() - 4].trim_end();
                break;
            }
        }
    }
    if b.is_empty() || b.ends_with([',', ';', ':', '。', '!', '?', '(', ')']) {
        return true;
    }
    // 一是 / 二是, and a bare enumerator opening the sentence (1. / 2、).
    let mut tail = b.chars().rev();
    if tail.next() == Some('是')
        && tail
            .next()
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
    {
        return true;
    }
    let head = b.trim_end_matches(['.', '、']);
    head.len() < b.len() && !head.is_empty() && head.chars().all(|c| c.is_ascii_digit())
}

/// True when an official's title comes within the first words of `predicate`, before any
/// punctuation.
fn names_official(predicate: &str) -> bool {
    let head: String = predicate
        .chars()
        .take(12)
        .take_while(|c| !matches!(c, ',' | '。' | ';' | ':' | '“'))
        .collect();
    OFFICIALS.iter().any(|t| head.contains(t))
}

const PIVOTS: &[&str] = &[
    "协调", "督促", "要求", "推动", "组织", "指导", "动员", "支持", "鼓励",
];
const CONNECTIVES: &[&str] = &[
    "同时",
    "其中",
    "并",
    "要",
    "应",
    "由此",
    "此外",
    "下一步",
    "今年",
    "明年",
];

/// A duty verb right before a body: 落实各级政府…责任.
fn after_duty_verb(before: &str) -> bool {
    let b = before.strip_suffix('好').unwrap_or(before);
    ["落实", "压实", "明确", "履行", "夯实", "强化"]
        .iter()
        .any(|w| b.ends_with(w))
}

/// Sentences that report past work.
static HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"十[一二三]五”?(?:期间|以来|时期)|以来|近年来|近[一二三四五六七八九十两0-9]+年来|去年|过去")
        .expect("history regex")
});

/// A labelled list such as `(责任部门:县教育和体育局、县财政局)`.
#[derive(Debug, Clone)]
struct ExplicitList {
    /// Byte span of the statement (with its parentheses).
    span: Range<usize>,
    /// The labelled parts: (role, byte range of the items).
    parts: Vec<(Role, Range<usize>)>,
    /// The items text of each part (`县教育局、县财政局`).
    items: Vec<String>,
    /// Bodies already read (a list whose roles come after its items).
    found: Vec<Department>,
}

impl ExplicitList {
    fn departments(&self, abbreviations: &Abbreviations) -> Vec<Department> {
        let mut out = self.found.clone();
        for ((role, _), items) in self.parts.iter().zip(&self.items) {
            out.extend(list_items(items, *role, abbreviations));
        }
        out
    }
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:主要)?(?:协同责任|共同责任|配合责任|牵头责任|责任|牵头|配合|协作|协办|参与|协助|协同|主办|承办|主责|实施)(?:部门|单位|科室|股室|处室)|责任主体|牵头部门",
    )
    .expect("label regex")
});

/// The role a list label (or a table column header) gives.
fn label_role(label: &str) -> Option<Role> {
    if !LABEL.is_match(label) {
        return None;
    }
    Some(if label.contains("牵头") || label.contains("主办") {
        Role::Lead
    } else if ["配合", "协办", "协作", "参与", "协助", "协同", "共同"]
        .iter()
        .any(|w| label.contains(w))
    {
        Role::Support
    } else {
        Role::Responsible
    })
}

/// Finds the labelled lists of the whole text, one statement per parenthesis or line.
fn explicit_lists(text: &str) -> Vec<ExplicitList> {
    let mut out: Vec<ExplicitList> = Vec::new();
    // Only a label with its colon opens a list (and ends the one before it): 责任单位 inside
    // a name (各有关县级责任单位) is part of the name.
    let labels: Vec<regex::Match<'_>> = LABEL
        .find_iter(text)
        .filter(|m| text[m.end()..].starts_with([':', '：']))
        .collect();
    for (n, m) in labels.iter().enumerate() {
        let next_label = labels.get(n + 1).map_or(text.len(), |l| l.start());
        let after = &text[m.end()..];
        let colon = after.chars().next();
        if !matches!(colon, Some(':' | '：')) {
            continue;
        }
        let Some(role) = label_role(m.as_str()) else {
            continue;
        };
        let items_start = m.end() + colon.map_or(0, char::len_utf8);
        let before = text[..m.start()].trim_end_matches([' ', '\t']);
        // The label opens a parenthesis, or joins a list that does (…;配合单位:…).
        let opens = before.ends_with('(')
            || out.last().is_some_and(|p: &ExplicitList| {
                text.get(p.span.start..p.span.start + 1) == Some("(")
                    && p.span.end >= m.start().saturating_sub(3)
            });
        // The list runs to the closing parenthesis, the end of the sentence or the next label.
        let mut depth = 0usize;
        let mut items_end = text.len();
        let mut close_end = None;
        for (i, c) in text[items_start..].char_indices() {
            let at = items_start + i;
            match c {
                '(' => depth += 1,
                ')' if depth > 0 => depth -= 1,
                ')' => {
                    items_end = at;
                    close_end = Some(at + 1);
                    break;
                }
                // A list broken over two lines goes on: inside its parentheses, or after a
                // line that ends on a separator (县公安局、\n县住建局).
                '\n' if (opens || text[items_start..at].trim_end().ends_with(['、', ',']))
                    && at - items_start < 400 => {}
                '。' | '\n' | ';' => {
                    items_end = at;
                    break;
                }
                _ => {}
            }
            if at >= next_label {
                items_end = at;
                break;
            }
        }
        // A label right after another list's end (牵头单位:…;配合单位:…) joins its statement.
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.parts.last().map_or(prev.span.end, |p| p.1.end)..m.start());
            if gap.is_some_and(|g| g.chars().all(|c| matches!(c, ';' | ',' | ' ' | '、'))) {
                prev.parts.push((role, items_start..items_end));
                prev.items.push(text[items_start..items_end].to_owned());
                prev.span.end = close_end.unwrap_or(items_end).max(prev.span.end);
                continue;
            }
        }
        let start = if before.ends_with('(') {
            before.len() - 1
        } else {
            m.start()
        };
        out.push(ExplicitList {
            span: start..close_end.unwrap_or(items_end),
            parts: vec![(role, items_start..items_end)],
            items: vec![text[items_start..items_end].to_owned()],
            found: Vec::new(),
        });
    }
    out
}

/// The bodies of a task table copied from a web page one cell per line: header lines that are
/// a label alone (责任单位, 牵头单位 / 配合单位) give their roles to the lines below them that
/// name nothing but bodies (县水务局 / 县住建局), up to the next heading.
///
/// A row's bodies come as one run of such lines, one or more per column. With several body
/// columns the run is shared out from the right, one line per later column, the rest to the
/// first: the last cells are the later columns'. A column of assessors (评分部门, 考核单位)
/// takes its cell and assigns nothing.
fn column_lists(ctx: &Context<'_>, abbreviations: &Abbreviations) -> Vec<ExplicitList> {
    let text = ctx.text;
    let mut out = Vec::new();
    // The body columns of the current header, in order; `None` for an assessors' column.
    let mut columns: Vec<Option<Role>> = Vec::new();
    let mut header_done = false;
    let mut run: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        // A star or triangle marks a key task's body in some tables (★区发改委).
        let cell = line.trim().trim_start_matches(['★', '☆', '▲', '△']);
        if cell.is_empty() {
            continue;
        }
        if !columns.is_empty()
            && ctx
                .structure
                .heading_at(start)
                .is_some_and(|h| h.span.start >= start)
        {
            share_run(text, &columns, &mut run, abbreviations, &mut out);
            columns.clear();
        }
        // A header cell is a label alone, a few chars: longer lines need no regex.
        if cell.len() <= 6 * 3 {
            if let Some(column) = header_column(cell) {
                share_run(text, &columns, &mut run, abbreviations, &mut out);
                if header_done {
                    columns.clear();
                    header_done = false;
                }
                columns.push(column);
                continue;
            }
        }
        if columns.is_empty() {
            continue;
        }
        let bodies = names_only_bodies(cell)
            || split_items(cell)
                .iter()
                .all(|item| body_word(item.trim()) || names_only_bodies(item.trim()));
        if !bodies {
            share_run(text, &columns, &mut run, abbreviations, &mut out);
            continue;
        }
        header_done = true;
        let offset = start + (line.trim_end().len() - cell.len());
        run.push(offset..offset + cell.len());
    }
    share_run(text, &columns, &mut run, abbreviations, &mut out);
    out
}

/// The bodies of a task table whose rows are lines of cells parted by spaces, under a header
/// line of the same shape (`序号 类别 主要任务 牵头单位 参与单位 责任单位`). Text cells may hold
/// spaces of their own, so the body columns are read from the right: each takes the cell at
/// its distance from the header's end. A row whose cells there are not bodies is skipped
/// rather than misread.
fn spaced_rows(ctx: &Context<'_>, abbreviations: &Abbreviations) -> Vec<ExplicitList> {
    let text = ctx.text;
    let mut out = Vec::new();
    // (distance from the row's end, role) of each body column of the current header.
    let mut columns: Vec<(usize, Option<Role>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        // Pipe tables are the table reader's (see the table loop of `extract`).
        // Running text has no spaces inside its lines: only spaced lines are headers or rows.
        if line.contains('|') || !line.trim().contains(char::is_whitespace) {
            continue;
        }
        let cells = spaced_cells(line);
        if cells.len() >= 3 && cells.len() <= 16 {
            let header: Vec<(usize, Option<Role>)> = cells
                .iter()
                .enumerate()
                .filter_map(|(i, (_, c))| header_column(c).map(|role| (cells.len() - i, role)))
                .collect();
            if header.iter().any(|(_, r)| r.is_some()) {
                columns = header;
                continue;
            }
        }
        if columns.is_empty() {
            continue;
        }
        if ctx
            .structure
            .heading_at(start)
            .is_some_and(|h| h.span.start >= start)
        {
            columns.clear();
            continue;
        }
        let widest = columns.iter().map(|c| c.0).max().unwrap_or(0);
        if cells.len() <= widest {
            continue;
        }
        let picked: Vec<(Option<Role>, usize, &str)> = columns
            .iter()
            .map(|&(d, role)| {
                let (offset, cell) = cells[cells.len() - d];
                (role, offset, cell)
            })
            .collect();
        let all_bodies = picked.iter().all(|(_, _, cell)| {
            split_items(cell).first().is_some_and(|first| {
                let first = first
                    .trim()
                    .trim_end_matches("等部门")
                    .trim_end_matches('等');
                body_word(first) || names_only_bodies(first)
            })
        });
        if !all_bodies {
            continue;
        }
        for (role, offset, cell) in picked {
            let Some(role) = role else { continue };
            let span = start + offset..start + offset + cell.len();
            let list = ExplicitList {
                span: span.clone(),
                parts: vec![(role, span)],
                items: vec![cell.to_owned()],
                found: Vec::new(),
            };
            if !list.departments(abbreviations).is_empty() {
                out.push(list);
            }
        }
    }
    out
}

/// The cells of a line parted by white space, with their byte offsets.
fn spaced_cells(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), from) {
            (true, Some(f)) => {
                out.push((f, &line[f..i]));
                from = None;
            }
            (false, None) => from = Some(i),
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, &line[f..]));
    }
    out
}

/// The column a task table's header cell opens, if it is one of bodies: `Some(role)` for a
/// responsibility label (责任单位), `None` inside for an assessors' column (评分部门).
fn header_column(cell: &str) -> Option<Option<Role>> {
    let whole = |re: &Regex| re.find(cell).is_some_and(|m| m.range() == (0..cell.len()));
    if whole(&LABEL) {
        Some(label_role(cell))
    } else if whole(&ASSESSORS) {
        Some(None)
    } else {
        None
    }
}

/// Headers of columns that name the bodies who assess or supervise a task, not who does it.
static ASSESSORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:评分|考核|考评|评价|督办|督查|监督|审核)(?:部门|单位|科室)")
        .expect("assessors regex")
});

/// Shares a row's run of body cells out to the header's body columns (see [`column_lists`])
/// and empties the run.
fn share_run(
    text: &str,
    columns: &[Option<Role>],
    run: &mut Vec<Range<usize>>,
    abbreviations: &Abbreviations,
    out: &mut Vec<ExplicitList>,
) {
    let len = run.len();
    let first = (len + 1).saturating_sub(columns.len());
    for (k, span) in run.drain(..).enumerate() {
        let column = if len <= columns.len() {
            k
        } else if k < first {
            0
        } else {
            k - first + 1
        };
        let Some(Some(role)) = columns.get(column) else {
            continue;
        };
        let list = ExplicitList {
            span: span.clone(),
            parts: vec![(*role, span.clone())],
            items: vec![text[span].to_owned()],
            found: Vec::new(),
        };
        if !list.departments(abbreviations).is_empty() {
            out.push(list);
        }
    }
}

/// Headings that are nothing but the names of bodies (`1、区住建局。` followed by its duties),
/// the way a breakdown by department lists what each must do: the bodies are responsible for
/// the item.
fn body_headings(ctx: &Context<'_>) -> Vec<ExplicitList> {
    let mut out = Vec::new();
    use crate::structure::HeadingKind;
    for heading in &ctx.structure.headings {
        // An annex or a box titled with a body (附件:…工作领导小组) lists members, not duties.
        if matches!(heading.kind, HeadingKind::Annex | HeadingKind::Box) {
            continue;
        }
        let title = heading.title.trim().trim_end_matches(['。', ':', ';']);
        if title.is_empty() || title.chars().count() > 40 {
            continue;
        }
        let whole_names = split_items(title).into_iter().all(|item| {
            let item = item.trim();
            departments::find(item)
                .iter()
                .any(|m| m.range == (0..item.len()) && !m.person)
        });
        if !whole_names {
            continue;
        }
        let span = heading.title_span.clone();
        out.push(ExplicitList {
            span: span.clone(),
            parts: vec![(Role::Responsible, span)],
            items: vec![title.to_owned()],
            found: Vec::new(),
        });
    }
    out
}

/// A short word shaped as a body's name (安监站, 交警中队, 县教育局): name chars ending with
/// a unit's suffix.
fn body_word(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "局", "委", "办", "站", "所", "院", "队", "中心", "政府", "公司", "室", "厅", "处", "部",
        "会", "馆", "校", "股",
    ];
    (2..=12).contains(&w.chars().count())
        && w.chars().all(departments::is_name_char)
        && SUFFIXES.iter().any(|x| w.ends_with(x))
}

/// True for a short line that is nothing but names of bodies (县水务局、县住建局).
fn names_only_bodies(line: &str) -> bool {
    if line.chars().count() > 40 || line.contains(['。', ':', ';']) {
        return false;
    }
    split_items(line).into_iter().all(|item| {
        let item = item.trim();
        let mentions = departments::find(item);
        let covered: usize = mentions.iter().map(|m| m.range.len()).sum();
        !item.is_empty() && !mentions.iter().any(|m| m.person) && covered * 4 >= item.len() * 3
    })
}

/// Role phrases that close an unlabelled list in parentheses, with the role they give.
const TRAILING_ROLES: &[(&str, Role)] = &[
    ("按照职责分工负责", Role::Responsible),
    ("按职责分工负责", Role::Responsible),
    ("按职责分工落实", Role::Responsible),
    ("按各自职责负责", Role::Responsible),
    ("按职责负责", Role::Responsible),
    ("分工负责", Role::Responsible),
    ("牵头负责", Role::Lead),
    ("负责落实", Role::Responsible),
    ("落实", Role::Responsible),
    ("共同负责", Role::Responsible),
    ("负责", Role::Responsible),
    ("牵头", Role::Lead),
    ("配合", Role::Support),
    ("参与", Role::Support),
    ("协助", Role::Support),
];

/// Lists in parentheses without a label whose role comes last: `(县应急管理局、县教育体育局,
/// 各乡(镇)按职责分工负责)`, `(县交通运输局牵头,县公安局配合)`, maybe broken over lines. Every
/// item must read as a body; a group of items without a role phrase takes the next group's.
/// A list with no role phrase at all that closes its item (`1.地区生产总值增长7%以上。
/// (市发展改革委,各县〔市、区〕政府)`, the way task breakdowns assign each line) names the
/// bodies responsible.
fn role_noted_lists(text: &str, abbreviations: &Abbreviations) -> Vec<ExplicitList> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(rel) = text[search..].find(')') {
        let close = search + rel;
        search = close + 1;
        let inner_end = close;
        // The matching parenthesis, over one level of nesting (各乡(镇)) and line breaks.
        let mut depth = 0usize;
        let mut open = None;
        for (i, c) in text[..inner_end].char_indices().rev() {
            if inner_end - i > 400 {
                break;
            }
            match c {
                ')' => depth += 1,
                '(' if depth > 0 => depth -= 1,
                '(' => {
                    open = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        // A note after the list (…负责落实。以下均需…不再列出) is no part of it.
        let inner = text[open + 1..inner_end]
            .split('。')
            .next()
            .unwrap_or("")
            .trim_end_matches(['。', ';', ' ']);
        let closes_item = text[close + 1..]
            .chars()
            .find(|c| *c != ' ' && *c != '。')
            .is_none_or(|c| c == '\n');
        let role = match TRAILING_ROLES.iter().find(|(w, _)| inner.ends_with(w)) {
            Some((_, role)) => role,
            None if closes_item && !inner.contains(':') => &Role::Responsible,
            None => continue,
        };
        let mut groups: Vec<(&str, Role)> = Vec::new();
        for g in inner.split([',', ';']) {
            let g = g.trim();
            let found = TRAILING_ROLES.iter().find(|(w, _)| g.ends_with(w));
            match found {
                Some((w, r)) => groups.push((&g[..g.len() - w.len()], *r)),
                None => groups.push((g, *role)),
            }
        }
        // A group without its own phrase takes the role of the next that has one.
        let mut next_role = *role;
        for k in (0..groups.len()).rev() {
            let has_own = TRAILING_ROLES.iter().any(|(w, _)| {
                inner
                    .split([',', ';'])
                    .nth(k)
                    .is_some_and(|g| g.trim().ends_with(w))
            });
            if has_own {
                next_role = groups[k].1;
            } else {
                groups[k].1 = next_role;
            }
        }
        let mut departments = Vec::new();
        let mut all_bodies = true;
        for (items, r) in &groups {
            for item in split_items(items) {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                let bodies = list_items(item, *r, abbreviations);
                // A body by its shape, or by its level prefix (县消防救援大队) in a short name.
                let prefixed = item.starts_with(['县', '市', '区', '省', '州', '镇', '乡', '各'])
                    && item.chars().count() <= 20
                    && item
                        .chars()
                        .all(|c| departments::is_name_char(c) || "()、".contains(c));
                let whole = bodies.len() == 1
                    && (departments::find(item).iter().any(|m| !m.person) || prefixed)
                    || item.ends_with("有关部门")
                    || item.ends_with("有关单位")
                    || duty_group(item);
                if !whole {
                    all_bodies = false;
                    break;
                }
                departments.extend(bodies);
            }
        }
        if all_bodies && !departments.is_empty() {
            out.push(ExplicitList {
                span: open..close + 1,
                parts: vec![],
                items: vec![],
                found: departments,
            });
        }
    }
    out
}

/// The bodies of one labelled list (`县教育和体育局、县财政局,各镇人民政府`).
fn list_items(items: &str, role: Role, abbreviations: &Abbreviations) -> Vec<Department> {
    let mut out: Vec<Department> = Vec::new();
    // Another label (完成时限:年底前) ends the list of bodies.
    let items = match items.find(':') {
        Some(colon) => &items[..items[..colon].rfind([',', ';', '、']).unwrap_or(0)],
        None => items,
    };
    let (items, first_leads) = without_notes(items);
    for (k, item) in split_items(&items).into_iter().enumerate() {
        // A role note on the item (市机关事务管理局(牵头)), or the list's rule that its first
        // body leads (排名第一的单位牵头).
        let (item, role) = match item.strip_suffix("(牵头)") {
            Some(i) => (i, Role::Lead),
            None => match item.strip_suffix("(配合)") {
                Some(i) => (i, Role::Support),
                None if first_leads && k == 0 => (item, Role::Lead),
                None => (item, role),
            },
        };
        let item = item
            .trim()
            .trim_end_matches("等部门")
            .trim_end_matches("等单位");
        let item = item.trim_end_matches('等').trim();
        // (A page's empty record field, 公开责任部门: | ||, names no one.)
        if !item.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            || item.chars().count() > 40
            || VAGUE.contains(&item)
        {
            continue;
        }
        // Level alternatives in tortoise-shell brackets (各乡〔镇〕人民政府) read as in
        // parentheses; the name keeps them as written.
        let probe = item.replace('〔', "(").replace('〕', ")");
        let mentions = departments::find(&probe);
        let covered: usize = mentions.iter().map(|m| m.range.len()).sum();
        let one_name = matches!(mentions.as_slice(), [m] if m.range == (0..probe.len()));
        let names: Vec<String> = if one_name || names_whole(&probe, &mentions) {
            // The label says the item is a body: a name the grammar reads only in part
            // (区域教育中心 of 区域教育中心建设专班, 人民政府 of 各乡(镇)人民政府) is the whole item.
            vec![item.to_owned()]
        } else if !mentions.is_empty() && covered * 2 >= item.len() {
            // 县教育局和县财政局: each body; 县教育局局长: a person, dropped.
            mentions
                .into_iter()
                .filter(|m| !m.person)
                .map(|m| m.name)
                .collect()
        } else if item.chars().count() <= 20 && item.chars().all(|c| !c.is_ascii_digit()) {
            vec![item.to_owned()]
        } else {
            Vec::new()
        };
        for name in names {
            if out.iter().any(|d| d.name == name) {
                continue;
            }
            out.push(Department {
                canonical: abbreviations.canonical(&name).filter(|c| *c != name),
                name,
                role,
            });
        }
    }
    out
}

/// The list without its notes in parentheses that are no part of a name, and whether one of
/// them makes the first body the lead (排名第一的单位牵头, 列第一位的为牵头单位). Role notes on
/// an item ((牵头), (配合)) and level alternatives (各乡(镇)) stay.
fn without_notes(items: &str) -> (String, bool) {
    let mut out = String::with_capacity(items.len());
    let mut first_leads = false;
    let mut rest = items;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let note = inner.chars().count() > 4 && !inner.contains('、');
        if note {
            first_leads |= inner.contains("牵头")
                && ["第一", "首位", "首个", "排名首"]
                    .iter()
                    .any(|w| inner.contains(w));
        } else {
            out.push('(');
            out.push_str(inner);
            out.push(')');
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    (out, first_leads)
}

/// The items of a list of bodies: separated by 、 , ; / and by 及 before another body
/// (州委编办及州直有关单位).
fn split_items(items: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // Byte ranges of the parts. Separators inside parentheses belong to a name: 县(市、区)政府
    // is one item.
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, c) in items.char_indices() {
        match c {
            '(' | '〔' => depth += 1,
            ')' | '〕' => depth = depth.saturating_sub(1),
            '、' | ',' | ';' | '/' if depth == 0 => {
                parts.push(from..i);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(from..items.len());
    // A level alone before a separator shares the next item's noun: 省、中直负有…职责的部门 is
    // one group, not the province and another.
    let mut pending: Option<usize> = None;
    for range in parts {
        if LEVEL_WORDS.contains(&items[range.clone()].trim()) {
            pending.get_or_insert(range.start);
            continue;
        }
        let part = &items[pending.take().unwrap_or(range.start)..range.end];
        let mut rest = part;
        while let Some(k) = rest.find('及').filter(|&k| {
            let next = rest[k + '及'.len_utf8()..].chars().next();
            k > 0 && next.is_some_and(|c| "县区市镇乡省州旗各".contains(c))
        }) {
            out.push(rest[..k].trim_end_matches('以'));
            rest = &rest[k + '及'.len_utf8()..];
        }
        out.push(rest);
    }
    out
}

/// Level words that may stand alone in a list before the noun they share.
const LEVEL_WORDS: &[&str] = &[
    "省", "市", "州", "县", "区", "省直", "市直", "县直", "区直", "中直", "各省", "各市", "各州",
    "各县", "各区",
];

/// A group of bodies named by their duty: 负有安全生产监管职责的部门, 承担…职能的单位.
fn duty_group(item: &str) -> bool {
    (item.ends_with("部门") || item.ends_with("单位"))
        && (item.contains("职责") || item.contains("职能"))
        && item.chars().count() <= 30
        && item
            .chars()
            .all(|c| departments::is_name_char(c) || c == '、')
}

/// True when the bodies found in a list item leave part of its name outside them: a
/// leading qualifier or a trailing noun (专班, 工作组) with no role word (牵头, 配合) and no
/// person's title. Such an item is one body as written.
fn names_whole(item: &str, mentions: &[Mention]) -> bool {
    let (Some(first), Some(last)) = (mentions.first(), mentions.last()) else {
        return false;
    };
    if mentions.iter().any(|m| m.person) || item.chars().count() > 20 {
        return false;
    }
    let head = &item[..first.range.start];
    let tail = &item[last.range.end..];
    if head.is_empty() && tail.is_empty() {
        return false;
    }
    let role_word = |s: &str| {
        ["牵头", "配合", "负责", "参与", "协助", "协办", "主责", "等"]
            .iter()
            .any(|w| s.contains(w))
    };
    // Only names: han chars and the parentheses of a collective prefix (各乡(镇)).
    let plain = |s: &str| {
        s.chars()
            .all(|c| departments::is_name_char(c) || matches!(c, '(' | ')' | '〔' | '〕' | '、'))
    };
    !role_word(head) && !role_word(tail) && plain(head) && plain(tail) && !tail.starts_with('(')
}

/// References that name no particular body.
const VAGUE: &[&str] = &[
    "相关部门",
    "有关部门",
    "各部门",
    "各单位",
    "相关单位",
    "有关单位",
    "各有关部门",
    "各相关部门",
];

fn push(
    ctx: &Context<'_>,
    out: &mut Vec<Responsibility>,
    span: Range<usize>,
    found: Vec<Department>,
) {
    if found.is_empty() {
        return;
    }
    let text = ctx
        .text
        .get(span.clone())
        .unwrap_or_default()
        .trim()
        .to_owned();
    out.push(Responsibility {
        departments: found,
        section: ctx.structure.section_at(span.start).map(str::to_owned),
        text,
        span: ctx.chars.span(span),
    });
}

/// Gives a bare 政府 the document's own level (区政府 in a district's plan): the level of the
/// region in the metadata, else the level most bodies of the document carry (区教育局, 区委).
fn name_bare_governments(ctx: &Context<'_>, out: &mut [Responsibility]) {
    let from_meta = ctx
        .meta
        .region
        .as_ref()
        .and_then(|r| r.county.as_deref())
        .and_then(|c| c.chars().last());
    let level = from_meta.or_else(|| {
        let mut counts: HashMap<char, usize> = HashMap::new();
        for d in out.iter().flat_map(|r| &r.departments) {
            let mut chars = d.name.chars();
            if let (Some(first), Some(_)) = (chars.next(), chars.next()) {
                if "县区市".contains(first) {
                    *counts.entry(first).or_default() += 1;
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(c, n)| (n, c))
            .map(|(c, _)| c)
    });
    let Some(level) = level.filter(|c| "县区市".contains(*c)) else {
        return;
    };
    for d in out.iter_mut().flat_map(|r| r.departments.iter_mut()) {
        if departments::is_bare_government(&d.name) && d.canonical.is_none() {
            d.canonical = Some(format!("{level}{}", d.name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_keep_parenthesised_separators() {
        assert_eq!(
            split_items("市发改委、县(市、区)政府,各乡(镇)"),
            ["市发改委", "县(市、区)政府", "各乡(镇)"]
        );
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        in_sentence(text, &Abbreviations::default())
            .into_iter()
            .map(|d| (d.name, d.role))
            .collect()
    }

    fn named(list: &[(&str, Role)]) -> Vec<(String, Role)> {
        list.iter().map(|(n, r)| (n.to_string(), *r)).collect()
    }

    use Role::*;

    #[test]
    fn review_sections_state_no_duties() {
        let text = "一、“十三五”教育发展情况\n区教育局牵头完成了改革。\n二、主要任务\n区教育局牵头推进改革。";
        let structure = crate::structure::analyze(text);
        let inside = text.find("区教育局牵头完成").unwrap_or_default();
        let later = text.find("区教育局牵头推进").unwrap_or_default();
        assert!(in_review_section(&structure, inside));
        assert!(!in_review_section(&structure, later));
    }

    #[test]
    fn clause_starts() {
        for before in [
            "",
            "同时,",
            "1.",
            "12、",
            "一是",
            "(三)",
            "积极推进改革;要",
            "协调",
        ] {
            assert!(at_clause_start(before), "{before:?}");
        }
        for before in ["将工作纳入", "对接", "建立健全"] {
            assert!(!at_clause_start(before), "{before:?}");
        }
    }

    #[test]
    fn subjects_of_clauses() {
        assert_eq!(
            roles("市委市政府每季度至少专题研究一次教育工作。"),
            named(&[("市委", Responsible), ("市政府", Responsible)])
        );
        assert_eq!(
            roles("教育工委定期召开专题会议。"),
            named(&[("教育工委", Responsible)])
        );
        assert_eq!(
            roles("同时,县财政局要足额拨付经费。"),
            named(&[("县财政局", Responsible)])
        );
        assert_eq!(
            roles("督促县卫健局配合做好学校卫生工作。"),
            named(&[("县卫健局", Support)])
        );
        assert_eq!(
            roles("县教育局、县财政局等部门按职责分工负责。"),
            named(&[("县教育局", Responsible), ("县财政局", Responsible)])
        );
        assert_eq!(
            roles("(县教育局牵头,县发改局、县财政局配合)"),
            named(&[
                ("县教育局", Lead),
                ("县发改局", Support),
                ("县财政局", Support)
            ])
        );
        assert_eq!(
            roles("县教育局:负责统筹推进全县工作。"),
            named(&[("县教育局", Responsible)])
        );
        assert_eq!(
            roles("责任分工:县教育局(牵头)、县财政局(配合)"),
            named(&[("县教育局", Lead), ("县财政局", Support)])
        );
        assert_eq!(
            roles("县教育局要会同县人社局、县委编办核定编制。"),
            named(&[
                ("县教育局", Responsible),
                ("县人社局", Support),
                ("县委编办", Support)
            ])
        );
        // A year or a connective may head the clause.
        assert_eq!(
            roles("此外,2025年市农业农村局还将推进高标准农田建设。"),
            named(&[("市农业农村局", Responsible)])
        );
        // Reported work is not a duty.
        assert!(roles("县教育局组织开展了专项督导。").is_empty());
        assert_eq!(
            roles("县教育局要了解学校需求。"),
            named(&[("县教育局", Responsible)])
        );
    }

    #[test]
    fn agents_of_you_and_role_verbs() {
        assert_eq!(
            roles("完善由区教体局主管的教师管理制度。"),
            named(&[("区教体局", Responsible)])
        );
        assert_eq!(
            roles("建立由政府牵头、相关部门参与的工作机制。"),
            named(&[("政府", Lead)])
        );
        assert_eq!(
            roles("县教育局牵头,县财政局、县人社局配合。"),
            named(&[
                ("县教育局", Lead),
                ("县财政局", Support),
                ("县人社局", Support)
            ])
        );
        assert_eq!(
            roles("组建全县课后服务工作领导小组,负责统筹协调。"),
            named(&[("全县课后服务工作领导小组", Responsible)])
        );
        assert_eq!(
            roles("领导小组下设办公室,办公室设在区教育局。"),
            named(&[("区教育局", Responsible)])
        );
    }

    #[test]
    fn owners_of_duties() {
        assert_eq!(
            roles("压实各级政府办学主体责任。"),
            named(&[("各级政府", Responsible)])
        );
        assert_eq!(
            roles("落实党委统一领导的责任。"),
            named(&[("党委", Responsible)])
        );
        // A body that is only an object is not responsible.
        assert!(roles("积极对接县财政局争取资金。").is_empty());
        assert!(roles("将工作纳入县政府考核。").is_empty());
    }

    #[test]
    fn not_responsibilities() {
        // Persons, addressees, history, titles and structure.
        assert!(roles("成立由县政府主要领导任组长的工作专班。").is_empty());
        assert!(roles("县政府领导将定期召开专题会议听取落实情况。").is_empty());
        assert!(roles("区建设管理委拟定的实施方案已经区政府同意。").is_empty());
        assert!(roles("各镇人民政府,各街道办事处,县政府各部门:").is_empty());
        assert!(roles("“十三五”期间,区委、区政府坚持教育优先发展。").is_empty());
        assert!(roles("2012年以来,县教育局先后招录教师800人。").is_empty());
        assert!(roles("完善《市教育局党委意识形态工作实施细则》。").is_empty());
        assert!(roles("领导小组下设办公室。").is_empty());
        assert!(roles("县委副书记、县长").is_empty());
        assert!(roles("沂水县人民政府办公室").is_empty());
        assert!(roles("政府信息公开").is_empty());
        assert!(roles("东城区教育局荣获省级文明单位称号。").is_empty());
        // Issuing a document, after time adverbs, is no duty; nor is a body's 保障情况.
        assert!(roles("日前,市人民政府正式印发《实施方案》。").is_empty());
        assert!(roles("省教育厅近日印发《评估办法》。").is_empty());
        // Approval by the issuing body's meeting is how the document came about.
        assert!(roles("《要点》已由市安委会全体会议研究通过,现印发给你们。").is_empty());
        assert!(roles("另外,政府履职情况纳入考核。").is_empty());
        // News of a body: what it issued or heeds, an official who speaks, an address line.
        assert!(roles("据悉,某省人民政府发布关于加强水土保持的意见。").is_empty());
        assert!(roles("市委、市政府高度重视养老服务体系建设。").is_empty());
        assert!(roles("市交通运输局规划处处长王某介绍,项目进展顺利。").is_empty());
        assert!(roles("各区人民政府,市政府各委、办、局:").is_empty());
    }

    #[test]
    fn list_items_are_whole_names() {
        let abbr = Abbreviations::default();
        let items = |s: &str, role| -> Vec<String> {
            list_items(s, role, &abbr)
                .into_iter()
                .map(|d| d.name)
                .collect()
        };
        assert_eq!(
            items("校园安全工作专班、各乡(镇)人民政府", Role::Responsible),
            ["校园安全工作专班", "各乡(镇)人民政府"]
        );
        assert_eq!(
            items("新城区建设指挥部办公室", Role::Lead),
            ["新城区建设指挥部办公室"]
        );
        // Role words and persons' titles are not part of a name.
        assert_eq!(items("县教育局牵头", Role::Lead), ["县教育局"]);
        assert!(items("县教育局局长", Role::Lead).is_empty());
        assert_eq!(
            items("县教育局和县财政局", Role::Support),
            ["县教育局", "县财政局"]
        );
    }

    #[test]
    fn explicit_lists_with_roles() {
        let text = "加强经费保障。(牵头单位:县教育局;配合单位:县财政局、各乡镇人民政府)\n下一项。(责任单位:市教体局)";
        let lists = explicit_lists(text);
        assert_eq!(lists.len(), 2);
        let abbr = Abbreviations::default();
        let first: Vec<(String, Role)> = lists[0]
            .departments(&abbr)
            .into_iter()
            .map(|d| (d.name, d.role))
            .collect();
        assert_eq!(
            first,
            named(&[
                ("县教育局", Lead),
                ("县财政局", Support),
                ("各乡镇人民政府", Support)
            ])
        );
        assert_eq!(
            &text[lists[0].span.clone()],
            "(牵头单位:县教育局;配合单位:县财政局、各乡镇人民政府)"
        );
        let second = lists[1].departments(&abbr);
        assert_eq!(second[0].name, "市教体局");
        assert_eq!(second[0].canonical.as_deref(), Some("市教育和体育局"));
        // Vague references and persons are dropped, collective entries kept whole.
        let items = list_items("相关部门、各街道办事处、县教育局局长", Responsible, &abbr);
        let names: Vec<&str> = items.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["各街道办事处"]);
        let items = list_items("县教育和体育局、县委编办和县残联", Responsible, &abbr);
        let names: Vec<&str> = items.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["县教育和体育局", "县委编办", "县残联"]);
        let items = list_items("县教育局,完成时限:年底前", Responsible, &abbr);
        let names: Vec<&str> = items.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["县教育局"]);
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use proptest::prelude::*;

    const ALPHABET: &[&str] = &[
        "县",
        "区",
        "市",
        "各",
        "级",
        "镇",
        "街道",
        "政府",
        "人民",
        "局",
        "委",
        "办",
        "编办",
        "部",
        "中心",
        "领导小组",
        "教育",
        "和",
        "由",
        "牵头",
        "负责",
        "配合",
        "设在",
        "落实",
        "责任",
        "(",
        ")",
        ":",
        ",",
        "、",
        ";",
        "。",
        "《",
        "》",
        "“",
        "”",
        "责任单位",
        "牵头单位",
        "局长",
        "了",
        "1.",
        "2025",
        "年",
        "每",
        "底",
        "前",
        "十四五",
        "末",
        "期间",
        "利用",
        "三",
        "时间",
        "\n",
        " ",
        "a",
        "é",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..60)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_boundaries(s in text()) {
            for m in departments::find(&s) {
                prop_assert!(s.is_char_boundary(m.range.start) && s.is_char_boundary(m.range.end));
                prop_assert_eq!(&s[m.range.clone()], m.name.as_str());
            }
            let _ = in_sentence(&s, &Abbreviations::from_text(&s));
            for list in explicit_lists(&s) {
                prop_assert!(s.get(list.span.clone()).is_some());
            }
            let time = crate::extract::time::DocTime { year: Some(2021), period: Some((2021, 2025)), ..Default::default() };
            for f in crate::extract::time::find(&s, &time) {
                prop_assert!(s.get(f.range.clone()).is_some());
            }
        }
    }
}
