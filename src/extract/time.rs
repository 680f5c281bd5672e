//! The one time grammar of the extractors: the document's own years, plan periods, and every
//! phrase that dates something, resolved to a [`PartialDate`].
//!
//! - **The document's time** ([`DocTime`]) is worked out once per document, into
//!   [`super::Context`]: its own year (a one-year plan's or a report's year, else its date's
//!   year), its plan period (十四五 → 2021–2025), and whether it is a one-year document (工作要点,
//!   政府工作报告) whose undated targets fall due in its year.
//! - **Plan periods** ([`FiveYearPlan`]): 十X五 is the Xth five-year plan; from the third (1966)
//!   on they run back to back, so 十四五 is 2021–2025, 十五五 2026–2030, 十六五 2031–2035.
//! - **Time phrases** ([`find`]): absolute dates (到2025年, 2024年底前, 2024年9月10日), plan
//!   periods (十四五末, 十四五期间), relative phrases (年内, 年底前, 10月底前, 上半年, 明年, 三年内,
//!   利用三年时间, 未来五年) against the document's year, recurring schedules (每年, 逐年), and the
//!   scope words of a one-year document (今年, 全年), each with a [`DeadlineRelation`].
//! - **Past references** ([`as_of`]): the year a reported figure refers to (截至2020年底 → 2020,
//!   十三五末 → 2020, 去年 → the document's year − 1).
//!
//! History is not a deadline: years before the document's year (`2019年,…增设` in a 2021 plan),
//! `2012年以来`, `2012年以后`, year ranges naming plans (`2019-2030布局规划`), anything inside
//! `《…》`, past plan periods (`十三五期间` in a 十四五 plan), and a year that only modifies a
//! noun (`实施2024年民生实事项目`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::records::{DeadlineRelation, Meta, PartialDate, Period};
use crate::text::{contains_any, numerals};

/// A five-year plan by its number: 十四五 is the 14th.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiveYearPlan(pub u32);

impl FiveYearPlan {
    /// The plan 十X五 for its middle digit X (`四` → the 14th); 十五 alone is no plan name.
    pub fn from_digit(x: &str) -> Option<Self> {
        let d = numerals::digit(x.chars().next()?)?;
        (x.chars().count() == 1 && d >= 1).then_some(FiveYearPlan(10 + d))
    }

    /// The plan a name such as `十四五`, `“十五五”` or `第十四个五年规划` holds.
    pub fn from_name(s: &str) -> Option<Self> {
        if let Some(c) = crate::text::captures(&PLAN_NAME, s) {
            return Self::from_digit(&c[1]);
        }
        let c = crate::text::captures(&ORDINAL_PLAN, s)?;
        numerals::small(&c[1]).map(FiveYearPlan)
    }

    /// The plan that holds `year`.
    pub fn containing(year: i32) -> Option<Self> {
        (year >= 1966).then(|| FiveYearPlan(((year - 1966) / 5 + 3) as u32))
    }

    /// Its first year: the third plan began in 1966, and they follow back to back.
    pub fn start(self) -> i32 {
        1966 + 5 * (self.0 as i32 - 3)
    }

    /// Its last year (十四五 → 2025).
    pub fn end(self) -> i32 {
        self.start() + 4
    }

    /// Its name, 十X五 (for the 11th to the 19th plan).
    pub fn name(self) -> Option<String> {
        let x = "一二三四五六七八九"
            .chars()
            .nth((self.0 as usize).checked_sub(11)?)?;
        Some(format!("十{x}五"))
    }
}

static PLAN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十([一二三四五六七八九])五").expect("plan name regex"));
static ORDINAL_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第([一二三四五六七八九十]{1,3})个五年规划").expect("ordinal plan regex")
});

/// The document's own time, worked out once and shared by every extractor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocTime {
    /// The year the document speaks from: the year of a one-year plan (`2019年全市教育工作要点`)
    /// or of a government work report, else the year of its date. `None` when the text does
    /// not say (a plan's period start is no substitute: 年内 in an undated plan stays unknown).
    pub year: Option<i32>,
    /// The plan period (first year, last year), e.g. 十四五 → (2021, 2025).
    pub period: Option<(i32, i32)>,
    /// A one-year document (工作要点, 工作计划, 政府工作报告): undated targets are due in `year`.
    pub one_year: bool,
    /// A government work report: its review covers the year before `year`.
    pub report: bool,
    /// Dated in the second half of its year: a term or a 五年 it opens then starts next year.
    pub late_in_year: bool,
    /// Written the year before `year` (a report delivered in December for the next year):
    /// 今年 is then `year - 1` and 明年 is `year`.
    pub written_before: bool,
}

impl DocTime {
    /// Reads the document's time from its metadata, falling back on the head of the text
    /// where the metadata lacks it (a one-year plan's title line, the signature date line, a
    /// `十X五` plan name).
    pub fn new(meta: &Meta, text: &str) -> Self {
        let mut t = Self::from_meta(meta);
        // A report delivered in November or December (——2018年12月22日在…会议上) reviews its
        // own year and plans the next. (Only its delivery line tells: a page that reports it
        // may be dated any time.)
        if t.report && meta.title.as_deref().and_then(title_year).is_none() {
            let delivered = DELIVERY
                .captures(head_of(text, 2000))
                .and_then(|c| Some((c[1].parse::<i32>().ok()?, c[2].parse::<u32>().ok()?)));
            if let Some((year, _)) = delivered.filter(|&(y, m)| m >= 11 && t.year == Some(y)) {
                t.year = Some(year + 1);
                t.written_before = true;
            }
        }
        if t.year.is_some() && t.period.is_some() {
            return t;
        }
        let head = head_of(text, 4000);
        if t.year.is_none() {
            if let Some(y) = head.lines().take(30).find_map(|l| title_year(l.trim())) {
                t.year = Some(y.year);
                t.one_year = y.one_year;
                t.report |= y.report_like;
            } else {
                t.year = head.lines().find_map(|l| {
                    let caps = SIGNATURE_DATE.captures(l.trim())?;
                    caps[1].parse().ok()
                });
            }
        }
        if t.period.is_none() {
            t.period = head
                .lines()
                .filter(|l| l.contains("规划"))
                .find_map(FiveYearPlan::from_name)
                .map(|p| (p.start(), p.end()));
        }
        // An undated excerpt of a report or work plan (a news summary, a page cut from its
        // head) still names the year it plans for: 2024年全县经济社会发展的主要预期目标是….
        if t.year.is_none() && t.period.is_none() {
            t.year = PLANNED_YEAR
                .captures_iter(text)
                .find(|c| {
                    c.get(0)
                        .is_some_and(|m| !text[..m.start()].ends_with(['到', '至']))
                })
                .and_then(|c| c[1].parse().ok());
        }
        t
    }

    /// The calendar year the text was written in, which 今年, 明年 and 去年 count from.
    fn said_in(&self) -> Option<i32> {
        self.year.map(|y| y - i32::from(self.written_before))
    }

