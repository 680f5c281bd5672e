//! The catalogue of standard indicators, and the rule-based matcher that gives a goal its
//! `indicator_id`.
//!
//! The built-in catalogue is `data/indicators.tsv` (embedded at compile time); its header
//! comment documents the columns, and `planmine extract --catalogue FILE` reads a researcher's
//! own file in the same format.
//!
//! A goal maps to an indicator when three things agree:
//!
//! - **name**: one of the indicator's synonyms occurs in the goal's normalised phrase (see
//!   [`normalize_phrase`]; a `*` in a synonym allows a gap of up to [`MAX_GAP`] chars), and none
//!   of its `exclude` words does;
//! - **unit**: when both sides have one, they are the same (`元/生` counts as `元`);
//! - **measure**: a phrase that states a growth rate (增长, 增速, 涨幅 with `%`) maps only to a
//!   [`Measure::Growth`] indicator, a phrase that states a change (降低, 下降, 个百分点) only to
//!   a [`Measure::Change`] one, and every other phrase only to a level, share or per-capita
//!   indicator. So `地区生产总值年均增长7%` never maps to the level of GDP.
//!
//! Among the indicators that agree, the synonym with the most literal characters wins (ties: the
//! one without gaps, then the earlier indicator). Every step is a rule a researcher can read in
//! the data file; nothing is learned.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::records::{Comparator, Document, NumericGoal};

/// The catalogue data file, embedded so the binary needs no files at run time.
const BUILTIN_TSV: &str = include_str!("../../data/indicators.tsv");

/// The most chars a `*` in a synonym may stand for.
pub const MAX_GAP: usize = 10;

static BUILTIN: LazyLock<Catalogue> = LazyLock::new(|| {
    // The embedded file is part of the source; a test parses it, so this cannot fail at run time.
    Catalogue::parse(BUILTIN_TSV).expect("data/indicators.tsv is valid (checked by tests)")
});

/// What an indicator measures, which decides which goals may map to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// An amount or count at a point in time: 地区生产总值 (元), 粮食产量 (吨), 城镇新增就业 (人).
    Level,
    /// A growth rate in per cent: 地区生产总值增长 7%, 居民消费价格涨幅 3%.
    Growth,
    /// A cumulative change: 单位GDP能耗降低 13.5%, 城镇化率提高 3 个百分点.
    Change,
    /// A rate, ratio or proportion: 森林覆盖率 (%), 婴儿死亡率 (‰), 孕产妇死亡率 (/10万).
    Share,
    /// An amount per person or per thousand people: 居民人均可支配收入 (元), 每千人口执业(助理)医师数.
    PerCapita,
}

impl Measure {
    /// The name used in the data file and in the outputs: `level`, `growth`, `change`, `share`
    /// or `per_capita`.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Growth => "growth",
            Measure::Change => "change",
            Measure::Share => "share",
            Measure::PerCapita => "per_capita",
        }
    }

    /// Reads a name written by [`Measure::as_str`].
    pub fn parse(name: &str) -> Option<Measure> {
        Some(match name {
            "level" => Measure::Level,
            "growth" => Measure::Growth,
            "change" => Measure::Change,
            "share" => Measure::Share,
            "per_capita" => Measure::PerCapita,
            _ => return None,
        })
    }

    /// What a goal phrase with this unit states: a growth rate, a change, or else a level
    /// (which stands for level, share and per-capita alike: the unit tells those apart).
    pub fn of_phrase(phrase: &str, unit: Option<&str>) -> Measure {
        let pct = matches!(unit, None | Some("%"));
        if matches!(unit, Some("个百分点" | "百分点")) {
            return Measure::Change;
        }
        // 下降到31微克/立方米, 降至5%以下: brought down to a level, not by an amount.
        let decreases = DECREASE_WORDS.iter().any(|w| {
            phrase
                .match_indices(w)
                .any(|(at, _)| !phrase[at + w.len()..].starts_with(['到', '至']))
        });
        if decreases && (pct || !phrase.contains("控制")) {
            return Measure::Change;
        }
        // 在2020年基础上提高1岁, 比上年减少500吨: an increment over a named base, whatever
        // the unit.
        if BASE_WORDS.iter().any(|w| phrase.contains(w))
            && (unit == Some("倍") || decreases || states_increase(phrase))
        {
            return Measure::Change;
        }
        // 人口自然增长率 names a rate (in ‰), not a growth of something.
        if GROWTH_WORDS.iter().any(|w| phrase.contains(w)) && !phrase.contains("自然增长率") {
            // 增长 with an amount (增长2亿元) is an increment, not a rate.
            return if pct {
                Measure::Growth
            } else if unit.is_some_and(|u| u == "‰" || u.contains('/')) {
                Measure::Level
            } else {
                Measure::Change
            };
        }
        // 居民消费价格指数控制在3%: a price index given in per cent is its rise.
        if pct && PRICE_WORDS.iter().any(|w| phrase.contains(w)) {
            return Measure::Growth;
        }
        // 农村公路增加1.36万公里: an amount added, not the stock (增加到 names the stock;
        // 改造提升 is works done, so 提升 is left out).
        let bare = phrase.trim_end_matches('数');
        if !pct && ["增加", "提高", "上升"].iter().any(|w| bare.ends_with(w)) {
            return Measure::Change;
        }
        if pct && states_increase(phrase) {
            // 提高5% of a rate is ambiguous (points or per cent), so it is a change; of an
            // amount (研发经费投入增加10%) it is growth.
            return if RATE_WORDS.iter().any(|w| phrase.contains(w)) {
                Measure::Change
            } else {
                Measure::Growth
            };
        }
        if pct && phrase.contains("年均") {
            return Measure::Growth;
        }
        Measure::Level
    }

    /// Whether a goal phrase that states `self` (from [`Measure::of_phrase`]) may map to an
    /// indicator of `indicator`.
    fn admits(self, indicator: Measure) -> bool {
        match self {
            Measure::Growth | Measure::Change => self == indicator,
            _ => !matches!(indicator, Measure::Growth | Measure::Change),
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Words that make a per-cent figure a growth rate (人口自然增长率 is in ‰, so it stays a rate).
const GROWTH_WORDS: &[&str] = &["增长", "增速", "增幅", "涨幅", "上涨"];
/// Words that make a per-cent figure a decrease.
const DECREASE_WORDS: &[&str] = &["下降", "降低", "减少", "削减", "压减", "降幅"];
/// Words that make a per-cent figure the rise of a price level.
const PRICE_WORDS: &[&str] = &["价格指数", "消费价格", "物价"];
/// Words that make a per-cent figure an increase of some kind.
const INCREASE_WORDS: &[&str] = &["提高", "提升", "增加", "上升"];
/// Whether the phrase holds an increase word, 增加值 (value added: a quantity) aside.
fn states_increase(phrase: &str) -> bool {
    INCREASE_WORDS.iter().any(|w| {
        phrase
            .match_indices(w)
            .any(|(at, _)| !phrase[at + w.len()..].starts_with('值'))
    })
}

/// Words that make a count a flow or a part rather than the stock (新增城市公厕 is not the
/// number of public toilets, 日均新增市场主体 not the new entities of a year, 每个村建设… not
/// the total): a phrase holding one maps only to an indicator whose synonyms hold it too.
const FLOW_WORDS: &[&str] = &["新增", "新建", "拓宽", "日均", "月均", "每个"];

/// Words that name the base a change is counted from.
const BASE_WORDS: &[&str] = &[
    "基础上",
    "比上年",
    "较上年",
    "比20",
    "较20",
    "比去年",
    "较去年",
];

/// Words that name a rate, whose 提高 X% is a change rather than a growth rate.
const RATE_WORDS: &[&str] = &["率", "比例", "比重", "占比", "覆盖", "普及"];

/// A sub-cell of an indicator the standard sets separate values for (小学 / 初中, 城区 / 镇区).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualifier {
    /// ASCII key appended to the indicator id: `primary` gives `qb_diff_coef.primary`.
    pub key: String,
    /// The words that select it in a goal phrase; the first is its display label.
    pub words: Vec<String>,
}

impl Qualifier {
    /// The display label (the first word), e.g. `小学`.
    pub fn label(&self) -> &str {
        self.words.first().map(String::as_str).unwrap_or(&self.key)
    }
}

/// A national reference value of an indicator, e.g. `≥ 4.2` for primary schools.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The qualifier key it applies to; `None` serves every column of the indicator.
    pub qualifier: Option<String>,
    /// How the standard bounds the value.
    pub comparator: Comparator,
    /// The value.
    pub value: f64,
}

