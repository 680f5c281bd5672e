//! The region × indicator matrix and the rules that pick one value per cell.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use crate::catalogue::{Catalogue, Match, Qualifier, Reference};
use crate::records::{Comparator, Document, GoalStatus, Meta, NumericGoal};

/// One figure placed in a cell: a target, an achieved value, or a target's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number.
    pub value: f64,
    /// How the target qualifies it (`None` for achieved values).
    pub comparator: Option<Comparator>,
    /// Due year (targets) or year reached (achieved), when known.
    pub year: Option<i32>,
    /// The goal's own unit.
    pub unit: Option<String>,
    /// The document it came from.
    pub source: String,
    /// The indicator as the document names it.
    pub indicator: String,
    /// The clause it was read from, clipped to [`TEXT_MAX_CHARS`] chars (with `…`) so a
    /// large matrix stays small in memory.
    pub text: String,
    /// True when an achieved value is the `baseline` of a target goal.
    pub from_baseline: bool,
}

/// A cell of the matrix: the selected target and achieved figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The selected target.
    pub target: Option<Figure>,
    /// The selected achieved value.
    pub achieved: Option<Figure>,
}

impl Cell {
    /// The distinct sources of the cell's figures, joined by `; `.
    pub fn sources(&self) -> String {
        let mut out: Vec<&str> = Vec::new();
        for f in [&self.target, &self.achieved].into_iter().flatten() {
            if !out.contains(&f.source.as_str()) {
                out.push(&f.source);
            }
        }
        out.join("; ")
    }
}

/// A row of the matrix: one region, possibly fed by several documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionRow {
    /// Display label: the county, else the city, else the province, else the file stem (made
    /// unique by prefixing the city or province when two regions share a name).
    pub label: String,
    /// Province-level unit, if known.
    pub province: Option<String>,
    /// Prefecture-level unit, if known.
    pub city: Option<String>,
    /// County-level unit, if known.
    pub county: Option<String>,
    /// The 6-digit GB/T 2260 code of the region, when a document gave it (`meta.region.code`).
    pub code: Option<String>,
    /// The documents that fed this row.
    pub sources: Vec<String>,
}

/// A column of the matrix: a canonical indicator, possibly narrowed by a qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// `indicator_id` or `indicator_id.qualifier`.
    pub id: String,
    /// The indicator's id in the catalogue.
    pub indicator_id: String,
    /// Display name, e.g. `校际差异系数(小学)`.
    pub name: String,
    /// Canonical unit.
    pub unit: Option<String>,
    /// The catalogue group (十四五纲要, 政府工作报告, 十四五专项, 十四五, 优质均衡, 其他).
    pub group: String,
    /// The policy field (`education`, `economy`, `health` …): the report's sections.
    pub field: String,
    /// The national reference value, for people.
    pub standard: Option<String>,
    /// The national reference value as a number, drawn as a line in the chart.
    pub reference: Option<Reference>,
}

/// Counts of what went into a matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MatrixStats {
    /// Documents read (error records included).
    pub documents: usize,
    /// Error records skipped.
    pub error_documents: usize,
    /// Goals seen in the other documents.
    pub goals: usize,
    /// Goals mapped onto a canonical indicator.
    pub matched_goals: usize,
}

/// Region × indicator matrix of targets and achieved values.
///
/// Rules, applied per cell over all goals of the region's documents that map to the column:
/// - **target**: among `status: target` goals, prefer those due in their document's plan-period
///   end year (`meta.period.end`, so a 十四五 plan's 2025 targets beat its 2035 vision), then
///   the latest due year (a known year beats none), then an explicit year over an undated
///   target of a plan (which ranks as due at the plan's period end, its year left empty), then
///   the later document (`meta.date`), then the first in input order.
/// - **achieved**: among `status: achieved` goals and the `baseline`s of target goals, the
///   latest year (a known year beats none), then a reported goal over a baseline, then the later
///   document, then the first in input order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    /// Rows, sorted by division code (rows without one last, by province, city and label).
    pub regions: Vec<RegionRow>,
    /// Columns with at least one figure, in catalogue order.
    pub columns: Vec<Column>,
    /// Cells by (region index, column index).
    cells: BTreeMap<(usize, usize), Cell>,
    /// Indicator phrases of goals that matched nothing, with counts, most frequent first.
    pub unmatched: Vec<(String, usize)>,
    /// What went in.
    pub stats: MatrixStats,
}

