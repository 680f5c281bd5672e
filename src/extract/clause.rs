//! The clause grammar shared by the extractors: verb classes, commitment and modality, and
//! the quantity and quotation tests a clause decision needs. Goals and targets both read
//! clauses through it, as siblings.
//!
//! Verb classes decide whether a clause commits to a checkable result.
//!
//! The classes are grammatical, not a list of seed sentences: a clause is a target when its
//! first predicate is a verb of *creation, completion or attainment* (建成, 完成, 达到, 消除 …)
//! rather than a verb of *ongoing effort* (加强, 深化, 推进 …), or when a commitment modal
//! (确保, 力争) or a quantified obligation governs it.

use crate::text::{contains_any, CharSet};
use regex::Regex;
use std::sync::LazyLock;

/// The role a verb plays for the target decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Creation, completion or attainment of a state: always a checkable result.
    Result,
    /// A result verb whose object must be countable or named (实施“…计划”, 打造一所…) to be
    /// checkable; with a vague object it is an effort.
    WeakResult,
    /// Like [`VerbClass::WeakResult`], but a quoted programme name also makes it checkable.
    NamedResult,
    /// Attainment of a level (达到, 保持, 不低于): a result with a number or a standard.
    Metric,
    /// Ongoing effort or manner without an end state (加强, 深化, 推进).
    Process,
    /// A verb that makes someone else act (组织, 指导, 督促): the embedded verb decides.
    Causative,
    /// A commitment modal (确保, 力争): the clause commits to what follows.
    Modal,
    /// 通过: a result only with an acceptance object (验收, 认定), else a preposition.
    Pass,
}

/// True when a 目前 at byte `at` of `text` is read across a word's end (项目前期, 题目前):
/// the char before it makes a word ending in 目, so it does not mean "now".
pub fn split_muqian(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|t| t.starts_with("目前"))
        && text.get(..at).is_some_and(|b| {
            b.chars()
                .next_back()
                .is_some_and(|c| "项题节科数栏书盲条账剧名要眉心".contains(c))
        })
}

/// True when `word` is a verb that makes another party act (组织, 督促): its object is the
/// agent of what follows, not what is counted.
pub fn is_causative(word: &str) -> bool {
    VERBS.class_of(word) == Some(VerbClass::Causative)
}

/// All verbs, found leftmost-first and longest first at each position, so that 改扩建 wins
/// over 扩建 and 建立健全 over 建立, with each verb's class.
///
/// The verbs are listed by first char: a clause is walked char by char and only the few
/// positions whose char starts a verb compare strings. This finds exactly the matches of a
/// leftmost-first automaton of the same words (each match resumes the walk at its end) at a
/// fraction of the cost on the short clauses of a plan: an automaton of a few hundred CJK words
/// outgrows the cache and spends most of its time on chars that start no verb.
pub static VERBS: LazyLock<VerbTable> = LazyLock::new(|| {
    VerbTable::new(
        VERBS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (word, class) = l.split_once('\t')?;
                Some((word, VerbClass::from_name(class.trim())?))
            })
            .collect(),
    )
});

/// The verb lexicon, `data/lexicon/verbs.tsv`.
const VERBS_TSV: &str = include_str!("../../data/lexicon/verbs.tsv");

impl VerbClass {
    /// The class a name of `data/lexicon/verbs.tsv` stands for.
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "result" => VerbClass::Result,
            "weak_result" => VerbClass::WeakResult,
            "named_result" => VerbClass::NamedResult,
            "metric" => VerbClass::Metric,
            "process" => VerbClass::Process,
            "causative" => VerbClass::Causative,
            "modal" => VerbClass::Modal,
            "pass" => VerbClass::Pass,
            _ => return None,
        })
    }
}

/// Verbs grouped by their first char (see [`VERBS`]).
pub struct VerbTable {
    /// For each code point from [`VerbTable::BASE`], 1 + the index of its list in `lists`
    /// (0: no verb starts with it).
    slot: Vec<u16>,
    /// One bit per code point from [`VerbTable::BASE`]: set when a verb starts with it. It
    /// fits the L1 cache, unlike `slot`, and rules out most chars.
    starts: Vec<u64>,
    /// Verbs starting with a char outside the indexed range, by first char.
    others: Vec<(char, usize)>,
    /// Verbs with one first char, longest first.
    lists: Vec<Vec<(&'static str, VerbClass)>>,
}

impl VerbTable {
    /// The indexed range starts at CJK Extension A and ends with the unified ideographs.
    const BASE: u32 = 0x3400;
    const END: u32 = 0xA000;

