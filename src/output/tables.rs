//! One CSV per record kind, joined by `doc_id` and each record's index.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{cell, json_name, CsvStyle};
use crate::records::{Document, Meta, Region, SCHEMA_VERSION};

/// The tables [`Tables`] writes, in order; each is the file `NAME.csv`.
pub const TABLES: [&str; 5] = [
    "documents",
    "goals",
    "deadlines",
    "responsibilities",
    "targets",
];

/// Columns of `documents.csv`: one row per input, error records included.
const DOCUMENTS: &[&str] = &[
    "doc_id",
    "source",
    "title",
    "issuer",
    "doc_number",
    "date",
    "kind",
    "province",
    "city",
    "county",
    "region_code",
    "region_level",
    "period",
    "period_start",
    "period_end",
    "format",
    "encoding",
    "goals",
    "deadlines",
    "responsibilities",
    "targets",
    "error_kind",
    "error_message",
    "schema_version",
    "planmine_version",
];

/// Columns of `goals.csv`: one row per numeric goal.
const GOALS: &[&str] = &[
    "doc_id",
    "goal_index",
    "region_code",
    "indicator",
    "indicator_id",
    "comparator",
    "value",
    "value_high",
    "unit",
    "year",
    "status",
    "as_of",
    "baseline_value",
    "baseline_year",
    "binding",
    "hedge",
    "source",
    "section",
    "text",
    "span_start",
    "span_end",
];

/// Columns of `deadlines.csv`: one row per deadline.
const DEADLINES: &[&str] = &[
    "doc_id",
    "deadline_index",
    "region_code",
    "date",
    "relation",
    "text",
    "section",
    "span_start",
    "span_end",
];

/// Columns of `responsibilities.csv`: one row per department of each responsibility.
const RESPONSIBILITIES: &[&str] = &[
    "doc_id",
    "responsibility_index",
    "department_index",
    "region_code",
    "department",
    "canonical",
    "role",
    "section",
    "text",
    "span_start",
    "span_end",
];

/// Columns of `targets.csv`: one row per target.
const TARGETS: &[&str] = &[
    "doc_id",
    "target_index",
    "region_code",
    "text",
    "deadline",
    "goal_indexes",
    "departments",
    "section",
    "span_start",
    "span_end",
];

/// The column names of a table of [`TABLES`].
pub fn columns(table: &str) -> Option<&'static [&'static str]> {
    Some(match table {
        "documents" => DOCUMENTS,
        "goals" => GOALS,
        "deadlines" => DEADLINES,
        "responsibilities" => RESPONSIBILITIES,
        "targets" => TARGETS,
        _ => return None,
    })
}

/// One document's rows for every table, without the `doc_id` (which the writer assigns in
/// output order). Built on any thread, written on one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRows {
    /// Rows of each table, in the order of [`TABLES`], each row without its first cell.
    rows: [Vec<Vec<String>>; 5],
}

impl TableRows {
    /// The rows one document gives: one `documents` row always, one row per record else.
    pub fn of(doc: &Document) -> TableRows {
        let (no_meta, no_region) = (Meta::default(), Region::default());
        let meta = doc.meta.as_ref().unwrap_or(&no_meta);
        let region = meta.region.as_ref().unwrap_or(&no_region);
        let code = region.code.clone().unwrap_or_default();
        let period = meta.period.as_ref();
        let decode = doc.decode.as_ref();
        let error = doc.error.as_ref();
        let document = vec![
            doc.source.clone(),
            cell(meta.title.as_ref()),
            cell(meta.issuer.as_ref()),
            cell(meta.doc_number.as_ref()),
            cell(meta.date.as_ref()),
            cell(meta.kind.as_ref()),
            cell(region.province.as_ref()),
            cell(region.city.as_ref()),
            cell(region.county.as_ref()),
            code.clone(),
            region.level.as_ref().map(json_name).unwrap_or_default(),
            cell(period.and_then(|p| p.name.as_ref())),
            cell(period.map(|p| p.start)),
            cell(period.map(|p| p.end)),
            decode.map(|d| json_name(&d.format)).unwrap_or_default(),
            cell(decode.map(|d| &d.encoding)),
            doc.goals.len().to_string(),
            doc.deadlines.len().to_string(),
            doc.responsibilities.len().to_string(),
            doc.targets.len().to_string(),
            cell(error.map(|e| &e.kind)),
            cell(error.map(|e| &e.message)),
            SCHEMA_VERSION.to_owned(),
            crate::records::PLANMINE_VERSION.to_owned(),
        ];
        let goals = doc
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| {
                vec![
                    i.to_string(),
                    code.clone(),
                    g.indicator.clone(),
                    cell(g.indicator_id.as_ref()),
                    json_name(&g.comparator),
                    g.value.to_string(),
                    cell(g.value_high),
                    cell(g.unit.as_ref()),
                    cell(g.year),
                    json_name(&g.status),
                    cell(g.as_of),
                    cell(g.baseline.as_ref().map(|b| b.value)),
                    cell(g.baseline.as_ref().and_then(|b| b.year)),
                    g.binding.as_ref().map(json_name).unwrap_or_default(),
                    cell(g.hedge.as_ref()),
                    json_name(&g.source),
                    cell(g.section.as_ref()),
                    g.text.clone(),
                    g.span[0].to_string(),
                    g.span[1].to_string(),
                ]
            })
            .collect();
        let deadlines = doc
            .deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| {
                vec![
                    i.to_string(),
                    code.clone(),
                    cell(d.date.as_ref()),
                    json_name(&d.relation),
                    d.text.clone(),
                    cell(d.section.as_ref()),
                    d.span[0].to_string(),
                    d.span[1].to_string(),
                ]
            })
            .collect();
        let responsibilities = doc
            .responsibilities
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                let code = &code;
                r.departments.iter().enumerate().map(move |(j, d)| {
                    vec![
                        i.to_string(),
                        j.to_string(),
                        code.clone(),
                        d.name.clone(),
                        cell(d.canonical.as_ref()),
                        json_name(&d.role),
                        cell(r.section.as_ref()),
                        r.text.clone(),
                        r.span[0].to_string(),
                        r.span[1].to_string(),
                    ]
                })
            })
            .collect();
        let targets = doc
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let goals: Vec<String> = t.goals.iter().map(usize::to_string).collect();
                let departments: Vec<&str> =
                    t.departments.iter().map(|d| d.name.as_str()).collect();
                vec![
                    i.to_string(),
                    code.clone(),
                    t.text.clone(),
                    cell(t.deadline.as_ref()),
                    goals.join(";"),
                    departments.join(";"),
                    cell(t.section.as_ref()),
                    t.span[0].to_string(),
                    t.span[1].to_string(),
                ]
            })
            .collect();
        TableRows {
            rows: [vec![document], goals, deadlines, responsibilities, targets],
        }
    }
}