/// Identity of a region before labels are assigned.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct RegionKey {
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
    /// File stem, only when the document names no region at all.
    stem: Option<String>,
}

impl RegionKey {
    fn of(source: &str, meta: Option<&Meta>) -> RegionKey {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let region = meta.and_then(|m| m.region.as_ref());
        let key = RegionKey {
            province: region.and_then(|r| clean(&r.province)),
            city: region.and_then(|r| clean(&r.city)),
            county: region.and_then(|r| clean(&r.county)),
            stem: None,
        };
        if key.province.is_some() || key.city.is_some() || key.county.is_some() {
            return key;
        }
        let stem = std::path::Path::new(source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| source.to_owned());
        RegionKey {
            stem: Some(stem),
            ..key
        }
    }

    fn name(&self) -> &str {
        self.county
            .as_deref()
            .or(self.city.as_deref())
            .or(self.province.as_deref())
            .or(self.stem.as_deref())
            .unwrap_or("")
    }

    /// Whether `self` (less complete) can be the same place as `other`: same name, and every
    /// level both know agrees.
    fn compatible(&self, other: &RegionKey) -> bool {
        let agree = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        self.stem.is_none()
            && other.stem.is_none()
            && self.county == other.county
            && agree(&self.province, &other.province)
            && agree(&self.city, &other.city)
    }

    fn known_levels(&self) -> usize {
        [&self.province, &self.city, &self.county]
            .iter()
            .filter(|x| x.is_some())
            .count()
    }
}

/// A candidate figure with its ranking key (larger is better).
#[derive(Debug)]
struct Candidate<K> {
    key: K,
    figure: Figure,
}

type TargetKey = (bool, Option<i32>, bool, Option<String>, Reverse<usize>);
type AchievedKey = (Option<i32>, bool, Option<String>, Reverse<usize>);

/// Keeps `figure` in `map[at]` when its key beats the current one.
fn offer<K: Ord>(
    map: &mut HashMap<(usize, usize), Candidate<K>>,
    at: (usize, usize),
    key: K,
    figure: impl FnOnce() -> Figure,
) {
    match map.entry(at) {
        Entry::Occupied(mut e) => {
            if key > e.get().key {
                e.insert(Candidate {
                    key,
                    figure: figure(),
                });
            }
        }
        Entry::Vacant(v) => {
            v.insert(Candidate {
                key,
                figure: figure(),
            });
        }
    }
}

/// The most chars of a goal's clause a [`Figure`] keeps.
pub const TEXT_MAX_CHARS: usize = 120;

/// `s` cut to at most `max` chars, marked with `…` when cut.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// A goal phrase's place in the catalogue, by positions (cheap to cache).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Classified {
    /// Position of the indicator in the catalogue.
    indicator: usize,
    /// Position of the qualifier the phrase selects, when it names exactly one.
    qualifier: Option<usize>,
    /// Positions of all qualifiers the phrase names, in the phrase's order.
    named: Vec<usize>,
}

/// Pairs goals whose phrase names several levels with those levels: `小学、初中…分别达到
/// 4.2人、5.3人` read as k goals sharing phrase and clause gives the i-th goal (in text order)
/// the i-th level; one goal whose clause says 均 (均达到, 均不低于) goes to every level named.
/// Returns, per goal, the qualifier positions it is spread over (empty: no spreading).
fn spread_over_qualifiers(
    goals: &[NumericGoal],
    classes: &[Option<Classified>],
) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); goals.len()];
    let mut groups: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, (goal, class)) in goals.iter().zip(classes).enumerate() {
        if class
            .as_ref()
            .is_some_and(|c| c.qualifier.is_none() && c.named.len() >= 2)
        {
            groups
                .entry((goal.indicator.as_str(), goal.text.as_str()))
                .or_default()
                .push(i);
        }
    }
    for (_, mut members) in groups {
        members.sort_by_key(|&i| (goals[i].span[0], i));
        let Some(named) = members
            .first()
            .and_then(|&i| classes.get(i))
            .and_then(|c| c.as_ref())
            .map(|c| c.named.clone())
        else {
            continue;
        };
        if members.len() == named.len() {
            for (&i, q) in members.iter().zip(named) {
                out[i] = vec![q];
            }
        } else if let [only] = members.as_slice() {
            if says_all(&goals[*only].text) {
                out[*only] = named;
            }
        }
    }
    out
}

