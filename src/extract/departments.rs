//! Department names: recognition by grammar, abbreviations and their canonical forms.
//!
//! A government body is recognised by its shape, not looked up in a list of names:
//!
//! `[lead-in verb] PREFIX CORE SUFFIX [collective tail]`
//!
//! - `SUFFIX` is a body-type word: 人民政府, 政府, 办事处, 领导小组, 委员会, 管委会, 工委, 党委,
//!   编办, 残联, 办公室, 局, 委, 中心, 部, 厅 ….
//! - `PREFIX` is a region or level: 县/区/市/镇/乡/省, 街道, a place name ending in one of those
//!   (迎泽区, 平阴县, 历山街道), 各 + level (各镇, 各街道), or 各级.
//! - `CORE` is the body's field (教育和体育, 财政, 人力资源社会保障); short suffixes that are also
//!   common word endings (局 in 布局, 部 in 东部, 中心 in 中心校) need a core of two or more chars
//!   and may not be followed by a char that makes them another word (局域网, 部门, 中心校).
//! - Without a prefix, only bodies that are named that way in plans count: 党委, 政府, `XX工委`
//!   (教育工委) and named groups (`教育工作领导小组`).
//! - A collective tail stays with the name: `教育工作领导小组各部门`, `县政府各部门`.
//! - Subordinate offices join their parent: `县委编办`, `县委组织部`, `县政府办公室`;
//!   consecutive bodies are split: `区委区政府` → 区委, 区政府.
//!
//! A name followed by a person's title (`县委副书记`, `县教育和体育局局长`, `县政府主要领导`) names a
//! person, which is never a department: such mentions come back with `person: true`.
//!
//! Abbreviations get a canonical full name from a built-in table of standard short forms
//! (县教体局 → 县教育和体育局, 县人社局 → 县人力资源社会保障局) and from the document's own
//! definitions (`县教育和体育局(以下简称县教体局)`), see [`Abbreviations`].

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::CharSet;

/// A body (or a person's title built on one) found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the name in the searched text.
    pub range: Range<usize>,
    /// The name as written.
    pub name: String,
    /// Byte length of the region/level prefix inside `name` (0 for bare names such as 党委).
    pub prefix_len: usize,
    /// Full name from the built-in abbreviation table, when `name` is a known short form.
    pub canonical: Option<String>,
    /// True when the name heads a person's title (县教育和体育局局长): not a department.
    pub person: bool,
}

/// Finds the bodies named in `text` (a clause or sentence), in text order.
///
/// Linear in the text: each suffix position looks back at most a short window.
pub fn find(text: &str) -> Vec<Mention> {
    // The char table is rebuilt for every sentence: one buffer per thread spares the
    // allocation and its growth (a few percent of the stage on running text).
    thread_local! {
        static CHARS: std::cell::Cell<Vec<(usize, char)>> = const { std::cell::Cell::new(Vec::new()) };
    }
    CHARS.with(|buf| {
        let mut chars = buf.take();
        chars.clear();
        chars.extend(text.char_indices());
        let out = find_with(text, &chars);
        buf.set(chars);
        out
    })
}

/// Collective entries that name every body of a level without a body suffix: 各乡镇, 各镇(街道),
/// 各乡(镇), 各县(市、区), 各村(社区), and every unit of a government: 各有关部门, 县直各单位
/// (a bare 各部门 names no one in particular).
static COLLECTIVE_LEVELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:省|市|州|县|区)(?:直|级)?)?各(?:乡镇\(街道\)|乡镇|乡\(镇\)|镇\(街道\)|镇|乡|街道|县\(市、区\)|区、县\(市\)|县市区|县区|区县|村\(社区\)|村|社区|(?:有关|相关|职能)(?:部门|单位)|成员单位)|(?:省|市|州|县|区)(?:直|级)?各(?:部门|单位)",
    )
    .expect("collective levels regex")
});

/// The fields of government work, `data/lexicon/fields.tsv`.
const FIELDS_TSV: &str = include_str!("../../data/lexicon/fields.tsv");

/// Level words that may head a functional department (县级交通运输部门, 各级财政部门).
const DEPARTMENT_LEVELS: &[&str] = &[
    "各级", "省级", "市级", "县级", "区级", "乡级", "各", "省", "市", "州", "县", "区",
];

/// Functional departments named by their field: `[level] FIELD [主管|行政|管理] 部门`
/// (公安部门, 县级交通运输部门, 卫生健康主管部门). A field that is not in the lexicon
/// (相关部门, 有关部门, 其他部门) names no one in particular.
fn field_departments(text: &str) -> Vec<Mention> {
    static FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut fields: Vec<&str> = FIELDS_TSV
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        // Longest first: 交通运输 before 运输, 人力资源社会保障 before 社会保障.
        fields.sort_by_key(|f| std::cmp::Reverse(f.len()));
        fields
    });
    let mut out = Vec::new();
    for (at, _) in text.match_indices("部门") {
        let before = &text[..at];
        let head = ["主管", "行政", "管理"]
            .iter()
            .find_map(|w| before.strip_suffix(w))
            .unwrap_or(before);
        let Some(field) = FIELDS.iter().find(|f| head.ends_with(**f)) else {
            continue;
        };
        let field_at = head.len() - field.len();
        // The field must start a word: in 服务体育部门 it ends a longer noun.
        let level = DEPARTMENT_LEVELS
            .iter()
            .find(|l| text[..field_at].ends_with(**l))
            .map_or(0, |l| l.len());
        let prev = text[..field_at - level].chars().next_back();
        if prev.is_some_and(|c| is_han(c) && !is_stop(c) && !LEAD_IN_ENDS.contains(c)) {
            continue;
        }
        let start = field_at - level;
        let end = at + "部门".len();
        out.push(Mention {
            range: start..end,
            name: text[start..end].to_owned(),
            prefix_len: level,
            canonical: None,
            person: false,
        });
    }
    out
}