/// One standard indicator of the catalogue.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Indicator {
    /// Stable ASCII id, e.g. `preschool_ger`, `gdp_growth`.
    pub id: String,
    /// Standard Chinese name, e.g. 学前教育毛入园率.
    pub name: String,
    /// Accepted units, the canonical one first; empty when any unit is accepted.
    pub units: Vec<String>,
    /// What it measures.
    pub measure: Measure,
    /// The policy field: `education`, `economy`, `health`, `ecology`, `agriculture` … (empty
    /// when the file does not say).
    pub field: String,
    /// The document family that sets it: `十四五纲要`, `政府工作报告`, `十四五专项`, `十四五`
    /// (education), `优质均衡` or `其他`.
    pub group: String,
    /// Sub-cells selected by words of the goal phrase.
    pub qualifiers: Vec<Qualifier>,
    /// Synonyms as written in the data file (`*` = short gap).
    pub synonyms: Vec<String>,
    /// Words that veto this indicator.
    pub exclude: Vec<String>,
    /// The national target, for people: `≥90% (2025)`.
    pub standard: Option<String>,
    /// The national targets as numbers (for the charts' reference lines).
    pub references: Vec<Reference>,
    /// Where the national target is set, with its year: `十四五规划纲要 2021`.
    pub source: Option<String>,
    /// Normalised synonyms split at `*`.
    patterns: Vec<Vec<String>>,
    /// Normalised exclude words.
    exclude_norm: Vec<String>,
}

impl Indicator {
    /// The canonical unit, if the indicator has one.
    pub fn unit(&self) -> Option<&str> {
        self.units.first().map(String::as_str)
    }

    /// The reference value for a column: the qualifier's own, else the general one.
    pub fn reference_for(&self, qualifier: Option<&Qualifier>) -> Option<&Reference> {
        let own = qualifier.and_then(|q| {
            self.references
                .iter()
                .find(|r| r.qualifier.as_deref() == Some(q.key.as_str()))
        });
        own.or_else(|| self.references.iter().find(|r| r.qualifier.is_none()))
    }

    /// Whether a phrase's flow words ([`FLOW_WORDS`]), if any, are all in one of the
    /// indicator's synonyms.
    fn admits_flow(&self, norm: &str) -> bool {
        FLOW_WORDS
            .iter()
            .filter(|w| norm.contains(*w))
            .all(|w| self.synonyms.iter().any(|s| s.contains(w)))
    }

    /// Whether a goal unit is compatible: true when either side has no unit. A rate unit
    /// (`人/千人`, `/10万`) must be accepted as written; `元/生` is also accepted as `元`.
    pub fn accepts_unit(&self, unit: Option<&str>) -> bool {
        let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
            return true;
        };
        let base = unit_base(unit);
        self.units.is_empty()
            || self.units.iter().any(|u| {
                u.eq_ignore_ascii_case(unit)
                    || (!base.is_empty() && !u.contains('/') && u.eq_ignore_ascii_case(base))
            })
    }
}

/// Why a catalogue file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "indicator catalogue: {}", self.message),
            line => write!(f, "indicator catalogue line {line}: {}", self.message),
        }
    }
}

impl std::error::Error for CatalogueError {}

/// The result of matching a goal phrase: an indicator and, when the phrase selects one, a
/// qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    /// The standard indicator.
    pub indicator: &'a Indicator,
    /// The sub-cell (小学, 初中, …) the phrase names, if exactly one.
    pub qualifier: Option<&'a Qualifier>,
    /// Every qualifier the phrase names, in the phrase's order (小学、初中… gives both), for
    /// pairing with values listed by 分别.
    pub named: Vec<&'a Qualifier>,
    /// Literal chars of the winning synonym (longest match wins).
    pub score: usize,
}

impl Match<'_> {
    /// The column id: the indicator id, plus `.key` of the qualifier.
    pub fn column_id(&self) -> String {
        match self.qualifier {
            Some(q) => format!("{}.{}", self.indicator.id, q.key),
            None => self.indicator.id.clone(),
        }
    }

    /// The column's display name: the standard name, plus `(小学)` etc.
    pub fn column_name(&self) -> String {
        match self.qualifier {
            Some(q) => format!("{}({})", self.indicator.name, q.label()),
            None => self.indicator.name.clone(),
        }
    }
}

/// A set of standard indicators with their synonyms; see the [module docs](self) for the
/// matching rule.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    indicators: Vec<Indicator>,
    /// One automaton over every synonym's first literal part, so a phrase is scanned once
    /// rather than once per synonym.
    heads: Option<AhoCorasick>,
    /// For each head: the (indicator, pattern) pairs that start with it.
    head_patterns: Vec<Vec<(usize, usize)>>,
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        self.indicators == other.indicators
    }
}

/// The columns of the data file, by header name.
const COLUMNS: &[&str] = &[
    "id",
    "name",
    "unit",
    "measure",
    "field",
    "group",
    "qualifiers",
    "synonyms",
    "exclude",
    "standard",
    "reference",
    "source",
];

