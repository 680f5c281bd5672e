//! Serde types of the output contract (`docs/output.md`).
//!
//! One [`Document`] per input file; field names are the contract's and stay stable. Spans are
//! `[start, end)` **char** offsets into the normalised text (not bytes), as the contract says.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A `[start, end)` range of char offsets into the normalised text.
pub type CharSpan = [usize; 2];

/// The version of the output contract (`docs/output.md`) this build writes: the minor number
/// grows when fields or enum values are added, the major one if a field ever changed meaning.
pub const SCHEMA_VERSION: &str = "1.1";

/// The version of planmine that wrote a record.
pub const PLANMINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything planmine read from one input document, or why it could not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Document {
    /// The version of the output contract the line follows ([`SCHEMA_VERSION`]); empty when
    /// read from a line written before versions were written (2026-12).
    #[serde(default)]
    pub schema_version: String,
    /// The version of planmine that wrote the line ([`PLANMINE_VERSION`]).
    #[serde(default)]
    pub planmine_version: String,
    /// The input's path (or the name given to it) as the user supplied it.
    pub source: String,
    /// The source's exact bytes (base64), present only when the path is not UTF-8: `source`
    /// then writes its invalid bytes as `\xNN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_bytes: Option<String>,
    /// What the decode stage did to the bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decode: Option<DecodeReport>,
    /// What the document is: title, issuer, number, date, region, period, kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    /// Numeric goals and reported figures.
    #[serde(default)]
    pub goals: Vec<NumericGoal>,
    /// Deadlines and recurring schedules.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Statements of which bodies are responsible.
    #[serde(default)]
    pub responsibilities: Vec<Responsibility>,
    /// Clauses committing to a checkable future state.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Set when the document could not be processed; the other fields are then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorRecord>,
}

impl Document {
    /// An empty record of the current versions for `source`; the pipeline fills it in.
    pub fn new(source: impl Into<String>) -> Self {
        Document {
            source: source.into(),
            ..Document::default()
        }
    }
}

impl Default for Document {
    /// An empty document stamped with this build's versions.
    fn default() -> Self {
        Document {
            schema_version: SCHEMA_VERSION.to_owned(),
            planmine_version: PLANMINE_VERSION.to_owned(),
            source: String::new(),
            source_bytes: None,
            decode: None,
            meta: None,
            goals: Vec::new(),
            deadlines: Vec::new(),
            responsibilities: Vec::new(),
            targets: Vec::new(),
            error: None,
        }
    }
}

/// The `error` object of a document that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ErrorRecord {
    /// A stable machine-readable kind: `io`, `empty`, `binary`, `too_large`, `undecodable`, ….
    pub kind: String,
    /// A human-readable explanation.
    pub message: String,
}

impl ErrorRecord {
    /// An error of `kind` (see [`ErrorRecord::kind`]) with a human-readable message.
    pub fn new(kind: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorRecord {
            kind: kind.into(),
            message: message.into(),
        }
    }
}

/// The `decode` object: what was done to the bytes to get the normalised text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct DecodeReport {
    /// What the input was: `text`, `html` (a web page read down to its article) or `docx`.
    pub format: InputFormat,
    /// encoding_rs name of what the bytes were decoded as (the dominant legacy encoding for
    /// mixed files).
    pub encoding: String,
    /// True when parts of the file needed different encodings.
    pub mixed_encoding: bool,
    /// Dominant input script: `simplified`, `traditional` or `mixed`.
    pub script: Script,
    /// Number of inline pinyin annotations such as `(guān)` removed.
    pub pinyin_annotations_removed: usize,
    /// Number of mojibake runs repaired (e.g. UTF-8 read as GBK).
    pub mojibake_repaired: usize,
    /// Char ranges of the normalised text that are garbage and could not be repaired.
    pub corrupt_spans: Vec<CharSpan>,
    /// Lines of site chrome, navigation and spam dropped.
    pub boilerplate_lines_removed: usize,
    /// Repairs that are educated guesses (e.g. re-pairing a GB stream shifted by one byte), as
    /// char ranges of the normalised text. Not in the contract's example; added per its
    /// "fields may be added" rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guessed_spans: Vec<CharSpan>,
    /// Line breaks removed from a hard-wrapped copy (PDF text, fixed-width pages), where
    /// every line was cut at one width in mid-sentence. Added per the contract's "fields may
    /// be added" rule; absent when zero.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wrapped_lines_joined: usize,
    /// Free-form warnings (truncation, degraded decoding, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The kind of file a document was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text (any encoding).
    #[default]
    Text,
    /// An HTML page: the article's text, tables as rows, site chrome left out.
    Html,
    /// A Word `.docx` file: paragraphs with their automatic numbering, and tables.
    Docx,
    /// A PDF's text layer: lines in reading order, running headers, footers and page numbers
    /// left out.
    Pdf,
}