/// Last chars of common words before a department's name (督促, 要求, 协调, 会同, 由, 和).
const LEAD_IN_ENDS: &str = "促求调同由和请导织动励持合助施及与对向";

/// Chars that may follow a collective level used as a subject (各乡镇要…, 各镇(街道)负责…) or a
/// list item: punctuation, a modal, or a verb of duty.
fn follows_collective(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        !is_han(c)
            || "要应须负按牵配协结对将抓做分统落加认积全切严把进建完开组制定务等和与及".contains(c)
    })
}

/// [`find`] over the text's `(byte offset, char)` table.
fn find_with(text: &str, chars: &[(usize, char)]) -> Vec<Mention> {
    let mut out = find_suffixed(text, chars);
    if text.contains("部门") {
        for m in field_departments(text) {
            let overlaps = out
                .iter()
                .any(|o| o.range.start < m.range.end && m.range.start < o.range.end);
            if !overlaps {
                let at = out.partition_point(|o| o.range.start < m.range.start);
                out.insert(at, m);
            }
        }
    }
    if text.contains('各') {
        for m in COLLECTIVE_LEVELS.find_iter(text) {
            let next = text[m.end()..].chars().next();
            let overlaps = out
                .iter()
                .any(|o| o.range.start < m.end() && m.start() < o.range.end);
            if overlaps || !follows_collective(next) {
                continue;
            }
            let at = out.partition_point(|o| o.range.start < m.start());
            out.insert(
                at,
                Mention {
                    range: m.range(),
                    name: m.as_str().to_owned(),
                    prefix_len: m.len(),
                    canonical: None,
                    person: false,
                },
            );
        }
    }
    out
}

/// The bodies of a text recognised by their suffix.
fn find_suffixed(text: &str, chars: &[(usize, char)]) -> Vec<Mention> {
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < chars.len() {
        // Most chars start no suffix: a cheap first-char test before the string compares.
        let candidates = suffixes_from(chars[i].1);
        if candidates.is_empty() {
            i += 1;
            continue;
        }
        let rest = &text[chars[i].0..];
        // The longest suffix here that reads as a body (政府办学 is 政府 + 办学, not 政府办).
        let found = candidates
            .iter()
            .filter(|s| rest.starts_with(**s))
            .find_map(|suffix| {
                let end = i + suffix.chars().count();
                let next = chars.get(end).map(|c| c.1);
                let prev = i.checked_sub(1).map(|k| chars[k].1);
                if rejected_by_next(suffix, next, &text[byte_at(end)..])
                    || rejected_by_prev(suffix, prev)
                {
                    return None;
                }
                let (start, prefix_end) = name_start(text, chars, floor, i, suffix)
                    .or_else(|| elided_start(&out, chars, floor, i, suffix))?;
                Some((*suffix, end, start, prefix_end))
            });
        let Some((suffix, end, start, prefix_end)) = found else {
            i += 1;
            continue;
        };
        let mut name_end = end;
        // Subordinate offices join their parent body: 县委编办, 县委组织部, 县政府办公室.
        if matches!(suffix, "委" | "党委" | "政府" | "人民政府") {
            if let Some(sub_end) = subordinate_end(text, chars, name_end) {
                name_end = sub_end;
            }
        }
        // A committee's short name (县安委会) and a group's own office (…领导小组办公室,
        // 县安委办) are one body.
        let after_suffix = &text[byte_at(name_end)..];
        let office = match suffix {
            "委" if after_suffix.starts_with('会')
                && !after_suffix["会".len()..].starts_with(['议', '同', '商', '签']) =>
            {
                1
            }
            "领导小组" | "委员会" | "指挥部" | "工作组" if after_suffix.starts_with("办公室") => {
                3
            }
            _ => 0,
        };
        name_end += office;
        // A collective tail stays whole: 县政府各部门, 领导小组各成员单位.
        let tail = &text[byte_at(name_end)..];
        if let Some(t) = COLLECTIVE_TAILS.iter().find(|t| tail.starts_with(*t)) {
            name_end += t.chars().count();
        }
        let range = byte_at(start)..byte_at(name_end);
        let after = &text[range.end..];
        let person = PERSON_TITLES.iter().any(|t| after.starts_with(t))
            && !after.starts_with("负责统筹")
            && !after.starts_with("领导小组");
        let name = text[range.clone()].to_owned();
        let prefix_len = byte_at(prefix_end) - range.start;
        let canonical = builtin_canonical(&name, prefix_len);
        out.push(Mention {
            range,
            name,
            prefix_len,
            canonical,
            person,
        });
        floor = name_end;
        i = name_end;
    }
    out
}

