//! Where a document applies: place names resolved through the divisions gazetteer.
//!
//! Evidence, strongest first: the issuer's name, the title, a source line (来源:…), the
//! division code inside an 18-character unified social credit code, and finally the
//! county-level name the text mentions most. Names shared by several divisions (朝阳区, 鼓楼区)
//! are resolved by the enclosing places the text names and by the credit code.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::gazetteer::{gazetteer, Candidate, Gazetteer, Level, Mention};
use crate::records::Region;

/// Chars that, right after a two-char county name, show it is part of another word:
/// 提高县域 (高县), 建成县级 (成县), 新县城 (新县).
const BAD_AFTER_SHORT_NAME: &str = "域城级直属情乡份内外际";

/// True when the mention at `m` in `text` is a plausible place name, not part of a word.
fn plausible(text: &str, m: &Mention<'_>) -> bool {
    let name = &text[m.start..m.end];
    let next = text[m.end..].chars().next();
    // 全州/全市/全县… is "the whole prefecture/city/county" (全州实现…, 全州县域内), like 我县:
    // never the short form of 全州县; its full name counts only when no word follows.
    let mut chars = name.chars();
    if chars.next() == Some('全') && chars.next().is_some_and(|c| "州市县区省镇盟旗".contains(c))
    {
        let short = m.candidates.iter().all(|c| c.short);
        if short || next.is_some_and(|c| BAD_AFTER_SHORT_NAME.contains(c)) {
            return false;
        }
    }
    if name.chars().count() <= 2 {
        if next.is_some_and(|c| BAD_AFTER_SHORT_NAME.contains(c)) {
            return false;
        }
    } else if (name.ends_with('区') && next == Some('域'))
        || (name.ends_with('市') && next == Some('场'))
    {
        // 城东区域, 东港市场: the suffix belongs to the next word.
        return false;
    }
    // 平安县(市、区), 文明县(市区): an honour awarded to counties of every kind, not a place.
    let after = &text[m.end..];
    if name.ends_with('县')
        && ["(市、区)", "(市区)", "(市,区)"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return false;
    }
    // Generic full names (城区, 郊区, 矿区, 东区) are common words: never evidence by themselves.
    !matches!(name, "城区" | "郊区" | "矿区" | "东区" | "西区" | "新区")
}

/// County names that are also common descriptions of parts of a town (新城区 "the new town",
/// 城关区): evidence when an issuer or title names them, but not counted in running text.
const GENERIC_IN_TEXT: &[&str] = &[
    "新城区",
    "老城区",
    "城东区",
    "城西区",
    "城北区",
    "城南区",
    "城中区",
    "城关区",
    "新市区",
    "市中区",
    "东城区",
    "西城区",
    "市北区",
    "市南区",
    "新华区",
    "城厢区",
];

/// The place names of `text` the gazetteer knows, with implausible ones dropped.
fn mentions<'g>(g: &'g Gazetteer, text: &str) -> Vec<Mention<'g>> {
    g.scan(text)
        .into_iter()
        .filter(|m| plausible(text, m))
        .collect()
}

/// What the whole text says about places, for resolving shared names. The place counts
/// need a scan of the whole text with the gazetteer's large automaton; most documents name
/// their region unambiguously in the issuer or title, so the scan runs only when asked for.
pub struct Context<'t> {
    /// The text the counts are read from.
    text: &'t str,
    /// The counts, once something needs them.
    counts: OnceLock<Counts>,
    /// The division of the first valid credit code, if any, read on first use (most
    /// documents name their region without one).
    code: OnceLock<Option<usize>>,
}

/// Mentions of places in the whole text.
struct Counts {
    /// Division → number of mentions (full or short name) in the whole text.
    counts: HashMap<usize, usize>,
    /// County-level full name → mentions, for the most-mentioned rule.
    county_names: HashMap<String, usize>,
    /// Divisions whose full name the text uses.
    full_seen: HashSet<usize>,
}

/// The shape of a unified social credit code, matched against a whole 18-char run.
static CREDIT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$").expect("valid regex")
});