/// Whether a clause says the value holds for all the items it lists: 均 as an adverb
/// (均达到, 均不低于, 均为), not the 均 of 生均 / 人均 / 平均.
fn says_all(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == '均'
            && !i
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|p| "生人平户".contains(*p))
            && chars
                .get(i + 1)
                .is_some_and(|n| "达不在为要保超高应可已".contains(*n))
    })
}

/// Distinct phrases kept in the match cache before it is cleared (bounds memory on huge corpora).
const MEMO_CAP: usize = 200_000;
/// Distinct unmatched phrases counted; further new phrases only count in the stats.
const UNMATCHED_CAP: usize = 50_000;

/// Builds a [`Matrix`] one document at a time, so a corpus of any size streams through in
/// memory proportional to regions × indicators (plus a bounded phrase cache).
#[derive(Debug)]
pub struct MatrixBuilder<'c> {
    catalogue: &'c Catalogue,
    stats: MatrixStats,
    /// Running goal number: the input-order tie-break.
    order: usize,
    /// Raw region keys (before merging) and their sources.
    raw_index: HashMap<RegionKey, usize>,
    raw: Vec<(RegionKey, Vec<String>)>,
    /// The first division code a document gave for each raw region key.
    codes: HashMap<RegionKey, String>,
    /// Column index by (indicator position, qualifier position).
    column_ids: HashMap<(usize, Option<usize>), usize>,
    /// Columns with their (indicator position, qualifier position) in the catalogue.
    columns: Vec<(usize, usize, Column)>,
    memo: HashMap<(String, Option<String>), Option<Classified>>,
    targets: HashMap<(usize, usize), Candidate<TargetKey>>,
    achieved: HashMap<(usize, usize), Candidate<AchievedKey>>,
    unmatched: HashMap<String, usize>,
}

impl<'c> MatrixBuilder<'c> {
    /// An empty builder matching goals against `catalogue`.
    pub fn new(catalogue: &'c Catalogue) -> Self {
        MatrixBuilder {
            catalogue,
            stats: MatrixStats::default(),
            order: 0,
            raw_index: HashMap::new(),
            raw: Vec::new(),
            codes: HashMap::new(),
            column_ids: HashMap::new(),
            columns: Vec::new(),
            memo: HashMap::new(),
            targets: HashMap::new(),
            achieved: HashMap::new(),
            unmatched: HashMap::new(),
        }
    }

    /// Adds one document; error records are counted and skipped.
    pub fn add(&mut self, doc: &Document) {
        self.add_parts(
            &doc.source,
            doc.meta.as_ref(),
            &doc.goals,
            doc.error.is_some(),
        );
    }

