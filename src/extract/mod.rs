//! Extraction stage: metadata and typed records read from the structure.
//!
//! One module per record kind. Every extractor reads the normalised text and its
//! [`Structure`]; none reaches back into decoding.

use crate::decode::PageMeta;
use crate::records::{Deadline, Meta, NumericGoal, Responsibility, Target};
use crate::structure::Structure;
use crate::text::CharIndex;

pub mod clause;
pub mod deadlines;
pub mod departments;
pub mod discourse;
pub mod goals;
pub mod meta;
pub mod quantity;
pub mod responsibilities;
pub mod targets;
pub mod time;

/// What the extractors read from one document.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The document's metadata.
    pub meta: Meta,
    /// Numeric goals and reported figures.
    pub goals: Vec<NumericGoal>,
    /// Deadlines and schedules.
    pub deadlines: Vec<Deadline>,
    /// Statements of responsibility.
    pub responsibilities: Vec<Responsibility>,
    /// Committed targets.
    pub targets: Vec<Target>,
}

/// The shared inputs of every extractor.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The normalised text.
    pub text: &'a str,
    /// Its structure.
    pub structure: &'a Structure,
    /// Byte-to-char offsets, for the records' spans.
    pub chars: &'a CharIndex,
    /// The document's metadata.
    pub meta: &'a Meta,
    /// The document's own year and plan period, worked out once for every extractor.
    pub time: time::DocTime,
    /// The lines that name rather than state (title, captions), which hold no records.
    pub title_lines: discourse::TitleLines,
    /// What each section's heading says of its content (review, plan, due year), read once
    /// for the goals, deadlines and targets.
    pub discourse: discourse::Discourse,
}

impl<'a> Context<'a> {
    /// The context of one document; its time is worked out here, once.
    pub fn new(
        text: &'a str,
        structure: &'a Structure,
        chars: &'a CharIndex,
        meta: &'a Meta,
    ) -> Self {
        let mut ctx = Context {
            text,
            structure,
            chars,
            meta,
            time: time::DocTime::new(meta, text),
            title_lines: discourse::TitleLines::new(text, meta.title.as_deref()),
            discourse: discourse::Discourse::default(),
        };
        ctx.discourse = discourse::Discourse::new(&ctx);
        ctx
    }
}

/// Runs every extractor over one document.
pub fn extract(text: &str, structure: &Structure) -> Extracted {
    extract_with_page(text, structure, None)
}

/// [`extract`] for a web page's text, with the facts its markup states ([`PageMeta`]): the
/// metadata falls back on them where the body gives no title, date or issuer.
pub fn extract_with_page(text: &str, structure: &Structure, page: Option<&PageMeta>) -> Extracted {
    let chars = CharIndex::new(text);
    let meta = meta::extract_with_page(text, structure, page);
    let ctx = Context::new(text, structure, &chars, &meta);
    let goals = goals::extract(&ctx);
    let deadlines = deadlines::extract(&ctx);
    let responsibilities = responsibilities::extract(&ctx);
    let targets = targets::extract(&ctx, &goals, &deadlines, &responsibilities);
    Extracted {
        meta,
        goals,
        deadlines,
        responsibilities,
        targets,
    }
}
