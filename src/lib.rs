//! planmine turns Chinese government plan documents (十四五规划, 实施方案, 工作要点) into typed,
//! comparable data.
//!
//! The pipeline has one module per stage, each handing a typed value to the next:
//!
//! 1. [`decode`](mod@decode): bytes in any of GBK, GB18030, Big5, UTF-8 or UTF-16 (even mixed) to clean
//!    Simplified, NFKC-normalised text ([`Decoded`]) with a map back to the input bytes and a
//!    report of what was repaired.
//! 2. [`structure`]: the official-document outline, tables, sentences and clauses, and words.
//! 3. [`extract`]: metadata and typed records (numeric goals, deadlines, responsibilities,
//!    targets) over that structure.
//! 4. [`records`]: the serde types of the output contract.
//!
//! ```
//! let doc = planmine::process("example.txt", "一、工作目标\n到2025年,学前教育毛入园率达到95%以上。".as_bytes());
//! assert!(doc.error.is_none());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalogue;
pub mod compare;
pub mod corpus;
pub mod decode;
mod error;
pub mod extract;
pub mod gazetteer;
pub mod output;
pub mod records;
pub mod structure;
pub mod text;

pub use corpus::{Corpus, DocumentStream};
pub use decode::{decode, Decoded};
pub use error::{Error, ErrorKind};
pub use records::Document;
pub use structure::{analyze, Structure};

/// Runs the whole pipeline on one document's bytes.
///
/// Never panics and never fails: a document that cannot be processed comes back with its
/// `error` field set, so a batch keeps one record per input.
pub fn process(source: &str, bytes: &[u8]) -> Document {
    match decode(bytes) {
        Ok(decoded) => process_decoded(source, &decoded),
        Err(err) => Document {
            source: source.to_owned(),
            error: Some(err.to_record()),
            ..Document::default()
        },
    }
}

/// Runs the stages after decoding on an already decoded document.
pub fn process_decoded(source: &str, decoded: &Decoded) -> Document {
    let structure = analyze(&decoded.text);
    let records = extract::extract_with_page(&decoded.text, &structure, decoded.page.as_ref());
    let mut doc = Document {
        source: source.to_owned(),
        decode: Some(decoded.report.clone()),
        meta: Some(records.meta),
        goals: records.goals,
        deadlines: records.deadlines,
        responsibilities: records.responsibilities,
        targets: records.targets,
        ..Document::default()
    };
    // The catalogue is built on first use: a document without goals never pays for it.
    if !doc.goals.is_empty() {
        catalogue::Catalogue::builtin().annotate(&mut doc);
    }
    doc
}