/// Abbreviations a document defines for itself (`县教育和体育局(以下简称县教体局)`), on top of
/// the built-in table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Abbreviations {
    defined: HashMap<String, String>,
}

impl Abbreviations {
    /// Collects the `(以下简称X)` / `(简称X)` definitions whose full name is a recognised body.
    pub fn from_text(text: &str) -> Self {
        let mut defined = HashMap::new();
        for caps in DEFINITION.captures_iter(text) {
            let (Some(whole), Some(short)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let mut from = whole.start().saturating_sub(90);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..whole.start()];
            if let Some(m) = find(before)
                .into_iter()
                .rev()
                .find(|m| m.range.end == before.len() && !m.person)
            {
                defined.insert(short.as_str().to_owned(), m.name);
            }
        }
        Abbreviations { defined }
    }

    /// The full name of `name`: the document's own definition first, then the built-in table.
    pub fn canonical(&self, name: &str) -> Option<String> {
        if let Some(full) = self.defined.get(name) {
            return Some(full.clone());
        }
        let prefix_len = find(name)
            .into_iter()
            .find(|m| m.range == (0..name.len()))
            .map_or(0, |m| m.prefix_len);
        builtin_canonical(name, prefix_len)
    }
}

/// The canonical full name of a short form, from the built-in table: the prefix is kept and
/// the rest expanded (`县教体局` → `县教育和体育局`, `县委编办` → `县委机构编制委员会办公室`).
pub fn builtin_canonical(name: &str, prefix_len: usize) -> Option<String> {
    let (prefix, rest) = name.split_at(prefix_len.min(name.len()));
    // The longest known short form ending the name.
    ABBREVIATIONS
        .iter()
        .filter(|(short, full)| rest.ends_with(short) && !rest.ends_with(full))
        .max_by_key(|(short, _)| short.len())
        .map(|(short, full)| {
            let head = &rest[..rest.len() - short.len()];
            format!("{prefix}{head}{full}")
        })
}

/// True when `name` is a bare 政府 / 人民政府, which a document uses for its own government
/// (the caller can give it the document's level: 区政府).
pub fn is_bare_government(name: &str) -> bool {
    matches!(name, "政府" | "人民政府")
}

/// Body-type suffixes, longest first at any position.
const SUFFIXES: &[&str] = &[
    "人民政府办公室",
    "人民政府办公厅",
    "政府办公室",
    "政府办公厅",
    "委办公室",
    "委办公厅",
    "人民政府",
    "领导小组",
    "办事处",
    "委员会",
    "管委会",
    "联合会",
    "指挥部",
    "工作组",
    "办公室",
    "办公厅",
    "总工会",
    "党工委",
    "政府办",
    "工委",
    "党委",
    "党组",
    "编办",
    "残联",
    "妇联",
    "团委",
    "科协",
    "政府",
    "委办",
    "局",
    "委",
    "中心",
    "部",
    "厅",
];

/// The first chars of [`SUFFIXES`].
const SUFFIX_FIRST: [char; 20] = [
    '人', '政', '委', '领', '办', '管', '联', '指', '工', '总', '党', '编', '残', '妇', '团', '科',
    '局', '中', '部', '厅',
];

/// The [`SUFFIXES`] starting with `c`, longest first (their order in [`SUFFIXES`]); empty for
/// most chars. Indexed by first char so that a candidate position compares only the suffixes
/// that can match there.
fn suffixes_from(c: char) -> &'static [&'static str] {
    static BY_FIRST: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        SUFFIX_FIRST
            .iter()
            .map(|&f| {
                SUFFIXES
                    .iter()
                    .copied()
                    .filter(|s| s.starts_with(f))
                    .collect()
            })
            .collect()
    });
    // Runs for every char of every sentence, and most chars start no suffix: one bit test
    // answers those; the match below sorts out the few that do.
    static FIRSTS: CharSet = CharSet::new(&SUFFIX_FIRST);
    if !FIRSTS.contains(c) {
        return &[];
    }
    // A match (a few comparisons) rather than a search of SUFFIX_FIRST. Same order as
    // SUFFIX_FIRST (a test checks it).
    let k = match c {
        '人' => 0,
        '政' => 1,
        '委' => 2,
        '领' => 3,
        '办' => 4,
        '管' => 5,
        '联' => 6,
        '指' => 7,
        '工' => 8,
        '总' => 9,
        '党' => 10,
        '编' => 11,
        '残' => 12,
        '妇' => 13,
        '团' => 14,
        '科' => 15,
        '局' => 16,
        '中' => 17,
        '部' => 18,
        '厅' => 19,
        _ => return &[],
    };
    BY_FIRST.get(k).map_or(&[], Vec::as_slice)
}

/// Suffixes that may stand without a region prefix (with the core limit they allow).
fn bare_core_limit(suffix: &str) -> Option<Range<usize>> {
    match suffix {
        "党委" | "政府" | "人民政府" | "党组" => Some(0..1),
        "工委" => Some(2..3),
        "领导小组" | "指挥部" | "工作组" => Some(2..25),
        _ => None,
    }
}

