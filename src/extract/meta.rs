//! SKELETON: to be written.

use crate::records::Meta;
use crate::structure::Structure;

/// Reads the document's metadata.
pub fn extract(_text: &str, _structure: &Structure) -> Meta {
    Meta::default()
}