    fn new(mut words: Vec<(&'static str, VerbClass)>) -> Self {
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        let mut slot = vec![0u16; (Self::END - Self::BASE) as usize];
        let mut starts = vec![0u64; (Self::END - Self::BASE) as usize / 64 + 1];
        let mut others: Vec<(char, usize)> = Vec::new();
        let mut lists: Vec<Vec<(&'static str, VerbClass)>> = Vec::new();
        for (word, class) in words {
            let Some(first) = word.chars().next() else {
                continue;
            };
            let u = first as u32;
            let existing = if (Self::BASE..Self::END).contains(&u) {
                let k = slot[(u - Self::BASE) as usize];
                (k > 0).then(|| usize::from(k) - 1)
            } else {
                others.iter().find(|o| o.0 == first).map(|o| o.1)
            };
            let k = existing.unwrap_or_else(|| {
                lists.push(Vec::new());
                let k = lists.len() - 1;
                if (Self::BASE..Self::END).contains(&u) {
                    // Fewer than 65,535 first chars: there are a few hundred verbs.
                    let at = (u - Self::BASE) as usize;
                    slot[at] = u16::try_from(k + 1).unwrap_or(0);
                    starts[at / 64] |= 1 << (at % 64);
                } else {
                    others.push((first, k));
                }
                k
            });
            lists[k].push((word, class));
        }
        VerbTable {
            slot,
            starts,
            others,
            lists,
        }
    }

    /// Every verb of one class, longest first within each first char.
    pub fn of_class(&self, class: VerbClass) -> impl Iterator<Item = &'static str> + '_ {
        self.lists
            .iter()
            .flatten()
            .filter(move |(_, c)| *c == class)
            .map(|(w, _)| *w)
    }

    /// The class of `word` when it is one of the verbs.
    pub fn class_of(&self, word: &str) -> Option<VerbClass> {
        let first = word.chars().next()?;
        self.starting_with(first)
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, c)| *c)
    }

    /// The verbs starting with `c`, longest first.
    fn starting_with(&self, c: char) -> &[(&'static str, VerbClass)] {
        let u = c as u32;
        let k = if (Self::BASE..Self::END).contains(&u) {
            let at = (u - Self::BASE) as usize;
            if self.starts[at / 64] & (1 << (at % 64)) == 0 {
                return &[];
            }
            usize::from(self.slot[at]).checked_sub(1)
        } else if c.is_ascii() {
            None
        } else {
            self.others.iter().find(|o| o.0 == c).map(|o| o.1)
        };
        k.and_then(|k| self.lists.get(k)).map_or(&[], Vec::as_slice)
    }

    /// The verbs of `clause` as byte ranges with their class, leftmost-first, without
    /// overlaps.
    fn find_iter<'a>(
        &'a self,
        clause: &'a str,
    ) -> impl Iterator<Item = (usize, usize, VerbClass)> + 'a {
        let mut resume = 0;
        clause.char_indices().filter_map(move |(i, c)| {
            if i < resume {
                return None;
            }
            let rest = &clause[i..];
            let &(word, class) = self
                .starting_with(c)
                .iter()
                .find(|(w, _)| rest.starts_with(w))?;
            resume = i + word.len();
            Some((i, resume, class))
        })
    }
}

/// One verb occurrence in a clause.
#[derive(Debug, Clone, Copy)]
pub struct VerbHit {
    /// Its class.
    pub class: VerbClass,
    /// Byte offset of its start in the clause.
    pub start: usize,
    /// Byte offset of its end in the clause.
    pub end: usize,
}

/// The verbs of `clause`, in order, leaving out nominal uses (建成率, 覆盖面, …建设工作).
pub fn verbs(clause: &str) -> Vec<VerbHit> {
    let mut out = Vec::new();
    for (start, end, class) in VERBS.find_iter(clause) {
        let word = &clause[start..end];
        let after = &clause[end..];
        let before = &clause[..start];
        // Indicator suffixes make a noun of any verb (巩固率, 覆盖面); the other nominal heads
        // follow only result verbs (建设局, 新建小区), effort verbs keep their objects.
        let indicator = matches!(after.chars().next(), Some('率' | '面' | '度' | '者' | '性'));
        let nominal = indicator || (class != VerbClass::Process && NOMINAL.is_match(after));
        let rest = &clause[start..];
        if nominal || (rest.starts_with("统一") && ADVERB_TONGYI.is_match(rest)) {
            continue;
        }
        // A negated verb commits to nothing (不保证, 未完成).
        // A prohibition reaches over a short adverb (不得擅自新建, 避免重复建设).
        let near = before
            .char_indices()
            .rev()
            .nth(3)
            .map_or(before, |(i, _)| &before[i..]);
        // Every prohibition holds one of these chars: most windows are ruled out by one pass.
        let prohibited = contains_any(near, &['不', '严', '禁', '防', '避', '杜'])
            && ["不得", "严禁", "禁止", "不再", "防止", "避免", "杜绝"]
                .iter()
                .any(|w| near.contains(w));
        if prohibited || before.ends_with(['不', '未', '无', '没']) {
            continue;
        }
        // 达 alone attains only a number or a standard (达99%, 达标 is its own entry).
        if word == "达" && !starts_with_number(after) {
            continue;
        }
        out.push(VerbHit { class, start, end });
    }
    out
}

