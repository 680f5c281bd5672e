//! Reading one clause: which quantities are goals, and what each measures.

use super::super::quantity::{self, Quantity};
use crate::records::{Baseline, Comparator};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static LEADING_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:《[^》]{1,40}》中?(?:要求|明确|提出|规定)?|要求|\([0-9]{1,2}\)|[0-9]{1,2}[\.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|[0-9]{4}年?[-—–~至到][0-9]{4}年|(?:到|至|截至|截止)?[0-9]{4}年(?:底|末|前|度)?(?:以来)?|预计|计划|“?十[一二三四五六七八九]五”?(?:末|期末|期间|时期)?|近年来|近[一二三四五六七八九十[0-9]]{1,2}年来|[0-9]{1,2}月(?:底|末|份|中旬|上旬|下旬)?(?:前|以前|之前)?|年底前|年内|上半年|下半年|目前|当前|现在|现已|现有|其中|同时|力争|确保|争取|力求|努力|进一步|累计|共计|共有|先后|已经|已|再|并且|并|且|和|及|以及|还|另外|此外|全年|今年|坚持|督促|做到|按照|将|把|均|都|全部|分别|持续|始终|逐步|积极|大力|着力|不断|按可比价计算|按可比口径|同口径|共|拟安排|拟发行|拟)",
    )
    .expect("static regex")
});
/// Predicates (and particles) that end a subject before its number, longest first.
static PREDICATE_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    // The verbs of attaining a level (data/lexicon/verbs.tsv: 达到, 控制在, 压缩至 …), and
    // the words that may stand between a subject and its figure without being a verb of
    // the lexicon: copulas, hedges, particles.
    let mut v: Vec<&'static str> = super::super::clause::VERBS
        .of_class(super::super::clause::VerbClass::Metric)
        .collect();
    v.extend([
        "达到了",
        "实现",
        "完成",
        "为",
        "保持",
        "增加至",
        "调整到",
        "调整为",
        "不多于",
        "至少",
        "少于",
        "不足",
        "约为",
        "迈上",
        "翻",
        "约",
        "近",
        "大约",
        "将近",
        "接近",
        "逾",
        "在",
        "占",
        "的",
        "是",
        "计",
        "了",
        "和",
        "及",
        "与",
        "、",
    ]);
    v.sort_unstable();
    v.dedup();
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});
/// The chars [`PREDICATE_SUFFIXES`] end in.
static PREDICATE_LAST: LazyLock<crate::text::CharSet> = LazyLock::new(|| {
    let last: Vec<char> = PREDICATE_SUFFIXES
        .iter()
        .filter_map(|p| p.chars().next_back())
        .collect();
    crate::text::CharSet::new(&last)
});
/// Adverbs that go with a predicate (分别达到, 均保持在), stripped together with it.
const PREDICATE_ADVERBS: &[&str] = &[
    "分别", "均", "全部", "都", "持续", "稳定", "始终", "将", "已", "累计", "共计", "再", "要",
    "力争", "确保", "逐步", "必须", "须", "应当", "不得", "不应", "不能", "不宜", "总体", "每年",
];
/// Adverbs that never end a noun, so a subject never ends in one (收入首次迈上…台阶).
const SUBJECT_FINAL_ADVERBS: &[&str] = &["首次", "首度", "再次", "率先", "分别"];
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:调整|增加|提高|提升|增长|减少|下降|降低|扩大|缩减|压缩|缩短|发展|上升|增|降|升|减)(?:到|至|为)|达到)(?:现在的|目前的|当前的|现在|目前)?(?:[0-9]{4}年(?:底|末)?的)?$")
        .expect("static regex")
});
static FROM_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:由|从)?\s*(?:([0-9]{4})\s*年(?:底|末)?\s*的?)?$").expect("static regex")
});
/// 从1.5万件到目前的4.6万件: a bare 到 links a base to its value only after 从 or 由 (else
/// 3到5 is a range).
static BARE_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:到|至)(?:现在的|目前的|当前的|现在|目前)?(?:[0-9]{4}年(?:底|末)?的)?$")
        .expect("static regex")
});

/// Whether the words between two figures change the first into the second (增长到, 压缩至), or
/// a bare 到 does after a 从/由 base in `lead`.
fn is_change_gap(gap: &str, lead: &str) -> bool {
    let lead = lead.trim_end();
    let from_base = || {
        FROM_PHRASE.is_match(lead)
            || FROM_YEAR
                .find(lead)
                .is_some_and(|m| m.as_str().starts_with(['由', '从']))
    };
    CHANGE.is_match(gap) || (BARE_TO.is_match(gap) && from_base())
}

/// A base named by a period or a state rather than a year: 由“十二五”末的, 从改革前的.
static FROM_PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:由|从)[^由从,;。、:!?0-9]{1,12}$").expect("static regex"));
/// Verbs after which a Chinese numeral counts things (引进一所本科院校); elsewhere Chinese
/// numerals are mostly names and slogans (八项规定, 十项准则, 三级家长学校). 建设一所 is left
/// out: it usually states a standard per unit (每个乡镇建设一所中心幼儿园), not a count.
const CHINESE_COUNT_VERBS: &[&str] = &[
    "新建",
    "建成",
    "创建",
    "引进",
    "打造",
    "新增",
    "增加",
    "培养",
    "培育",
    "招聘",
    "招录",
    "达到",
    "累计",
    "完成",
    "改扩建",
    "改造",
    "设立",
    "成立",
    "举办",
    "评选",
    "选派",
];

/// Measure words a Chinese numeral may count (两次, 十分钟 are manners of speaking).
const CHINESE_COUNT_UNITS: &[&str] = &[
    "所", "处", "个", "项", "名", "人", "家", "座", "间", "台", "套", "场", "种", "支", "位", "班",
];

/// Verbs that link one count to the next (投资8500万元实施12个项目, 4个学段推出4所学校).
const LINK_VERBS: &[&str] = &[
    "实施",
    "推出",
    "建设",
    "完成",
    "新建",
    "建成",
    "改造",
    "配备",
    "培养",
    "培训",
    "招聘",
    "引进",
    "打造",
    "创建",
    "用于",
    "开展",
    "组织",
    "支持",
    "资助",
    "奖励",
    "带动",
    "覆盖",
    "惠及",
    "新增",
    "涉及",
    "包括",
    "完成投资",
    "投资",
    "实现",
];

/// Indicator endings that make a unitless number a value (差异率低于0.15, 教室比达1:1).
const RATE_ENDINGS: &[&str] = &["率", "比", "比例", "占比", "系数", "指数"];

/// The sentence's clauses, with a ratio split at its colon (教室比达1:1) put back together.
fn merged_clauses(text: &str, clauses: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(clauses.len());
    for c in clauses {
        if let Some(last) = out.last_mut() {
            let prev = text.get(last.clone()).unwrap_or("");
            let cur = text.get(c.clone()).unwrap_or("");
            let digit_colon = prev.ends_with(':')
                && prev[..prev.len() - 1].ends_with(|ch: char| ch.is_ascii_digit());
            if digit_colon && cur.starts_with(|ch: char| ch.is_ascii_digit()) && last.end == c.start
            {
                last.end = c.end;
                continue;
            }
        }
        out.push(c.clone());
    }
    out
}