/// Writes the five tables of [`TABLES`], one document at a time.
///
/// `doc_id` numbers the documents 1, 2, … in the order they are written (the order of the JSON
/// Lines output of the same run); every other table's rows carry it with the record's index in
/// its document (0-based, as in the JSON arrays: a target's `goal_indexes` refer to
/// `goal_index`). The region code is repeated in every table so a table joins a yearbook
/// without the documents table.
///
/// ```
/// use planmine::output::{CsvStyle, Tables};
///
/// let doc = planmine::process("plan.txt", "到2025年,森林覆盖率达到30%。".as_bytes());
/// let mut tables = Tables::new([Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()],
///     CsvStyle::Plain).unwrap();
/// assert_eq!(tables.write_document(&doc).unwrap(), 1);
/// let [documents, goals, ..] = tables.finish().unwrap();
/// let goals = String::from_utf8(goals).unwrap();
/// assert!(goals.starts_with("doc_id,goal_index,region_code,indicator,indicator_id,"));
/// assert!(goals.contains("1,0,,森林覆盖率,forest_coverage,"));
/// assert_eq!(String::from_utf8(documents).unwrap().lines().count(), 2);
/// ```
pub struct Tables<W: Write> {
    writers: [csv::Writer<W>; 5],
    next_id: u64,
}

impl Tables<BufWriter<File>> {
    /// Creates DIR (if needed) and the five files in it, each starting with its header row.
    ///
    /// # Errors
    /// When the folder or a file cannot be created or written.
    pub fn create(dir: &Path, style: CsvStyle) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let open = |name: &str| -> io::Result<BufWriter<File>> {
            Ok(BufWriter::with_capacity(
                1 << 16,
                File::create(dir.join(format!("{name}.csv")))?,
            ))
        };
        Tables::new(
            [
                open(TABLES[0])?,
                open(TABLES[1])?,
                open(TABLES[2])?,
                open(TABLES[3])?,
                open(TABLES[4])?,
            ],
            style,
        )
    }
}

impl<W: Write> Tables<W> {
    /// Starts the tables over five writers (in the order of [`TABLES`]): writes the style's
    /// preamble and each header row.
    ///
    /// # Errors
    /// Any write error.
    pub fn new(outs: [W; 5], style: CsvStyle) -> io::Result<Self> {
        let mut writers = Vec::with_capacity(TABLES.len());
        for (mut out, name) in outs.into_iter().zip(TABLES) {
            out.write_all(style.preamble())?;
            let mut writer = style.writer(out);
            writer.write_record(columns(name).unwrap_or_default())?;
            writers.push(writer);
        }
        let writers = writers
            .try_into()
            .map_err(|_| io::Error::other("expected five tables"))?;
        Ok(Tables {
            writers,
            next_id: 1,
        })
    }

    /// Writes one document's rows; returns the `doc_id` it was given.
    ///
    /// # Errors
    /// Any write error.
    pub fn write_document(&mut self, doc: &Document) -> io::Result<u64> {
        self.write_rows(&TableRows::of(doc))
    }

    /// Writes rows made by [`TableRows::of`] (on a worker thread, say); returns the `doc_id`.
    ///
    /// # Errors
    /// Any write error.
    pub fn write_rows(&mut self, rows: &TableRows) -> io::Result<u64> {
        let id = self.next_id;
        self.next_id += 1;
        let id_cell = id.to_string();
        for (writer, table) in self.writers.iter_mut().zip(&rows.rows) {
            for row in table {
                writer.write_field(&id_cell)?;
                writer.write_record(row)?;
            }
        }
        Ok(id)
    }

    /// Flushes every table and returns the writers.
    ///
    /// # Errors
    /// Any flush error.
    pub fn finish(self) -> io::Result<[W; 5]> {
        let mut outs = Vec::with_capacity(TABLES.len());
        for writer in self.writers {
            outs.push(
                writer
                    .into_inner()
                    .map_err(|e| io::Error::new(e.error().kind(), "cannot flush a table"))?,
            );
        }
        outs.try_into()
            .map_err(|_| io::Error::other("expected five tables"))
    }
}