    /// Adds one document given by its parts (for callers that deserialise only these).
    pub fn add_parts(
        &mut self,
        source: &str,
        meta: Option<&Meta>,
        goals: &[NumericGoal],
        is_error: bool,
    ) {
        self.stats.documents += 1;
        if is_error {
            self.stats.error_documents += 1;
            return;
        }
        let key = RegionKey::of(source, meta);
        if let Some(code) = meta
            .and_then(|m| m.region.as_ref())
            .and_then(|r| r.code.as_ref())
        {
            self.codes
                .entry(key.clone())
                .or_insert_with(|| code.clone());
        }
        let r = match self.raw_index.get(&key) {
            Some(&r) => r,
            None => {
                let r = self.raw.len();
                self.raw_index.insert(key.clone(), r);
                self.raw.push((key, Vec::new()));
                r
            }
        };
        if let Some((_, sources)) = self.raw.get_mut(r) {
            if !sources.iter().any(|s| s == source) {
                sources.push(source.to_owned());
            }
        }
        let period_end = meta.and_then(|m| m.period.as_ref()).map(|p| p.end);
        let date = meta.and_then(|m| m.date.clone());
        let classes: Vec<Option<Classified>> = goals
            .iter()
            .map(|g| {
                if g.value.is_finite() {
                    self.classify_cached(g)
                } else {
                    None
                }
            })
            .collect();
        let spread = spread_over_qualifiers(goals, &classes);
        for ((goal, class), spread) in goals.iter().zip(&classes).zip(spread) {
            self.stats.goals += 1;
            self.order += 1;
            let order = self.order;
            if !goal.value.is_finite() {
                continue;
            }
            let Some(class) = class else {
                if self.unmatched.len() < UNMATCHED_CAP
                    || self.unmatched.contains_key(goal.indicator.trim())
                {
                    *self
                        .unmatched
                        .entry(goal.indicator.trim().to_owned())
                        .or_default() += 1;
                }
                continue;
            };
            let qualifiers: Vec<Option<usize>> = if spread.is_empty() {
                vec![class.qualifier]
            } else {
                spread.into_iter().map(Some).collect()
            };
            let columns: Vec<usize> = qualifiers
                .into_iter()
                .filter_map(|q| self.column(class.indicator, q))
                .collect();
            self.stats.matched_goals += 1;
            let figure = |value: f64, comparator, year, from_baseline| Figure {
                value,
                comparator,
                year,
                unit: goal.unit.clone(),
                source: source.to_owned(),
                indicator: goal.indicator.clone(),
                text: clip(&goal.text, TEXT_MAX_CHARS),
                from_baseline,
            };
            for c in columns {
                match goal.status {
                    GoalStatus::Target => {
                        // For ranking only, a plan's undated target counts as due at its period
                        // end; an explicit year still beats it. The shown year stays empty.
                        let due = goal.year.or(period_end);
                        let at_end = period_end.is_some() && due == period_end;
                        let key = (
                            at_end,
                            due,
                            goal.year.is_some(),
                            date.clone(),
                            Reverse(order),
                        );
                        offer(&mut self.targets, (r, c), key, || {
                            figure(goal.value, Some(goal.comparator), goal.year, false)
                        });
                        if let Some(b) = goal.baseline.as_ref().filter(|b| b.value.is_finite()) {
                            let key = (b.year, false, date.clone(), Reverse(order));
                            offer(&mut self.achieved, (r, c), key, || {
                                figure(b.value, None, b.year, true)
                            });
                        }
                    }
                    GoalStatus::Achieved => {
                        let key = (goal.year, true, date.clone(), Reverse(order));
                        offer(&mut self.achieved, (r, c), key, || {
                            figure(goal.value, None, goal.year, false)
                        });
                    }
                }
            }
        }
    }

    /// What the catalogue makes of a goal's phrase, through the phrase cache.
    fn classify_cached(&mut self, goal: &NumericGoal) -> Option<Classified> {
        let memo_key = (goal.indicator.clone(), goal.unit.clone());
        if let Some(hit) = self.memo.get(&memo_key) {
            return hit.clone();
        }
        let cat = self.catalogue;
        let class = cat
            .classify(&goal.indicator, goal.unit.as_deref())
            .map(|m| {
                let qpos = |q: &Qualifier| {
                    m.indicator
                        .qualifiers
                        .iter()
                        .position(|x| x == q)
                        .unwrap_or(0)
                };
                Classified {
                    indicator: cat
                        .indicators()
                        .iter()
                        .position(|i| i.id == m.indicator.id)
                        .unwrap_or(0),
                    qualifier: m.qualifier.map(qpos),
                    named: m.named.iter().map(|q| qpos(q)).collect(),
                }
            });
        if self.memo.len() >= MEMO_CAP {
            self.memo.clear();
        }
        self.memo.insert(memo_key, class.clone());
        class
    }

    /// The column of an indicator (and qualifier), created on first use.
    fn column(&mut self, indicator: usize, qualifier: Option<usize>) -> Option<usize> {
        if let Some(&c) = self.column_ids.get(&(indicator, qualifier)) {
            return Some(c);
        }
        let ind = self.catalogue.indicators().get(indicator)?;
        let m = Match {
            indicator: ind,
            qualifier: qualifier.and_then(|q| ind.qualifiers.get(q)),
            named: Vec::new(),
            score: 0,
        };
        let c = self.columns.len();
        self.columns.push((
            indicator,
            qualifier.map_or(0, |q| q + 1),
            Column {
                id: m.column_id(),
                indicator_id: ind.id.clone(),
                name: m.column_name(),
                unit: ind.unit().map(str::to_owned),
                group: ind.group.clone(),
                field: ind.field.clone(),
                standard: ind.standard.clone(),
                reference: ind.reference_for(m.qualifier).cloned(),
            },
        ));
        self.column_ids.insert((indicator, qualifier), c);
        Some(c)
    }