/// Core length (chars) a prefixed name may have for `suffix`.
fn core_limit(suffix: &str) -> Range<usize> {
    match suffix {
        "局" | "部" | "中心" | "厅" => 2..13,
        "委" => 0..7,
        "政府" | "人民政府" => 0..3,
        "领导小组" | "委员会" | "指挥部" | "工作组" => 0..25,
        _ => 0..13,
    }
}

/// Offices that belong to the body before them (县委 + 编办).
const SUBORDINATES: &[&str] = &[
    "室",
    "办公室",
    "编办",
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "办",
    "教育工委",
    "工委",
];

/// Tails that make a body a collective entry.
const COLLECTIVE_TAILS: &[&str] = &["各有关部门", "各部门", "各成员单位", "成员单位", "有关部门"];

/// Words after a body that make the phrase a person's title.
const PERSON_TITLES: &[&str] = &[
    "代县长",
    "代区长",
    "代市长",
    "代理县长",
    "主要领导",
    "分管领导",
    "领导班子",
    "主要负责人",
    "主要负责同志",
    "负责人",
    "负责同志",
    "党组书记",
    "副书记",
    "书记",
    "副局长",
    "局长",
    "副县长",
    "县长",
    "副区长",
    "区长",
    "副市长",
    "市长",
    "副镇长",
    "镇长",
    "乡长",
    "副主任",
    "主任",
    "副部长",
    "部长",
    "副厅长",
    "厅长",
    "理事长",
    "副组长",
    "组长",
    "委员",
    "成员",
    "同志",
    "干部",
    "工作人员",
    "主席",
    "常委",
];

/// Chars that end the look-back window of a name.
fn is_stop(c: char) -> bool {
    // A match rather than a string search: it runs for every char of a name window.
    matches!(
        c,
        '的' | '之'
            | '在'
            | '由'
            | '向'
            | '对'
            | '把'
            | '将'
            | '被'
            | '为'
            | '经'
            | '从'
            | '给'
            | '让'
            | '使'
            | '及'
            | '或'
            | '等'
            | '是'
            | '其'
            | '于'
            | '以'
            | '按'
            | '据'
            | '如'
            | '与'
            | '也'
            | '并'
            | '且'
            | '即'
    )
}

/// Whether a stop char `c` followed by `next` is part of a body's core instead: 经 of 经济
/// and 经信 (县经济和信息化局, 县经信局), 与 joining two fields (县海洋与渔业局) rather than two
/// bodies (与县财政局).
fn inside_core(c: char, next: Option<char>) -> bool {
    match c {
        '经' => next.is_some_and(|n| "济信贸".contains(n)),
        '与' => next.is_some_and(|n| is_han(n) && !LEVELS.contains(n) && n != '各'),
        _ => false,
    }
}

/// Verbs and connectives stripped from the start of a window (协调 + 教育工作领导小组).
const LEAD_INS: &[&str] = &[
    "协调", "对接", "协同", "依靠", "通过", "邀请", "提请", "成立", "组建", "建立", "设立", "发挥",
    "落实", "依托", "督促", "会同", "联合", "报请", "请", "设在", "支持", "配合", "协助", "要求",
    "推动", "组织", "指导", "动员", "压实", "明确", "履行", "强化", "加强", "健全", "完善", "依法",
    "同时", "积极", "主动", "要", "应", "须", "和", "同",
    // Time words before a subject (今年县教育局…, 2024年省交通运输厅…: the digits stop the
    // window, leaving 年).
    "今年", "明年", "年内", "年",
];

/// Level chars that end a region prefix.
const LEVELS: &str = "县区市镇乡省州旗";

/// Two-char words ending in a level char that are not place names themselves.
const NOT_PLACES: &[&str] = &[
    "城区", "新区", "老区", "城市", "全县", "全区", "全市", "全省", "本县", "本区", "本市", "我县",
    "我区", "我市", "外省", "各省", "湖区", "专区", "特区",
];

/// Endings of words that are never place names (城乡社区, 东部山区, 新建小区).
const NOT_PLACE_ENDINGS: &[&str] = &[
    "社区", "学区", "园区", "片区", "景区", "辖区", "地区", "山区", "校区", "小区", "郊区", "市区",
    "县区", "厂区", "街区", "灾区", "牧区", "城镇", "乡镇", "村镇", "集镇", "超市", "城乡", "都市",
];