/// True when `code` passes the GB 32100-2015 check character.
fn credit_code_valid(code: &str) -> bool {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let values: Option<Vec<usize>> = code.chars().map(|c| CHARS.find(c)).collect();
    let Some(values) = values.filter(|v| v.len() == 18) else {
        return false;
    };
    let sum: usize = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31 == values[17]
}

/// The division named by the first valid unified social credit code in `text` (chars 3–8
/// are the registering body's division code).
pub fn credit_code_division(text: &str) -> Option<usize> {
    let g = gazetteer();
    // A code is a whole run of ASCII letters and digits, exactly 18 long: a byte scan finds
    // the few such runs, so the pattern is matched on them only, not over the whole text.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i - start != 18 {
            continue;
        }
        // ASCII bytes on both sides: `start..i` are char boundaries.
        let code = &text[start..i];
        if CREDIT_CODE.is_match(code) && credit_code_valid(code) {
            if let Some(d) = code.get(2..8).and_then(|c| g.by_code(c)) {
                return Some(d);
            }
        }
    }
    None
}

/// The first 20 KB and the last 4 KB of `text` (where index numbers and codes are printed),
/// joined; the whole text when shorter.
fn head_and_tail(text: &str) -> std::borrow::Cow<'_, str> {
    const HEAD: usize = 20_000;
    const TAIL: usize = 4_000;
    if text.len() <= HEAD + TAIL {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut h = HEAD;
    while !text.is_char_boundary(h) {
        h -= 1;
    }
    let mut t = text.len() - TAIL;
    while !text.is_char_boundary(t) {
        t += 1;
    }
    std::borrow::Cow::Owned(format!("{}\n{}", &text[..h], &text[t..]))
}

impl Counts {
    /// Counts the places `text` names.
    fn new(text: &str) -> Self {
        let g = gazetteer();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        let mut county_names: HashMap<String, usize> = HashMap::new();
        let mut full_seen: HashSet<usize> = HashSet::new();
        let all: Vec<Mention<'_>> = mentions(g, text)
            .into_iter()
            .filter(|m| !GENERIC_IN_TEXT.contains(&&text[m.start..m.end]))
            .collect();
        for m in &all {
            for c in m.candidates {
                *counts.entry(c.division).or_default() += 1;
                if !c.short {
                    full_seen.insert(c.division);
                }
            }
        }
        for m in &all {
            // A short form (平阴) counts for a county only once its full name (平阴县) appears.
            for c in m.candidates {
                let Some(d) = g.get(c.division) else { continue };
                if d.level == Level::County && (!c.short || full_seen.contains(&c.division)) {
                    *county_names.entry(d.name.clone()).or_default() += 1;
                    break;
                }
            }
        }
        Counts {
            counts,
            county_names,
            full_seen,
        }
    }
}

impl<'t> Context<'t> {
    /// The places `text` names (counted on first use) and its credit code.
    pub fn new(text: &'t str) -> Self {
        Context {
            text,
            counts: OnceLock::new(),
            code: OnceLock::new(),
        }
    }

    /// The place counts of the whole text, computed on first use.
    fn counts(&self) -> &Counts {
        self.counts.get_or_init(|| Counts::new(self.text))
    }

    /// How strongly the text supports candidate division `d`: mentions of the places above
    /// it, and a credit code inside it.
    fn support(&self, g: &Gazetteer, d: usize, local: &[usize]) -> usize {
        let mut score = 0;
        for a in g.ancestors(d).skip(1) {
            if local.contains(&a) {
                score += 1000;
            }
            score += self.counts().counts.get(&a).copied().unwrap_or(0);
        }
        if self.code().is_some_and(|c| g.contains(d, c)) {
            score += 100;
        }
        score
    }

    /// Picks among divisions sharing a name; `None` when the text cannot tell them apart.
    fn pick(&self, g: &Gazetteer, candidates: &[usize], local: &[usize]) -> Option<usize> {
        if let [only] = candidates {
            return Some(*only);
        }
        let mut scored: Vec<(usize, usize)> = candidates
            .iter()
            .map(|&d| (self.support(g, d, local), d))
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        match scored.as_slice() {
            [(best, d), (second, _), ..] if best > second => Some(*d),
            _ => None,
        }
    }