impl Catalogue {
    /// The built-in catalogue (`data/indicators.tsv`).
    pub fn builtin() -> &'static Catalogue {
        &BUILTIN
    }

    /// Reads a catalogue file (UTF-8, the format of `data/indicators.tsv`).
    pub fn from_path(path: &std::path::Path) -> Result<Catalogue, CatalogueError> {
        let text = std::fs::read_to_string(path).map_err(|e| CatalogueError {
            line: 0,
            message: format!("cannot read {}: {e}", path.display()),
        })?;
        Catalogue::parse(&text)
    }

    /// Parses a catalogue in the tab-separated format of `data/indicators.tsv`: `#` lines are
    /// comments, the first other line is the header, then one indicator per line.
    ///
    /// Columns are found by their header names (`id`, `name`, `unit`, `measure`, `field`,
    /// `group`, `qualifiers`, `synonyms`, `exclude`, `standard`, `reference`, `source`), so a
    /// file may leave some out or order them otherwise; `id`, `name` and `synonyms` are
    /// required. Without `measure`, an indicator in `%` is a share and any other a level.
    pub fn parse(tsv: &str) -> Result<Catalogue, CatalogueError> {
        let mut indicators: Vec<Indicator> = Vec::new();
        let mut columns: Option<HashMap<&str, usize>> = None;
        for (n, line) in tsv.lines().enumerate() {
            let line_no = n + 1;
            let err = |message: String| CatalogueError {
                line: line_no,
                message,
            };
            let line = line.trim_start_matches('\u{FEFF}');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some(columns) = &columns else {
                let names: HashMap<&str, usize> = line
                    .split('\t')
                    .enumerate()
                    .map(|(i, h)| (h.trim(), i))
                    .collect();
                for required in ["id", "name", "synonyms"] {
                    if !names.contains_key(required) {
                        return Err(err(format!(
                            "the header line lacks the column `{required}` (columns: {})",
                            COLUMNS.join(", ")
                        )));
                    }
                }
                if let Some(unknown) = names.keys().find(|h| !COLUMNS.contains(h)) {
                    return Err(err(format!("unknown column `{unknown}`")));
                }
                columns = Some(names);
                continue;
            };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let field = |name: &str| {
                columns
                    .get(name)
                    .and_then(|&i| fields.get(i))
                    .copied()
                    .unwrap_or("")
            };
            let indicator = parse_row(&field).map_err(err)?;
            if indicators.iter().any(|i| i.id == indicator.id) {
                return Err(err(format!("duplicate id {}", indicator.id)));
            }
            indicators.push(indicator);
        }
        if indicators.is_empty() {
            return Err(CatalogueError {
                line: 0,
                message: "no indicators".into(),
            });
        }
        Ok(Catalogue::index(indicators))
    }

    /// Builds the head automaton over the indicators' patterns.
    fn index(indicators: Vec<Indicator>) -> Catalogue {
        let mut heads: Vec<&str> = Vec::new();
        let mut head_patterns: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut head_index: HashMap<&str, usize> = HashMap::new();
        for (i, ind) in indicators.iter().enumerate() {
            for (p, parts) in ind.patterns.iter().enumerate() {
                let Some(head) = parts.first() else { continue };
                let h = *head_index.entry(head.as_str()).or_insert_with(|| {
                    heads.push(head.as_str());
                    head_patterns.push(Vec::new());
                    heads.len() - 1
                });
                head_patterns[h].push((i, p));
            }
        }
        // Standard semantics: overlapping search must see every head, not only the leftmost.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&heads)
            .ok();
        Catalogue {
            heads: automaton,
            head_patterns,
            indicators,
        }
    }

    /// All indicators, in file order (the order of the report).
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The indicator with this id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The standard indicator a goal measures, if the catalogue knows it.
    pub fn match_goal(&self, goal: &NumericGoal) -> Option<&Indicator> {
        self.classify(&goal.indicator, goal.unit.as_deref())
            .map(|m| m.indicator)
    }

    /// Sets `indicator_id` on every goal of the document (to `None` where nothing maps), so the
    /// ids always come from this catalogue.
    pub fn annotate(&self, doc: &mut Document) {
        for goal in &mut doc.goals {
            goal.indicator_id = self.match_goal(goal).map(|i| i.id.clone());
        }
    }

    /// Matches an indicator phrase (as a goal names it) with its unit, returning the indicator
    /// and the qualifier the phrase selects.
    pub fn classify(&self, phrase: &str, unit: Option<&str>) -> Option<Match<'_>> {
        // 医师数(其中中医类别医师数): a table's sub-row names the part, not its parent.
        if let Some(k) = phrase.find("(其中") {
            let part = phrase[k + "(其中".len()..]
                .trim_start_matches([':', ','])
                .trim_end_matches(')');
            return self.classify(&sub_row_name(&phrase[..k], part), unit);
        }
        let plain = normalize(phrase, false);
        if let Some(m) = self.classify_normalised(&plain, unit) {
            return Some(m);
        }
        // 每千人口执业医师 for 每千人口执业医师数: a count is named with or without its 数.
        if !plain.ends_with('数') && !plain.is_empty() {
            if let Some(m) = self.classify_normalised(&format!("{plain}数"), unit) {
                return Some(m);
            }
        }
        // A name written inside brackets: 改(新)建农村户厕, (达到或好于Ⅲ类)比例.
        let kept = normalize(phrase, true);
        (kept != plain)
            .then(|| self.classify_normalised(&kept, unit))
            .flatten()
    }

    fn classify_normalised(&self, norm: &str, unit: Option<&str>) -> Option<Match<'_>> {
        if norm.is_empty() {
            return None;
        }
        let stated = Measure::of_phrase(norm, unit);
        // Exclude words are checked without the base of a change: the 比 of 同比增长 or
        // 比2020年下降 is not the 比 of a ratio (城乡收入比).
        let unbased = without_bases(norm);
        let automaton = self.heads.as_ref()?;
        // (score, contiguous, earlier) — larger is better.
        let mut best: Option<(MatchRank, &Indicator)> = None;
        for hit in automaton.find_overlapping_iter(norm) {
            let Some(candidates) = self.head_patterns.get(hit.pattern().as_usize()) else {
                continue;
            };
            for &(index, p) in candidates {
                let Some(ind) = self.indicators.get(index) else {
                    continue;
                };
                let Some(parts) = ind.patterns.get(p) else {
                    continue;
                };
                let score: usize = parts.iter().map(|p| p.chars().count()).sum();
                let key = (score, parts.len() == 1, std::cmp::Reverse(index));
                if best.as_ref().is_some_and(|(k, _)| key <= *k) {
                    continue;
                }
                if !stated.admits(ind.measure)
                    || !ind.accepts_unit(unit)
                    || !ind.admits_flow(norm)
                    || ind
                        .exclude_norm
                        .iter()
                        .any(|e| unbased.contains(e.as_str()))
                    || !matches_parts(norm, parts)
                {
                    continue;
                }
                best = Some((key, ind));
            }
        }
        let (key, indicator) = best?;
        let named = qualifiers_named(norm, indicator);
        Some(Match {
            indicator,
            qualifier: match named.as_slice() {
                [only] => Some(*only),
                _ => None,
            },
            named,
            score: key.0,
        })
    }
}