/// Standard short forms and their full forms (the part after the region prefix).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("教体局", "教育和体育局"),
    ("教育体育局", "教育和体育局"),
    ("教文体局", "教育和文化体育局"),
    ("人社局", "人力资源社会保障局"),
    ("人社部", "人力资源社会保障部"),
    ("人社厅", "人力资源社会保障厅"),
    ("发改局", "发展改革局"),
    ("发改委", "发展和改革委员会"),
    ("住建局", "住房城乡建设局"),
    ("住建委", "住房城乡建设委员会"),
    ("资规局", "自然资源和规划局"),
    ("市场监管局", "市场监督管理局"),
    ("卫健局", "卫生健康局"),
    ("卫健委", "卫生健康委员会"),
    ("文旅局", "文化和旅游局"),
    ("应急局", "应急管理局"),
    ("医保局", "医疗保障局"),
    ("科技局", "科学技术局"),
    ("工信局", "工业和信息化局"),
    ("交通局", "交通运输局"),
    ("城管局", "城市管理局"),
    ("农业局", "农业农村局"),
    ("环保局", "生态环境局"),
    ("审批局", "行政审批服务局"),
    ("编办", "机构编制委员会办公室"),
    ("委编办", "委机构编制委员会办公室"),
    ("残联", "残疾人联合会"),
    ("妇联", "妇女联合会"),
    ("科协", "科学技术协会"),
    ("政府办", "人民政府办公室"),
    ("政府办公室", "人民政府办公室"),
    ("委办", "委办公室"),
    ("教育工委", "教育工作委员会"),
    ("政法委", "政法委员会"),
    ("管委会", "管理委员会"),
];

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?:以下)?(?:简称|称)[“‘\x22]?(\p{Han}{2,12})[”’\x22]?\)")
        .expect("definition regex")
});