    /// The region named in a short string (an issuer, a title, a source line), if any.
    /// `allow_short` lets a short form at the very start count (平阴教育…).
    pub fn region_in(&self, s: &str, allow_short: bool) -> Option<Region> {
        const CAMPAIGNS: &[&str] = &["健康", "美丽", "平安", "法治", "数字", "智慧", "幸福"];
        let g = gazetteer();
        // Per mention, the divisions it may name. A short form (平阴) counts only at the start
        // and only when the text confirms it (its full name or the places above it appear):
        // many short forms are common words (资源, 合作, 平安).
        // End of the run of place names that opens the string: a short form right after a
        // province (江苏镇江:…) is at the start too.
        let mut opening_end = None;
        let found: Vec<Vec<usize>> = mentions(g, s)
            .into_iter()
            .map(|m| {
                let lead = s[..m.start].trim_start_matches(|c: char| {
                    c.is_ascii_digit() || c == '年' || c.is_whitespace() || c == '中' || c == '共'
                });
                // A campaign named after its place (健康鲅鱼圈行动, 美丽厦门, 平安某县建设)
                // opens with the place all the same.
                let lead = CAMPAIGNS
                    .iter()
                    .find_map(|w| lead.strip_prefix(w))
                    .unwrap_or(lead);
                let at_start = lead.is_empty() || opening_end == Some(m.start);
                if at_start {
                    opening_end = Some(m.end);
                }
                m.candidates
                    .iter()
                    .filter(|c| {
                        !c.short
                            || (allow_short
                                && at_start
                                && (self.counts().full_seen.contains(&c.division)
                                    || self.support(g, c.division, &[]) > 0))
                    })
                    .map(|c| c.division)
                    .collect::<Vec<usize>>()
            })
            .filter(|c| !c.is_empty())
            .collect();
        // Divisions named in the string, to resolve the names after them (太原市迎泽区).
        let local: Vec<usize> = found.iter().flatten().copied().collect();
        for level in [Level::County, Level::City, Level::Province] {
            for m in &found {
                let cands: Vec<usize> = m
                    .iter()
                    .copied()
                    .filter(|&d| g.get(d).is_some_and(|d| d.level == level))
                    .collect();
                if cands.is_empty() {
                    continue;
                }
                return Some(self.resolve(g, &cands, &local));
            }
        }
        None
    }

    /// The region of one of `cands` (same name, same level), or just the name when the text
    /// cannot tell which.
    fn resolve(&self, g: &Gazetteer, cands: &[usize], local: &[usize]) -> Region {
        if let Some(d) = self.pick(g, cands, local) {
            return g.region(d);
        }
        let mut region = Region::default();
        if let Some(d) = cands.first().and_then(|&i| g.get(i)) {
            let name = Some(d.name.clone());
            region.level = Some(d.level);
            match d.level {
                Level::County => region.county = name,
                Level::City => region.city = name,
                Level::Province => region.province = name,
            }
        }
        region
    }

    /// The region of the credit code, if the text carries one.
    pub fn credit_code_region(&self) -> Option<Region> {
        self.code().map(|d| gazetteer().region(d))
    }

    /// The division of the text's first valid credit code.
    fn code(&self) -> Option<usize> {
        *self
            .code
            .get_or_init(|| credit_code_division(&head_and_tail(self.text)))
    }

    /// The prefecture-level city whose full name the text uses most (at least twice, more
    /// than any other): the region of a news page or a city document that names no county.
    pub fn most_mentioned_city(&self) -> Option<Region> {
        let g = gazetteer();
        let counts = self.counts();
        let mut ranked: Vec<(usize, usize)> = counts
            .full_seen
            .iter()
            .filter(|&&d| g.get(d).is_some_and(|d| d.level == Level::City))
            .map(|&d| (counts.counts.get(&d).copied().unwrap_or(0), d))
            .collect();
        ranked.sort_by(|a, b| b.cmp(a));
        match ranked.as_slice() {
            [(n, d), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.0 < *n) => {
                Some(g.region(*d))
            }
            _ => None,
        }
    }