/// Dominant script of the input text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Script {
    /// Simplified characters only (or no Han text at all).
    #[default]
    Simplified,
    /// Mostly Traditional characters.
    Traditional,
    /// Both in substantial amounts.
    Mixed,
}

/// The `meta` object. Unknown values are `None` (serialised `null`), never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Meta {
    /// The document's title.
    pub title: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// 发文字号, normalised to `〔YYYY〕`: `平政办字〔2021〕26号`.
    pub doc_number: Option<String>,
    /// 成文日期 as ISO `YYYY-MM-DD` (or coarser when the text gives less).
    pub date: Option<String>,
    /// Where the document applies.
    pub region: Option<Region>,
    /// The plan period, e.g. 十四五 2021–2025.
    pub period: Option<Period>,
    /// 规划, 实施方案, 工作要点, 意见, 通知, 办法, 报告.
    pub kind: Option<String>,
    /// The fields (`title`, `date`, `issuer`) read from the page rather than the document:
    /// an HTML page's `ArticleTitle` or `<title>`, and the byline (发布时间, 来源) or its CMS
    /// tags, when the document itself does not state them. Empty, and left out of the JSON,
    /// when every field comes from the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_page: Vec<String>,
}

/// An administrative region, resolved through the divisions gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Region {
    /// Province-level unit, e.g. 山东省.
    pub province: Option<String>,
    /// Prefecture-level unit, e.g. 济南市.
    pub city: Option<String>,
    /// County-level unit, e.g. 平阴县.
    pub county: Option<String>,
    /// The 6-digit GB/T 2260 code of the most specific division known, at every level: a
    /// province is `420000`, a city `610400`, a county `370124`. Absent when the name is
    /// ambiguous and the text does not tell which division it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The level of the most specific division known: `province`, `city` or `county`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<crate::gazetteer::Level>,
}

/// A plan period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Period {
    /// Its name as the text gives it (十四五), or `start-end` when only years are given.
    pub name: Option<String>,
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

impl Period {
    /// A period from `start` to `end`, named as the text names it.
    pub fn new(name: Option<String>, start: i32, end: i32) -> Self {
        Period { name, start, end }
    }
}

/// A date at the precision the text gives: a year (`2025`), a month (`2024-12`) or a day
/// (`2024-09-10`). It cannot hold an impossible month or day (`2025-13`, `2025-02-30`): the
/// constructors refuse them. It serialises to the partial ISO string of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// A year between 1900 and 2200 (plans name no other).
    pub fn year(year: i32) -> Option<Self> {
        (1900..=2200).contains(&year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A month of a year; `None` for a month outside 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        Some(PartialDate {
            month: Some(month),
            ..Self::year(year)?
        })
    }

    /// A day; `None` for a day its month does not have (2月30日, 2023年2月29日).
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        let with_month = Self::month(year, month)?;
        let day = u8::try_from(day)
            .ok()
            .filter(|d| (1..=days_in_month(year, month)).contains(&u32::from(*d)))?;
        Some(PartialDate {
            day: Some(day),
            ..with_month
        })
    }

    /// The year.
    pub fn get_year(&self) -> i32 {
        self.year
    }

    /// The month, when the text gives one.
    pub fn get_month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    /// The day, when the text gives one.
    pub fn get_day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }
}

/// Days of a month of the Gregorian calendar.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    /// Parses `2025`, `2024-12` or `2024-09-10`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("not a partial ISO date: {s:?}");
        let mut parts = s.split('-');
        let year: i32 = parts.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
        let month: Option<u32> = parts
            .next()
            .map(|m| m.parse().map_err(|_| bad()))
            .transpose()?;
        let day: Option<u32> = parts
            .next()
            .map(|d| d.parse().map_err(|_| bad()))
            .transpose()?;
        if parts.next().is_some() {
            return Err(bad());
        }
        match (month, day) {
            (None, _) => Self::year(year),
            (Some(m), None) => Self::month(year, m),
            (Some(m), Some(d)) => Self::day(year, m, d),
        }
        .ok_or_else(bad)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "A date at the precision the text gives: 2025, 2024-12 or 2024-09-10."
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How a goal's value relates to the stated number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Comparator {
    /// Exactly / reaching (达到, 保持).
    #[default]
    Eq,
    /// At least (以上, 不低于, 不少于, 至少).
    Ge,
    /// More than (超过, 高于, 余, 多).
    Gt,
    /// At most (以下, 以内, 不超过, 控制在).
    Le,
    /// Less than (低于, 少于, 不足).
    Lt,
    /// About (左右, 约, 近).
    Approx,
    /// Between `value` and `value_high` (4.5%—5%, 3-5年, 5%至6%).
    Range,
}

