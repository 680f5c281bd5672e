//! CSV output of the matrix: UTF-8 with a byte-order mark so Excel reads the Chinese right.

use std::io::{self, Write};

use super::matrix::{Figure, Matrix};
use super::{comparator_str, fmt_num};

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
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
];

/// Quotes a field when it holds a delimiter, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

impl Matrix {
    /// Writes the matrix as CSV: a BOM, the header [`CSV_COLUMNS`], then one row per non-empty
    /// cell (regions in row order, indicators in catalogue order), `\r\n` line ends. Missing
    /// values are empty fields.
    pub fn write_csv<W: Write>(&self, out: W) -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        out.write_all("\u{FEFF}".as_bytes())?;
        out.write_all(CSV_COLUMNS.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
        let opt = |s: &Option<String>| s.as_deref().map(field).unwrap_or_default();
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
                field(&region.label),
                opt(&region.province),
                opt(&region.city),
                opt(&region.county),
                field(&column.id),
                field(&column.name),
                opt(&column.unit),
                t.map(|f| fmt_num(f.value)).unwrap_or_default(),
                t.and_then(|f| f.comparator)
                    .map(|c| comparator_str(c).to_owned())
                    .unwrap_or_default(),
                year(t),
                a.map(|f| fmt_num(f.value)).unwrap_or_default(),
                year(a),
                field(&cell.sources()),
            ];
            out.write_all(row.join(",").as_bytes())?;
            out.write_all(b"\r\n")?;
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
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("平阴县"), "平阴县");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

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