/// What follows a verb used as part of a noun: an indicator (建成率, 覆盖面), a body (开发区,
/// 建设局), a modifier (核定的…, 新建小区), a time (完成后) or a nominal head (…建设工作).
static NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:率|面|度|者|性|区|上|目标|局|厅|委|办|小区|住宅|园|的|后|时|之后|以后|等|工作|情况|方面|力度|水平|进程|步伐|任务|项目|成果|标准|规划|资金|经费|总量|总额)",
    )
    .expect("nominal regex")
});

/// 统一 before a verb is an adverb (统一领导, 统一调配), not the result 统一.
static ADVERB_TONGYI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^统一[领管调部规组安协指实招]").expect("tongyi regex"));

/// True when `s` starts with an Arabic or Chinese numeral.
pub fn starts_with_number(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || crate::text::numerals::digit(c).is_some()
            || matches!(c, '十' | '百' | '千')
    })
}

/// A number with a measure word or `%` — something countable to check (一批 is not).
pub static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:余|多)?(?:%|所|个|处|名|人|项|家|座|间|台|套|支|类|种|级|次|万|亿|元|平方米|亩|学时|课时|班|户|条|本|部|门|场|期|轮|天|小时|公里|倍)",
    )
    .expect("quantity regex")
});

/// True when `s` counts something: a quantity outside quotes (“两个维护” is a slogan) and
/// not an adjective (一次性).
pub fn has_quantity(s: &str) -> bool {
    // Every quantity holds a numeral: most clauses have none and skip the regex.
    static NUMERALS: CharSet = CharSet::new(&[
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '一', '二', '两', '三', '四', '五', '六',
        '七', '八', '九', '十', '百', '千',
    ]);
    if !NUMERALS.any_in(s) {
        return false;
    }
    let plain = unquoted(s);
    QUANTITY
        .find_iter(&plain)
        .any(|m| !plain[m.end()..].starts_with('性'))
}

/// `s` without its quoted parts that hold a numeral (“两个维护”, 《…(2017—2020年)》): those
/// are names and slogans; quotes without one only stress what they hold (“只增不减”).
pub fn unquoted(s: &str) -> std::borrow::Cow<'_, str> {
    if !contains_any(s, &['“', '《']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut plain = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(['“', '《']) {
        plain.push_str(&rest[..open]);
        let inner_start = open + '“'.len_utf8();
        let Some(close) = rest[inner_start..].find(['”', '》']) else {
            rest = &rest[open..];
            break;
        };
        let close = inner_start + close;
        let quoted = &rest[open..close + '”'.len_utf8()];
        // Reported speech (a quote holding clause punctuation) is text, not a slogan.
        let speech = quoted.starts_with('“') && quoted.contains([',', ';', '。', ':']);
        if speech
            || !quoted.chars().any(|c| {
                c.is_ascii_digit()
                // 零 and 〇 alone do not make a numbered slogan.
                || crate::text::numerals::digit(c).is_some_and(|d| d > 0)
                || matches!(c, '十' | '百' | '千')
            })
        {
            plain.push_str(quoted);
        }
        rest = &rest[close + '”'.len_utf8()..];
    }
    plain.push_str(rest);
    std::borrow::Cow::Owned(plain)
}

/// A quoted name of a programme or standard (“职称特岗计划”, 《…标准》).
pub static NAMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[“《][^”》]{2,40}[”》]").expect("named regex"));

/// A recurring schedule, which with a quantity makes a standing commitment (每年招聘100人).
pub static RECURRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"每(?:年|学年|学期|半年|季度|月|周|[一二两三四五六七八九十\d]+年)|逐年")
        .expect("recurring regex")
});

/// Acceptance objects that make 通过 a result (通过…验收).
pub static ACCEPTANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"验收|认定|认证|评估|达标|审核|评审|复评|考核|督导检查").expect("acceptance regex")
});

