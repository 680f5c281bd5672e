//! Unit tests of the goal rules, on sentences written for them.

use super::*;