/// The full name of a sub-row: the part itself when it names its population (每千人口中医
/// 类别医师数 under 每千人口医师数), else the parent's population before it (小学教师专科
/// 以上学历比例 with 本科以上学历比例 gives 小学教师本科以上学历比例).
fn sub_row_name(parent: &str, part: &str) -> String {
    let p: Vec<char> = parent.chars().collect();
    let q: Vec<char> = part.chars().collect();
    let common = p
        .iter()
        .rev()
        .zip(q.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (p_rest, q_rest) = (p.len() - common, q.len() - common);
    if q.len() < 2 || p.len() < 2 || q[..2] == p[..2] || p_rest <= q_rest {
        return part.to_owned();
    }
    p[..p_rest - q_rest].iter().chain(q.iter()).collect()
}

/// One data row, its cells looked up by column name.
fn parse_row<'a>(field: &impl Fn(&str) -> &'a str) -> Result<Indicator, String> {
    let list = |s: &str| -> Vec<String> {
        s.split('|')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let id = field("id");
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!("bad id {id:?}"));
    }
    let mut qualifiers = Vec::new();
    for q in field("qualifiers")
        .split(';')
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        let Some((key, words)) = q.split_once('=') else {
            return Err(format!("qualifier {q:?} is not key=words"));
        };
        let words: Vec<String> = words
            .split('/')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        if key.trim().is_empty() || words.is_empty() {
            return Err(format!("qualifier {q:?} lacks a key or words"));
        }
        qualifiers.push(Qualifier {
            key: key.trim().to_owned(),
            words,
        });
    }
    let synonyms = list(field("synonyms"));
    let mut patterns = Vec::new();
    for s in &synonyms {
        let parts: Vec<String> = s
            .split('*')
            .map(normalize_phrase)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(format!("synonym {s:?} is empty once normalised"));
        }
        patterns.push(parts);
    }
    if patterns.is_empty() {
        return Err(format!("{id} has no synonyms"));
    }
    let mut references = Vec::new();
    for entry in field("reference")
        .split(';')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        references.push(parse_reference(entry, &qualifiers)?);
    }
    let units = list(field("unit"));
    let measure = match field("measure") {
        "" if units.first().is_some_and(|u| u == "%") => Measure::Share,
        "" => Measure::Level,
        m => Measure::parse(m).ok_or_else(|| {
            format!("measure {m:?}: expected level, growth, change, share or per_capita")
        })?,
    };
    let exclude = list(field("exclude"));
    let exclude_norm = exclude.iter().map(|e| e.to_lowercase()).collect();
    let optional = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    Ok(Indicator {
        id: id.to_owned(),
        name: field("name").to_owned(),
        units,
        measure,
        field: field("field").to_owned(),
        group: field("group").to_owned(),
        qualifiers,
        synonyms,
        exclude,
        standard: optional(field("standard")),
        references,
        source: optional(field("source")),
        patterns,
        exclude_norm,
    })
}

/// One `key=cmp value` (or `cmp value`) entry of the `reference` column.
fn parse_reference(entry: &str, qualifiers: &[Qualifier]) -> Result<Reference, String> {
    let (key, spec) = match entry.split_once('=') {
        Some((k, v)) => (Some(k.trim().to_owned()), v.trim()),
        None => (None, entry),
    };
    if let Some(k) = &key {
        if !qualifiers.iter().any(|q| &q.key == k) {
            return Err(format!("reference for unknown qualifier {k}"));
        }
    }
    let (cmp, value) = spec.split_once(' ').unwrap_or((spec, ""));
    let comparator = match cmp {
        "eq" => Comparator::Eq,
        "ge" => Comparator::Ge,
        "gt" => Comparator::Gt,
        "le" => Comparator::Le,
        "lt" => Comparator::Lt,
        "approx" => Comparator::Approx,
        _ => return Err(format!("reference {entry:?}: bad comparator")),
    };
    let value: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("reference {entry:?}: bad number"))?;
    Ok(Reference {
        qualifier: key,
        comparator,
        value,
    })
}

/// How good a synonym match is: literal chars, gap-free, earlier in the catalogue.
type MatchRank = (usize, bool, std::cmp::Reverse<usize>);

/// The qualifiers whose words occur in the phrase, in order of first occurrence.
fn qualifiers_named<'a>(norm: &str, indicator: &'a Indicator) -> Vec<&'a Qualifier> {
    let mut found: Vec<(usize, &Qualifier)> = indicator
        .qualifiers
        .iter()
        .filter_map(|q| {
            q.words
                .iter()
                .filter_map(|w| {
                    norm.match_indices(w.as_str())
                        .map(|(at, _)| at)
                        .find(|&at| !blocked(norm, at, w))
                })
                .min()
                .map(|at| (at, q))
        })
        .collect();
    found.sort_by_key(|&(at, _)| at);
    found.into_iter().map(|(_, q)| q).collect()
}

/// Whether `parts` occur in order in `hay`, each gap at most [`MAX_GAP`] chars.
fn matches_parts(hay: &str, parts: &[String]) -> bool {
    let Some((head, rest)) = parts.split_first() else {
        return false;
    };
    'starts: for (start, _) in hay.match_indices(head.as_str()) {
        if blocked(hay, start, head) {
            continue;
        }
        let mut pos = start + head.len();
        for part in rest {
            // The leftmost occurrence leaves the most room for the parts after it.
            let Some(off) = hay[pos..]
                .match_indices(part.as_str())
                .map(|(o, _)| o)
                .find(|&o| !blocked(hay, pos + o, part))
            else {
                continue 'starts;
            };
            if hay[pos..pos + off].chars().count() > MAX_GAP {
                continue 'starts;
            }
            pos += off + part.len();
        }
        return true;
    }
    false
}

/// Whether an occurrence of `word` at byte `at` is really part of a longer word that means
/// something else: 小学 inside 中小学 (which names both levels, not primary schools).
fn blocked(hay: &str, at: usize, word: &str) -> bool {
    word.starts_with("小学") && hay[..at].ends_with('中')
}

/// The phrase without the words that name the base of a change (同比, 比上年, 比2020年).
fn without_bases(norm: &str) -> std::borrow::Cow<'_, str> {
    static BASES: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"同比|(?:比|较)(?:上年|去年|同期|[0-9]{4}年(?:底|末)?)")
            .expect("bases regex")
    });
    BASES.replace_all(norm, "")
}

/// Strips a unit to its base: `元/生` → `元`, trimmed.
fn unit_base(unit: &str) -> &str {
    unit.split('/').next().unwrap_or(unit).trim()
}

/// Region words that open an indicator phrase without changing what it measures.
const REGION_PREFIXES: &[&str] = &[
    "全县域",
    "全县",
    "全区",
    "全市",
    "全省",
    "全国",
    "全旗",
    "全镇",
    "我县",
    "我区",
    "我市",
    "我省",
    "我旗",
    "本县",
    "本区",
    "本市",
    "县域内",
    "县域",
    "区域内",
    "辖区内",
    "全域",
];

/// Normalises an indicator phrase for matching: drops bracketed asides (`(%)`, `(每五年)`),
/// quotes, punctuation, white space and 的, lowercases ASCII, and strips leading region words
/// (全县, 我区, 县域内 …).
pub fn normalize_phrase(phrase: &str) -> String {
    normalize(phrase, false)
}

/// Ways of writing the same denominator or unit word, folded to one.
const FOLDS: &[(&str, &str)] = &[
    ("每千常住人口", "每千人口"),
    ("每万常住人口", "每万人口"),
    ("每千人均", "每千人口"),
    ("千人均", "每千人口"),
    ("周岁", "岁"),
];

