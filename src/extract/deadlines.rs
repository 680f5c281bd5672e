//! SKELETON: to be written.

use super::Context;
use crate::records::Deadline;

/// Extracts every record of this kind from the document.
pub fn extract(_ctx: &Context<'_>) -> Vec<Deadline> {
    Vec::new()
}