    /// Merges regions, orders rows and columns, and returns the matrix.
    pub fn finish(self) -> Matrix {
        // Regions: a less complete key (平阴县 alone) joins the unique more complete key it is
        // compatible with (山东省/济南市/平阴县).
        let mut by_county: HashMap<&str, Vec<&RegionKey>> = HashMap::new();
        for (k, _) in &self.raw {
            if let Some(c) = k.county.as_deref() {
                by_county.entry(c).or_default().push(k);
            }
        }
        let final_key = |k: &RegionKey| -> RegionKey {
            let Some(group) = k.county.as_deref().and_then(|c| by_county.get(c)) else {
                return k.clone();
            };
            let fuller: Vec<&&RegionKey> = group
                .iter()
                .filter(|o| o.known_levels() > k.known_levels() && k.compatible(o))
                .collect();
            match fuller.as_slice() {
                [only] => (**only).clone(),
                _ => k.clone(),
            }
        };
        let finals: Vec<RegionKey> = self.raw.iter().map(|(k, _)| final_key(k)).collect();
        let mut region_keys: Vec<&RegionKey> = finals.iter().collect();
        // A region's code: its own, else that of a raw key merged into it.
        let mut code_of: HashMap<&RegionKey, &String> = finals
            .iter()
            .filter_map(|fin| self.codes.get(fin).map(|code| (fin, code)))
            .collect();
        for ((raw, _), fin) in self.raw.iter().zip(&finals) {
            if let Some(code) = self.codes.get(raw) {
                code_of.entry(fin).or_insert(code);
            }
        }
        // By division code (what statistical yearbooks are ordered by), regions without one
        // after; then a total order (the key itself last), so equal keys end up adjacent.
        region_keys.sort_by(|a, b| {
            let (ca, cb) = (code_of.get(a), code_of.get(b));
            (ca.is_none(), ca, &a.province, &a.city, a.name(), a).cmp(&(
                cb.is_none(),
                cb,
                &b.province,
                &b.city,
                b.name(),
                b,
            ))
        });
        region_keys.dedup();
        let region_index: HashMap<&RegionKey, usize> = region_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let mut regions: Vec<RegionRow> = region_keys
            .iter()
            .map(|k| RegionRow {
                label: k.name().to_owned(),
                province: k.province.clone(),
                city: k.city.clone(),
                county: k.county.clone(),
                code: code_of.get(k).map(|c| (*c).clone()),
                sources: Vec::new(),
            })
            .collect();
        disambiguate_labels(&mut regions);
        let row_of: Vec<usize> = finals
            .iter()
            .map(|k| region_index.get(k).copied().unwrap_or(0))
            .collect();
        for (raw_r, (_, sources)) in self.raw.iter().enumerate() {
            if let Some(row) = row_of.get(raw_r).and_then(|&i| regions.get_mut(i)) {
                for s in sources {
                    if !row.sources.contains(s) {
                        row.sources.push(s.clone());
                    }
                }
            }
        }

        // Columns by catalogue position, then qualifier position.
        let mut perm: Vec<usize> = (0..self.columns.len()).collect();
        perm.sort_by_key(|&i| (self.columns[i].0, self.columns[i].1));
        let mut new_index = vec![0usize; self.columns.len()];
        for (new, &old) in perm.iter().enumerate() {
            new_index[old] = new;
        }

        // Re-rank the candidates of merged regions under their final row.
        let mut targets: HashMap<(usize, usize), Candidate<TargetKey>> = HashMap::new();
        for ((r, c), Candidate { key, figure }) in self.targets {
            let at = (row_of[r], new_index[c]);
            offer(&mut targets, at, key, move || figure);
        }
        let mut achieved: HashMap<(usize, usize), Candidate<AchievedKey>> = HashMap::new();
        for ((r, c), Candidate { key, figure }) in self.achieved {
            let at = (row_of[r], new_index[c]);
            offer(&mut achieved, at, key, move || figure);
        }
        let mut cells: BTreeMap<(usize, usize), Cell> = BTreeMap::new();
        for (at, cand) in targets {
            cells.entry(at).or_default().target = Some(cand.figure);
        }
        for (at, cand) in achieved {
            cells.entry(at).or_default().achieved = Some(cand.figure);
        }
        let mut cols: Vec<Option<Column>> =
            self.columns.into_iter().map(|(_, _, c)| Some(c)).collect();
        let columns: Vec<Column> = perm.iter().filter_map(|&i| cols[i].take()).collect();

        let mut unmatched: Vec<(String, usize)> = self.unmatched.into_iter().collect();
        unmatched.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

        Matrix {
            regions,
            columns,
            cells,
            unmatched,
            stats: self.stats,
        }
    }
}