/// Byte ranges (absolute) inside 《…》 and “…” of a sentence: quantities there are names.
fn masked_ranges(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '《') => open = Some(('》', i)),
            (None, '“') => open = Some(('”', i)),
            (None, '"') => open = Some(('"', i)),
            (Some((close, start)), c) if c == close => {
                // A quote with clause punctuation inside is reported speech (“2017年,全县实现
                // 生产总值255亿元,…”), not a name: its figures count.
                let inner = &text[start..i];
                if close == '》' || !inner.contains([',', ';', '。', ':']) {
                    out.push(base + start..base + i + c.len_utf8());
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// A goal read from a clause, before the sentence-level fields are added.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClauseGoal {
    pub(super) indicator: String,
    pub(super) baseline: Option<Baseline>,
    pub(super) comparator: Comparator,
    pub(super) value: f64,
    pub(super) value_high: Option<f64>,
    /// Absolute byte offset of the number in the text.
    pub(super) at: usize,
    pub(super) unit: Option<String>,
}

fn strip_leading(mut s: &str) -> &str {
    loop {
        let mut t = s.trim_start_matches([' ', '、', ',', ';', ':', '。', '\u{3000}', '\t']);
        // An opening quote whose close is not in the subject: “2017年,全县实现生产总值….
        if let Some(rest) = t.strip_prefix('“') {
            if !rest.contains('”') {
                t = rest;
            }
        }
        // An opening parenthesis whose close is not in the subject: (其中,普惠性幼儿园47所).
        if let Some(rest) = t.strip_prefix('(') {
            if !rest.contains(')') {
                t = rest;
            }
        }
        let t = match LEADING_FILLER.find(t) {
            Some(m) if m.end() > 0 => &t[m.end()..],
            _ => t,
        };
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

fn strip_trailing(mut s: &str) -> &str {
    // Suffix lists rather than a `…$` regex: a regex would rescan the subject every round.
    loop {
        let mut t = s.trim_end_matches([' ', '、', ',', ';', ':', '。', '\u{3000}', '\t']);
        // A subject that is nothing but a predicate (力争控制在…, 完成…) strips to nothing:
        // the figure then measures what the sentence's previous figure did.
        // Most subjects end in no predicate: their last char rules out the whole list.
        let may_end_in_predicate = t
            .chars()
            .next_back()
            .is_some_and(|c| PREDICATE_LAST.contains(c));
        if let Some(p) = PREDICATE_SUFFIXES
            .iter()
            .filter(|_| may_end_in_predicate)
            .find(|p| t.len() >= p.len() && t.ends_with(**p))
        {
            t = &t[..t.len() - p.len()];
            if let Some(a) = PREDICATE_ADVERBS.iter().find(|a| {
                t.len() >= a.len()
                    && t.ends_with(**a)
                    // 人均, 生均, 年均 are nouns' words, not the adverb 均.
                    && !(**a == "均" && t[..t.len() - a.len()].ends_with(['人', '生', '户', '平', '年', '日', '月']))
            }) {
                t = &t[..t.len() - a.len()];
            }
        }
        if let Some(a) = SUBJECT_FINAL_ADVERBS
            .iter()
            .find(|a| t.len() > a.len() && t.ends_with(**a))
        {
            t = &t[..t.len() - a.len()];
            // 规模将首次达到: a modal may stand before the adverb.
            if let Some(m) = PREDICATE_ADVERBS
                .iter()
                .find(|m| t.len() > m.len() && t.ends_with(**m))
            {
                t = &t[..t.len() - m.len()];
            }
        }
        // 优良天数比率2020年要达到87%: the year before the predicate dates the figure; it is
        // no part of the name.
        if let Some(y) = trailing_year(t) {
            t = &t[..y];
        }
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

/// The start of a year (2020年, 2025年底) that ends `s` after a name of two chars or more.
fn trailing_year(s: &str) -> Option<usize> {
    let body = s
        .strip_suffix("年底")
        .or_else(|| s.strip_suffix("年末"))
        .or_else(|| s.strip_suffix('年'))?;
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let start = body.len() - digits;
    (digits == 4
        && body[..start].chars().count() >= 2
        && !body[..start].ends_with(['比', '较', '于', '的', '至', '到']))
    .then_some(start)
}

/// Whether a character can start the noun after a number (not punctuation or a particle).
fn starts_noun(s: &str) -> bool {
    match s.chars().next() {
        Some(c) => {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                && !matches!(c, '的' | '以' | '及' | '和' | '或' | '等')
                || c == '“'
        }
        None => false,
    }
}

/// The phrase after a leading 的 (的学校建成智慧校园 → 学校建成智慧校园) and the bytes used.
fn tail_rest_after_de(tail: &str) -> Option<(String, usize)> {
    let rest = tail.strip_prefix('的')?;
    let end = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | ',' | ';' | ':' | '(' | ')'))
        .map(|(k, _)| k)
        .unwrap_or(rest.len());
    let phrase: String = rest[..end].chars().take(24).collect();
    let phrase = strip_trailing(&phrase).to_owned();
    (!phrase.is_empty()).then_some((phrase, '的'.len_utf8() + end))
}

/// Where the noun after a number ends: at punctuation other than 、, a conjunction or
/// particle, or a preposition opening a new phrase (推动11所学校与…学校在…方面).
fn tail_end(tail: &str) -> usize {
    for (k, c) in tail.char_indices() {
        if c == '以' && tail[k + c.len_utf8()..].starts_with('及') {
            return k;
        }
        // An adverb or a preposition opens the predicate: 3所高中分别牵头…, 2所小学与…结对.
        if k > 0 && (c == '与' || tail[k..].starts_with("分别")) {
            return k;
        }
        // 、 before another count opens the list's next item: 5个平台、10家企业.
        if c == '、' && tail[k + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()) {
            return k;
        }
        // 迈上10亿元台阶, 突破千亿大关: the threshold's word, not what is measured.
        if k == 0 && (tail.starts_with("台阶") || tail.starts_with("大关")) {
            return 0;
        }
        if matches!(
            c,
            '。' | ',' | ';' | ':' | '(' | ')' | '及' | '和' | '的' | '等'
        ) {
            return k;
        }
        if c == '在' && k > 0 {
            let rest = &tail[k + c.len_utf8()..];
            let word = [
                "校生",
                "校学生",
                "校人",
                "园幼儿",
                "园儿童",
                "读",
                "岗",
                "编",
                "职",
            ];
            if !word.iter().any(|w| rest.starts_with(w)) {
                return k;
            }
        }
    }
    tail.len()
}

/// `s` without a leading count of groups (7大类, 3个方面), which is not a quantity of its own.
fn strip_group_count(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == s.len() {
        return s;
    }
    ["大类", "类", "个方面", "方面"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(s)
}

/// Drops the parentheses' contents that only qualify (均不含…) and collapses white space.
pub(super) fn tidy(s: &str) -> String {
    // 分别 distributes figures over subjects; it is no part of any of them.
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace("分别", "");
    // (均不含寄宿制学校), (含民办): qualifications, not part of the name; (幼儿园) stays.
    while let Some(open) = out.find('(') {
        let Some(close) = out[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inner = &out[open + 1..close];
        if ["均", "不含", "含", "包括", "其中", "注", "下同"]
            .iter()
            .any(|w| inner.starts_with(w))
        {
            out.replace_range(open..close + 1, "");
        } else {
            break;
        }
    }
    out
}

/// Indicator heads whose natural measure is a weak unit (年, 岁, 天…): 平均受教育年限达到10.9年,
/// 教师平均年龄控制在40岁以下. Elsewhere such units are durations or ages, not goals.
const WEAK_UNIT_MEASURES: &[&str] = &[
    "年限",
    "年龄",
    "天数",
    "时长",
    "周数",
    "寿命",
    "时限",
    "工作日",
];

/// Whether the clause text before a number names a weak-unit measure close enough to be its
/// subject (within a short predicate such as 达到, 控制在…以下, 提高到).
fn measures_weak_unit(before: &str) -> bool {
    // Digits are left out of the count: a baseline between measure and number (寿命由2015年的
    // 78岁上升至2020年的79.13岁) keeps them close.
    let tail: String = {
        let chars: Vec<char> = before
            .chars()
            .rev()
            .take(40)
            .filter(|c| !c.is_ascii_digit() && *c != '.')
            .take(12)
            .collect();
        chars.into_iter().rev().collect()
    };
    WEAK_UNIT_MEASURES.iter().any(|m| tail.contains(m))
}

/// Whether a quantity is a real count or measure rather than a name, date or modifier.
/// Whether a round amount (10, 100, 10万, 百万…) is the denominator of the rate named right
/// after it: 10万人死亡率, 百万吨死亡率, 万人发明专利拥有量 (a name of at most seven chars
/// ending in 率 or 拥有量, with no punctuation between; never a share such as 100%覆盖率).
fn is_rate_denominator(q: &Quantity, after: &str) -> bool {
    let round = q.value >= 10.0 && q.upper.is_none() && {
        let e = q.value.log10();
        (e - e.round()).abs() < 1e-9
    };
    let name: String = after
        .chars()
        .take(7)
        .take_while(|c| !c.is_ascii_punctuation() && !"，。；、：,;:".contains(*c))
        .collect();
    round
        && !matches!(q.unit.as_deref(), Some("%" | "‰" | "个百分点" | "百分点"))
        && (name.chars().skip(1).any(|c| c == '率') || name.contains("拥有量"))
        && !after.starts_with(['的', '以', '左', '及', '和'])
}

fn is_goal_quantity<'m>(
    ctext: &str,
    q: &Quantity,
    base: usize,
    mask: &dyn Fn() -> &'m [Range<usize>],
) -> bool {
    if q.ordinal || q.plus {
        return false;
    }
    let unit = q.unit.as_deref();
    // Ranks: 进入全市前3名; a move in a ranking (较上年前移2位, 位次上升3位) is ordinal too.
    let before_number = &ctext[..q.number.start];
    if matches!(unit, Some("名" | "位"))
        && (before_number.ends_with('前')
            || (unit == Some("位")
                && [
                    "前移", "后移", "前进", "后退", "上升", "下降", "提升", "跃升",
                ]
                .iter()
                .any(|w| before_number.ends_with(w))))
    {
        return false;
    }
    // A meeting's roll call (应到代表148名,实到133名): procedure, not a figure.
    let roll_call = ["应到", "实到", "应出席", "实出席"]
        .iter()
        .any(|w| before_number.ends_with(w) || before_number.contains(&format!("{w}代表")))
        || (before_number.contains("出席")
            && ["代表", "委员"].iter().any(|w| before_number.contains(w)));
    if matches!(unit, Some("名" | "人")) && roll_call {
        return false;
    }
    let after = &ctext[q.span.end.min(ctext.len())..];
    // A meeting's number (市政府十七届61次常务会议审议通过) and a heading's count of its
    // items (牵头工作(8项)) count nothing that is planned or done.
    let meeting = unit == Some("次")
        && (before_number.ends_with('届')
            || ["常务会议", "常委会", "会议", "全体会议", "主任会议"]
                .iter()
                .any(|w| after.starts_with(w)));
    let item_count =
        unit == Some("项") && before_number.ends_with('(') && after.trim_start().starts_with(')');
    if meeting || item_count {
        return false;
    }
    let range_years = unit == Some("年") && q.upper.is_some() && q.value < 100.0;
    if q.per && !range_years {
        return false;
    }
    let before = &ctext[..q.number.start];
    if let Some(u) = unit {
        if quantity::is_weak_unit(u) && !range_years && !measures_weak_unit(before) {
            return false;
        }
    }
    // A bound that defines a class (灌溉面积小于1万亩的小型灌区, 容积小于10万立方米的水源):
    // what falls under it, not a level to reach.
    if matches!(q.comparator, Some(Comparator::Lt | Comparator::Le))
        && ctext[q.span.end..].starts_with('的')
    {
        return false;
    }
    // A calendar year read as a count of years (完成时限为2021年8月): a date, not a duration.
    if unit == Some("年") && (1900.0..=2100.0).contains(&q.value) && q.value.fract() == 0.0 {
        return false;
    }
    let after = &ctext[q.span.end..];
    if counts_own_items(before, after, unit) {
        return false;
    }
    // 10万人死亡率, 百万吨死亡率: a round population or output right before a rate's name
    // is the rate's denominator, not a figure.
    if is_rate_denominator(q, after) {
        return false;
    }
    // A share that names a campaign (单产增一成行动, 收入倍增计划) is part of its name.
    if matches!(unit, Some("%" | "倍"))
        && ["行动", "工程", "计划", "攻坚"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return false;
    }
    // 百分之九十五, 八成, 半数 and 翻一番 are shares and ratios whatever their script.
    // 近千万人次, 突破百亿元: magnitudes in Chinese are quantities, not names.
    // (A lone 万 or 千 is an idiom's, 千家万户; a magnitude takes two numerals at least.)
    let magnitude = q.value >= 10_000.0 && ctext[q.number.clone()].chars().nth(1).is_some();
    if q.chinese && !matches!(unit, Some("%" | "倍")) && !magnitude {
        let b = before.trim_end_matches(['再', '了', '共']);
        if !CHINESE_COUNT_VERBS.iter().any(|v| b.ends_with(v))
            || !unit.is_some_and(|u| CHINESE_COUNT_UNITS.contains(&u))
        {
            return false;
        }
    }
    // Modifiers of a noun: 10人以下“微型学校”, 不足100名学生的学校.
    let has_suffix_qualifier = ctext[q.number.end..q.span.end].ends_with("以上")
        || ctext[q.number.end..q.span.end].ends_with("以下");
    // Durations and distances before a noun name it: 15分钟教育服务圈, 24小时值班.
    // (A length before the works done on it is counted: 45公里建设, 120公里改造.)
    let works = [
        "建设", "改造", "硬化", "铺设", "修建", "新建", "提升", "整治", "维修", "养护",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    if matches!(unit, Some("分钟" | "小时" | "公里" | "千米" | "米"))
        && starts_noun(after)
        && !works
    {
        return false;
    }
    // A share keeps its noun: 60%以上的学校建成智慧校园. A count that a verb of making
    // governs is a goal whatever its qualifier: 培育10家以上上市企业, 新建5个以上示范区.
    // (Also the later items of a list such a verb opens: 培育5个平台、10家以上企业.)
    let made = CHINESE_COUNT_VERBS
        .iter()
        .any(|v| before.trim_end().ends_with(v))
        || (before.ends_with('、') && CHINESE_COUNT_VERBS.iter().any(|v| before.contains(v)));
    // An area that reaches a state is measured like a share: 50平方公里以上建设用地达到海绵
    // 城市要求 (not a class through 的: 1万亩以上的灌区达到…).
    let area_reaching = matches!(unit, Some("平方公里" | "平方米" | "公顷" | "亩"))
        && !after.starts_with('的')
        && ["达到", "实现", "建成"].iter().any(|v| after.contains(v));
    if has_suffix_qualifier
        && unit != Some("%")
        && !made
        && !area_reaching
        && (starts_noun(after) || after.starts_with('的'))
    {
        return false;
    }
    // 不足100名学生的学校: a number qualifying a noun through 的, unless a predicate precedes.
    let b = before.trim_end();
    // 等12所中小学的项目建设: after a list, the number counts its items.
    let predicate = b.ends_with('为')
        || b.ends_with("达到")
        || b.ends_with('是')
        || b.ends_with('达')
        || b.ends_with('等');
    let short_noun: String = after
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || matches!(c, '“' | '”'))
        .take(5)
        .collect();
    // 360学时的培训 measures what follows 的; 100名学生的学校 is a noun phrase.
    // (从1.5万件到目前的4.6万件: 到 links a base to its value, it opens no noun.)
    if !predicate
        && !after.starts_with(['到', '至'])
        && short_noun.find('的').is_some_and(|k| k > 0)
    {
        return false;
    }
    // A number without unit is a value only for a rate (差异率低于0.15), or a count in the
    // ten thousands attained (体检人数达1000万以上, 吞吐量突破200万大关).
    if unit.is_none() {
        let subject = strip_trailing(before);
        if !RATE_ENDINGS.iter().any(|e| subject.ends_with(e)) && !unitless_count(ctext, q) {
            return false;
        }
    }
    // Last, as it needs the sentence's quote and title ranges.
    let abs = base + q.number.start;
    if mask().iter().any(|m| m.start <= abs && abs < m.end) {
        return false;
    }
    true
}

/// True for a count of the document's own parts (明确133项具体任务, 涉及34个牵头单位,
/// 提出20条措施): how the plan is laid out, not what it aims at.
fn counts_own_items(before: &str, after: &str, unit: Option<&str>) -> bool {
    if !matches!(unit, Some("项" | "条" | "个" | "件")) {
        return false;
    }
    let mut noun = after;
    while let Some(rest) = ["具体", "重点", "主要", "工作"]
        .iter()
        .find_map(|w| noun.strip_prefix(w))
    {
        noun = rest;
    }
    let bodies = ["牵头单位", "责任单位", "配合单位", "牵头部门", "责任部门"];
    if bodies.iter().any(|b| noun.starts_with(b)) {
        return true;
    }
    let parts = ["任务", "要点", "措施", "举措", "事项", "条款", "政策"];
    let laying_out = [
        "明确", "涉及", "细化", "包括", "包含", "提出", "梳理", "分解", "制定", "出台", "发布",
        "共",
    ];
    parts.iter().any(|p| noun.starts_with(p))
        && laying_out.iter().any(|v| before.trim_end().ends_with(v))
}

/// True for a count without unit that a verb of attaining reaches, written with 万 or 亿
/// (达1000万以上, 突破200万): the measure names what is counted.
fn unitless_count(ctext: &str, q: &Quantity) -> bool {
    let magnitude = ctext[q.number.end..].starts_with(['万', '亿'])
        || (q.chinese && ctext[q.number.clone()].ends_with(['万', '亿']));
    let before = ctext[..q.number.start].trim_end_matches(['超', '近', '约']);
    magnitude
        && ["达", "达到", "突破", "超过", "逾", "增至", "增加到"]
            .iter()
            .any(|v| before.ends_with(v))
}

/// Goals of one clause. `prev_indicator` carries the last indicator of the sentence, for
/// clauses like "共计40.35万元" that only add an amount to the previous count.
/// 分别下降4、6和2微克/立方米: bare numbers listed before a number with a unit share that
/// unit (right to left, so the whole list gets it).
fn share_trailing_unit(ctext: &str, all: &mut [Quantity]) {
    for k in (1..all.len()).rev() {
        let (head, tail) = all.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &tail[0]);
        let Some(unit) = b.unit.as_ref() else {
            continue;
        };
        let gap = ctext.get(a.span.end..b.span.start).unwrap_or("");
        let bare = a.unit.is_none() && !a.ordinal && !a.per && !a.plus && a.upper.is_none();
        // 2020、2021年 are years, not counts of years.
        let year = unit == "年" && a.value >= 1900.0;
        if bare && !year && matches!(gap, "、" | "和" | "及" | "与") {
            a.unit = Some(unit.clone());
        }
    }
}

fn clause_goals<'m>(
    ctext: &str,
    base: usize,
    mask: &dyn Fn() -> &'m [Range<usize>],
    prev: &mut Previous,
) -> Vec<ClauseGoal> {
    let mut all = quantity::scan(ctext);
    // 每千人5批次: a population the rate is stated per, right before the figure, joins its
    // unit (批次/千人).
    for k in 1..all.len() {
        let (head, tail) = all.split_at_mut(k);
        let (per, q) = (&head[k - 1], &mut tail[0]);
        if per.per && per.span.end == q.span.start && q.unit.is_some() {
            let population = &ctext[per.number.start..per.span.end];
            if let Some(u) = q.unit.as_mut() {
                u.push('/');
                u.push_str(population);
            }
        }
    }
    share_trailing_unit(ctext, &mut all);
    let mut quantities: Vec<&Quantity> = all
        .iter()
        .filter(|q| is_goal_quantity(ctext, q, base, mask))
        .collect();
    // 由2012年的182所调整到现在的96所: the first number is the second's baseline. The pair
    // is folded into the second quantity; its subject is read before the first.
    let mut baselines: Vec<Option<(Baseline, usize)>> = vec![None; quantities.len()];
    // Spaces (text out of a PDF: 从 2015 年的 51281 元增长到 2020 年的…) are no words.
    let gap_between = |a: &Quantity, b: &Quantity| -> String {
        ctext[a.span.end..b.span.start.max(a.span.end)]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let mut k = 0;
    while k + 1 < quantities.len() {
        // Parallel pairs, 分别由900元、650元提高至950元、720元: n figures, the change, n
        // figures; each of the first run is the baseline of its match in the second.
        let mut n = 1;
        while k + n < quantities.len()
            && gap_between(quantities[k + n - 1], quantities[k + n]) == "、"
        {
            n += 1;
        }
        let paired = (1..=n).rev().find(|&m| {
            k + 2 * m <= quantities.len()
                && is_change_gap(
                    &gap_between(quantities[k + m - 1], quantities[k + m]),
                    &ctext[..quantities[k].span.start],
                )
                && (0..m).all(|t| {
                    let (a, b) = (quantities[k + t], quantities[k + m + t]);
                    a.unit == b.unit
                        && a.upper.is_none()
                        && (t + 1 == m || gap_between(b, quantities[k + m + t + 1]) == "、")
                })
        });
        let Some(m) = paired else {
            k += 1;
            continue;
        };
        let a = quantities[k];
        let lead = ctext[..a.span.start].trim_end();
        let year = FROM_YEAR
            .captures(lead)
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse().ok());
        let from = FROM_PHRASE
            .find(lead)
            .or_else(|| FROM_YEAR.find(lead))
            .map(|m| m.start())
            .unwrap_or(a.span.start);
        for t in 0..m {
            baselines[k + m + t] = Some((
                Baseline {
                    value: quantities[k + t].value,
                    year,
                },
                from,
            ));
        }
        quantities.drain(k..k + m);
        baselines.drain(k..k + m);
        k += m;
    }
    let mut out: Vec<ClauseGoal> = Vec::new();
    // Runs of quantities sharing one subject: 分别达到98%、100%.
    let mut i = 0;
    let mut last_end = 0usize;
    while i < quantities.len() {
        let q = quantities[i];
        // The segment before this number, from the previous quantity (or clause start).
        let seg_start = last_end.min(q.number.start);
        let seg_end = baselines[i]
            .as_ref()
            .map(|(_, from)| *from)
            .unwrap_or(q.span.start);
        let raw_before = &ctext[seg_start.min(seg_end)..seg_end];
        // A lead-in ending in a colon (主要预期目标是:生产总值增长8.5%) heads what follows it.
        let before = match raw_before.rfind(':') {
            // 一产固定资产投资:完成48.2亿元: nothing but a predicate after the colon, the
            // measure is before it.
            Some(k) if !strip_trailing(strip_leading(&raw_before[k + 1..])).is_empty() => {
                &raw_before[k + 1..]
            }
            Some(k) => &raw_before[..k],
            None => raw_before,
        };
        let before = strip_trailing(strip_leading(before));
        // 托位数力争从3个达到4.5个: before a baseline the adverb stands alone.
        let before = match baselines[i] {
            Some(_) => PREDICATE_ADVERBS
                .iter()
                .find_map(|a| before.strip_suffix(a).filter(|b| !b.is_empty()))
                .unwrap_or(before),
            None => before,
        };
        // 开发剪纸、泥塑等各类校本课程80种: what precedes 等 are examples, not the measure.
        // (高等教育, 中等职业, 同等学力: 等 inside a word lists nothing.)
        let before = match before.rfind('等') {
            Some(k)
                if k + '等'.len_utf8() < before.len()
                    && !before[..k].ends_with(|c: char| {
                        "高中初同平相对均上下优特头超一二三何".contains(c)
                    }) =>
            {
                &before[k + '等'.len_utf8()..]
            }
            _ => before,
        };
        // 7大类75个项目: a count of groups before the number is no part of what is counted.
        let before = strip_group_count(before);
        // Following quantities with nothing but 、 between them share this subject.
        let mut run = vec![q];
        let mut j = i + 1;
        while j < quantities.len() {
            let gap = &ctext[run[run.len() - 1].span.end..quantities[j].span.start];
            if gap.trim_matches([' ', '、', '和', '及']).is_empty() {
                run.push(quantities[j]);
                j += 1;
            } else {
                break;
            }
        }
        let run_end = run[run.len() - 1].span.end;
        // The noun after the last number of the run, up to the next quantity, punctuation
        // other than 、, or a conjunction (建成了800多个智慧教室及…).
        let next_start = quantities
            .get(j)
            .map(|n| n.span.start)
            .unwrap_or(ctext.len());
        let tail = &ctext[run_end..next_start.max(run_end)];
        let tail_len = tail_end(tail);
        // A tail that runs into the next number is a verb linking to it (投资8500万元实施12个
        // 项目), not a noun of this one, unless a 、 closes it (1所中学、4所小学).
        let runs_into_next =
            j < quantities.len() && tail_len == tail.len() && !tail.trim_end().ends_with('、');
        // Then a verb ends it and belongs to the next number: 4个学段推出4所… keeps 学段.
        let tail_len = if runs_into_next {
            LINK_VERBS
                .iter()
                .find(|v| tail.ends_with(**v))
                .map(|v| tail.len() - v.len())
                .unwrap_or(0)
        } else {
            tail_len
        };
        let tail = &tail[..tail_len];
        let after = if starts_noun(tail) {
            let t: String = tail.chars().take(24).collect();
            strip_trailing(&t).to_owned()
        } else {
            String::new()
        };
        // 60%以上的学校建成智慧校园: a share's population follows 的.
        let (after, tail_len) = match tail_rest_after_de(&ctext[run_end..next_start.max(run_end)]) {
            Some((noun, len))
                if after.is_empty() && run[run.len() - 1].unit.as_deref() == Some("%") =>
            {
                (noun, len)
            }
            _ => (after, tail_len),
        };
        let consumed = if after.is_empty() { 0 } else { tail_len };
        let mut indicator = if after.is_empty() {
            // 建成…学校、幼儿园2处: the item right before the number is what is counted.
            match before.rfind('、') {
                Some(k)
                    if split_subject(before, run.len(), false).is_none()
                        && !raw_before.contains("分别")
                        && !is_verb_list(&before[..k]) =>
                {
                    tidy(&before[k + '、'.len_utf8()..])
                }
                _ => tidy(before),
            }
        } else if before.contains('、') || crate::extract::clause::is_causative(before) {
            // 组织3所高中…: a causative verb's object acts next; the noun alone is counted.
            // 续建新三中、崖头小学…5个重点工程项目: the list names members; the noun counts.
            String::new()
        } else {
            tidy(before)
        };
        if !after.is_empty() {
            indicator.push_str(&tidy(&after));
        }
        let mut noun_carried = false;
        if let Some(carried) = carried_object(&indicator, prev) {
            indicator = carried;
        } else if let Some(carried) = raw_before
            .contains(',')
            .then(|| carried_noun(&indicator, prev))
            .flatten()
        {
            indicator = carried;
            noun_carried = true;
        }
        let mut scoped = false;
        // 增长5.8% after 地区生产总值31.86亿元: the change of the previous figure's measure;
        // 分别增长8.6%、9.4% after two listed levels: the change of each.
        let change_of: Option<Vec<String>> = is_change(&indicator)
            .then(|| {
                let measures: Vec<String> = if prev.subjects.len() == run.len() {
                    prev.subjects
                        .iter()
                        .map(|p| measure_of(p).to_owned())
                        .collect()
                } else {
                    prev.indicator
                        .iter()
                        .map(|p| measure_of(p).to_owned())
                        .collect()
                };
                let measures = if measures.is_empty() {
                    prev.subject_clause
                        .as_deref()
                        .and_then(subject_of_clause)
                        .into_iter()
                        .collect()
                } else {
                    measures
                };
                let change = indicator.trim_start_matches("分别");
                measures
                    .into_iter()
                    .filter(|m| !m.is_empty() && !is_change(m))
                    .map(|m| format!("{m}{change}"))
                    .collect::<Vec<String>>()
            })
            .filter(|v| !v.is_empty());
        if indicator.is_empty() {
            if let Some(p) = prev.indicator.as_ref() {
                indicator = p.clone();
            }
        } else if is_scope(&indicator) {
            // 县(市、区)达到80%以上 after 全市…覆盖率达到85%, 云冈区3650户 after 平城区1700户: the
            // same measure in another scope.
            scoped = true;
            if let Some(p) = prev.indicator.as_ref() {
                let measure = without_scope(p);
                if !measure.is_empty() && !is_scope(measure) {
                    indicator.push_str(measure);
                }
            }
        }
        let distribute = raw_before.contains("分别") || says_all(raw_before);
        let parts = match change_of {
            Some(c) => Some(c),
            None => split_subject(before, run.len(), distribute)
                .map(complete_heads)
                .map(share_change_tail),
        };
        // 分别增长5%和7.5%左右: 左右 after the last figure of a distributed run hedges them
        // all. (A bound, 分别达到99%、95%以上, is read for the last figure only, as the
        // seeds' annotators read it.)
        let last = run[run.len() - 1];
        let shared = (distribute && run.len() > 1 && last.upper.is_none())
            .then_some(last.comparator)
            .flatten()
            .filter(|c| *c == Comparator::Approx);
        // 分别不低于24%和30%: a bound written before the first figure holds for them all.
        let first = run[0];
        let leading = (distribute && run.len() > 1 && last.comparator.is_none())
            .then_some(first.comparator)
            .flatten()
            .filter(|c| *c != Comparator::Approx && *c != Comparator::Eq);
        let shared = shared.or(leading);
        let mut run_subjects = Vec::new();
        for (k, &q) in run.iter().enumerate() {
            let qualified;
            let q = match shared {
                Some(c) if q.comparator.is_none() && q.upper.is_none() && q.unit == last.unit => {
                    qualified = Quantity {
                        comparator: Some(c),
                        ..q.clone()
                    };
                    &qualified
                }
                _ => q,
            };
            let subjects: Vec<String> = match &parts {
                Some(p) if p.len() == run.len() => vec![tidy(&p[k])],
                Some(p) if run.len() == 1 => p.iter().map(|x| tidy(x)).collect(),
                _ => vec![indicator.clone()],
            };
            if let Some(first) = subjects.first() {
                run_subjects.push(first.clone());
            }
            for subject in subjects {
                if subject.is_empty() {
                    continue;
                }
                if (q.unit.is_none()
                    && !RATE_ENDINGS.iter().any(|e| subject.ends_with(e))
                    && !unitless_count(ctext, q))
                    || !q.value.is_finite()
                    || !q.upper.unwrap_or(0.0).is_finite()
                {
                    continue;
                }
                push_goal(
                    &mut out,
                    subject,
                    q,
                    base,
                    baselines[i + k].as_ref().map(|(b, _)| b.clone()),
                );
            }
        }
        // A figure of another scope keeps the measure it borrowed for the next one.
        if !indicator.is_empty() && !is_change(&indicator) && !scoped {
            prev.history.extend(run_subjects.iter().cloned());
            prev.indicator = Some(indicator);
            prev.noun_carried = noun_carried;
            prev.subjects = run_subjects;
        }
        last_end = run_end + consumed;
        i = j;
    }
    out
}

/// What the previous figures of a sentence measured, for the clauses that only add a change
/// (增长5.8%) or an amount (共计40.35万元) to them.
#[derive(Debug, Clone, Default)]
pub(super) struct Previous {
    /// The last indicator.
    indicator: Option<String>,
    /// The subject of each number of the last run (城镇…, 农村… of 分别达到…、…).
    subjects: Vec<String>,
    /// The clause before, when it gave no figure: it may name the measure a bare change
    /// in this one changes (see [`subject_of_clause`]).
    subject_clause: Option<String>,
    /// Whether the last indicator is an object with a one-char noun carried onto it
    /// (改造老旧小区楼 of 202栋楼).
    noun_carried: bool,
    /// Every measure the sentence has given a figure so far, in order (财政总收入…,其中地方
    /// 财政收入…,分别增长…、… pairs the changes with the last two).
    history: Vec<String>,
}

/// Heads that name what of a product is counted but not the product (总产, 产量).
const BARE_HEADS: &[&str] = &["总产量", "年产量", "总产值", "总产", "产量", "产值"];
/// What a product's earlier figure measured besides its output (粮食播种面积, 蔬菜种植面积).
const PRODUCT_ATTRIBUTES: &[&str] = &[
    "播种面积",
    "种植面积",
    "面积",
    "增产",
    "总产",
    "产量",
    "存栏",
    "出栏",
    "单产",
    "产值",
];
/// Works verbs that report progress on a programme named before (新开工, 基本建成, 惠及居民).
const WORKS_VERBS: &[&str] = &[
    "基本建成",
    "建成",
    "新开工",
    "开工",
    "竣工",
    "完工",
    "完成",
    "惠及居民",
    "惠及",
    "涉及居民",
    "涉及",
];

/// 总产达到5.8亿斤 after 粮食播种面积…, 新开工0.8万户 after 农村危房改造竣工…: a figure
/// that names only a bare head or a works verb measures the product or programme of the
/// figure before it (the latest one that is not a rate).
fn carried_object(indicator: &str, prev: &Previous) -> Option<String> {
    // 广播覆盖人口311万人,覆盖率95.4%: a bare rate whose verb the figure before names is
    // that object's rate (广播覆盖率).
    if let Some(stem) = indicator.strip_suffix('率') {
        if (2..=3).contains(&stem.chars().count()) {
            let before = measure_of(prev.indicator.as_deref()?);
            let k = before.find(stem).filter(|&k| k > 0)?;
            return Some(format!("{}{indicator}", &before[..k]));
        }
    }
    // 新建成高速公路通车里程超900公里,总里程达到9067公里: a total of the same object, which
    // is no longer the new part of it.
    if matches!(indicator, "总里程" | "总规模" | "总数" | "总量") {
        let before = measure_of(prev.indicator.as_deref()?);
        let cut = ["通车里程", "里程", "规模", "数量", "总数", "总量"]
            .iter()
            .filter_map(|a| before.find(a))
            .min()
            .unwrap_or(before.len());
        // (新建成 before 新建: the longer word goes whole.)
        let object = ["新建成", "新建", "新增"]
            .iter()
            .fold(before[..cut].to_owned(), |o, w| o.replacen(w, "", 1));
        let object = without_scope(&object).to_owned();
        return (object.chars().count() >= 2).then(|| format!("{object}{indicator}"));
    }
    // 累计新增就业725万人、年均145万人: a yearly average of the figure before it.
    if ["年均", "平均每年", "每年"].contains(&indicator) {
        let before = measure_of(prev.indicator.as_deref()?).replacen("累计", "", 1);
        return (before.chars().count() >= 2 && !is_change(&before))
            .then(|| format!("{indicator}{before}"));
    }
    let bare_head = BARE_HEADS.contains(&indicator);
    let works = WORKS_VERBS.contains(&indicator);
    if !bare_head && !works {
        return None;
    }
    let before = prev
        .history
        .iter()
        .rev()
        .find(|p| !RATE_ENDINGS.iter().any(|e| p.ends_with(e)))?;
    let before = measure_of(before);
    let object = if bare_head {
        let cut = PRODUCT_ATTRIBUTES
            .iter()
            .filter_map(|a| before.find(a))
            .min()?;
        &before[..cut]
    } else {
        WORKS_VERBS
            .iter()
            .find_map(|v| before.strip_suffix(v))
            .unwrap_or(before)
    };
    (object.chars().count() >= 2).then(|| format!("{object}{indicator}"))
}

/// The measure a clause without figures names for a change in the next clause: a noun
/// phrase, possibly with its base (各类事故死亡人数在2020年的基础上 → 各类事故死亡人数), and
/// no verb.
fn subject_of_clause(clause: &str) -> Option<String> {
    let c = strip_trailing(clause.trim_end_matches([',', ',', ';', ':']));
    if c.contains(|ch: char| ch.is_ascii_digit()) && !c.contains("基础上") {
        return None;
    }
    let c = match c.find('在') {
        Some(k) if c[k..].ends_with("基础上") => &c[..k],
        _ => c,
    };
    if !crate::extract::clause::verbs(c).is_empty() {
        return None;
    }
    let c = tidy(strip_leading(c));
    let n = c.chars().count();
    ((4..=20).contains(&n)
        && !c.contains(|ch: char| ch.is_ascii_digit() || "，。;:“”《》".contains(ch)))
    .then_some(c)
}

/// 改造老旧小区88个,202栋楼,7562套房: a figure naming only a one-char noun after its unit,
/// after a comma, counts that part of the object of the figure before it (改造老旧小区楼,
/// 改造老旧小区房). (Items listed with 、 are parallel, not parts.)
fn carried_noun(indicator: &str, prev: &Previous) -> Option<String> {
    let mut chars = indicator.chars();
    let noun = chars
        .next()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))?;
    if chars.next().is_some() || "年月日次倍".contains(noun) {
        return None;
    }
    let before = measure_of(prev.indicator.as_deref()?);
    let object = if prev.noun_carried {
        let mut c = before.chars();
        c.next_back();
        c.as_str()
    } else {
        before
    };
    (object.chars().count() >= 2 && !is_change(object)).then(|| format!("{object}{noun}"))
}

