//! China's administrative divisions (province, city, county) embedded from `data/divisions/`.
//!
//! The three CSV files are compiled into the binary and parsed once per process. Every division
//! can be found by its full name (平阴县), its short form (平阴) or its statistical code
//! (370124), and walked up county → city → province. [`Gazetteer::scan`] finds every name the
//! text mentions in one pass (Aho-Corasick), for the metadata stage to weigh.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::records::Region;

const PROVINCES: &str = include_str!("../data/divisions/provinces.csv");
const CITIES: &str = include_str!("../data/divisions/cities.csv");
const AREAS: &str = include_str!("../data/divisions/areas.csv");
/// Names given up since 2014 (撤县设区, 撤县设市, mergers, renames) and the division that holds
/// the place now: `old_name,old_code,new_name,new_code,year,change`.
const HISTORY: &str = include_str!("../data/divisions/history.csv");

/// The level of an administrative division. It serialises as `province`, `city` or `county`
/// (`meta.region.level` in the output).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Province, autonomous region or municipality (山东省, 北京市).
    Province,
    /// Prefecture-level unit (济南市, 延边朝鲜族自治州).
    City,
    /// County-level unit: county, district, county-level city, banner (平阴县, 迎泽区, 荣成市).
    County,
}

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Statistical code: 2 digits (province), 4 (city) or 6 (county).
    pub code: String,
    /// Full name as published (平阴县). Placeholders such as 市辖区 are kept for the hierarchy.
    pub name: String,
    /// Short form (平阴), when one of at least two chars exists.
    pub short: Option<String>,
    /// Its level.
    pub level: Level,
    /// Index of the enclosing division in [`Gazetteer::divisions`].
    pub parent: Option<usize>,
}

impl Division {
    /// True for the statistical placeholders (市辖区, 县, 省直辖县级行政区划) that name no place.
    pub fn is_placeholder(&self) -> bool {
        is_placeholder_name(&self.name)
    }

    /// The full 6-digit GB/T 2260 code: a province's `37` is `370000`, a city's `3701` is
    /// `370100`; what joins statistical yearbooks.
    pub fn full_code(&self) -> String {
        format!("{:0<6}", self.code)
    }
}

fn is_placeholder_name(name: &str) -> bool {
    name == "市辖区" || name == "县" || name.ends_with("直辖县级行政区划")
}

/// One place name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'g> {
    /// Byte span of the name in the text.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// The divisions the name may refer to (several for 朝阳区, 鼓楼区, 吉林).
    pub candidates: &'g [Candidate],
}

/// A division a name may refer to, and whether the name was its short form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index into [`Gazetteer::divisions`].
    pub division: usize,
    /// True when the matched name is the short form (平阴 for 平阴县).
    pub short: bool,
}

/// The embedded divisions and their indexes.
#[derive(Debug)]
pub struct Gazetteer {
    divisions: Vec<Division>,
    by_code: HashMap<String, usize>,
    /// Name (full or short) → the divisions it may refer to.
    by_name: HashMap<String, Vec<Candidate>>,
    /// Pattern strings of `matcher`, in pattern order.
    patterns: Vec<String>,
    matcher: AhoCorasick,
}

/// The process-wide gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::build)
}

