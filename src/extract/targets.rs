//! SKELETON: to be written.

use super::Context;
use crate::records::{Deadline, NumericGoal, Responsibility, Target};

/// Extracts the targets, linking them to the goals, deadlines and responsibilities found.
pub fn extract(
    _ctx: &Context<'_>,
    _goals: &[NumericGoal],
    _deadlines: &[Deadline],
    _responsibilities: &[Responsibility],
) -> Vec<Target> {
    Vec::new()
}
