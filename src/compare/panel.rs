//! The long, tidy panel: one row per goal that maps to a standard indicator, for pandas, R,
//! Stata or DuckDB (`planmine compare --panel FILE`).

use std::io::{self, Write};

use super::{comparator_str, fmt_num};
use crate::catalogue::{Catalogue, Indicator};
use crate::output::{json_name, CsvStyle};
use crate::records::{Document, GoalStatus, Meta, NumericGoal};

/// Columns of the panel. `field` and `phrase` (the indicator as the document names it) follow
/// the columns every analysis needs.
pub const PANEL_COLUMNS: [&str; 18] = [
    "region_code",
    "region",
    "level",
    "indicator_id",
    "indicator",
    "unit",
    "measure",
    "year",
    "status",
    "comparator",
    "value",
    "value_high",
    "national_target",
    "source",
    "section",
    "text",
    "field",
    "phrase",
];

/// Writes the panel one document at a time (memory stays flat however many documents).
///
/// Every goal with a standard indicator gives one row: its own `indicator_id` when the
/// catalogue knows it (so a line written with `extract --catalogue` keeps its ids), else the
/// catalogue's match. `year` is the due year of a target and the year an achieved value refers
/// to (`as_of`, else `year`); `national_target` is the indicator's national reference value.
pub struct Panel<'c, W: Write> {
    catalogue: &'c Catalogue,
    out: csv::Writer<W>,
    rows: usize,
}

impl<'c, W: Write> Panel<'c, W> {
    /// Starts the panel in `style`: writes the preamble and the header.
    ///
    /// # Errors
    /// Any write error.
    pub fn new(catalogue: &'c Catalogue, mut out: W, style: CsvStyle) -> io::Result<Self> {
        out.write_all(style.preamble())?;
        let mut out = style.writer(out);
        out.write_record(PANEL_COLUMNS)?;
        Ok(Panel {
            catalogue,
            out,
            rows: 0,
        })
    }

    /// Adds the rows of one document.
    ///
    /// # Errors
    /// Any write error.
    pub fn add_document(&mut self, doc: &Document) -> io::Result<()> {
        self.add_parts(&doc.source, doc.meta.as_ref(), &doc.goals)
    }

    /// Adds the rows of one document given by its parts.
    ///
    /// # Errors
    /// Any write error.
    pub fn add_parts(
        &mut self,
        source: &str,
        meta: Option<&Meta>,
        goals: &[NumericGoal],
    ) -> io::Result<()> {
        let region = meta.and_then(|m| m.region.as_ref());
        let code = region.and_then(|r| r.code.clone()).unwrap_or_default();
        let name = region
            .and_then(|r| {
                r.county
                    .as_ref()
                    .or(r.city.as_ref())
                    .or(r.province.as_ref())
            })
            .cloned()
            .unwrap_or_default();
        let level = region
            .and_then(|r| r.level.as_ref())
            .map(json_name)
            .unwrap_or_default();
        for goal in goals {
            let Some(indicator) = self.indicator_of(goal) else {
                continue;
            };
            let year = match goal.status {
                GoalStatus::Achieved => goal.as_of.or(goal.year),
                _ => goal.year,
            };
            let national = indicator
                .reference_for(None)
                .map(|r| fmt_num(r.value))
                .unwrap_or_default();
            let row = [
                code.clone(),
                name.clone(),
                level.clone(),
                indicator.id.clone(),
                indicator.name.clone(),
                goal.unit.clone().unwrap_or_default(),
                indicator.measure.as_str().to_owned(),
                year.map(|y| y.to_string()).unwrap_or_default(),
                json_name(&goal.status),
                comparator_str(goal.comparator).to_owned(),
                fmt_num(goal.value),
                goal.value_high.map(fmt_num).unwrap_or_default(),
                national,
                source.to_owned(),
                goal.section.clone().unwrap_or_default(),
                goal.text.clone(),
                indicator.field.clone(),
                goal.indicator.clone(),
            ];
            self.out.write_record(&row)?;
            self.rows += 1;
        }
        Ok(())
    }

    /// The number of rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Flushes the panel and returns the writer.
    ///
    /// # Errors
    /// Any flush error.
    pub fn finish(self) -> io::Result<W> {
        self.out
            .into_inner()
            .map_err(|e| io::Error::new(e.error().kind(), "cannot flush the panel"))
    }

    fn indicator_of(&self, goal: &NumericGoal) -> Option<&'c Indicator> {
        goal.indicator_id
            .as_deref()
            .and_then(|id| self.catalogue.get(id))
            .or_else(|| self.catalogue.match_goal(goal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_mapped_goal_with_its_region_and_national_target() {
        let text = "平阴县人民政府关于印发平阴县“十四五”发展规划的通知\n一、目标\n到2025年,全县学前教育毛入园率达到95%以上,\
                    地区生产总值年均增长6%,新建公厕12座。\n";
        let doc = crate::process("plan.txt", text.as_bytes());
        let mut panel =
            Panel::new(Catalogue::builtin(), Vec::new(), CsvStyle::Plain).expect("panel");
        panel.add_document(&doc).expect("rows");
        let bytes = panel.finish().expect("finish");
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let ids: Vec<&str> = rows.iter().map(|r| &r[3]).collect();
        assert!(
            ids.contains(&"preschool_ger") && ids.contains(&"gdp_growth"),
            "{ids:?}"
        );
        let ger = rows.iter().find(|r| &r[3] == "preschool_ger").expect("row");
        assert_eq!(&ger[0], "370124");
        assert_eq!(&ger[1], "平阴县");
        assert_eq!(&ger[2], "county");
        assert_eq!(&ger[6], "share");
        assert_eq!(&ger[7], "2025");
        assert_eq!(&ger[9], "ge");
        assert_eq!(&ger[10], "95");
        assert_eq!(&ger[12], "90", "the national target");
        let gdp = rows.iter().find(|r| &r[3] == "gdp_growth").expect("row");
        assert_eq!(&gdp[6], "growth");
    }
}