    /// The county-level division a full county name stands for (resolved among namesakes by
    /// the text's other mentions).
    fn county_named(&self, g: &Gazetteer, name: &str) -> Option<Region> {
        let cands: Vec<usize> = g
            .lookup(name)
            .iter()
            .filter(|c: &&Candidate| !c.short)
            .filter(|c| g.get(c.division).is_some_and(|d| d.level == Level::County))
            .map(|c| c.division)
            .collect();
        (!cands.is_empty()).then(|| self.resolve(g, &cands, &[]))
    }

    /// The one county-level division a text names in full, once, when it names no other and no
    /// city in full: a page cut from its head that speaks of its own district
    /// (…也是某某区全面深化改革的关键之年).
    pub fn sole_county(&self) -> Option<Region> {
        let g = gazetteer();
        let counts = self.counts();
        let [(name, _)] = counts.county_names.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let city_named = counts
            .full_seen
            .iter()
            .any(|&d| g.get(d).is_some_and(|d| d.level == Level::City));
        if city_named {
            return None;
        }
        self.county_named(g, name)
    }

    /// The county-level name the text mentions most (at least twice, more than any other).
    pub fn most_mentioned(&self) -> Option<Region> {
        let g = gazetteer();
        let mut ranked: Vec<(&String, &usize)> = self.counts().county_names.iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let (name, &count) = *ranked.first()?;
        if count < 2 || ranked.get(1).is_some_and(|(_, &c)| c == count) {
            return None;
        }
        self.county_named(g, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_code_needs_a_whole_run() {
        // Glued to letters or digits on either side, the same code is no code.
        for text in [
            "编号A11370124004209020U",
            "编号11370124004209020Ua",
            "编号911370124004209020U",
        ] {
            assert_eq!(credit_code_division(text), None, "{text}");
        }
        assert!(credit_code_division("索引号:11370124004209020U/2021").is_some());
        // The first valid code wins; an invalid one before it is skipped.
        let text = "11370124004209020V、11370124004209020U";
        assert_eq!(
            credit_code_division(text),
            credit_code_division("11370124004209020U")
        );
    }

    #[test]
    fn credit_code_check_and_division() {
        assert!(credit_code_valid("11370124004209020U"));
        assert!(!credit_code_valid("11370124004209020V"));
        let text = "索引号:11370124004209020U/2021-4656593";
        let region = gazetteer().region(credit_code_division(text).unwrap());
        assert_eq!(region.county.as_deref(), Some("平阴县"));
        assert_eq!(region.city.as_deref(), Some("济南市"));
        assert_eq!(credit_code_division("编号 11370124004209020V 无效"), None);
    }

    #[test]
    fn shared_names_resolved_by_named_places() {
        let ctx = Context::new("吉林省长春市朝阳区教育局。长春市朝阳区各学校。");
        let r = ctx.region_in("朝阳区教育局", false).unwrap();
        assert_eq!(r.city.as_deref(), Some("长春市"));
        assert_eq!(r.province.as_deref(), Some("吉林省"));

        let ctx = Context::new("北京市朝阳区。");
        let r = ctx.region_in("朝阳区教育委员会", false).unwrap();
        assert_eq!(r.city.as_deref(), Some("北京市"));

        let ctx = Context::new("福建省福州市鼓楼区。福州市教育局。");
        let r = ctx.most_mentioned();
        assert!(r.is_none(), "a single mention is not enough");
        let r = ctx.region_in("鼓楼区", false).unwrap();
        assert_eq!(r.city.as_deref(), Some("福州市"));

        // The string itself names the city: 南京市鼓楼区.
        let ctx = Context::new("");
        let r = ctx.region_in("南京市鼓楼区人民政府", false).unwrap();
        assert_eq!(r.city.as_deref(), Some("南京市"));
        assert_eq!(r.county.as_deref(), Some("鼓楼区"));
    }

    #[test]
    fn unresolved_shared_name_keeps_only_the_name() {
        let ctx = Context::new("");
        let r = ctx.region_in("鼓楼区教育局", false).unwrap();
        assert_eq!(r.county.as_deref(), Some("鼓楼区"));
        assert_eq!(r.city, None);
    }

    #[test]
    fn credit_code_resolves_shared_name() {
        // 110105 is Beijing's 朝阳区; build a valid code around it.
        let body = "11110105MB0000000";
        const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const W: [usize; 17] = [
            1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
        ];
        let sum: usize = body
            .chars()
            .zip(W)
            .map(|(c, w)| CHARS.find(c).unwrap() * w)
            .sum();
        let check = CHARS.chars().nth((31 - sum % 31) % 31).unwrap();
        let text = format!("信用代码:{body}{check}\n朝阳区教育工作要点");
        let ctx = Context::new(&text);
        let r = ctx.region_in("朝阳区教育工作要点", false).unwrap();
        assert_eq!(r.city.as_deref(), Some("北京市"));
    }

    #[test]
    fn most_mentioned_county_and_word_traps() {
        let ctx = Context::new("徽县深入推进改革。组建徽县实验小学教育集团。我县、全县。提高县域教育水平,建成县级平台。");
        let r = ctx.most_mentioned().unwrap();
        assert_eq!(r.county.as_deref(), Some("徽县"));
        assert_eq!(r.city.as_deref(), Some("陇南市"));
        let ctx = Context::new("提高县域水平。提高县域质量。建成县级平台,建成县级中心。");
        assert_eq!(ctx.most_mentioned(), None);
        let ctx = Context::new("我县教育。全县学校。本县教师。");
        assert_eq!(ctx.most_mentioned(), None);
        let ctx = Context::new("新城区学校建设,老城区改造,新城区配套幼儿园。城东区域。");
        assert_eq!(ctx.most_mentioned(), None);
        assert_eq!(
            ctx.region_in("新城区教育局", false)
                .and_then(|r| r.county)
                .as_deref(),
            Some("新城区")
        );
    }

    #[test]
    fn whole_prefecture_idiom_is_no_place() {
        let ctx = Context::new(
            "全州学校标准化建设。统筹全州县域内教师编制,全州推进改革。全市、全区同步。",
        );
        assert_eq!(ctx.most_mentioned(), None);
        assert_eq!(ctx.region_in("全州县域教育均衡方案", true), None);
        // The county's own documents still resolve.
        let ctx = Context::new("全州县人民政府。全州县教育局。");
        let r = ctx.region_in("全州县人民政府办公室", true).unwrap();
        assert_eq!(r.county.as_deref(), Some("全州县"));
        assert_eq!(r.province.as_deref(), Some("广西壮族自治区"));
    }

    #[test]
    fn prefecture_documents_give_city_without_county() {
        let ctx = Context::new("全州各县(市)要加快学校建设。");
        let r = ctx.region_in("恩施州人民政府办公室", true).unwrap();
        assert_eq!(r.city.as_deref(), Some("恩施土家族苗族自治州"));
        assert_eq!(r.province.as_deref(), Some("湖北省"));
        assert_eq!(r.county, None);
        // A short city name right after its province (浙江湖州:…) opens the title too.
        let ctx = Context::new("近日,浙江省湖州市印发方案。湖州将新建学校。");
        let r = ctx.region_in("浙江湖州:新建幼儿园三十所", true).unwrap();
        assert_eq!(r.city.as_deref(), Some("湖州市"));
        assert_eq!(r.county, None);
        // A news page naming one city repeatedly and no county.
        let ctx =
            Context::new("湖州市教育局发布通知。湖州市将新增学位一万个。杭州市也有类似做法。");
        let r = ctx.most_mentioned_city().unwrap();
        assert_eq!(r.city.as_deref(), Some("湖州市"));
        assert_eq!(r.province.as_deref(), Some("浙江省"));
        let ctx = Context::new("湖州市教育局。杭州市教育局。");
        assert_eq!(ctx.most_mentioned_city(), None);
    }

    #[test]
    fn short_form_only_at_start_when_allowed() {
        let ctx = Context::new("济南市平阴县");
        assert_eq!(
            ctx.region_in("平阴教育发展规划", true)
                .and_then(|r| r.county)
                .as_deref(),
            Some("平阴县")
        );
        assert_eq!(ctx.region_in("关于支持平阴发展", true), None);
        // Unconfirmed short forms are words: 资源 (资源县), 合作 (合作市).
        let ctx = Context::new("优化资源配置,深化合作。");
        assert_eq!(ctx.region_in("资源配置优化方案", true), None);
        assert_eq!(ctx.region_in("合作办学实施方案", true), None);
    }
}
