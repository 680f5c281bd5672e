//! The unit lexicon, `data/lexicon/units.tsv`: the measure words of every field that a number
//! may carry (所, 户, 吨, 亩, 千瓦时, 微克/立方米 …). One reader for the stages that need it:
//! `extract::quantity` reads units after numbers, `structure::table` recognises a unit cell.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The unit lexicon, `data/lexicon/units.tsv`.
const UNITS_TSV: &str = include_str!("../../data/lexicon/units.tsv");

/// The units by first char, longest first, and the weak ones.
struct Units {
    by_first: HashMap<char, Vec<&'static str>>,
    weak: Vec<&'static str>,
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut by_first: HashMap<char, Vec<&'static str>> = HashMap::new();
    let mut weak = Vec::new();
    for line in UNITS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(unit), Some(_dimension), Some(w)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        if let Some(first) = unit.chars().next() {
            by_first.entry(first).or_default().push(unit);
        }
        if w.trim() == "weak" {
            weak.push(unit);
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|u| std::cmp::Reverse(u.len()));
    }
    Units { by_first, weak }
});

/// True for units that are never a goal's measure on their own (ages, durations, counts of
/// editions); the quantity scanner still reports them so a caller can tell `3-5年` from `2025年`.
pub fn is_weak_unit(unit: &str) -> bool {
    UNITS.weak.contains(&unit)
}

/// The longest unit of the lexicon at the start of `s`.
pub fn lexicon_unit(s: &str) -> Option<&'static str> {
    let first = s.chars().next()?;
    UNITS
        .by_first
        .get(&first)?
        .iter()
        .find(|u| s.starts_with(**u))
        .copied()
}

/// True for a table cell that is nothing but a unit: `%`, `万亩`, `亿斤`, `万元/人`, `张/千人`.
/// A magnitude (万, 亿, 千, 百) may come first; each part of a rate is a unit of the lexicon
/// or a population count (人, 千人, 万人, 10万人).
pub fn is_unit_cell(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.is_empty() || cell.chars().count() > 8 {
        return false;
    }
    cell.split('/').enumerate().all(|(k, part)| {
        let part = part.trim_start_matches(|c: char| c.is_ascii_digit());
        let part = part.trim_start_matches(['万', '亿', '千', '百', '十']);
        if part.is_empty() {
            return false;
        }
        lexicon_unit(part) == Some(part) || (k > 0 && part == "人")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_cells() {
        for u in ["%", "万亩", "亿斤", "万元/人", "张/千人", "万吨", "个"] {
            assert!(is_unit_cell(u), "{u}");
        }
        for u in ["粮食播种面积", "全市统筹", "", "良好以上", "县农业农村局"] {
            assert!(!is_unit_cell(u), "{u}");
        }
    }
}