/// [`normalize_phrase`], or with `keep_bracketed` the text inside brackets kept (only the
/// brackets dropped), for a phrase whose name is all in brackets: (达到或优于Ⅲ类)比例.
fn normalize(phrase: &str, keep_bracketed: bool) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut depth = 0usize;
    for c in phrase.chars() {
        match c {
            '(' | '\u{FF08}' | '[' | '\u{FF3B}' | '【' | '〔' | '{' => depth += 1,
            ')' | '\u{FF09}' | ']' | '\u{FF3D}' | '】' | '〕' | '}' => {
                depth = depth.saturating_sub(1)
            }
            _ if depth > 0 && !keep_bracketed => {}
            c if c.is_whitespace() => {}
            '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』' | '《' | '》' | '〈'
            | '〉' | '、' | ',' | '\u{FF0C}' | ';' | '\u{FF1B}' | ':' | '\u{FF1A}' | '·' | '•'
            | '。' | '!' | '\u{FF01}' | '?' | '\u{FF1F}' | '的' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    for (from, to) in FOLDS {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    while let Some(rest) = REGION_PREFIXES
        .iter()
        .find_map(|p| out.strip_prefix(p))
        .filter(|r| !r.is_empty())
    {
        out = rest.to_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(phrase: &str, unit: Option<&str>) -> Option<String> {
        Catalogue::builtin()
            .classify(phrase, unit)
            .map(|m| m.column_id())
    }

    fn pct(phrase: &str) -> Option<String> {
        id(phrase, Some("%"))
    }

    #[test]
    fn builtin_parses_with_enough_indicators() {
        let cat = Catalogue::parse(BUILTIN_TSV).expect("builtin catalogue parses");
        let n = cat.indicators().len();
        assert!(n >= 250, "{n} indicators");
        const FIELDS: &[&str] = &[
            "education",
            "economy",
            "fiscal",
            "industry",
            "innovation",
            "trade",
            "employment",
            "income",
            "prices",
            "energy",
            "ecology",
            "agriculture",
            "rural",
            "health",
            "elderly",
            "civil",
            "transport",
            "housing",
            "urban",
            "market",
            "safety",
            "culture",
            "sports",
            "digital",
            "population",
        ];
        const GROUPS: &[&str] = &[
            "十四五纲要",
            "政府工作报告",
            "十四五专项",
            "十四五",
            "优质均衡",
            "其他",
        ];
        for ind in cat.indicators() {
            assert!(!ind.name.is_empty(), "{} has a name", ind.id);
            assert!(
                GROUPS.contains(&ind.group.as_str()),
                "{} group {}",
                ind.id,
                ind.group
            );
            assert!(
                FIELDS.contains(&ind.field.as_str()),
                "{} field {}",
                ind.id,
                ind.field
            );
            assert!(
                ind.references.is_empty() || ind.standard.is_some(),
                "{}: a reference line needs its standard in words",
                ind.id
            );
            assert!(
                ind.references.iter().all(|r| r.value >= 0.0),
                "{} reference",
                ind.id
            );
            // Every indicator must be reachable through its own canonical name.
            let m = cat
                .classify(&ind.name, ind.unit())
                .map(|m| m.indicator.id.clone());
            assert_eq!(
                m.as_deref(),
                Some(ind.id.as_str()),
                "canonical name of {}",
                ind.id
            );
        }
    }

    #[test]
    fn builtin_references_follow_the_standards() {
        let cat = Catalogue::builtin();
        let diff = cat.get("qb_diff_coef").expect("qb_diff_coef");
        let junior = diff.qualifiers.iter().find(|q| q.key == "junior");
        let r = diff.reference_for(junior).expect("junior reference");
        assert_eq!((r.comparator, r.value), (Comparator::Le, 0.45));
        assert!(diff.reference_for(None).is_none(), "no level-free standard");
        let r = cat
            .get("preschool_inclusive")
            .and_then(|i| i.reference_for(None))
            .expect("普惠 reference");
        assert_eq!((r.comparator, r.value), (Comparator::Ge, 85.0));
    }

    #[test]
    fn parse_rejects_malformed_files() {
        // The layout before `measure`, `field` and `source` existed still parses.
        let header = "id\tname\tunit\tgroup\tqualifiers\tsynonyms\texclude\tstandard\treference\n";
        assert!(Catalogue::parse("").is_err());
        assert!(Catalogue::parse("id\tname\tsynonyms\tcolour\na\t甲\t甲\t红\n").is_err());
        assert!(
            Catalogue::parse("id\tname\tunit\n").is_err(),
            "no synonyms column"
        );
        assert!(Catalogue::parse("name\tid\n").is_err());
        let dup = format!("{header}a\t甲\t%\t其他\t\t甲\t\t\na\t乙\t%\t其他\t\t乙\t\t\n");
        assert_eq!(Catalogue::parse(&dup).unwrap_err().line, 3);
        let no_syn = format!("{header}a\t甲\t%\t其他\t\t\t\t\n");
        assert!(Catalogue::parse(&no_syn).is_err());
        let bad_q = format!("{header}a\t甲\t%\t其他\tprimary\t甲\t\t\n");
        assert!(Catalogue::parse(&bad_q).is_err());
        let ok = format!("{header}a\t甲乙\t%\t其他\tx=丙\t甲乙|甲*丁\t戊\t\tge 5;x=le 0.5\n");
        let cat = Catalogue::parse(&ok).expect("valid");
        let ind = &cat.indicators()[0];
        assert_eq!(ind.qualifiers[0].label(), "丙");
        let r = ind
            .reference_for(ind.qualifiers.first())
            .expect("own reference");
        assert_eq!((r.comparator, r.value), (Comparator::Le, 0.5));
        let r = ind.reference_for(None).expect("general reference");
        assert_eq!((r.comparator, r.value), (Comparator::Ge, 5.0));
        for bad in ["y=ge 1", "ge x", "about 5", "ge"] {
            let t = format!("{header}a\t甲\t%\t其他\tx=丙\t甲\t\t\t{bad}\n");
            assert!(Catalogue::parse(&t).is_err(), "{bad}");
        }
    }

    /// `tests/data/indicator_phrases.tsv`: goal phrases as county documents word them, with
    /// their unit and the id they must map to (empty: nothing).
    #[test]
    fn phrases_of_every_field_map_to_their_indicator_and_near_misses_to_none() {
        let data = include_str!("../../tests/data/indicator_phrases.tsv");
        let cat = Catalogue::builtin();
        let mut wrong = Vec::new();
        let mut n = 0;
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cells = line.split('\t');
            let phrase = cells.next().unwrap_or("");
            let unit = cells.next().filter(|u| !u.is_empty());
            let want = cells.next().unwrap_or("").trim();
            let got = cat.classify(phrase, unit).map(|m| m.indicator.id.clone());
            if got.as_deref().unwrap_or("") != want {
                wrong.push(format!("{phrase} {unit:?}: want {want:?}, got {got:?}"));
            }
            n += 1;
        }
        assert!(n >= 300, "{n} phrases");
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_national_plan_indicator_is_catalogued() {
        let cat = Catalogue::builtin();
        let national = cat.indicators().iter().filter(|i| i.group == "十四五纲要");
        // The national 十四五 plan's table has 20 main indicators; one (劳动年龄人口平均受教育
        // 年限) is filed with education.
        assert_eq!(national.count() + 1, 20);
        for id in [
            "gdp_growth",
            "urbanization_rate",
            "life_expectancy",
            "forest_coverage",
        ] {
            let ind = cat.get(id).unwrap_or_else(|| panic!("{id}"));
            assert!(ind.source.is_some(), "{id} names its source");
        }
    }

    #[test]
    fn parse_reads_columns_by_name_and_defaults_the_measure() {
        let t = "id\tsynonyms\tname\tunit\nrate\t甲率\t甲率\t%\nsum\t乙数\t乙数\t人\n";
        let cat = Catalogue::parse(t).expect("valid");
        assert_eq!(cat.indicators()[0].measure, Measure::Share);
        assert_eq!(cat.indicators()[1].measure, Measure::Level);
        assert_eq!(cat.indicators()[1].name, "乙数");
        let t = "id\tname\tunit\tmeasure\tsynonyms\na\t甲\t%\tspeed\t甲\n";
        assert_eq!(Catalogue::parse(t).unwrap_err().line, 2);
        // A BOM left by a spreadsheet is not part of the header's first name.
        let t = "\u{FEFF}id\tname\tsynonyms\na\t甲\t甲\n";
        assert!(Catalogue::parse(t).is_ok());
    }

    #[test]
    fn phrases_state_growth_change_or_a_level() {
        use Measure::*;
        let m = |p: &str, u: Option<&str>| Measure::of_phrase(p, u);
        assert_eq!(m("地区生产总值年均增长", Some("%")), Growth);
        assert_eq!(m("居民消费价格涨幅", Some("%")), Growth);
        assert_eq!(m("一般公共预算收入增速", None), Growth);
        assert_eq!(m("研发经费投入增加", Some("%")), Growth);
        assert_eq!(
            m("数字经济核心产业增加值占GDP比重", Some("%")),
            Level,
            "value added"
        );
        assert_eq!(m("规上工业增加值增长", Some("%")), Growth);
        assert_eq!(m("地区生产总值年均", Some("%")), Growth);
        assert_eq!(m("单位地区生产总值能耗下降", Some("%")), Change);
        assert_eq!(m("常住人口城镇化率提高", Some("个百分点")), Change);
        assert_eq!(m("森林覆盖率提高", Some("%")), Change);
        assert_eq!(m("一般公共预算收入增长", Some("元")), Change);
        assert_eq!(m("地区生产总值", Some("元")), Level);
        assert_eq!(m("森林覆盖率", Some("%")), Level);
        assert_eq!(m("人口自然增长率", Some("‰")), Level);
        assert_eq!(m("人均预期寿命在2020年基础上提高", Some("岁")), Change);
        assert_eq!(m("化学需氧量排放量比上年减少", Some("吨")), Change);
        assert_eq!(m("高标准农田改造提升", Some("亩")), Level);
        assert_eq!(m("农村公路增加", Some("公里")), Change, "an amount added");
        assert_eq!(m("农村公路增加到", Some("公里")), Level);
        assert_eq!(m("居民消费价格指数", Some("%")), Growth, "an index in %");
        assert_eq!(
            m("城乡居民收入比2010年", Some("倍")),
            Change,
            "doubling over a base"
        );
        assert!(Growth.admits(Growth) && !Growth.admits(Level) && !Growth.admits(Change));
        assert!(Level.admits(Share) && Level.admits(PerCapita) && !Level.admits(Growth));
        assert!(Change.admits(Change) && !Change.admits(Share));
    }

    #[test]
    fn growth_never_maps_to_a_level_indicator() {
        let t = "id\tname\tunit\tmeasure\tsynonyms\n\
                 gdp\t地区生产总值\t元\tlevel\t地区生产总值|gdp\n\
                 gdp_growth\t地区生产总值增长\t%\tgrowth\t地区生产总值|gdp\n\
                 energy\t单位GDP能耗降低\t%\tchange\t单位gdp能耗|单位地区生产总值能耗\n";
        let cat = Catalogue::parse(t).expect("valid");
        let id = |p: &str, u: Option<&str>| cat.classify(p, u).map(|m| m.indicator.id.clone());
        assert_eq!(
            id("全县地区生产总值年均增长", Some("%")).as_deref(),
            Some("gdp_growth")
        );
        assert_eq!(id("地区生产总值", Some("元")).as_deref(), Some("gdp"));
        assert_eq!(id("GDP", None).as_deref(), Some("gdp"));
        assert_eq!(
            id("地区生产总值增长", Some("元")),
            None,
            "an increment is neither"
        );
        assert_eq!(
            id("单位GDP能耗累计下降", Some("%")).as_deref(),
            Some("energy")
        );
        assert_eq!(id("单位GDP能耗", Some("吨标准煤")), None);
    }

    #[test]
    fn denominators_units_and_bracketed_names_are_folded() {
        assert_eq!(
            normalize_phrase("每千常住人口执业(助理)医师"),
            "每千人口执业医师"
        );
        assert_eq!(
            normalize_phrase("千人均医疗机构床位数"),
            "每千人口医疗机构床位数"
        );
        assert_eq!(normalize_phrase("65周岁及以上老年人"), "65岁及以上老年人");
        let cat = Catalogue::builtin();
        let id = |p: &str, u: Option<&str>| cat.classify(p, u).map(|m| m.indicator.id.clone());
        assert_eq!(
            id("完成改(新)建农村户厕", Some("个")).as_deref(),
            Some("rural_toilet_renovation")
        );
        assert!(id("(达到或好于III类)水体比例", Some("%")).is_some());
        assert_eq!(
            id("千人均注册护士", Some("人/千人")).as_deref(),
            Some("nurses_per_1000")
        );
    }

    #[test]
    fn rate_units_match_as_written() {
        let t = "id\tname\tunit\tsynonyms\nmmr\t孕产妇死亡率\t/10万\t孕产妇死亡率\n\
                 doctors\t每千人口执业(助理)医师数\t人/千人|人\t执业医师数|执业*医师数\n\
                 equip\t生均教学仪器设备值\t元\t生均教学仪器设备值\n";
        let cat = Catalogue::parse(t).expect("valid");
        let id = |p: &str, u: Option<&str>| cat.classify(p, u).map(|m| m.indicator.id.clone());
        assert_eq!(id("孕产妇死亡率", Some("/10万")).as_deref(), Some("mmr"));
        assert_eq!(id("孕产妇死亡率", Some("%")), None);
        assert_eq!(
            id("每千人口执业(助理)医师数", Some("人/千人")).as_deref(),
            Some("doctors")
        );
        assert_eq!(
            id("生均教学仪器设备值", Some("元/生")).as_deref(),
            Some("equip")
        );
    }

    #[test]
    fn normalisation_strips_prefixes_brackets_and_punctuation() {
        assert_eq!(
            normalize_phrase("全县学前教育毛入园率(%)"),
            "学前教育毛入园率"
        );
        assert_eq!(
            normalize_phrase("每百名学生拥有体育、艺术(美术、音乐)专任教师数"),
            "每百名学生拥有体育艺术专任教师数"
        );
        assert_eq!(normalize_phrase("我区“学前教育普惠率”"), "学前教育普惠率");
        assert_eq!(
            normalize_phrase("县域内 适龄残疾儿童的入学率"),
            "适龄残疾儿童入学率"
        );
        assert_eq!(normalize_phrase("全县"), "全县", "a bare prefix is kept");
        assert_eq!(normalize_phrase("(((未闭合"), "");
        assert_eq!(normalize_phrase("M2)"), "m2");
    }

    #[test]
    fn national_indicators_by_several_phrasings() {
        for p in [
            "学前教育毛入园率",
            "学前三年毛入园率",
            "全县学前三年入园率",
            "学前三年幼儿毛入园率(%)",
        ] {
            assert_eq!(pct(p).as_deref(), Some("preschool_ger"), "{p}");
        }
        for p in ["学前一年入园率", "学前一年毛入园率"] {
            assert_eq!(pct(p).as_deref(), Some("preschool_one_year"), "{p}");
        }
        for p in [
            "普惠性幼儿园覆盖率",
            "学前教育普惠率",
            "全区普惠性幼儿园在园幼儿占比",
            "公办园和普惠性民办园在园幼儿占比",
            "普惠性幼儿园覆盖率(在园幼儿占比)",
        ] {
            assert_eq!(pct(p).as_deref(), Some("preschool_inclusive"), "{p}");
        }
        for p in [
            "公办园在园幼儿占比",
            "公办幼儿园在园幼儿比例",
            "学前教育公办率",
        ] {
            assert_eq!(pct(p).as_deref(), Some("preschool_public_share"), "{p}");
        }
        for p in [
            "九年义务教育巩固率",
            "义务教育巩固率",
            "全县九年义务教育阶段巩固率",
        ] {
            assert_eq!(pct(p).as_deref(), Some("compulsory_retention"), "{p}");
        }
        for p in [
            "高中阶段教育毛入学率",
            "高中阶段毛入学率",
            "普及高中阶段教育,毛入学率",
        ] {
            assert_eq!(pct(p).as_deref(), Some("senior_ger"), "{p}");
        }
        assert_eq!(pct("高等教育毛入学率").as_deref(), Some("higher_ger"));
        for p in [
            "劳动年龄人口平均受教育年限",
            "全市劳动年龄人口人均受教育年限",
            "平均受教育年限",
        ] {
            assert_eq!(
                id(p, Some("年")).as_deref(),
                Some("labor_schooling_years"),
                "{p}"
            );
        }
        assert_eq!(
            id("新增劳动力平均受教育年限", Some("年")).as_deref(),
            Some("new_labor_schooling_years")
        );
        for p in [
            "残疾儿童少年入学率",
            "适龄残疾儿童少年义务教育入学率",
            "三类残疾儿童少年入学率",
            "特殊教育适龄儿童入学率",
        ] {
            assert_eq!(pct(p).as_deref(), Some("disabled_enrolment"), "{p}");
        }
        assert_eq!(
            pct("三类残疾儿童少年巩固率").as_deref(),
            Some("disabled_retention")
        );
    }

    #[test]
    fn school_level_qualifiers() {
        assert_eq!(
            pct("小学巩固率").as_deref(),
            Some("compulsory_retention.primary")
        );
        assert_eq!(
            pct("小学五年巩固率").as_deref(),
            Some("compulsory_retention.primary")
        );
        assert_eq!(
            pct("初中三年巩固率").as_deref(),
            Some("compulsory_retention.junior")
        );
        assert_eq!(
            pct("初中在校生巩固率").as_deref(),
            Some("compulsory_retention.junior")
        );
        assert_eq!(
            pct("小学适龄儿童入学率").as_deref(),
            Some("compulsory_enrolment.primary")
        );
        assert_eq!(
            pct("初中入学率").as_deref(),
            Some("compulsory_enrolment.junior")
        );
        // Both levels named: no qualifier (the cell is the indicator as a whole).
        assert_eq!(
            pct("小学、初中巩固率").as_deref(),
            Some("compulsory_retention")
        );
        // 中小学 names both levels; its 小学 is not primary school.
        assert_eq!(
            id("中小学生均教学及辅助用房面积", Some("平方米")).as_deref(),
            Some("qb_teaching_space")
        );
        assert_eq!(
            id("小学校际差异系数", None).as_deref(),
            Some("qb_diff_coef.primary")
        );
        assert_eq!(
            id("初中综合差异系数", None).as_deref(),
            Some("qb_diff_coef.junior")
        );
        assert_eq!(
            pct("城区公办小学、初中就近划片入学比例").as_deref(),
            Some("nearby_enrolment_share.urban")
        );
        assert_eq!(
            pct("乡镇公办小学、初中就近划片入学比例").as_deref(),
            Some("nearby_enrolment_share.town")
        );
    }

    #[test]
    fn balanced_development_indicators_by_several_phrasings() {
        let people = Some("人");
        for p in [
            "每百名学生拥有高于规定学历教师数",
            "小学每百名学生拥有高于规定学历的教师数",
            "每百名学生拥有高学历教师",
        ] {
            let got = id(p, people);
            assert!(
                got.as_deref()
                    .is_some_and(|g| g.starts_with("qb_teachers_higher_degree")),
                "{p}: {got:?}"
            );
        }
        assert_eq!(
            id("初中每百名学生拥有县级以上骨干教师数", Some("名")).as_deref(),
            Some("qb_backbone_teachers.junior")
        );
        for p in [
            "每百名学生拥有体育、艺术(美术、音乐)专任教师数",
            "每百名学生拥有体育艺术专任教师数",
            "每百名学生拥有体育、美术、音乐教师数",
        ] {
            assert_eq!(id(p, people).as_deref(), Some("qb_pe_arts_teachers"), "{p}");
        }
        let m2 = Some("平方米");
        for p in [
            "生均教学及辅助用房面积",
            "生均教学辅助用房面积",
            "生均教学用房面积",
        ] {
            assert_eq!(id(p, m2).as_deref(), Some("qb_teaching_space"), "{p}");
        }
        for p in [
            "生均体育运动场馆面积",
            "小学生均体育场馆面积",
            "生均运动场地面积",
        ] {
            let got = id(p, m2);
            assert!(
                got.as_deref()
                    .is_some_and(|g| g.starts_with("qb_sports_space")),
                "{p}: {got:?}"
            );
        }
        for p in ["生均教学仪器设备值", "初中生均教学仪器设备价值"] {
            let got = id(p, Some("元"));
            assert!(
                got.as_deref()
                    .is_some_and(|g| g.starts_with("qb_equipment_value")),
                "{p}: {got:?}"
            );
        }
        assert_eq!(
            id("每百名学生拥有网络多媒体教室数", Some("间")).as_deref(),
            Some("qb_multimedia_rooms")
        );
        for p in [
            "教师培训经费占公用经费比例",
            "教师培训经费占学校年度公用经费预算总额比例",
            "年度公用经费预算总额用于教师培训比例",
            "年度公用经费预算总额全部用于教师培训",
            "按照不低于学校年度公用经费预算总额安排教师培训经费",
        ] {
            assert_eq!(
                pct(p).as_deref(),
                Some("teacher_training_funds_share"),
                "{p}"
            );
        }
        for p in [
            "教师交流轮岗比例",
            "校际交流轮岗教师比例",
            "每年交流轮岗教师的比例",
        ] {
            assert_eq!(pct(p).as_deref(), Some("teacher_rotation_share"), "{p}");
        }
        for p in [
            "骨干教师交流比例",
            "骨干教师占交流轮岗教师总数比例",
            "骨干教师不低于交流轮岗教师总数",
        ] {
            assert_eq!(pct(p).as_deref(), Some("backbone_rotation_share"), "{p}");
        }
        for p in ["就近入学比例", "小学毕业生就近入学的比例"] {
            assert_eq!(pct(p).as_deref(), Some("nearby_enrolment_share"), "{p}");
        }
        assert_eq!(
            pct("优质高中招生名额分配比例").as_deref(),
            Some("quality_high_school_quota")
        );
        assert_eq!(
            id("校际差异率", None).as_deref(),
            Some("achievement_diff_rate")
        );
        assert_eq!(
            id("特教生均经费", Some("元")).as_deref(),
            Some("special_school_funds")
        );
        assert_eq!(
            id("小学生均公用经费标准", Some("元")).as_deref(),
            Some("per_student_public_funds.primary")
        );
        assert_eq!(
            pct("教师5年360学时培训完成率").as_deref(),
            Some("teacher_training_completion")
        );
        // The same phrase with hours as its unit is the hours standard, not the rate.
        assert_eq!(
            id("教师5年培训完成率", Some("学时")).as_deref(),
            Some("teacher_training_hours")
        );
        assert_eq!(
            id("教师培训学时", Some("学时")).as_deref(),
            Some("teacher_training_hours")
        );
        assert_eq!(id("教师培训", Some("人次")), None);
        assert_eq!(
            pct("专任教师持有教师资格证上岗率").as_deref(),
            Some("teacher_certified")
        );
        assert_eq!(
            id("小学班额", Some("人")).as_deref(),
            Some("qb_class_size.primary")
        );
        assert_eq!(pct("大班额比例").as_deref(), Some("large_class_share"));
    }

    #[test]
    fn phrasings_from_county_plans() {
        let cases: [(&str, Option<&str>, &str); 16] = [
            ("学前教育三年毛入园率", Some("%"), "preschool_ger"),
            (
                "九年义务教育巩固率保持在",
                Some("%"),
                "compulsory_retention",
            ),
            ("高中阶段毛入学率稳定在", Some("%"), "senior_ger"),
            (
                "特殊教育三类残疾儿童少年义务教育入学率",
                Some("%"),
                "disabled_enrolment",
            ),
            (
                "公办幼儿园在园幼儿占比",
                Some("%"),
                "preschool_public_share",
            ),
            ("幼儿园专任教师持证上岗率", Some("%"), "teacher_certified"),
            (
                "幼儿园教师专科以上学历比例",
                Some("%"),
                "preschool_teacher_college",
            ),
            (
                "义务教育阶段教师本科以上学历比例",
                Some("%"),
                "compulsory_teacher_bachelor",
            ),
            (
                "高中教师研究生学历比例",
                Some("%"),
                "senior_teacher_postgrad",
            ),
            (
                "国家学生体质健康标准优良率",
                Some("%"),
                "student_fitness_good",
            ),
            ("学生体质健康合格率", Some("%"), "student_fitness_pass"),
            ("儿童青少年近视率", Some("%"), "myopia_rate"),
            ("全县义务教育学校校际差异系数", None, "qb_diff_coef"),
            (
                "每年交流轮岗教师比例不低于符合交流条件教师总数",
                Some("%"),
                "teacher_rotation_share",
            ),
            (
                "劳动年龄人口平均受教育年限",
                Some("年"),
                "labor_schooling_years",
            ),
            ("中小学互联网接入率", Some("%"), "school_broadband_rate"),
        ];
        for (phrase, unit, want) in cases {
            assert_eq!(id(phrase, unit).as_deref(), Some(want), "{phrase}");
        }
        // The per-level spreading relies on `named` listing both levels, in order.
        let m = Catalogue::builtin()
            .classify(
                "小学、初中每百名学生拥有体育、艺术(美术、音乐)专任教师数",
                Some("人"),
            )
            .expect("match");
        assert_eq!(m.qualifier, None);
        assert_eq!(m.named.len(), 2);
    }

    #[test]
    fn no_false_matches() {
        // A level's retention is not the senior-secondary enrolment rate, nor the reverse.
        assert_ne!(pct("小学巩固率").as_deref(), Some("senior_ger"));
        assert_eq!(pct("高中阶段毛入学率").as_deref(), Some("senior_ger"));
        // Disabled children's figures stay out of the general rates.
        assert_eq!(
            pct("残疾儿童少年巩固率").as_deref(),
            Some("disabled_retention")
        );
        assert_ne!(
            pct("残疾儿童少年入学率").as_deref(),
            Some("compulsory_enrolment")
        );
        // Kindergarten counts, funds and unrelated rates match nothing.
        assert_eq!(id("公办幼儿园", Some("所")), None);
        assert_eq!(id("普惠性民办幼儿园", Some("所")), None);
        assert_eq!(
            pct("省级学前教育专项资金用于扶持普惠性民办幼儿园比例"),
            None
        );
        assert_eq!(pct("残疾儿童档案实名登记率"), None);
        assert_eq!(pct("德育项目合格率"), None);
        assert_eq!(id("新建小学", Some("所")), None);
        assert_eq!(id("", None), None);
        // The unit check: a count is not a rate.
        assert_eq!(id("学前教育毛入园率", Some("所")), None);
        assert_eq!(id("生均教学仪器设备值", Some("%")), None);
        // 骨干教师 counts are not rotation shares and the reverse.
        assert_ne!(
            pct("骨干教师占交流轮岗教师总数比例").as_deref(),
            Some("teacher_rotation_share")
        );
        assert_eq!(id("骨干教师", Some("名")), None);
        // 中小学 is not 小学.
        assert_eq!(
            pct("中小学校标准化智慧校园建成率").as_deref(),
            Some("smart_campus_rate")
        );
        assert_eq!(pct("中小学入学率"), None);
    }

    proptest::proptest! {
        #[test]
        fn classify_never_panics_on_any_text(
            phrase in "\\PC{0,40}",
            unit in proptest::option::of("\\PC{0,4}"),
        ) {
            let _ = Catalogue::builtin().classify(&phrase, unit.as_deref());
            let _ = normalize_phrase(&phrase);
        }

        #[test]
        fn classify_never_panics_on_near_misses(
            phrase in "[全县小学中初高阶段教育毛入园率巩固学前一年(())%、的“”每百名生均*a-z0-9]{0,30}",
        ) {
            if let Some(m) = Catalogue::builtin().classify(&phrase, Some("%")) {
                proptest::prop_assert!(m.score > 0);
                proptest::prop_assert!(m.indicator.accepts_unit(Some("%")));
            }
        }
    }

    #[test]
    fn match_goal_uses_the_goal_unit() {
        let goal = NumericGoal {
            indicator: "全县学前三年毛入园率".into(),
            comparator: crate::records::Comparator::Ge,
            value: 95.0,
            unit: Some("%".into()),
            year: Some(2025),
            baseline: None,
            status: crate::records::GoalStatus::Target,
            binding: None,
            section: None,
            text: String::new(),
            span: [0, 0],
            ..Default::default()
        };
        let cat = Catalogue::builtin();
        assert_eq!(
            cat.match_goal(&goal).map(|i| i.id.as_str()),
            Some("preschool_ger")
        );
        let count = NumericGoal {
            unit: Some("所".into()),
            ..goal
        };
        assert_eq!(cat.match_goal(&count), None);
    }
}
