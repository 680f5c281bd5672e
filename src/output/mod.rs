//! Table outputs: the CSV files researchers load into pandas, R, Stata, DuckDB or Excel.
//!
//! - [`Tables`] writes one CSV per record kind (`documents`, `goals`, `deadlines`,
//!   `responsibilities`, `targets`), keyed by a document id and a record index so they join
//!   in any tool (`planmine extract --tables DIR`).
//! - [`CsvStyle`] says how a CSV is laid out: plain UTF-8 with `\n` line ends by default (what
//!   Python's `csv` module, pandas, R and DuckDB read without surprises), or with a byte-order
//!   mark and CRLF for Excel (`--excel`), which otherwise reads UTF-8 as the local code page.
//!
//! Every table is written with the `csv` crate, so a cell is quoted exactly when RFC 4180 asks
//! (a `,`, a `"` or a line break in it).

pub mod goals;
mod tables;

pub use goals::GoalsCsv;
pub use tables::{columns, TableRows, Tables, TABLES};

use std::io::Write;

/// How a CSV file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CsvStyle {
    /// UTF-8 without a byte-order mark, `\n` line ends.
    #[default]
    Plain,
    /// UTF-8 with a byte-order mark and CRLF line ends, as Excel wants.
    Excel,
}

impl CsvStyle {
    /// [`CsvStyle::Excel`] when `excel` (the CLI's `--excel`), else [`CsvStyle::Plain`].
    pub fn for_excel(excel: bool) -> CsvStyle {
        if excel {
            CsvStyle::Excel
        } else {
            CsvStyle::Plain
        }
    }

    /// The bytes that open a file: the BOM for Excel, nothing otherwise.
    pub fn preamble(self) -> &'static [u8] {
        match self {
            CsvStyle::Plain => b"",
            CsvStyle::Excel => "\u{FEFF}".as_bytes(),
        }
    }

    /// A `csv` writer over `out` with this style's line ends (the preamble is not written).
    pub fn writer<W: Write>(self, out: W) -> csv::Writer<W> {
        let terminator = match self {
            CsvStyle::Plain => csv::Terminator::Any(b'\n'),
            CsvStyle::Excel => csv::Terminator::CRLF,
        };
        csv::WriterBuilder::new()
            .terminator(terminator)
            .from_writer(out)
    }

    /// One CSV row, with this style's line end.
    pub fn row<I, S>(self, cells: I) -> Vec<u8>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let mut writer = self.writer(Vec::with_capacity(256));
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(cells);
        writer.into_inner().unwrap_or_default()
    }
}

/// The contract's JSON name of an enum value (`ge`, `target`, `county`…), for CSV cells.
pub(crate) fn json_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Null) => String::new(),
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// An optional cell: empty when absent.
pub(crate) fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}