/// Ethnic-group names that appear in autonomous units' names (长阳土家族自治县 → 长阳).
const ETHNIC: &[&str] = &[
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// The short form of a division name: without its level suffix and, for autonomous units,
/// without the ethnic groups; `None` when that leaves fewer than two chars.
pub fn short_form(name: &str) -> Option<String> {
    let chars = |s: &str| s.chars().count();
    let mut base = name;
    let mut autonomous = false;
    for suffix in ["特别行政区", "自治区", "自治州", "自治县", "自治旗"] {
        if let Some(rest) = base.strip_suffix(suffix) {
            base = rest;
            autonomous = true;
            break;
        }
    }
    if autonomous {
        // Strip ethnic groups from the end (土家族苗族 → ""), keeping at least two chars.
        loop {
            let stripped = ETHNIC.iter().find_map(|e| {
                let rest = base.strip_suffix('族').unwrap_or(base);
                rest.strip_suffix(e)
            });
            match stripped {
                Some(rest) if chars(rest) >= 2 => base = rest,
                _ => break,
            }
        }
        base = base.strip_suffix('族').unwrap_or(base);
    } else {
        for suffix in ["地区", "林区", "特区", "省", "市", "县", "区", "旗", "盟"] {
            if let Some(rest) = base.strip_suffix(suffix) {
                if chars(rest) >= 2 {
                    base = rest;
                }
                break;
            }
        }
    }
    (chars(base) >= 2 && base != name).then(|| base.to_owned())
}

/// The common name of an autonomous unit: its short form plus the level (黔东南苗族侗族自治州
/// → 黔东南州, 松桃苗族自治县 → 松桃县, 阿鲁科尔沁旗 stays); `None` for other divisions.
pub fn autonomous_alias(name: &str, short: &str) -> Option<String> {
    let level = [("自治州", '州'), ("自治县", '县'), ("自治旗", '旗')]
        .iter()
        .find_map(|&(suffix, level)| name.ends_with(suffix).then_some(level))?;
    Some(format!("{short}{level}"))
}

/// Rows of one CSV file: fields without quotes, header skipped.
fn rows(csv: &str) -> impl Iterator<Item = Vec<&str>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(|f| f.trim().trim_matches('"')).collect())
}