/// A change word with its base and adverbs (同比下降, 比2020年增长, 年均增长).
const CHANGE_WORDS: &str = r"(?:分别|同比|比上年|较上年|(?:比|较)[0-9]{4}年(?:底|末)?|年均|每年|逐年|均)*(?:增长|下降|增加|减少|提高|降低|上升|回落|递增|增速|增幅|涨幅)";

/// Words that state only a change, not what changes (增长, 同比下降, 年均增长).
static CHANGE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{CHANGE_WORDS}$")).expect("change regex"));

/// True when an indicator only states a change.
fn is_change(indicator: &str) -> bool {
    CHANGE_ONLY.is_match(indicator)
}

/// The measure of an indicator without the verb that reported it (实现地区生产总值 →
/// 地区生产总值).
fn measure_of(indicator: &str) -> &str {
    // Only the whole area goes: 城镇 and 农村 tell two measures apart (城镇居民…, 农村居民…).
    let s = ["全市", "全县", "全区", "全省", "全镇"]
        .iter()
        .find_map(|w| indicator.strip_prefix(w))
        .unwrap_or(indicator);
    ["实现", "完成", "达到", "共有", "全年"]
        .iter()
        .find_map(|v| s.strip_prefix(v))
        .unwrap_or(s)
}

/// The goals of one sentence, clause by clause (absolute byte ranges of the text), with a
/// ratio split at its colon (教室比达1:1) put back together.
pub(super) fn sentence_goals(
    text: &str,
    span: Range<usize>,
    clauses: &[Range<usize>],
) -> Vec<(Range<usize>, Vec<ClauseGoal>)> {
    let stext = &text[span.clone()];
    // Book titles and quotes, computed only once a quantity needs the check.
    let mask: std::cell::OnceCell<Vec<Range<usize>>> = std::cell::OnceCell::new();
    let mask_of = || {
        mask.get_or_init(|| masked_ranges(stext, span.start))
            .as_slice()
    };
    // A short lead-in ending in a colon on the sentence's line ((三)一产固定资产投资:完成…)
    // names the measure of figures that name none.
    let mut prev = Previous {
        indicator: lead_in(text, span.start),
        ..Previous::default()
    };
    merged_clauses(text, clauses)
        .into_iter()
        .filter(|c| c.end <= text.len() && c.start < c.end)
        .map(|c| {
            let g = clause_goals(&text[c.clone()], c.start, &mask_of, &mut prev);
            // A clause without figures may name what the next one changes (死亡人数在…
            // 基础上,每年下降2.5%).
            // Kept raw: it is read only when a bare change follows, which is rare.
            prev.subject_clause = g.is_empty().then(|| text[c.clone()].to_owned());
            (c, g)
        })
        .filter(|(_, g)| !g.is_empty())
        .collect()
}