    /// Reads the document's time from its metadata only.
    pub fn from_meta(meta: &Meta) -> Self {
        let kind = meta.kind.as_deref().unwrap_or("");
        let titled = meta.title.as_deref().and_then(title_year);
        let report = kind == "政府工作报告" || titled.is_some_and(|t| t.report_like);
        let date_year = meta
            .date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok());
        let one_year_kind = report || kind == "工作要点";
        let period = meta
            .period
            .as_ref()
            .map(|p| (p.start, p.end))
            .filter(|(s, e)| e > s);
        let month = meta
            .date
            .as_deref()
            .and_then(|d| d.get(5..7)?.parse::<u32>().ok());
        DocTime {
            year: titled.map(|t| t.year).or(date_year),
            period,
            // (A breakdown of a five-year plan's tasks is a 工作要点 of five years.)
            one_year: titled.is_some_and(|t| t.one_year)
                || (one_year_kind && date_year.is_some() && period.is_none())
                || meta.period.as_ref().is_some_and(|p| p.start == p.end),
            report,
            late_in_year: month.is_some_and(|m| m >= 7),
            written_before: false,
        }
    }

    /// The year before which dated mentions are history: the document's year, else its
    /// period's first year.
    pub fn reference(&self) -> Option<i32> {
        self.year.or(self.period.map(|p| p.0))
    }

    /// The year every undated target of a one-year document is due.
    pub fn one_year_due(&self) -> Option<i32> {
        self.one_year.then_some(self.year).flatten()
    }

    /// True when a bare `year` lies ahead of the document: after its own year, or the first
    /// year of a plan issued in it (2023年,… in a 2023-2027 plan of 2023).
    pub fn lies_ahead(&self, year: i32) -> bool {
        self.reference().is_some_and(|r| {
            year > r || (year == r && !self.report && self.period.is_some_and(|p| p.0 == year))
        })
    }

    /// True when `year` lies before the document's own time.
    fn is_past(&self, year: i32) -> bool {
        self.reference().is_some_and(|r| year < r)
    }
}

/// A year named as the one a document plans for (2024年主要预期目标, 2023年工作要点), or a
/// year whose work a text announces (2021年度省交通运输厅预计…, 2022年还将继续…).
static PLANNED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})年度?[^。,;:\n]{0,16}?(?:主要预期目标|预期目标|工作目标|目标任务|工作安排|工作要点|工作计划|重点工作|工作会议|预计|计划|还将|将要|将继续|力争)",
    )
    .expect("planned year regex")
});

/// A report's delivery line: ——2018年12月22日在建平县第十八届人民代表大会第二次会议上.
static DELIVERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[—\-]*\s*(\d{4})年(\d{1,2})月\d{1,2}日在[^\n]{0,60}会议上")
        .expect("delivery regex")
});
static SIGNATURE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})年\d{1,2}月\d{1,2}日$").expect("signature regex"));
static ONE_YEAR_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^0-9]{0,24}?(\d{4})年[^0-9]{0,40}(?:要点|计划|安排|思路|重点|任务|意见|方案|分解|清单|政府工作报告)$",
    )
    .expect("one-year title regex")
});

/// Words of a title that plans over several years (三年行动方案, 中长期, 十四五), which no single
/// year in it makes a one-year document.
static MANY_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"规划|纲要|[两三四五六七八九十]年|十[一二三四五六七八九]五|中长期|以来")
        .expect("many-years regex")
});

/// A notice about one year's work: 关于做好2023年安全生产工作的通知.
static ONE_YEAR_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"关于[^0-9]{0,6}(\d{4})年[^0-9]{0,30}工作的(?:实施)?(?:通知|意见)$")
        .expect("one-year notice regex")
});

/// One year's work, targets or tasks named in a headline: 2021年交通工作, 2024年目标任务.
static YEARS_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^0-9]{0,24}?(\d{4})年[^0-9]{0,12}?(?:工作|目标|任务)")
        .expect("year's work regex")
});

/// A headline that looks back on a year (2023年工作总结, 2022年经济运行情况).
static LOOKS_BACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"总结|回顾|情况|成效|成绩|盘点|完成").expect("looks back regex"));

/// A year's summary and the next year's plan: 2022年工作总结及2023年工作计划.
static SUMMARY_AND_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})年[^0-9]{0,10}工作总结(?:及|和|暨)?(?:(\d{4})年[^0-9]{0,10}(?:工作计划|工作要点|工作思路))?")
        .expect("summary regex")
});

/// A year written after a title in brackets: 行动方案(2023年), 工作方案(2022年4月).
static BRACKETED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\d{4})年(?:\d{1,2}月)?\)$").expect("bracketed year regex"));

/// What a title says of the document's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TitleYear {
    year: i32,
    /// A one-year document: undated targets are due in `year`.
    one_year: bool,
    /// A summary of the year before `year`: it reads as a report.
    report_like: bool,
}

/// The year a title gives the document: a one-year plan's or report's (`2019年全市教育工作
/// 要点` → 2019), a one-year notice's, a summary's (`2022年工作总结及2023年工作计划` → 2023,
/// reviewing 2022), or a bracketed year after the title (`三年行动方案(2023年)`).
fn title_year(title: &str) -> Option<TitleYear> {
    let year = |c: &regex::Captures<'_>, i: usize| c.get(i)?.as_str().parse::<i32>().ok();
    if let Some(c) = SUMMARY_AND_PLAN.captures(title) {
        let reviewed = year(&c, 1)?;
        return Some(TitleYear {
            year: year(&c, 2).unwrap_or(reviewed + 1),
            one_year: true,
            report_like: true,
        });
    }
    let one = |y: Option<i32>| {
        y.map(|year| TitleYear {
            year,
            one_year: true,
            report_like: false,
        })
    };
    if let Some(t) = one_year_title(title) {
        return one(Some(t));
    }
    if let Some(c) = ONE_YEAR_NOTICE.captures(title) {
        return one(year(&c, 1));
    }
    // A headline about one year's work (某县确定2021年交通工作“总盘子”, 2024年农业生产目标
    // 出炉): the work it reports is due that year, unless it looks back on it.
    if !MANY_YEARS.is_match(title) && !LOOKS_BACK.is_match(title) {
        if let Some(c) = YEARS_WORK.captures(title) {
            return one(year(&c, 1));
        }
    }
    BRACKETED_YEAR.captures(title).and_then(|c| {
        Some(TitleYear {
            year: year(&c, 1)?,
            one_year: false,
            report_like: false,
        })
    })
}

/// The year of a one-year document's title (`2019年全市教育工作要点` → 2019, `2024年政府工作
/// 报告` → 2024).
pub fn one_year_title(title: &str) -> Option<i32> {
    if MANY_YEARS.is_match(title) {
        return None;
    }
    ONE_YEAR_TITLE.captures(title)?[1].parse().ok()
}

fn head_of(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A time phrase found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the phrase in the searched text.
    pub range: Range<usize>,
    /// The date, `None` for recurring schedules or unresolvable relative phrases.
    pub date: Option<PartialDate>,
    /// How the date relates to the work.
    pub relation: DeadlineRelation,
    /// A scope (全年 of a one-year document, a window of years 2024—2026年): it dates what it
    /// governs but states no deadline of its own.
    pub scope: bool,
}

/// Parses the first time phrase in `phrase` (e.g. `到2024年年底`, `十四五末`, `年内`,
/// `利用三年时间`) against the document's year and plan period; `None` when it holds no
/// deadline (or only history).
pub fn parse(
    phrase: &str,
    doc_year: Option<i32>,
    period: Option<&Period>,
) -> Option<(Option<PartialDate>, DeadlineRelation)> {
    let time = DocTime {
        year: doc_year,
        period: period.map(|p| (p.start, p.end)),
        ..DocTime::default()
    };
    find(phrase, &time)
        .into_iter()
        .find(|m| !m.scope)
        .map(|m| (m.date, m.relation))
}