/// True for a char that may be part of a body's name (a Han char).
pub fn is_name_char(c: char) -> bool {
    is_han(c)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Suffix readings that the next char turns into another word (局域网, 部门, 中心校, 委托).
fn rejected_by_next(suffix: &str, next: Option<char>, after: &str) -> bool {
    let Some(next) = next else { return false };
    match suffix {
        "中心" => "校学园小幼医城区站户村".contains(next),
        "部" => "门分署位队件".contains(next),
        "局" => "域面势部限".contains(next),
        "委" => "托屈婉".contains(next),
        "厅" => "堂".contains(next),
        "办公室" => after.starts_with("主任"),
        "政府办" | "委办" => "学园校好事理".contains(next),
        "党组" => "织".contains(next),
        _ => false,
    }
}

/// Suffix readings that the previous char turns into another word (布局, 内部, 大厅).
fn rejected_by_prev(suffix: &str, prev: Option<char>) -> bool {
    let Some(prev) = prev else { return false };
    match suffix {
        "局" => "布格结大当出开全变饭僵残时终危赌骗定胜败".contains(prev),
        "部" => "内外全东西南北中局干上下底腹头背胸面细俱".contains(prev),
        "厅" => "大餐客展门舞".contains(prev),
        _ => false,
    }
}

/// Start (char index) of the name whose suffix begins at `suffix_at`, and the end of its prefix.
fn name_start(
    text: &str,
    chars: &[(usize, char)],
    floor: usize,
    suffix_at: usize,
    suffix: &str,
) -> Option<(usize, usize)> {
    let mut j = suffix_at;
    // A named group may quote its programme: 县“四好农村路”建设领导小组.
    let named = matches!(suffix, "领导小组" | "指挥部" | "工作组" | "委员会");
    while j > floor && suffix_at - j < 26 {
        let c = chars[j - 1].1;
        let quote = named && matches!(c, '“' | '”');
        if (!is_han(c) && !quote) || (is_stop(c) && !inside_core(c, chars.get(j).map(|c| c.1))) {
            break;
        }
        j -= 1;
    }
    // A window may not open on a closing quote (…”领导小组 names what the quote names).
    while j < suffix_at && matches!(chars[j].1, '“' | '”') {
        if chars[j].1 == '”' {
            j += 1;
        } else {
            break;
        }
    }
    // A level with its alternatives in parentheses heads the window: 各县(市、区)教育局,
    // 各乡(镇)人民政府.
    if let Some(start) = paren_prefix(chars, floor, j) {
        if core_limit(suffix).contains(&(suffix_at - j)) {
            return Some((start, j));
        }
    }
    // Candidate starts: the window start after lead-ins, then after each 和 inside it.
    let mut starts = Vec::new();
    let mut s = j;
    loop {
        let rest = &text[chars[s].0..chars[suffix_at].0];
        match LEAD_INS.iter().find(|w| rest.starts_with(*w)) {
            Some(w) if s + w.chars().count() <= suffix_at => s += w.chars().count(),
            _ => break,
        }
    }
    starts.push(s);
    for (k, &(_, c)) in chars.iter().enumerate().take(suffix_at).skip(s) {
        if c == '和' {
            starts.push(k + 1);
        }
    }
    let core_ok = |from: usize, limit: Range<usize>| limit.contains(&(suffix_at - from));
    for &start in &starts {
        if let Some(prefix_end) = prefix_end(text, chars, start, suffix_at) {
            if core_ok(prefix_end, core_limit(suffix)) {
                return Some((start, prefix_end));
            }
        }
    }
    let limit = bare_core_limit(suffix);
    // Named groups keep their whole name (创建…县工作领导小组), even with a level char inside.
    if let Some(limit) = limit.clone().filter(|l| l.end > 3) {
        if core_ok(s, limit) {
            return Some((s, s));
        }
    }
    if let Some(start) = inner_level(text, chars, s, suffix_at) {
        if let Some(prefix_end) = prefix_end(text, chars, start, suffix_at) {
            if core_ok(prefix_end, core_limit(suffix)) {
                return Some((start, prefix_end));
            }
        }
    }
    let limit = limit?;
    // Bare bodies: 党委 and 政府 stand alone, `XX工委` takes two chars.
    let start = if limit.end <= 1 {
        suffix_at
    } else {
        suffix_at.checked_sub(2).filter(|&k| k >= s)?
    };
    core_ok(start, limit).then_some((start, start))
}

/// Start (char index) of a body named without its level after a body that has one, in the
/// same list: `省交通运输厅、公安厅`, `区发改委、统计局` (the level of the first holds for the
/// rest). Only right after the separator, and only for suffixes that need a core.
fn elided_start(
    found: &[Mention],
    chars: &[(usize, char)],
    floor: usize,
    suffix_at: usize,
    suffix: &str,
) -> Option<(usize, usize)> {
    let previous = found.last()?;
    let listed = previous.prefix_len > 0
        && !previous.person
        && chars
            .get(floor)
            .is_some_and(|c| matches!(c.1, '、' | '和' | '及'));
    let start = floor + 1;
    let core = suffix_at.checked_sub(start)?;
    let shaped = matches!(
        suffix,
        "局" | "厅" | "委" | "部" | "中心" | "委员会" | "办公室"
    ) && (2..9).contains(&core)
        && chars[start..suffix_at]
            .iter()
            .all(|c| is_han(c.1) && !is_stop(c.1));
    (listed && shaped).then_some((start, start))
}

/// Start (char index) of a parenthesised level prefix ending right before char `end`
/// (`各县(市、区)`, `乡(镇)`): a level char, optionally after 各, then parentheses holding only
/// level chars and 、.
fn paren_prefix(chars: &[(usize, char)], floor: usize, end: usize) -> Option<usize> {
    if end < floor + 4 || chars.get(end - 1)?.1 != ')' {
        return None;
    }
    let open = (end.saturating_sub(9).max(floor)..end - 1)
        .rev()
        .find(|&k| chars[k].1 == '(')?;
    let inner = &chars[open + 1..end - 1];
    if inner.is_empty()
        || !inner
            .iter()
            .all(|c| LEVELS.contains(c.1) || matches!(c.1, '、' | '街' | '道'))
    {
        return None;
    }
    // The levels before the parenthesis, possibly after 各: 各县, 乡, 各乡镇.
    let mut start = open;
    while start > floor && open - start < 4 && LEVELS.contains(chars[start - 1].1) {
        start -= 1;
    }
    if start == open {
        return None;
    }
    if start > floor && chars[start - 1].1 == '各' {
        start -= 1;
    }
    Some(start)
}

/// End (char index) of the region/level prefix starting at `start`, if one starts there.
fn prefix_end(text: &str, chars: &[(usize, char)], start: usize, limit: usize) -> Option<usize> {
    let rest = &text[chars.get(start)?.0..];
    let mut k = start;
    if rest.starts_with("各级") {
        return Some(start + 2).filter(|&e| e <= limit);
    }
    if rest.starts_with('各') {
        k += 1;
    }
    // A bare level: 县, 区, 各镇, 街道.
    if let Some(e) = level_end(text, chars, k) {
        // 区域, 县域, 市域: a level char that makes a word for an area heads no body's name.
        if e <= limit && chars.get(e).is_none_or(|c| c.1 != '域') {
            return Some(e);
        }
    }
    // A place name: a county, city or province of the gazetteer (迎泽区, 山东省), or a town
    // (历山街道, 南麻镇).
    let here = &text[chars.get(k)?.0..chars.get(limit).map_or(text.len(), |c| c.0)];
    let gazetteer = places();
    let mut best = None;
    for (n, (i, c)) in here.char_indices().enumerate().skip(1) {
        let end = i + c.len_utf8();
        if n + 1 > 7 {
            break;
        }
        if gazetteer.contains(&here[..end]) {
            best = Some(k + n + 1);
        }
    }
    if best.is_some() {
        return best;
    }
    let town_at = k + 2;
    if town_at < limit {
        let e = level_end(text, chars, town_at)?;
        let level = chars[town_at].1;
        let name: String = chars[k..e].iter().map(|c| c.1).collect();
        let town = matches!(level, '镇' | '乡' | '街');
        if town
            && e <= limit
            && !NOT_PLACES.contains(&name.as_str())
            && !NOT_PLACE_ENDINGS.iter().any(|w| name.ends_with(w))
            && !LEAD_INS.iter().any(|w| name.starts_with(w))
        {
            return Some(e);
        }
    }
    None
}

/// End of a level word (县, 区, 街道 …) starting at char `k`.
fn level_end(text: &str, chars: &[(usize, char)], k: usize) -> Option<usize> {
    let (at, c) = *chars.get(k)?;
    if LEVELS.contains(c) {
        return Some(k + 1);
    }
    // 街道, and the levels above a province and beside it: 国家 (国家发展改革委), 中央, and
    // Xinjiang's 兵团 (兵团财政局).
    ["街道", "国家", "中央", "兵团"]
        .iter()
        .any(|w| text[at..].starts_with(w))
        .then_some(k + 2)
}

/// A single level char (or 各 + level) inside a window, when no prefix starts the window:
/// `纳入县政府` → 县政府. Not one that ends a common word (社区, 城区).
fn inner_level(
    text: &str,
    chars: &[(usize, char)],
    from: usize,
    suffix_at: usize,
) -> Option<usize> {
    (from + 1..suffix_at).find(|&k| {
        let c = chars[k].1;
        if !(LEVELS.contains(c) || c == '各') {
            return false;
        }
        let pair: String = chars[k - 1..=k].iter().map(|c| c.1).collect();
        !NOT_PLACES.contains(&pair.as_str())
            && !NOT_PLACE_ENDINGS.contains(&pair.as_str())
            && level_end(text, chars, k).is_some_and(|e| e <= suffix_at) | (c == '各')
    })
}

/// County, city and province names of the divisions gazetteer.
fn places() -> &'static std::collections::HashSet<&'static str> {
    static PLACES: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        let files = [
            include_str!("../../data/divisions/areas.csv"),
            include_str!("../../data/divisions/cities.csv"),
            include_str!("../../data/divisions/provinces.csv"),
        ];
        files
            .iter()
            .flat_map(|f| f.lines().skip(1))
            .filter_map(|l| l.split(',').nth(1))
            .map(|n| n.trim_matches('"'))
            .filter(|n| n.chars().count() >= 2 && !n.contains("辖"))
            .collect()
    });
    &PLACES
}