/// The measure a short lead-in before byte `start` on its line names: `(三)一产固定资产投资:`.
fn lead_in(text: &str, start: usize) -> Option<String> {
    // A lead-in is short (its body at most 20 chars after its number): look no further back.
    let line_start = crate::text::line_start_within(text, start, 256)?;
    let lead = text[line_start..start].trim_end();
    let body = lead.strip_suffix(':')?;
    let body = strip_leading(body);
    // A list's head (主要目标:, 具体任务如下:) names no measure.
    let generic = [
        "目标", "任务", "要求", "如下", "主要", "工作", "内容", "方面", "是", "包括",
    ]
    .iter()
    .any(|w| body.contains(w));
    (!body.is_empty() && body.chars().count() <= 20 && !body.contains([',', '。', ';']) && !generic)
        .then(|| tidy(body))
}

/// Words for the area a figure covers, which open an indicator (全市入园率, 农村受训率).
const SCOPES: &[&str] = &[
    "全市", "全县", "全区", "全省", "全镇", "市区", "城区", "县城", "城市", "农村", "乡村", "城镇",
];

/// True when a subject names only an area: a scope word or administrative levels, possibly
/// with alternatives in parentheses (县(市、区), 各乡镇).
fn is_scope(s: &str) -> bool {
    SCOPES.contains(&s)
        || (!s.is_empty() && s.chars().all(|c| "县区市镇乡省州旗各(、)".contains(c)))
        || is_place(s)
}

