//! Tables: pipe-separated rows, and tables written one cell per line.

use super::{Line, Table};

/// Finds the tables of `text`.
pub(crate) fn find_tables(_text: &str, _lines: &[Line]) -> Vec<Table> {
    Vec::new()
}
