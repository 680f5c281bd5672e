//! China's administrative divisions (province, city, county) embedded from `data/divisions/`.
//!
//! SKELETON: filled by the metadata work.