impl Gazetteer {
    fn build() -> Self {
        let mut divisions = Vec::new();
        let mut by_code = HashMap::new();
        let mut push = |divisions: &mut Vec<Division>, code: &str, name: &str, level, parent| {
            by_code.insert(code.to_owned(), divisions.len());
            divisions.push(Division {
                code: code.to_owned(),
                name: name.to_owned(),
                short: if is_placeholder_name(name) {
                    None
                } else {
                    short_form(name)
                },
                level,
                parent,
            });
        };
        for r in rows(PROVINCES) {
            if let [code, name, ..] = r[..] {
                push(&mut divisions, code, name, Level::Province, None);
            }
        }
        let province_index: HashMap<String, usize> = divisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.clone(), i))
            .collect();
        let mut city_index = HashMap::new();
        for r in rows(CITIES) {
            if let [code, name, province, ..] = r[..] {
                let parent = province_index.get(province).copied();
                city_index.insert(code.to_owned(), divisions.len());
                push(&mut divisions, code, name, Level::City, parent);
            }
        }
        for r in rows(AREAS) {
            if let [code, name, city, province, ..] = r[..] {
                let parent = city_index
                    .get(city)
                    .or_else(|| province_index.get(province))
                    .copied();
                push(&mut divisions, code, name, Level::County, parent);
            }
        }
        let mut by_name: HashMap<String, Vec<Candidate>> = HashMap::new();
        for (i, d) in divisions.iter().enumerate() {
            if d.is_placeholder() {
                continue;
            }
            by_name.entry(d.name.clone()).or_default().push(Candidate {
                division: i,
                short: false,
            });
            if let Some(short) = &d.short {
                by_name.entry(short.clone()).or_default().push(Candidate {
                    division: i,
                    short: true,
                });
                // Autonomous units are usually called by short form + level (黔东南州,
                // 松桃县): as distinctive as the full name.
                if let Some(alias) = autonomous_alias(&d.name, short) {
                    by_name.entry(alias).or_default().push(Candidate {
                        division: i,
                        short: false,
                    });
                }
            }
        }
        // A former full name (济阳县, 莱芜市) resolves to the division that holds the place now,
        // so an older plan still gets a code. Short forms of former names are left out: most
        // equal the current short form, and the rest (苍山) are common words.
        for r in rows(HISTORY) {
            if let [old_name, _, _, new_code, ..] = r[..] {
                let Some(&i) = by_code.get(new_code.trim_end_matches("00")) else {
                    continue;
                };
                let entry = by_name.entry(old_name.to_owned()).or_default();
                if !entry.iter().any(|c| c.division == i) {
                    entry.push(Candidate {
                        division: i,
                        short: false,
                    });
                }
            }
        }
        let patterns: Vec<String> = by_name.keys().cloned().collect();
        // A contiguous NFA builds in a third of a DFA's time over these ~10k names and searches
        // as fast here (--bench extract): start-up on a short file is the figure that counts.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("the gazetteer's names form a valid automaton");
        Gazetteer {
            divisions,
            by_code,
            by_name,
            patterns,
            matcher,
        }
    }

    /// All divisions, provinces first, then cities, then counties.
    pub fn divisions(&self) -> &[Division] {
        &self.divisions
    }

    /// The division at `index`.
    pub fn get(&self, index: usize) -> Option<&Division> {
        self.divisions.get(index)
    }

    /// The divisions a name (full 平阴县 or short 平阴) may refer to; empty when unknown.
    pub fn lookup(&self, name: &str) -> &[Candidate] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The division with this statistical code. A 6-digit code ending in `00` (or `0000`)
    /// also finds the city (or province) it stands for.
    pub fn by_code(&self, code: &str) -> Option<usize> {
        if let Some(&i) = self.by_code.get(code) {
            return Some(i);
        }
        if code.len() == 6 && code.is_ascii() {
            if let Some(city) = code.strip_suffix("00") {
                if let Some(province) = city.strip_suffix("00") {
                    return self.by_code.get(province).copied();
                }
                return self.by_code.get(city).copied();
            }
        }
        None
    }

    /// The chain of divisions from `index` up to its province (county, city, province).
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(index), |&i| {
            self.divisions.get(i).and_then(|d| d.parent)
        })
        .filter(|&i| i < self.divisions.len())
    }

    /// True when division `inner` lies inside (or is) division `outer`.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        self.ancestors(inner).any(|i| i == outer)
    }

    /// The [`Region`] of a division: its own level and those above it. A municipality's
    /// districts get the municipality as their city; directly administered counties get none.
    pub fn region(&self, index: usize) -> Region {
        let mut region = Region::default();
        let Some(d) = self.divisions.get(index) else {
            return region;
        };
        region.code = Some(d.full_code());
        region.level = Some(d.level);
        for i in self.ancestors(index) {
            let d = &self.divisions[i];
            match d.level {
                Level::Province => region.province = Some(d.name.clone()),
                Level::City if !d.is_placeholder() => region.city = Some(d.name.clone()),
                Level::City => {}
                Level::County => region.county = Some(d.name.clone()),
            }
        }
        if region.city.is_none() && region.county.is_some() {
            // 北京市 → 市辖区 → 朝阳区: the municipality is the city.
            let placeholder_city = d
                .parent
                .and_then(|p| self.divisions.get(p))
                .is_some_and(|c| c.name == "市辖区" || c.name == "县");
            if placeholder_city {
                region.city = region.province.clone();
            }
        }
        region
    }

    /// Every place name in `text`, leftmost-longest, in text order.
    pub fn scan<'g>(&'g self, text: &str) -> Vec<Mention<'g>> {
        self.matcher
            .find_iter(text)
            .filter_map(|m| {
                let name = self.patterns.get(m.pattern().as_usize())?;
                Some(Mention {
                    start: m.start(),
                    end: m.end(),
                    candidates: self.lookup(name),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn county(name: &str) -> Vec<Region> {
        let g = gazetteer();
        g.lookup(name)
            .iter()
            .filter(|c| g.divisions()[c.division].level == Level::County)
            .map(|c| g.region(c.division))
            .collect()
    }

    #[test]
    fn former_names_resolve_to_the_division_that_holds_the_place_now() {
        let g = gazetteer();
        let code = |name: &str| -> Vec<String> {
            g.lookup(name)
                .iter()
                .filter_map(|c| g.region(c.division).code)
                .collect()
        };
        assert_eq!(code("济阳县"), ["370115"], "撤县设区 2018");
        assert_eq!(code("章丘市"), ["370114"], "撤市设区 2016");
        assert_eq!(code("苍山县"), ["371324"], "renamed 兰陵县 2014");
        assert_eq!(code("莱芜市"), ["370100"], "merged into 济南市 2019");
        let region = g.region(g.lookup("济阳县")[0].division);
        assert_eq!(region.county.as_deref(), Some("济阳区"));
        assert_eq!(region.level, Some(Level::County));
        // The table's every successor exists in the current data.
        for r in rows(HISTORY) {
            assert!(g.by_code(r[3]).is_some(), "{} → {}", r[0], r[3]);
        }
    }

    #[test]
    fn finds_counties_by_full_and_short_name() {
        for (full, short, city, province) in [
            ("平阴县", "平阴", "济南市", "山东省"),
            ("荣成市", "荣成", "威海市", "山东省"),
            ("迎泽区", "迎泽", "太原市", "山西省"),
        ] {
            let by_full = county(full);
            assert_eq!(by_full.len(), 1, "{full}");
            assert_eq!(by_full[0].city.as_deref(), Some(city));
            assert_eq!(by_full[0].province.as_deref(), Some(province));
            assert_eq!(by_full[0].county.as_deref(), Some(full));
            assert_eq!(county(short), by_full);
        }
    }

    #[test]
    fn finds_by_code_and_walks_up() {
        let g = gazetteer();
        let i = g.by_code("370124").unwrap();
        assert_eq!(g.region(i).county.as_deref(), Some("平阴县"));
        let city = g.by_code("370100").unwrap();
        assert_eq!(g.divisions()[city].name, "济南市");
        assert!(g.contains(city, i));
        assert!(g.by_code("999999").is_none());
    }

    #[test]
    fn shared_names_have_several_candidates() {
        let regions = county("朝阳区");
        assert_eq!(regions.len(), 2);
        assert!(regions.iter().any(|r| r.city.as_deref() == Some("北京市")));
        assert!(regions.iter().any(|r| r.city.as_deref() == Some("长春市")));
        assert_eq!(county("鼓楼区").len(), 4);
    }

    #[test]
    fn municipalities_and_directly_administered_units() {
        let r = &county("云阳县")[0];
        assert_eq!(r.city.as_deref(), Some("重庆市"));
        assert_eq!(r.province.as_deref(), Some("重庆市"));
        let r = &county("济源市")[0];
        assert_eq!(r.city, None);
        assert_eq!(r.province.as_deref(), Some("河南省"));
    }

    #[test]
    fn short_forms() {
        assert_eq!(short_form("长阳土家族自治县").as_deref(), Some("长阳"));
        assert_eq!(short_form("广西壮族自治区").as_deref(), Some("广西"));
        assert_eq!(short_form("延边朝鲜族自治州").as_deref(), Some("延边"));
        assert_eq!(
            short_form("博尔塔拉蒙古自治州").as_deref(),
            Some("博尔塔拉")
        );
        assert_eq!(short_form("鄂温克族自治旗").as_deref(), Some("鄂温克"));
        assert_eq!(short_form("山东省").as_deref(), Some("山东"));
        assert_eq!(short_form("徽县"), None);
        assert_eq!(short_form("神农架林区").as_deref(), Some("神农架"));
    }

    #[test]
    fn autonomous_units_by_short_form_and_level() {
        let g = gazetteer();
        for (alias, full) in [
            ("黔东南州", "黔东南苗族侗族自治州"),
            ("恩施州", "恩施土家族苗族自治州"),
            ("延边州", "延边朝鲜族自治州"),
            ("凉山州", "凉山彝族自治州"),
            ("松桃县", "松桃苗族自治县"),
        ] {
            let names: Vec<&str> = g
                .lookup(alias)
                .iter()
                .filter(|c| !c.short)
                .map(|c| g.divisions()[c.division].name.as_str())
                .collect();
            assert_eq!(names, [full], "{alias}");
        }
        assert_eq!(autonomous_alias("平阴县", "平阴"), None);
        let text = "黔东南州人民政府办公室";
        let names: Vec<&str> = g.scan(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(names, ["黔东南州"]);
    }

    #[test]
    fn scan_finds_mentions() {
        let text = "山东省济南市平阴县教育局";
        let g = gazetteer();
        let names: Vec<&str> = g.scan(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(names, ["山东省", "济南市", "平阴县"]);
    }
}