/// A sentence about the document itself (制定本方案, 制定本实施方案, 现提出如下意见) is its
/// preamble, not a commitment.
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"本(?:实施|工作|行动|专项|建设|发展)?(?:规划|方案|意见|计划|要点|办法|细则|通知)|特制[定订]|(?:提出|制定|制订)如下|(?:如下|以下)[一二三四五六七八九十几\d]*(?:项|个|方面|点)?(?:工作|任务|措施|要求)",
    )
    .expect("self-reference regex")
});

/// True when a predicate carries the perfective 了 (开展了, 完成了): reported work, not a duty.
pub fn reports_past(predicate: &str) -> bool {
    let chars: Vec<char> = predicate.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == '了'
            && i > 0
            && !matches!(chars[i - 1], '为' | '除' | '罢' | '不')
            && !matches!(chars.get(i + 1), Some('解' | '然' | '结'))
    })
}

/// True when a sentence is about the document itself (制定本方案, 现提出如下意见, 特制定本计划):
/// the preamble, which neither commits nor assigns.
pub fn about_itself(sentence: &str) -> bool {
    contains_any(sentence, &['本', '特', '如', '以']) && SELF_REFERENCE.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The verbs' own chars plus some others, so that random clauses hold many verbs,
    /// overlapping and adjacent ones included.
    fn verb_chars() -> Vec<char> {
        let mut chars: Vec<char> = VERBS
            .lists
            .iter()
            .flatten()
            .flat_map(|(w, _)| w.chars())
            .chain("的和、,1年a".chars())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    proptest! {
        /// The first-char table finds what a leftmost-first automaton of the same words finds.
        #[test]
        fn verb_table_agrees_with_an_automaton(picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..40)) {
            static AUTOMATON: LazyLock<(aho_corasick::AhoCorasick, Vec<&'static str>)> =
                LazyLock::new(|| {
                    let mut words: Vec<&'static str> =
                        VERBS.lists.iter().flatten().map(|(w, _)| *w).collect();
                    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                    let ac = aho_corasick::AhoCorasick::builder()
                        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                        .build(&words)
                        .expect("automaton");
                    (ac, words)
                });
            let chars = verb_chars();
            let clause: String = picks.iter().map(|k| chars[k.index(chars.len())]).collect();
            let (ac, _) = &*AUTOMATON;
            let expected: Vec<(usize, usize)> =
                ac.find_iter(&clause).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> =
                VERBS.find_iter(&clause).map(|(s, e, _)| (s, e)).collect();
            prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn verb_table_prefers_the_longest_verb() {
        let found: Vec<&str> = VERBS
            .find_iter("改扩建学校并建立健全制度")
            .map(|(s, e, _)| &"改扩建学校并建立健全制度"[s..e])
            .collect();
        assert_eq!(found, ["改扩建", "建立健全"]);
    }

    fn classes(s: &str) -> Vec<VerbClass> {
        verbs(s).iter().map(|v| v.class).collect()
    }

    #[test]
    fn longest_verb_wins() {
        assert_eq!(classes("改扩建一所小学"), vec![VerbClass::Result]);
        assert_eq!(classes("建立健全考核制度"), vec![VerbClass::Process]);
        assert_eq!(classes("建立和完善决策机制"), vec![VerbClass::Process]);
    }

    #[test]
    fn nominal_uses_are_skipped() {
        assert_eq!(classes("智慧校园建成率达100%"), vec![VerbClass::Metric]);
        assert!(classes("扩大资源覆盖面")
            .iter()
            .all(|c| *c == VerbClass::Process));
    }

    #[test]
    fn negated_and_prohibited_verbs_are_skipped() {
        assert!(classes("不得新建校舍").is_empty());
        assert!(classes("避免重复建设校舍").is_empty());
        assert_eq!(classes("杜绝以考试方式招生"), vec![VerbClass::Result]);
    }

    #[test]
    fn bare_da_needs_a_number() {
        assert_eq!(classes("入园率达98%"), vec![VerbClass::Metric]);
        assert!(classes("上传下达文件").is_empty());
    }

    #[test]
    fn quotes_with_numerals_are_names() {
        assert_eq!(unquoted("做到“两个维护”"), "做到");
        assert_eq!(unquoted("支出“只增不减”"), "支出“只增不减”");
        assert!(!has_quantity("落实“五项管理”"));
        assert!(has_quantity("新建“示范园”3所"));
    }

    #[test]
    fn quantities_and_schedules() {
        assert!(QUANTITY.is_match("新建幼儿园7处"));
        assert!(QUANTITY.is_match("引进一所本科院校"));
        assert!(QUANTITY.is_match("比例达95%"));
        assert!(!QUANTITY.is_match("提升办学水平"));
        assert!(RECURRING.is_match("每五年一个周期"));
        assert!(RECURRING.is_match("支出逐年增长"));
    }
}
