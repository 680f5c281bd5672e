//! planmine's integration tests, in one binary (as ripgrep, regex and csv keep theirs): one
//! link of the library instead of one per file, and shared helpers in [`common`].

mod common;

mod cases;
mod cli;
mod compare;
mod corpus;
mod deadlines_seeds;
mod decode_props;
mod decode_repairs;
mod decode_seeds;
mod decode_unwrap;
mod formats;
mod goals_props;
mod goals_seed;
mod meta_props;
mod meta_seeds;
mod pipeline_props;
mod regions;
mod responsibilities_seeds;
mod schema;
mod seeds_golden;
mod structure_outline;
mod structure_props;
mod structure_tables;
mod tables;
mod targets_seed;