/// An indicator without the scope or place it opens with (全市入园率 → 入园率, 平城区住房
/// 保障… → 住房保障…).
fn without_scope(indicator: &str) -> &str {
    if let Some(rest) = SCOPES.iter().find_map(|w| indicator.strip_prefix(w)) {
        return rest;
    }
    // The longest place-name prefix of up to five chars.
    let ends: Vec<usize> = indicator
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(5)
        .collect();
    ends.iter()
        .rev()
        .find(|&&e| is_place(&indicator[..e]))
        .map_or(indicator, |&e| &indicator[e..])
}

/// A short place name (平城区, 天镇县, 城关镇): what a breakdown lists its figures by.
fn is_place(s: &str) -> bool {
    let n = s.chars().count();
    (2..=5).contains(&n)
        && s.ends_with(['县', '区', '市', '镇', '乡', '旗'])
        && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && ![
            "社区",
            "小区",
            "园区",
            "景区",
            "片区",
            "街区",
            "校区",
            "厂区",
            "矿区",
            "保护区",
            "示范区",
            "试验区",
            "功能区",
        ]
        .iter()
        .any(|w| s.ends_with(w))
        && !s.contains(['型', '的', '性', '级'])
}

/// Whether the items before the last 、 are short verbs sharing one object (新建、改扩建校舍),
/// rather than a list of things (建成实验中学、体育馆2处).
fn is_verb_list(head: &str) -> bool {
    head.split('、').all(|p| {
        let n = p.chars().count();
        (1..=3).contains(&n) && !p.ends_with(['校', '园', '馆', '室', '所', '站', '心'])
    })
}