impl Comparator {
    /// The contract's name: `eq`, `ge`, `gt`, `le`, `lt`, `approx`, `range`.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "eq",
            Comparator::Ge => "ge",
            Comparator::Gt => "gt",
            Comparator::Le => "le",
            Comparator::Lt => "lt",
            Comparator::Approx => "approx",
            Comparator::Range => "range",
        }
    }
}

/// Where a goal was read: running text or a table row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum GoalSource {
    /// A clause of running text.
    #[default]
    Text,
    /// A row of an indicator table.
    Table,
}

/// Whether a figure is a plan or a reported result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum GoalStatus {
    /// Something planned.
    #[default]
    Target,
    /// Something already reached and reported.
    Achieved,
}

/// A starting value for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// The year it refers to, if stated.
    pub year: Option<i32>,
}

impl Baseline {
    /// A starting value, with the year it refers to when stated.
    pub fn new(value: f64, year: Option<i32>) -> Self {
        Baseline { value, year }
    }
}

/// Whether a table marks an indicator as binding (约束性) or expected (预期性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Binding {
    /// 约束性.
    Binding,
    /// 预期性.
    Expected,
}

/// A numeric goal or reported figure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct NumericGoal {
    /// The measured thing, as the text names it.
    pub indicator: String,
    /// How the value is qualified.
    pub comparator: Comparator,
    /// The number, with 万/亿 folded in; percentages as written (98, not 0.98). The low end
    /// of a range.
    pub value: f64,
    /// The high end of a range (`comparator: "range"`), else `None`.
    #[serde(default)]
    pub value_high: Option<f64>,
    /// `%`, a measure word (所, 人, 元, …) or `None`.
    pub unit: Option<String>,
    /// Year the goal is due, if known.
    pub year: Option<i32>,
    /// Stated starting value, if any.
    pub baseline: Option<Baseline>,
    /// Plan or reported result.
    pub status: GoalStatus,
    /// Binding or expected, where a table says so.
    pub binding: Option<Binding>,
    /// The commitment word the text hedges the goal with (力争, 确保, 努力, 争取), if any.
    #[serde(default)]
    pub hedge: Option<String>,
    /// Running text or a table row.
    #[serde(default)]
    pub source: GoalSource,
    /// For an achieved figure, the year its value refers to (截至2020年底 → 2020; a 2023
    /// report's review of the past year → 2022); `None` for targets.
    #[serde(default)]
    pub as_of: Option<i32>,
    /// Heading path of the enclosing outline (`二/(一)/1`), `None` outside any heading.
    pub section: Option<String>,
    /// The clause or sentence the goal was read from.
    pub text: String,
    /// Char span of `text`.
    pub span: CharSpan,
    /// The standard indicator the goal maps to (an id of the indicator catalogue,
    /// `data/indicators.tsv`), `None` when none maps.
    #[serde(default)]
    pub indicator_id: Option<String>,
}

/// How a deadline's date relates to the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DeadlineRelation {
    /// Done by that date.
    By,
    /// A dated event.
    On,
    /// Within a period ending then.
    Within,
    /// A recurring schedule (每年, 每学期); `date` is `None`.
    Recurring,
}

/// A deadline or schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Deadline {
    /// The phrase as written (到2024年年底).
    pub text: String,
    /// Partial ISO date at the text's precision: `2025`, `2024-12`, `2024-09-10`.
    pub date: Option<PartialDate>,
    /// How the date relates.
    pub relation: DeadlineRelation,
    /// Heading path.
    pub section: Option<String>,
    /// Char span of `text`.
    pub span: CharSpan,
}

/// The role a department plays in a responsibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// 牵头.
    Lead,
    /// 配合, 参与, 协助.
    Support,
    /// 责任部门, 负责, or unmarked.
    Responsible,
}

/// A government body named as responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Department {
    /// The body as written (normalised).
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Full name for a known abbreviation (县教体局 → 县教育和体育局).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

impl Department {
    /// A body as written, in a role, without a canonical name.
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        Department {
            name: name.into(),
            role,
            canonical: None,
        }
    }
}

/// One statement of responsibility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Responsibility {
    /// The bodies named.
    pub departments: Vec<Department>,
    /// Heading path.
    pub section: Option<String>,
    /// The statement as written.
    pub text: String,
    /// Char span of `text`.
    pub span: CharSpan,
}

/// A clause committing to a checkable future state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Target {
    /// The clause.
    pub text: String,
    /// Heading path.
    pub section: Option<String>,
    /// Its deadline's `date`, when the clause or its item has one.
    pub deadline: Option<PartialDate>,
    /// Indices into the document's `goals` read from this clause.
    pub goals: Vec<usize>,
    /// Departments responsible for its item.
    pub departments: Vec<Department>,
    /// Char span of `text`.
    pub span: CharSpan,
}

/// Serde helper: counts of zero are left out of the output.
fn is_zero(n: &usize) -> bool {
    *n == 0
}
