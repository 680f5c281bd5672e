//! CSV output of the matrix, in a [`CsvStyle`] (Excel's BOM and CRLF, or plain UTF-8).

use std::io::{self, Write};

use super::matrix::{Figure, Matrix};
use super::{comparator_str, fmt_num};
use crate::output::CsvStyle;

/// The CSV header, in column order (`region_code` was added in 2026-12, at the end).
pub const CSV_COLUMNS: [&str; 14] = [
    "region",
    "province",
    "city",
    "county",
    "indicator_id",
    "indicator",
    "unit",
    "target_value",
    "target_comparator",
    "target_year",
    "achieved_value",
    "achieved_year",
    "source",
    "region_code",
];

impl Matrix {
    /// Writes the matrix as Excel-style CSV (a BOM, `\r\n` line ends); see
    /// [`Matrix::write_csv_styled`].
    pub fn write_csv<W: Write>(&self, out: W) -> io::Result<()> {
        self.write_csv_styled(out, CsvStyle::Excel)
    }

    /// Writes the matrix as CSV in `style`: the header [`CSV_COLUMNS`], then one row per
    /// non-empty cell (regions in row order, by division code; indicators in catalogue order).
    /// Missing values are empty fields.
    pub fn write_csv_styled<W: Write>(&self, mut out: W, style: CsvStyle) -> io::Result<()> {
        out.write_all(style.preamble())?;
        let mut out = style.writer(out);
        out.write_record(CSV_COLUMNS)?;
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let year = |f: Option<&Figure>| {
            f.and_then(|f| f.year)
                .map(|y| y.to_string())
                .unwrap_or_default()
        };
        for (r, c, cell) in self.cells() {
            let (Some(region), Some(column)) = (self.regions.get(r), self.columns.get(c)) else {
                continue;
            };
            let t = cell.target.as_ref();
            let a = cell.achieved.as_ref();
            let row = [
                region.label.clone(),
                opt(&region.province),
                opt(&region.city),
                opt(&region.county),
                column.id.clone(),
                column.name.clone(),
                opt(&column.unit),
                t.map(|f| fmt_num(f.value)).unwrap_or_default(),
                t.and_then(|f| f.comparator)
                    .map(|c| comparator_str(c).to_owned())
                    .unwrap_or_default(),
                year(t),
                a.map(|f| fmt_num(f.value)).unwrap_or_default(),
                year(a),
                cell.sources(),
                opt(&region.code),
            ];
            out.write_record(&row)?;
        }
        out.flush()
    }

    /// The CSV as a string (with its BOM).
    pub fn to_csv(&self) -> String {
        let mut buf = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = self.write_csv(&mut buf);
        String::from_utf8(buf).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_matrix_has_bom_and_header_only() {
        let csv = Matrix::from_documents(&[]).to_csv();
        assert!(csv.starts_with('\u{FEFF}'));
        assert_eq!(
            csv.trim_start_matches('\u{FEFF}'),
            format!("{}\r\n", CSV_COLUMNS.join(","))
        );
    }
}
