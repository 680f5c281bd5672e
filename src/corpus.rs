//! Batch processing of many files on all cores.
//!
//! SKELETON: filled by the batch issue.