/// Finds every time phrase in `text` (a sentence or clause), in text order.
pub fn find(text: &str, time: &DocTime) -> Vec<Mention> {
    let mut out = Vec::new();
    // Every alternative of PHRASE holds one of these chars: most clauses of a plan hold none
    // and skip the big automaton.
    if !contains_any(text, &['年', '月', '十', '每', '逐']) {
        return out;
    }
    for caps in PHRASE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if inside_book_title(&text[..whole.start()]) {
            continue;
        }
        if let Some((date, relation, scope)) = resolve(text, &caps, time) {
            out.push(Mention {
                range: whole.range(),
                date,
                relation,
                scope,
            });
        } else if let Some(m) = paired_year(text, &caps, out.last()) {
            out.push(m);
        }
    }
    out
}

/// True when `before` ends on the label of a plan's term (规划期限为, 实施期:, 执行期是): the
/// window of years after it is when the work is due.
pub fn states_term(before: &str) -> bool {
    let before = before.trim_end_matches(['为', ':', '是', ' ']);
    ["期限", "规划期", "实施期", "执行期"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// A bare year joined to a due date before it (到2023年底和2030年): the 到 holds for both.
fn paired_year(text: &str, caps: &regex::Captures<'_>, prev: Option<&Mention>) -> Option<Mention> {
    let whole = caps.get(0)?;
    let prev = prev.filter(|p| p.relation == DeadlineRelation::By && p.date.is_some())?;
    let joiner = text.get(prev.range.end..whole.start())?;
    if caps.name("yr").is_none()
        || caps.name("ypre").is_some()
        || caps.name("ysuf").is_some()
        || !matches!(joiner, "和" | "、" | "及")
    {
        return None;
    }
    let year: i32 = caps["yy"].parse().ok()?;
    Some(Mention {
        range: whole.range(),
        date: PartialDate::year(year),
        relation: DeadlineRelation::By,
        scope: false,
    })
}

/// The time phrase opening `text` (到2025年, 年底前, 6月底前), if one does: the first
/// mention of [`find`] when it starts at byte 0.
pub fn leading(text: &str, time: &DocTime) -> Option<Mention> {
    let caps = crate::text::captures(&LEADING, text)?;
    let whole = caps.get(0)?;
    let (date, relation, scope) = resolve(text, &caps, time)?;
    Some(Mention {
        range: whole.range(),
        date,
        relation,
        scope,
    })
}

/// The year a sentence says something is due: its first dated `by` or `within` phrase
/// (到2025年, 2025年前, 十四五末, 年底前 of a one-year plan, 今年 of a report).
pub fn due_year(text: &str, time: &DocTime) -> Option<i32> {
    due_year_of(&find(text, time))
}

/// [`due_year`] from the mentions [`find`] returned.
pub fn due_year_of(mentions: &[Mention]) -> Option<i32> {
    mentions
        .iter()
        .filter(|m| matches!(m.relation, DeadlineRelation::By | DeadlineRelation::Within))
        .find_map(|m| m.date.map(|d| d.get_year()))
}

const CN_NUM: &str = "[0-9一二两三四五六七八九十]+";

/// Every time phrase the grammar knows, as one alternation with named groups.
fn phrase_pattern() -> String {
    let n = CN_NUM;
    format!(
        r"(?x)
        (?P<event>第[0-9一二三四五六七八九十百]+(?:个|届|次)\p{{Han}}{{1,10}}?\((?P<ey>\d{{4}})年(?P<em>\d{{1,2}})月(?P<ed>\d{{1,2}})日\))
        | (?P<days>(?P<dy1>\d{{4}})\x20?年(?P<dm1>\d{{1,2}})月(?P<dd1>\d{{1,2}})日(?:至|到|—|-|~)(?:(?P<dy2>\d{{4}})\x20?年)?(?P<dm2>\d{{1,2}})月(?P<dd2>\d{{1,2}})日)
        | (?P<full>(?P<fpre>截至|截止|到|至|于|在|力争在?|争取在?|确保在?)?(?P<fy>\d{{4}})\x20?年(?P<fm>\d{{1,2}})月(?P<fd>\d{{1,2}})日(?P<fsuf>前|之前|以前|以来|起)?)
        | (?P<ym>(?P<mpre>截至|截止|到|至|于|在|力争在?|争取在?|确保在?)?(?P<my>\d{{4}})\x20?年(?P<mm>\d{{1,2}})月(?:份)?(?P<msuf>底前|底|末|前|之前|以前|以来|起)?)
        | (?P<yr>(?P<ypre>截至|截止|到|至|力争在?|争取在?|确保在?|展望|于|在)?(?P<yy>\d{{4}}|[〇零一二三四五六七八九]{{4}})\x20?年(?P<ysuf>年底前|年底|底前|底|年末|末|上半年|下半年|年中|前|之前|以前|以来|以后|后|来|起|初|度)?)
        | (?P<window>(?P<w1>\d{{4}})年?[-—–~至到](?P<w2>\d{{4}})年)
        | (?P<plan>(?:到|至|在)?“?十(?P<pn>[一二三四五六七八九])五”?(?P<pk>期末|末|期间|时期|内))
        | (?P<future>(?:未来|今后)(?P<fn>{n})年)
        | (?P<use>(?:利用|用|通过|花|经过)(?P<un>{n})年(?:的)?(?:左右)?(?:时间|努力|奋斗|行动))
        | (?P<within>(?P<wn>{n})年(?:之内|内))
        | (?P<next>明年(?:(?P<nxm>\d{{1,2}})月(?:份)?(?:底前|底|末|前|之前)?|年底前|年底|底前|底|年末|上半年|下半年|年中)?)
        | (?P<rel>(?:今年|本年度?)?(?:年内|年底前|年底|年末|上半年|下半年|年中))
        | (?P<this>今年|全年|本年度内|本年度)
        | (?P<md>(?P<mdm>\d{{1,2}})月(?P<mdd>\d{{1,2}})日(?:前|之前|以前))
        | (?P<mo>(?P<mon>\d{{1,2}})月(?:份)?(?:底前|底|末|前|之前|中旬前|上旬前|下旬前|中旬|上旬|下旬))
        | (?P<rec>每(?:学期|学年|季度|半年|年|月|周|(?:\d+|[一二两三四五六七八九十]+)(?:[-~至](?:\d+|[一二三四五六七八九十]+))?年)(?:一个周期|一次|一轮)?|逐年)
        "
    )
}

static PHRASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&phrase_pattern()).expect("time phrase regex"));

/// [`PHRASE`] anchored at the start: most sentences open with no time phrase, and an anchored
/// search gives up on their first bytes.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?:{})", phrase_pattern())).expect("leading time phrase regex")
});