/// Completes short heads that share the last part's tail: 小学、初中适龄儿童入学率 →
/// 小学适龄儿童入学率, 初中适龄儿童入学率.
fn complete_heads(parts: Vec<String>) -> Vec<String> {
    let parts = share_denominator(parts);
    let Some(last) = parts.last() else {
        return parts;
    };
    let heads = &parts[..parts.len() - 1];
    let k = match heads.first() {
        Some(h) => h.chars().count(),
        None => return parts,
    };
    let short = (1..=3).contains(&k) && heads.iter().all(|h| h.chars().count() == k);
    if !short || last.chars().count() <= k + 1 {
        return parts;
    }
    let cut: usize = last.chars().take(k).map(char::len_utf8).sum();
    let tail = &last[cut..];
    let mut out: Vec<String> = heads.iter().map(|h| format!("{h}{tail}")).collect();
    out.push(last.clone());
    out
}

/// 单位地区生产总值能源消耗、二氧化碳排放: a per-output denominator before the first item
/// of a list is every item's (单位地区生产总值二氧化碳排放).
fn share_denominator(mut parts: Vec<String>) -> Vec<String> {
    const PER_OUTPUT: &[&str] = &[
        "单位地区生产总值",
        "单位国内生产总值",
        "单位生产总值",
        "万元地区生产总值",
        "万元生产总值",
        "单位GDP",
        "万元GDP",
    ];
    let Some(head) = parts
        .first()
        .and_then(|f| PER_OUTPUT.iter().find(|p| f.starts_with(**p)))
    else {
        return parts;
    };
    for p in parts.iter_mut().skip(1) {
        if !p.starts_with("单位") && !p.starts_with("万元") && !p.is_empty() {
            p.insert_str(0, head);
        }
    }
    parts
}

