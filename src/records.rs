//! Serde types of the output contract (`shared/spec/output.md`).
//!
//! One [`Document`] per input file; field names are the contract's and stay stable. Spans are
//! `[start, end)` **char** offsets into the normalised text (not bytes), as the contract says.

use serde::{Deserialize, Serialize};

/// A `[start, end)` range of char offsets into the normalised text.
pub type CharSpan = [usize; 2];

/// Everything planmine read from one input document, or why it could not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input's path (or the name given to it) as the user supplied it.
    pub source: String,
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

/// The `error` object of a document that could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// A stable machine-readable kind: `io`, `empty`, `binary`, `too_large`, `undecodable`, ….
    pub kind: String,
    /// A human-readable explanation.
    pub message: String,
}

/// The `decode` object: what was done to the bytes to get the normalised text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DecodeReport {
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

/// Dominant script of the input text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
}

/// An administrative region, resolved through the divisions gazetteer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Province-level unit, e.g. 山东省.
    pub province: Option<String>,
    /// Prefecture-level unit, e.g. 济南市.
    pub city: Option<String>,
    /// County-level unit, e.g. 平阴县.
    pub county: Option<String>,
    /// 6-digit (or shorter) statistical division code of the most specific level known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A plan period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// Its name as the text gives it (十四五), or `start-end` when only years are given.
    pub name: Option<String>,
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// How a goal's value relates to the stated number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// Exactly / reaching (达到, 保持).
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
}

/// Whether a figure is a plan or a reported result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    /// Something planned.
    Target,
    /// Something already reached and reported.
    Achieved,
}

/// A starting value for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The value.
    pub value: f64,
    /// The year it refers to, if stated.
    pub year: Option<i32>,
}

/// Whether a table marks an indicator as binding (约束性) or expected (预期性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    /// 约束性.
    Binding,
    /// 预期性.
    Expected,
}

/// A numeric goal or reported figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericGoal {
    /// The measured thing, as the text names it.
    pub indicator: String,
    /// How the value is qualified.
    pub comparator: Comparator,
    /// The number, with 万/亿 folded in; percentages as written (98, not 0.98).
    pub value: f64,
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
    /// Heading path of the enclosing outline (`二/(一)/1`), `None` outside any heading.
    pub section: Option<String>,
    /// The clause or sentence the goal was read from.
    pub text: String,
    /// Char span of `text`.
    pub span: CharSpan,
}

/// How a deadline's date relates to the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// The phrase as written (到2024年年底).
    pub text: String,
    /// Partial ISO date at the text's precision: `2025`, `2024-12`, `2024-09-10`.
    pub date: Option<String>,
    /// How the date relates.
    pub relation: DeadlineRelation,
    /// Heading path.
    pub section: Option<String>,
    /// Char span of `text`.
    pub span: CharSpan,
}

/// The role a department plays in a responsibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 牵头.
    Lead,
    /// 配合, 参与, 协助.
    Support,
    /// 责任部门, 负责, or unmarked.
    Responsible,
}

/// A government body named as responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// The body as written (normalised).
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Full name for a known abbreviation (县教体局 → 县教育和体育局).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

/// One statement of responsibility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The clause.
    pub text: String,
    /// Heading path.
    pub section: Option<String>,
    /// Its deadline's `date`, when the clause or its item has one.
    pub deadline: Option<String>,
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