/// True when `before` leaves a `《` open: the match is part of a document's title.
fn inside_book_title(before: &str) -> bool {
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when a year at `start` is part of a range such as `2019-2030` or `2021年—2025年`.
fn part_of_range(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(6).collect();
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '~' | '至' | '到');
    let before_is_range = match before.as_slice() {
        [d, rest @ ..] if dash(*d) => {
            let rest: Vec<char> = rest.iter().copied().skip_while(|c| *c == '年').collect();
            rest.len() >= 4 && rest[..4].iter().all(char::is_ascii_digit)
        }
        _ => false,
    };
    let after: Vec<char> = text[end..].chars().take(2).collect();
    let after_is_range = matches!(after.as_slice(), [d, n, ..] if dash(*d) && n.is_ascii_digit());
    before_is_range || after_is_range
}

/// A bare year that only modifies the noun after it (实施2024年民生实事项目, 完成2023年度
/// 计划): the year is written inside a clause, after a verb, not at the head of the clause.
fn modifies_noun(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{3000}']);
    let opens_clause = before.is_empty()
        || before.ends_with([',', ';', ':', '。', '(', ')', '、', '\n', '为', '是'])
        || before.ends_with(|c: char| c.is_ascii_digit() || c == '.')
        // 要求2024年城镇新增就业…: a verb of requirement heads the clause the year opens.
        || ["要求", "确保", "力争", "争取", "预计", "计划", "提出", "目标是", "目标为"]
            .iter()
            .any(|w| before.ends_with(w));
    let after = &text[end..];
    !opens_clause && after.starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Chars that, right before `年内`/`年底`/`年中`, make them part of another word
/// (学年中, 当年底, 每年年底, 近年内, 三年内).
const BOUND_BEFORE_RELATIVE: &str =
    "年学当去今明近历多往全每逐青少成老中新周百千万半两一二三四五六七八九十数几0123456789";

/// The year named by a capture (2025 or 二〇二五), within 1949–2100.
fn year_of(caps: &Captures<'_>, name: &str) -> Option<i32> {
    numerals::year(caps.name(name)?.as_str()).filter(|y| (1949..=2100).contains(y))
}

fn num(caps: &Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

/// The date and relation of one phrase match, `None` when it is no deadline; the flag marks
/// a scope word (今年, 全年).
fn resolve(
    text: &str,
    caps: &Captures<'_>,
    time: &DocTime,
) -> Option<(Option<PartialDate>, DeadlineRelation, bool)> {
    use DeadlineRelation::*;
    let whole = caps.get(0)?;
    // A date or period the copula describes (2023年,是…之年; “十四五”时期是…) is a topic,
    // not a deadline.
    let after = text[whole.end()..].trim_start_matches([',', '”', ' ']);
    let after = after.strip_prefix('更').unwrap_or(after);
    if after.starts_with('是') && !after.starts_with("是否") {
        return None;
    }
    let deadline = |d: Option<PartialDate>, r: DeadlineRelation| Some((d, r, false));
    let reference = time.reference();
    if caps.name("event").is_some() {
        let date = PartialDate::day(year_of(caps, "ey")?, num(caps, "em")?, num(caps, "ed")?)?;
        return deadline(Some(date), On);
    }
    if caps.name("days").is_some() {
        // 2018年10月1日至2020年12月31日: a policy's window of days, in force until its end.
        let start = PartialDate::day(year_of(caps, "dy1")?, num(caps, "dm1")?, num(caps, "dd1")?)?;
        let y2 = caps
            .name("dy2")
            .map_or(Some(start.get_year()), |_| year_of(caps, "dy2"))?;
        let end = PartialDate::day(y2, num(caps, "dm2")?, num(caps, "dd2")?)?;
        return (end > start).then_some((Some(end), Within, false));
    }
    if caps.name("full").is_some() {
        let y = year_of(caps, "fy")?;
        let date = PartialDate::day(y, num(caps, "fm")?, num(caps, "fd")?)?;
        let suffix = caps.name("fsuf").map_or("", |s| s.as_str());
        // A date alone on its line or after 时间/日期 is a signature or a web page stamp,
        // unless it closes a window (截止日期为2026年1月7日: due by then).
        let alone = text.trim() == whole.as_str();
        let lead = text[..whole.start()].trim_end_matches([':', ' ']);
        let lead = lead.strip_suffix('为').unwrap_or(lead);
        let closes = ["截止日期", "截止时间", "截止于", "截止到", "截至"]
            .iter()
            .any(|w| lead.ends_with(w));
        let stamp = !closes
            && ["时间", "日期", "发布", "印发", "成文"]
                .iter()
                .any(|w| lead.ends_with(w));
        // A dated event told in the past (于2023年5月12日经…审议通过) or a report's delivery
        // line (2024年1月18日在…人民代表大会…上) is no deadline.
        let after_date = &text[whole.end()..];
        let told = ["经", "召开", "印发"]
            .iter()
            .any(|w| after_date.starts_with(w))
            || (after_date.starts_with('在')
                && (after_date.contains("代表大会") || after_date.contains("会议")));
        // 自2024年1月1日起: the day a rule takes effect.
        let effective = suffix == "起" && text[..whole.start()].ends_with(['自', '从']);
        if effective && !time.is_past(y) {
            return deadline(Some(date), On);
        }
        if alone || stamp || told || time.is_past(y) || matches!(suffix, "以来" | "起") {
            return None;
        }
        let by = caps.name("fpre").is_some() || !suffix.is_empty() || closes;
        return deadline(Some(date), if by { By } else { On });
    }
    if caps.name("ym").is_some() {
        let y = year_of(caps, "my")?;
        let date = PartialDate::month(y, num(caps, "mm")?)?;
        let suffix = caps.name("msuf").map_or("", |s| s.as_str());
        let future = reference.is_some_and(|r| y > r);
        if caps
            .name("mpre")
            .is_some_and(|p| p.as_str().starts_with('截'))
            && !future
        {
            return None;
        }
        let by = caps.name("mpre").is_some() || !suffix.is_empty();
        // Without a document year a bare month may be history; one with 前/底/到 is due.
        if time.is_past(y) || (reference.is_none() && !by) || matches!(suffix, "以来" | "起") {
            return None;
        }
        // A bare month of the document's own year is more often a report (2022年1月,召开…).
        if !by && reference.is_some_and(|r| y <= r) {
            return None;
        }
        return deadline(Some(date), if by { By } else { On });
    }
    if caps.name("yr").is_some() {
        let y = year_of(caps, "yy")?;
        let m = caps.name("yy")?;
        if part_of_range(text, m.start(), whole.end()) {
            return None;
        }
        // 二〇三五年远景目标纲要 names a plan.
        if text[whole.end()..].starts_with("远景目标")
            && !text[whole.end()..].starts_with("远景目标是")
        {
            return None;
        }
        let prefix = caps.name("ypre").map(|p| p.as_str());
        let suffix = caps.name("ysuf").map_or("", |s| s.as_str());
        let date = match suffix {
            "以来" | "以后" | "后" | "来" | "起" | "初" | "度" => return None,
            "年底前" | "年底" | "底前" | "底" | "年末" | "末" | "下半年" => {
                PartialDate::month(y, 12)?
            }
            "上半年" | "年中" => PartialDate::month(y, 6)?,
            _ => PartialDate::year(y)?,
        };
        // 增长到2020年的69350元: the year of a figure, not a due date.
        let of_figure = text[whole.end()..]
            .strip_prefix('的')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if time.is_past(y) || of_figure {
            return None;
        }
        // 截至2023年底 states how things stood then: a deadline only when it lies ahead.
        let future = time.lies_ahead(y);
        if matches!(prefix, Some("截至" | "截止")) && !future {
            return None;
        }
        // A bare year is a deadline only when it lies ahead of the document and heads its
        // clause; inside a clause it names a year's batch of something (实施2024年民生实事).
        if prefix.is_none() && suffix.is_empty() && !future {
            return None;
        }
        if prefix.is_none() && suffix.is_empty() && modifies_noun(text, whole.start(), whole.end())
        {
            return None;
        }
        if matches!(prefix, Some("于" | "在")) && suffix.is_empty() && !future {
            return None;
        }
        return deadline(Some(date), By);
    }
    if caps.name("window").is_some() {
        // 2024—2026年: the work spans those years (not a plan's name in brackets after its
        // title: 规划(2021—2025年)).
        let (y1, y2) = (year_of(caps, "w1")?, year_of(caps, "w2")?);
        let bracketed = text[..whole.start()].ends_with('(');
        if bracketed || y2 <= y1 || y2 - y1 > 15 || reference.is_some_and(|r| y2 < r) {
            return None;
        }
        // A stated term (规划期限为2021—2025年, 实施期限:…) is when the plan's work is due.
        if states_term(&text[..whole.start()]) {
            return Some((PartialDate::year(y2), Within, false));
        }
        // Otherwise it dates the goals of its sentence but is no deadline record of its own:
        // plans name their windows as often as their due dates.
        return Some((PartialDate::year(y2), Within, true));
    }
    if caps.name("plan").is_some() {
        let plan = FiveYearPlan::from_digit(&caps["pn"])?;
        // Without a year of its own, a document is read as written after 2020: 十三五 and
        // earlier plans are history.
        if reference.map_or(plan.end() <= 2020, |r| plan.end() < r) {
            return None;
        }
        let relation = match &caps["pk"] {
            "末" | "期末" => By,
            _ => Within,
        };
        return deadline(PartialDate::year(plan.end()), relation);
    }
    if caps.name("future").is_some() {
        let n = numerals::small(&caps["fn"])? as i32;
        // 今后五年 said early in the first year of a five-year plan (a 2021 report) are that
        // plan's years; said later, they start with the next year.
        let plan_starting = |y: i32| {
            FiveYearPlan::containing(y)
                .filter(|p| n == 5 && p.start() == y && !time.late_in_year)
                .map(FiveYearPlan::end)
        };
        let date = match (time.period, time.year) {
            (Some((s, e)), _) if e - s + 1 == n => Some(e),
            (_, Some(y)) => plan_starting(y).or(Some(y + n)),
            _ => None,
        };
        return deadline(date.and_then(PartialDate::year), Within);
    }
    if caps.name("use").is_some() || caps.name("within").is_some() {
        let n = numerals::small(caps.name("un").or(caps.name("wn"))?.as_str())? as i32;
        if caps.name("within").is_some() {
            let before = text[..whole.start()].chars().next_back();
            if before.is_some_and(|c| "近前过去多每".contains(c)) {
                return None;
            }
        }
        // A span as long as the document's own period ends with it (通过五年行动 in a
        // 2023—2027 plan → 2027); otherwise it counts from the document's year.
        let date = match (time.period, time.year) {
            (Some((s, e)), _) if e - s + 1 == n => Some(e),
            (_, Some(y)) => Some(y + n),
            _ => None,
        };
        return deadline(date.and_then(PartialDate::year), Within);
    }
    if let Some(next) = caps.name("next") {
        // The year after the document's: 明年8月底 in a 2023 plan is 2024-08.
        let rest = &next.as_str()["明年".len()..];
        let month = num(caps, "nxm");
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        let date = time.said_in().map(|y| y + 1).and_then(|y| {
            if let Some(m) = month {
                PartialDate::month(y, m)
            } else if rest.contains("上半年") || rest.contains("年中") {
                PartialDate::month(y, 6)
            } else if rest.is_empty() {
                PartialDate::year(y)
            } else {
                PartialDate::month(y, 12)
            }
        });
        return deadline(date, By);
    }
    if let Some(rel) = caps.name("rel") {
        let before = text[..rel.start()].chars().next_back();
        if before.is_some_and(|c| BOUND_BEFORE_RELATIVE.contains(c)) {
            return None;
        }
        let phrase = rel
            .as_str()
            .trim_start_matches("今年")
            .trim_start_matches("本年度")
            .trim_start_matches("本年");
        // (今年年底 in a report written the year before is the reviewed year's end.)
        let year = if rel.as_str().starts_with("今年") {
            time.said_in()
        } else {
            time.year
        };
        let date = year.and_then(|y| match phrase {
            "年底前" | "年底" | "年末" | "下半年" => PartialDate::month(y, 12),
            "上半年" | "年中" => PartialDate::month(y, 6),
            _ => PartialDate::year(y),
        });
        return deadline(date, By);
    }
    if let Some(this) = caps.name("this") {
        // 今年 is the document's own year; 全年 scopes what a one-year document plans (it
        // also opens reviews: 全年完成…). Neither is a deadline record of its own.
        let before = text[..this.start()].chars().next_back();
        let full_year = this.as_str() == "全年";
        // 今年以来, 今年一季度, 今年1-5月: how the year is going, not when work is due.
        let after = &text[this.end()..];
        // 今年任务, 今年的工作: the year names the work, it sets no date.
        let progress = after.starts_with("以来")
            || after.starts_with(['一', '前', '第', '的'])
            || after.starts_with(|c: char| c.is_ascii_digit())
            || ["任务", "工作", "目标"]
                .iter()
                .any(|w| after.starts_with(w));
        // 全年 is the year of a one-year document, and of a dated text that spans no period
        // (news of a body's plans for the year).
        let year_scope = time.one_year || (time.period.is_none() && time.year.is_some());
        if before.is_some_and(|c| "去明前".contains(c)) || (full_year && !year_scope) || progress
        {
            return None;
        }
        // 本年度内 states when the work is due, as 年内 does. 今年 and 全年 only scope it: they
        // date the figures after them (今年地区生产总值增长6%) but set no deadline of their own,
        // as readers take 今年 for the year the text speaks of (今年我局获得…), not a due date.
        let scope = full_year || this.as_str() == "今年";
        return Some((time.year.and_then(PartialDate::year), By, scope));
    }
    if let Some(md) = caps.name("md") {
        // A day of the document's year before which something is due: 6月30日前.
        let before = text[..md.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '年' || c == '每' || c == '个') {
            return None;
        }
        let (m, d) = (num(caps, "mdm")?, num(caps, "mdd")?);
        // Check the day against a leap year when the year is unknown: 2月29日前 may be valid.
        PartialDate::day(time.year.unwrap_or(2024), m, d)?;
        return deadline(time.year.and_then(|y| PartialDate::day(y, m, d)), By);
    }
    if let Some(mo) = caps.name("mo") {
        // A month of the document's year with an end marker: 12月底前 → YYYY-12, by.
        let before = text[..mo.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || c == '年' || c == '每' || c == '个') {
            return None;
        }
        let m = num(caps, "mon").filter(|m| (1..=12).contains(m))?;
        return deadline(time.year.and_then(|y| PartialDate::month(y, m)), By);
    }
    if let Some(rec) = caps.name("rec") {
        // 每人每学期500元 is a rate, not a schedule.
        let before: String = text[..rec.start()].chars().rev().take(2).collect();
        let rate_before = before.chars().nth(1) == Some('每');
        let after = &text[rec.end()..];
        let amount_after = after.starts_with(|c: char| c.is_ascii_digit());
        // 每年生均补助1000元: an amount per year and head, not a schedule.
        let per_head_after = ["生均", "人均", "户均", "每"]
            .iter()
            .any(|w| after.starts_with(w));
        // 每年级 is every grade, not every year.
        let grade = rec.as_str() == "每年" && after.starts_with('级');
        if (rate_before && amount_after) || per_head_after || grade {
            return None;
        }
        return deadline(None, Recurring);
    }
    None
}

/// Past references a reported figure may carry, in order of preference.
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<until>(?P<upre>截至|截止|到|至)\x20?(?P<uy>\d{4})\x20?年(?:\d{1,2}月)?(?:底|末)?)
        | (?P<plan>“?十(?P<pn>[一二三四五六七八九])五”?(?:末|期末|期间|时期|以来))
        | (?P<last>去年|上年|上一年)
        | (?P<since>(?P<sy>\d{4})\x20?年(?:以来|来))
        | (?P<bare>(?P<by>\d{4})\x20?年(?:底|末|度)?)
        ",
    )
    .expect("past regex")
});