/// Splits a listed subject (学前三年入园率和学前一年入园率) into its parts when it is
/// distributed over `n` numbers, or when one number is shared by several indicators.
///
/// (See [`says_all`] for when one number is everyone's.)
fn split_subject(subject: &str, n: usize, distribute: bool) -> Option<Vec<String>> {
    // A scope before a list (全市一类、二类、三类街道…) covers every part; left on the first,
    // it would keep that part from sharing the others' tail.
    let subject = [
        "全国", "全省", "全市", "全州", "全区", "全县", "全镇", "全乡",
    ]
    .iter()
    .find_map(|w| subject.strip_prefix(w))
    .filter(|rest| rest.contains('、'))
    .unwrap_or(subject);
    let by_and: Vec<&str> = subject
        .split(['和', '及', '与'])
        .filter(|s| !s.is_empty())
        .collect();
    let by_all: Vec<&str> = subject
        .split(['和', '及', '与', '、'])
        .filter(|s| !s.is_empty())
        .collect();
    // 城乡居民人均可支配收入分别达到…、…: the town's figure, then the country's.
    if n == 2 && by_all.len() == 1 {
        if let Some(rest) = subject.strip_prefix("城乡") {
            return Some(vec![format!("城镇{rest}"), format!("农村{rest}")]);
        }
    }
    if n >= 2 {
        for parts in [&by_and, &by_all] {
            if parts.len() == n {
                return Some(town_and_country(parts));
            }
        }
        return None;
    }
    // One number: every part must name a rate, or the text must say 均/都.
    let parts = &by_all;
    if parts.len() < 2 || parts.len() > 6 {
        return None;
    }
    let all_rates = parts
        .iter()
        .all(|p| RATE_ENDINGS.iter().any(|e| p.ends_with(e)));
    if all_rates || distribute {
        return Some(parts.iter().map(|s| (*s).to_owned()).collect());
    }
    None
}

