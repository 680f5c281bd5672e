//! Comparison of extracted goals across regions, by canonical indicator.
//!
//! SKELETON: filled by the comparison work.