/// End of a subordinate office right after a parent body (县委 + 编办), if any.
fn subordinate_end(text: &str, chars: &[(usize, char)], from: usize) -> Option<usize> {
    let first = chars.get(from)?.1;
    if LEVELS.contains(first) || first == '各' {
        return None;
    }
    for k in from..(from + 6).min(chars.len()) {
        let c = chars[k].1;
        if !is_han(c) || is_stop(c) {
            return None;
        }
        let rest = &text[chars[k].0..];
        if let Some(s) = SUBORDINATES.iter().find(|s| rest.starts_with(*s)) {
            // 县委 + 组织部: only whole office names, not words that end in 办 (创办, 举办).
            let next = text[chars[k].0 + s.len()..].chars().next();
            if *s == "办" && (k != from || next.is_some_and(|c| "学园校好事理".contains(c)))
            {
                return None;
            }
            return Some(k + s.chars().count());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_groups_follow_suffix_first() {
        for (k, &c) in SUFFIX_FIRST.iter().enumerate() {
            let group = suffixes_from(c);
            assert!(!group.is_empty(), "{c}");
            assert!(group.iter().all(|s| s.starts_with(c)), "{c} (slot {k})");
        }
        assert!(suffixes_from('学').is_empty());
    }

    #[test]
    fn first_chars_cover_every_suffix() {
        for s in SUFFIXES {
            let first = s.chars().next().unwrap_or_default();
            assert!(SUFFIX_FIRST.contains(&first), "{s}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        find(text)
            .into_iter()
            .filter(|m| !m.person)
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn prefixed_bodies_and_lists() {
        assert_eq!(
            names("(责任部门:县教育和体育局、县财政局、县住房城乡建设局)"),
            ["县教育和体育局", "县财政局", "县住房城乡建设局"]
        );
        assert_eq!(
            names("各乡镇人民政府、各街道办事处"),
            ["各乡镇人民政府", "各街道办事处"]
        );
        assert_eq!(
            names("市委编办、市残联、市人社局"),
            ["市委编办", "市残联", "市人社局"]
        );
        assert_eq!(names("区委区政府定期研究"), ["区委", "区政府"]);
        // A core may join two fields with 和 or 与.
        assert_eq!(names("县经济和信息化局"), ["县经济和信息化局"]);
        assert_eq!(names("县海洋与渔业局"), ["县海洋与渔业局"]);
        assert_eq!(names("市文化广电和旅游局牵头"), ["市文化广电和旅游局"]);
        assert_eq!(names("县委和县政府统筹"), ["县委", "县政府"]);
        assert_eq!(names("由东城区教育局负责"), ["东城区教育局"]);
        assert_eq!(names("办公室设在市教育局"), ["市教育局"]);
        assert_eq!(names("山东省教育厅等部门"), ["山东省教育厅"]);
        assert_eq!(names("迎泽区委、区政府坚持"), ["迎泽区委", "区政府"]);
        assert_eq!(names("积极对接县财政局争取资金"), ["县财政局"]);
        assert_eq!(names("今年湖南省交通运输厅将推进"), ["湖南省交通运输厅"]);
        assert_eq!(names("2024年青川县教育局将推进"), ["青川县教育局"]);
        assert_eq!(names("将工作纳入县政府考核"), ["县政府"]);
        assert_eq!(names("历山街道党工委"), ["历山街道党工委"]);
        assert_eq!(names("县政府教育督导室每学期督导"), ["县政府教育督导室"]);
        assert_eq!(
            names("成立由专班组成的创建义务教育强县工作领导小组"),
            ["创建义务教育强县工作领导小组"]
        );
    }

    #[test]
    fn a_list_keeps_the_level_of_its_first_body() {
        assert_eq!(names("省民政厅、财政厅负责"), ["省民政厅", "财政厅"]);
        assert_eq!(
            names("县水利局和农业农村局配合"),
            ["县水利局", "农业农村局"]
        );
        // Only right after a body that has its level.
        assert!(names("完善财政局").is_empty());
        assert_eq!(names("县教育局、推进布局调整"), ["县教育局"]);
    }

    #[test]
    fn national_and_corps_levels() {
        assert_eq!(
            names("国家发展改革委、财政部负责"),
            ["国家发展改革委", "财政部"]
        );
        assert_eq!(names("兵团医保局牵头"), ["兵团医保局"]);
        assert!(names("推进国家级示范区建设").is_empty());
    }

    #[test]
    fn functional_departments_by_field() {
        assert_eq!(names("公安部门要加强巡查"), ["公安部门"]);
        assert_eq!(names("督促各级财政部门足额拨付"), ["各级财政部门"]);
        assert_eq!(names("由卫生健康主管部门负责"), ["卫生健康主管部门"]);
        // A field inside a longer noun, or no field at all, names no department.
        assert!(names("推动服务体育部门建设").is_empty());
        assert!(names("其他部门要配合").is_empty());
    }

    #[test]
    fn bare_bodies() {
        assert_eq!(names("落实党委领导教育工作的责任"), ["党委"]);
        assert_eq!(names("教育工委每季度研究"), ["教育工委"]);
        assert_eq!(names("依法落实各级政府保障责任"), ["各级政府"]);
        assert_eq!(names("建立由政府牵头的机制"), ["政府"]);
        assert_eq!(
            names("协调教育工作领导小组各部门支持教育"),
            ["教育工作领导小组各部门"]
        );
    }

    #[test]
    fn every_unit_of_a_government_is_a_collective_subject() {
        assert_eq!(names("各有关单位要加强排查"), ["各有关单位"]);
        assert_eq!(names("县直各部门要抓好落实"), ["县直各部门"]);
        // Not a subject: 各部门 as an object's modifier.
        assert!(names("统筹各部门资源").is_empty());
    }

    #[test]
    fn parenthesised_levels_and_general_offices() {
        assert_eq!(names("督促各县(市、区)教育局落实"), ["各县(市、区)教育局"]);
        assert_eq!(names("由各乡(镇)人民政府负责"), ["各乡(镇)人民政府"]);
        assert_eq!(names("各乡镇(街道)办事处"), ["各乡镇(街道)办事处"]);
        assert_eq!(
            names("市委办公厅、省政府办公厅"),
            ["市委办公厅", "省政府办公厅"]
        );
        // Parentheses that hold no level are no prefix.
        assert!(names("(二)教育局").is_empty());
    }

    #[test]
    fn area_words_head_no_body() {
        assert!(names("打造区域职业教育中心").is_empty());
        assert!(names("建成市域教育资源中心").is_empty());
        assert_eq!(names("区教育中心"), ["区教育中心"]);
    }

    #[test]
    fn words_that_only_look_like_bodies() {
        assert!(names("优化学校布局,营造良好格局").is_empty());
        assert!(names("推进校园局域网升级").is_empty());
        assert!(names("东部地区和西部片区").is_empty());
        assert!(names("城乡社区教育中心").is_empty());
        assert!(names("充分发挥社区教育中心校作用").is_empty());
        assert!(names("相关部门参与,各部门配合").is_empty());
        assert!(names("委托第三方评估").is_empty());
        assert!(names("优化县域布局").is_empty());
        assert!(names("完善县域内部治理").is_empty());
        assert!(names("建设县政务服务大厅").is_empty());
        assert!(names("基层党组织要发挥作用").is_empty());
        assert!(names("推进中小学家长委员会建设").is_empty());
    }

    #[test]
    fn persons_are_flagged() {
        let found = find("县委副书记、县长");
        assert!(found.iter().all(|m| m.person), "{found:?}");
        assert!(names("县教育局局长王某").is_empty());
        assert!(names("由县政府主要领导任组长").is_empty());
        assert!(names("区委组织部副部长").is_empty());
        // 负责 as a verb is not a person.
        assert_eq!(names("县财政局负责资金保障"), ["县财政局"]);
    }

    #[test]
    fn canonical_names() {
        let m = &find("由县教体局主管")[0];
        assert_eq!(m.canonical.as_deref(), Some("县教育和体育局"));
        assert_eq!(
            builtin_canonical("县人社局", 3).as_deref(),
            Some("县人力资源社会保障局")
        );
        assert_eq!(
            builtin_canonical("县委编办", 3).as_deref(),
            Some("县委机构编制委员会办公室")
        );
        assert_eq!(builtin_canonical("县财政局", 3), None);
        assert_eq!(builtin_canonical("县人民政府办公室", 3), None);
        assert_eq!(
            builtin_canonical("县政府办公室", 3).as_deref(),
            Some("县人民政府办公室")
        );
        let abbr = Abbreviations::from_text("区卫生健康局(以下简称区卫健局)负责。区卫健局牵头");
        assert_eq!(abbr.canonical("区卫健局").as_deref(), Some("区卫生健康局"));
        let abbr = Abbreviations::from_text("县文化和旅游局(以下简称“县文旅部门”)");
        assert_eq!(
            abbr.canonical("县文旅部门").as_deref(),
            Some("县文化和旅游局")
        );
        assert_eq!(
            Abbreviations::default().canonical("县教体局").as_deref(),
            Some("县教育和体育局")
        );
    }
}