/// True when `s` holds the adverb 均 or 都 (A、B均达到…, A和B都在…), which gives one figure to
/// every listed subject; not the same chars inside words (人均, 平均, 均衡, 都市, 成都, 首都).
fn says_all(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '均' => {
                !prev.is_some_and(|p| "人生户平年日月亩".contains(p))
                    && !next.is_some_and(|n| "衡等匀值价".contains(n))
            }
            '都' => {
                !prev.is_some_and(|p| "首成京古国旧故".contains(p))
                    && !next.is_some_and(|n| "市会城江".contains(n))
            }
            _ => false,
        }
    })
}

/// 城、乡居民人均可支配收入: the one-char heads 城 and 乡 stand for 城镇 and 农村.
fn town_and_country(parts: &[&str]) -> Vec<String> {
    match parts {
        ["城", rest] if rest.starts_with('乡') && rest.chars().count() > 2 => {
            let tail = &rest['乡'.len_utf8()..];
            vec![format!("城镇{tail}"), format!("农村{tail}")]
        }
        _ => parts.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// 城市居民人均可支配收入、农村居民人均纯收入年均增长7%和8%: the change word after the
/// last name is said of every name.
fn share_change_tail(mut parts: Vec<String>) -> Vec<String> {
    let Some(last) = parts.last() else {
        return parts;
    };
    let Some(tail) = CHANGE_TAIL.find(last).map(|m| m.as_str().to_owned()) else {
        return parts;
    };
    if tail.len() == last.len() {
        return parts;
    }
    let n = parts.len();
    for p in &mut parts[..n - 1] {
        if !CHANGE_TAIL.is_match(p) {
            p.push_str(&tail);
        }
    }
    parts
}

/// A change word at the end of a name (…年均增长).
static CHANGE_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{CHANGE_WORDS}$")).expect("change tail regex"));

fn push_goal(
    out: &mut Vec<ClauseGoal>,
    indicator: String,
    q: &Quantity,
    base: usize,
    baseline: Option<Baseline>,
) {
    // A range (3-5年, 4.5%—5%) is one goal between its bounds.
    let comparator = match q.upper {
        Some(_) => Comparator::Range,
        None => q.comparator.unwrap_or(Comparator::Eq),
    };
    out.push(ClauseGoal {
        baseline: q.upper.is_none().then_some(baseline).flatten(),
        indicator,
        comparator,
        value: q.value,
        value_high: q.upper,
        unit: q.unit.clone(),
        at: base + q.number.start,
    });
}