/// The year a reported figure of `text` refers to: 截至2020年底 → 2020, 十三五末 or 十三五期间
/// → 2020, 去年 → the document's year − 1, 2022年 in a 2023 document → 2022, 2019年以来 → the
/// document's year. `None` when the text names no past time.
pub fn as_of(text: &str, time: &DocTime) -> Option<i32> {
    past_mentions(text, time).first().map(|m| m.1)
}

/// Every past reference of `text` with the year it names, in text order (see [`as_of`]).
pub fn past_mentions(text: &str, time: &DocTime) -> Vec<(Range<usize>, i32)> {
    let mut out = Vec::new();
    if !contains_any(text, &['年', '五']) {
        return out;
    }
    let reference = time.reference();
    for caps in PAST.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if inside_book_title(&text[..whole.start()]) {
            continue;
        }
        let year = if let Some(y) = caps.name("uy").and_then(|y| y.as_str().parse::<i32>().ok()) {
            // 截至2020年底 reports; 到2020年 reports only before the document's year (到2025年
            // in a 2021 document plans).
            let until = caps
                .name("upre")
                .is_some_and(|p| p.as_str().starts_with('截'));
            let past = if until {
                reference.is_none_or(|r| y <= r)
            } else {
                reference.is_some_and(|r| y < r)
            };
            // 恢复至2019年水平: a past year's level is what a target measures up to.
            let level = text[whole.end()..]
                .trim_start_matches('的')
                .starts_with("水平");
            (past && !level).then_some(y)
        } else if let Some(pn) = caps.name("pn") {
            FiveYearPlan::from_digit(pn.as_str())
                .map(FiveYearPlan::end)
                .filter(|end| reference.map_or(*end <= 2020, |r| *end < r))
        } else if caps.name("last").is_some() {
            time.said_in().map(|y| y - 1)
        } else if caps.name("since").is_some() {
            time.year.map(|y| if time.report { y - 1 } else { y })
        } else if let Some(y) = caps.name("by").and_then(|y| y.as_str().parse::<i32>().ok()) {
            let range = part_of_range(text, whole.start(), whole.end());
            // 较2020年底新增, 比2020年下降: the year a change is measured from, not a report.
            let baseline = text[..whole.start()].ends_with(['较', '比']);
            (!range && !baseline && time.is_past(y)).then_some(y)
        } else {
            None
        };
        if let Some(y) = year {
            out.push((whole.range(), y));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use DeadlineRelation::*;

    fn time(year: Option<i32>, period: Option<(i32, i32)>) -> DocTime {
        DocTime {
            year,
            period,
            ..DocTime::default()
        }
    }

    fn found(text: &str, t: DocTime) -> Vec<(String, Option<String>, DeadlineRelation)> {
        find(text, &t)
            .into_iter()
            .filter(|m| !m.scope)
            .map(|m| {
                (
                    text[m.range].to_owned(),
                    m.date.map(|d| d.to_string()),
                    m.relation,
                )
            })
            .collect()
    }

    fn one(text: &str, t: DocTime) -> (Option<String>, DeadlineRelation) {
        let all = found(text, t);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        (all[0].1.clone(), all[0].2)
    }

    const PLAN: Option<(i32, i32)> = Some((2021, 2025));

    #[test]
    fn five_year_plans() {
        let p = |x: &str| FiveYearPlan::from_digit(x).map(|p| (p.start(), p.end()));
        assert_eq!(p("三"), Some((2016, 2020)));
        assert_eq!(p("四"), Some((2021, 2025)));
        assert_eq!(p("五"), Some((2026, 2030)));
        assert_eq!(p("六"), Some((2031, 2035)));
        assert_eq!(p("一"), Some((2006, 2010)));
        assert_eq!(p("十"), None);
        let named = |s: &str| FiveYearPlan::from_name(s).map(|p| p.0);
        assert_eq!(named("“十五五”规划"), Some(15));
        assert_eq!(named("国民经济和社会发展第十四个五年规划纲要"), Some(14));
        assert_eq!(FiveYearPlan::containing(2023), Some(FiveYearPlan(14)));
        assert_eq!(FiveYearPlan::containing(2026), Some(FiveYearPlan(15)));
        assert_eq!(FiveYearPlan(15).name().as_deref(), Some("十五五"));
    }

    #[test]
    fn absolute_years_and_year_ends() {
        let y = time(Some(2021), PLAN);
        assert_eq!(
            one("到2026年,全区建成智慧校园", y),
            (Some("2026".into()), By)
        );
        assert_eq!(one("力争在2027年前完成改造", y), (Some("2027".into()), By));
        assert_eq!(one("力争2023年通过验收", y), (Some("2023".into()), By));
        assert_eq!(one("到2023年年底完成建设", y), (Some("2023-12".into()), By));
        assert_eq!(one("到2022年底实现全覆盖", y), (Some("2022-12".into()), By));
        assert_eq!(one("2023年上半年启动", y), (Some("2023-06".into()), By));
        assert_eq!(
            one("到二〇三五年,建成教育强区", y),
            (Some("2035".into()), By)
        );
        assert_eq!(
            one("展望2035年,基本实现现代化", y),
            (Some("2035".into()), By)
        );
        assert_eq!(
            one("为2035年全面实现现代化奠定基础", y),
            (Some("2035".into()), By)
        );
        assert_eq!(
            one("2023年,全市入园率达到92%", y),
            (Some("2023".into()), By)
        );
    }

    #[test]
    fn a_year_that_modifies_a_noun_is_no_deadline() {
        let y = time(Some(2023), None);
        assert!(found("实施2024年民生实事项目", y).is_empty());
        assert!(found("编制二〇三五年远景目标纲要", y).is_empty());
        assert_eq!(one("2024年完成改造", y), (Some("2024".into()), By));
    }

    #[test]
    fn full_dates_are_events_or_deadlines() {
        let y = time(Some(2021), PLAN);
        let (date, rel) = one("第38个教师节(2022年9月10日),召开表彰大会", y);
        assert_eq!((date.as_deref(), rel), (Some("2022-09-10"), On));
        let f = found("第38个教师节(2022年9月10日),召开表彰大会", y);
        assert_eq!(f[0].0, "第38个教师节(2022年9月10日)");
        assert_eq!(
            one("2023年6月30日前完成摸底", y),
            (Some("2023-06-30".into()), By)
        );
        // Signature and page stamps are not deadlines, nor impossible days.
        assert!(found("2021年12月20日", y).is_empty());
        assert!(found("时间:2021年04月15日 14:27", y).is_empty());
        assert!(found("2025年2月30日前完成", y).is_empty());
        assert!(found("2025年13月完成", y).is_empty());
        // A past event told with its date is history, whatever its year.
        let later = time(Some(2023), None);
        assert!(found("方案于2023年5月12日经县政府常务会议审议通过", later).is_empty());
    }

    #[test]
    fn history_is_not_a_deadline() {
        let y = time(Some(2021), PLAN);
        assert!(found("2012年以来,先后招录教师814人", y).is_empty());
        assert!(found("2019年,第一中学增设普通高中", y).is_empty());
        assert!(found("至2020年在校生196人", y).is_empty());
        assert!(found("补办2012年以后新建项目的手续", y).is_empty());
        assert!(found("“十三五”期间,全区教育事业保持良好态势", y).is_empty());
        assert!(found("去年3月份承办了现场会", y).is_empty());
        assert!(found("根据“某县2019-2030中小学布局规划”", y).is_empty());
        assert!(found("落实《特殊教育提升计划(2017—2020年)》", y).is_empty());
        assert!(found("编制《到2035年远景目标纲要》", y).is_empty());
        assert!(found("在8月举办的2023年研讨会上交流", time(None, None)).is_empty());
    }

    #[test]
    fn dates_the_copula_describes_are_topics() {
        let y = time(Some(2021), PLAN);
        assert!(found("2023年,是全县教育提质的攻坚之年", y).is_empty());
        assert!(found("“十五五”时期是加快建设教育强县的关键五年", y).is_empty());
        assert!(found("2024年更是全面完成目标的决战之年", y).is_empty());
        assert_eq!(
            one("到2023年是否达标另行评估", y).0.as_deref(),
            Some("2023")
        );
    }

    #[test]
    fn next_year_resolves_against_the_document_year() {
        let y = time(Some(2023), None);
        assert_eq!(one("明年8月底全部竣工", y), (Some("2024-08".into()), By));
        assert_eq!(one("明年年底前完成改造", y), (Some("2024-12".into()), By));
        assert_eq!(one("明年上半年投入使用", y), (Some("2024-06".into()), By));
        assert_eq!(one("明年启动二期工程", y), (Some("2024".into()), By));
        assert_eq!(one("明年底建成", time(None, None)), (None, By));
    }

    #[test]
    fn days_before_which_work_is_due() {
        let y = time(Some(2021), PLAN);
        assert_eq!(
            one("9月15日前完成校舍排查", y),
            (Some("2021-09-15".into()), By)
        );
        assert_eq!(one("11月20日之前报送材料", time(None, None)), (None, By));
        assert!(found("每月15日前上报数据", y)
            .iter()
            .all(|f| f.2 == Recurring));
        assert!(found("于13月5日前完成", y).is_empty());
        assert!(found("于2月30日前完成", y).is_empty());
        assert_eq!(one("6月30日前完成", y), (Some("2021-06-30".into()), By));
    }

    #[test]
    fn plan_periods() {
        let y = time(Some(2021), PLAN);
        assert_eq!(one("十四五末,学校达到110所", y), (Some("2025".into()), By));
        assert_eq!(
            one("“十四五”期间新建幼儿园8所", y),
            (Some("2025".into()), Within)
        );
        assert_eq!(
            one("“十五五”时期基本建成", y),
            (Some("2030".into()), Within)
        );
        let report = time(Some(2026), Some((2026, 2030)));
        assert_eq!(
            one("“十五五”期间年均增长5.5%", report),
            (Some("2030".into()), Within)
        );
    }

    #[test]
    fn relative_phrases_resolve_against_the_document_year() {
        let work_plan = time(Some(2019), None);
        assert_eq!(
            one("年内再打造一所示范点", work_plan),
            (Some("2019".into()), By)
        );
        assert_eq!(
            one("结果年底和等级挂钩", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(
            one("年底前全部完成", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(
            one("上半年完成招聘", work_plan),
            (Some("2019-06".into()), By)
        );
        assert_eq!(
            one("利用两年时间完成改造", work_plan),
            (Some("2021".into()), Within)
        );
        assert_eq!(
            one("三年内实现全覆盖", work_plan),
            (Some("2022".into()), Within)
        );
        let y = time(Some(2021), PLAN);
        assert_eq!(
            one("利用三年时间培养名师", y),
            (Some("2024".into()), Within)
        );
        assert_eq!(
            one("未来五年持续扩大资源", y),
            (Some("2025".into()), Within)
        );
        assert_eq!(
            one("今后五年地区生产总值年均增长6%", time(Some(2021), None)),
            (Some("2025".into()), Within)
        );
        let late = DocTime {
            late_in_year: true,
            ..time(Some(2021), None)
        };
        assert_eq!(
            one("未来五年旅游收入突破百亿元", late),
            (Some("2026".into()), Within)
        );
        assert_eq!(
            one("今后三年新建学校5所", time(Some(2023), None)),
            (Some("2026".into()), Within)
        );
        assert_eq!(
            one("利用四年时间更新教室", time(None, PLAN)),
            (None, Within)
        );
        assert_eq!(one("年内完成", time(None, None)), (None, By));
        assert!(found("每个学年中开展两次评估", y).is_empty());
        assert_eq!(
            one("考核结果于12月底前报送", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(one("10月底前完成", work_plan), (Some("2019-10".into()), By));
        assert_eq!(
            one("9月中旬前完成招生", work_plan),
            (Some("2019-09".into()), By)
        );
        assert!(found("每年3月开展宣传", work_plan)
            .iter()
            .all(|f| f.2 == Recurring));
        assert_eq!(
            one("今年年底前完成", work_plan),
            (Some("2019-12".into()), By)
        );
        assert_eq!(one("每年年底前报送", work_plan), (None, Recurring));
        assert!(found("每年级配备一名教研员", y).is_empty());
        assert!(found("2021年3月,召开全县教育大会", y).is_empty());
        assert_eq!(one("2022年9月投入使用", y), (Some("2022-09".into()), On));
        // A date that closes a window is a due date, not a stamp.
        assert_eq!(
            one("意见反馈截止日期为2022年3月10日", y),
            (Some("2022-03-10".into()), By)
        );
        assert!(found("发布日期:2022年3月10日", y).is_empty());
    }

    #[test]
    fn this_year_and_the_scope_of_one_year_documents() {
        let report = DocTime {
            year: Some(2024),
            one_year: true,
            report: true,
            ..DocTime::default()
        };
        // 今年 dates the figures after it with the document's year, but is no deadline record.
        assert_eq!(due_year("今年地区生产总值增长6%左右", &report), Some(2024));
        assert!(found("今年地区生产总值增长6%左右", report).is_empty());
        assert_eq!(one("本年度内完成改造", report), (Some("2024".into()), By));
        // 全年 scopes a one-year document's figures but states no deadline.
        assert_eq!(due_year("全年完成投资10亿元", &report), Some(2024));
        assert!(found("全年完成投资10亿元", report).is_empty());
        // A span as long as the plan's period ends with it.
        let plan = time(Some(2023), Some((2023, 2027)));
        assert_eq!(
            one("通过五年行动,加速集聚创新要素", plan),
            (Some("2027".into()), Within)
        );
        // 今年以来 and 今年一季度 tell how the year goes.
        assert!(found("今年以来,全县新增就业1200人", report).is_empty());
        assert!(found("今年一季度,全县能耗上升2%", report).is_empty());
        // A window of years dates its goals but is no deadline record; a window after a
        // title in brackets names the document.
        let y = time(Some(2023), None);
        assert!(found("2024—2026年全市新建高标准农田42万亩", y).is_empty());
        assert_eq!(
            due_year("2024—2026年全市新建高标准农田42万亩", &y),
            Some(2026)
        );
        // A bare year joined to a due date shares its 到.
        let both = found("到2023年底和2030年,居民健康素养水平分别不低于24%和30%", y);
        assert_eq!(both.len(), 2, "{both:?}");
        assert_eq!(both[1].1.as_deref(), Some("2030"));
        // A stated term of a plan is when its work is due.
        assert_eq!(
            one("规划期限为2021—2025年", time(None, None)),
            (Some("2025".into()), Within)
        );
        assert!(found("《养老服务设施布局专项规划(2022—2035年)》", y).is_empty());
        assert!(found("发展规划(2024—2026年)印发", y).is_empty());
        // A window of days is one deadline, due at its end.
        assert_eq!(
            one("执行期限为2018年10月1日至2020年12月31日", y),
            (Some("2020-12-31".into()), Within)
        );
        assert_eq!(
            one("对2019年1月1日至12月31日期间的企业给予补贴", y),
            (Some("2019-12-31".into()), Within)
        );
        // 自…起: the day a rule takes effect.
        assert_eq!(
            one("自2024年1月1日起提高补贴标准", y),
            (Some("2024-01-01".into()), On)
        );
        // A report's delivery line is no deadline.
        assert!(found(
            "——2024年1月18日在岭南县第十八届人民代表大会第三次会议上",
            time(Some(2023), None)
        )
        .is_empty());
        // In a plan, 全年 is no scope of its own.
        assert_eq!(
            due_year("全年完成投资10亿元", &time(Some(2021), PLAN)),
            None
        );
    }

    #[test]
    fn recurring_schedules() {
        let y = time(Some(2021), PLAN);
        for (text, phrase) in [
            ("每年招聘新教师120名", "每年"),
            ("教育支出逐年增长", "逐年"),
            ("每学期开展一次家访", "每学期"),
            ("校长每3-5年交流一次", "每3-5年"),
            ("实施每五年一个周期的全员培训", "每五年一个周期"),
            ("每半年听取一次汇报", "每半年"),
        ] {
            let f = found(text, y);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].0.as_str(), f[0].1.clone(), f[0].2),
                (phrase, None, Recurring)
            );
        }
        assert!(found("按每人每学期600元标准资助", y).is_empty());
        assert!(found("小学生每年生均补助1000元", y).is_empty());
        assert!(found("上好每一节课", y).is_empty());
    }

    #[test]
    fn parse_helper() {
        let period = Period {
            name: Some("十四五".into()),
            start: 2021,
            end: 2025,
        };
        let p = |s: &str, y| parse(s, y, Some(&period)).map(|(d, r)| (d.map(|d| d.to_string()), r));
        assert_eq!(
            p("到2024年年底", Some(2021)),
            Some((Some("2024-12".into()), By))
        );
        assert_eq!(p("十四五末", None), Some((Some("2025".into()), By)));
        assert_eq!(p("坚持教育优先发展", Some(2021)), None);
    }

    #[test]
    fn one_year_titles() {
        for (title, year) in [
            ("2019年全市教育工作要点", Some(2019)),
            ("立山区政府2023年重点工作任务分解和责任分工方案", Some(2023)),
            ("2022年某区交通综合治理行动计划", Some(2022)),
            ("营商环境创新2022年行动计划", Some(2022)),
            ("县卫健委2021年政府工作报告任务分解", Some(2021)),
            ("某县2024年重点项目清单", Some(2024)),
            ("某县2023年学前教育三年行动方案", None),
            ("某市2021年“十四五”规划实施方案", None),
            ("某县2023年以来工作方案", None),
            ("某县现代水网建设行动方案(2023-2027年)", None),
        ] {
            assert_eq!(one_year_title(title), year, "{title}");
        }
        // A headline about one year's work dates it; one looking back does not.
        let t = title_year("某县确定2021年交通工作“总盘子”").unwrap();
        assert_eq!((t.year, t.one_year), (2021, true));
        assert_eq!(title_year("某县2023年目标任务完成情况"), None);
    }

    #[test]
    fn document_time_from_meta_and_text() {
        let meta = Meta {
            title: Some("2019年全市教育工作要点".into()),
            date: Some("2021-04-15".into()),
            ..Meta::default()
        };
        let t = DocTime::from_meta(&meta);
        assert_eq!((t.year, t.one_year), (Some(2019), true));
        let meta = Meta {
            title: Some("某县教育事业发展“十四五”规划(2021-2025年)".into()),
            ..Meta::default()
        };
        assert_eq!(DocTime::from_meta(&meta).year, None);
        let text = "某县教育事业发展“十四五”规划\n某县人民政府办公室\n2021年12月20日\n正文";
        let t = DocTime::new(&Meta::default(), text);
        assert_eq!((t.year, t.period), (Some(2021), Some((2021, 2025))));
        let meta = Meta {
            title: Some("政府工作报告".into()),
            date: Some("2024-01-15".into()),
            kind: Some("政府工作报告".into()),
            ..Meta::default()
        };
        let t = DocTime::from_meta(&meta);
        assert_eq!((t.year, t.one_year, t.report), (Some(2024), true, true));
        // A breakdown of a five-year plan's tasks is a 工作要点 of its five years.
        let meta = Meta {
            title: Some("某省“十四五”应急体系规划重点工程分工方案".into()),
            date: Some("2022-03-01".into()),
            kind: Some("工作要点".into()),
            period: Some(crate::records::Period {
                name: Some("十四五".into()),
                start: 2021,
                end: 2025,
            }),
            ..Meta::default()
        };
        assert!(!DocTime::from_meta(&meta).one_year);
    }

    #[test]
    fn as_of_reads_past_references() {
        let plan = time(Some(2021), PLAN);
        assert_eq!(as_of("截至2020年底,全县共有学校120所", &plan), Some(2020));
        assert_eq!(as_of("“十三五”期间,新建幼儿园12所", &plan), Some(2020));
        assert_eq!(as_of("十三五末,入园率达到95%", &plan), Some(2020));
        assert_eq!(as_of("2019年,全县新增学位3200个", &plan), Some(2019));
        assert_eq!(as_of("较2020年底新增供水能力5亿立方米", &plan), None);
        assert_eq!(as_of("用水量比2020年下降9.3%", &plan), None);
        assert_eq!(as_of("新增学位3200个", &plan), None);
        let report = DocTime {
            year: Some(2024),
            one_year: true,
            report: true,
            ..DocTime::default()
        };
        assert_eq!(as_of("去年地区生产总值增长5.2%", &report), Some(2023));
        assert_eq!(as_of("到2025年达到90%", &plan), None);
    }
}