impl Matrix {
    /// Builds the matrix from documents with the built-in catalogue.
    pub fn from_documents(docs: &[Document]) -> Matrix {
        Matrix::with_catalogue(Catalogue::builtin(), docs)
    }

    /// Builds the matrix from documents with the given catalogue. Error records are counted
    /// and skipped; goals with non-finite values are ignored.
    pub fn with_catalogue(catalogue: &Catalogue, docs: &[Document]) -> Matrix {
        let mut builder = MatrixBuilder::new(catalogue);
        for doc in docs {
            builder.add(doc);
        }
        builder.finish()
    }

    /// The cell at (region index, column index), if it holds anything.
    pub fn cell(&self, region: usize, column: usize) -> Option<&Cell> {
        self.cells.get(&(region, column))
    }

    /// The cell of the region with this label and the column with this id.
    pub fn get(&self, region_label: &str, column_id: &str) -> Option<&Cell> {
        let r = self.regions.iter().position(|r| r.label == region_label)?;
        let c = self.columns.iter().position(|c| c.id == column_id)?;
        self.cell(r, c)
    }

    /// All non-empty cells in row-major order: (region index, column index, cell).
    pub fn cells(&self) -> impl Iterator<Item = (usize, usize, &Cell)> {
        self.cells.iter().map(|(&(r, c), cell)| (r, c, cell))
    }

    /// Non-empty cells of one column, in region order.
    pub fn column_cells(&self, column: usize) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells
            .iter()
            .filter(move |((_, c), _)| *c == column)
            .map(|(&(r, _), cell)| (r, cell))
    }
}

/// Makes region labels unique: a repeated name gets its city (or province) in front, and a
/// name still repeated gets a running number.
fn disambiguate_labels(regions: &mut [RegionRow]) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in regions.iter() {
        *counts.entry(r.label.as_str()).or_default() += 1;
    }
    let dupes: Vec<usize> = (0..regions.len())
        .filter(|&i| {
            counts
                .get(regions[i].label.as_str())
                .is_some_and(|&n| n > 1)
        })
        .collect();
    for &i in &dupes {
        let r = &regions[i];
        let prefix = if r.county.is_some() {
            r.city.as_deref().or(r.province.as_deref())
        } else if r.city.is_some() {
            r.province.as_deref()
        } else {
            None
        };
        if let Some(p) = prefix {
            regions[i].label = format!("{p}{}", regions[i].label);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in regions.iter_mut() {
        let n = seen.entry(r.label.clone()).or_default();
        *n += 1;
        if *n > 1 {
            r.label = format!("{} ({})", r.label, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_at_chars() {
        assert_eq!(clip("学前教育", 2), "学前…");
        assert_eq!(clip("学前", 2), "学前");
        assert_eq!(clip("", 0), "");
    }

    #[test]
    fn says_all_reads_the_adverb_not_per_capita() {
        assert!(says_all("小学、初中巩固率均达到100%"));
        assert!(says_all("每百名学生拥有骨干教师数均不低于1人"));
        assert!(!says_all(
            "小学、初中生均教学及辅助用房面积分别达到4.5、5.8平方米"
        ));
        assert!(!says_all("人均受教育年限达到11年"));
        assert!(!says_all("平均为"));
        assert!(!says_all("均"));
        assert!(!says_all(""));
    }
}
