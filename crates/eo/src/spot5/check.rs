//! Independent solution checker.
//!
//! Written separately from the solver (it reads the [`Instance`] directly
//! and shares no code with [`crate::lck`] or [`super::model`]), following
//! the benchmark's verification rules (FORMAT.md, "Constraint Types
//! Validation"): every value must be 0 or in the photograph's domain; a
//! binary or ternary constraint is violated only when all its photographs
//! are selected with a forbidden tuple of values; the total weight
//! (`round(consumption / 451)` per selected option) must not exceed the
//! capacity of multi-orbit instances. Profit and weight are recomputed.

use std::fmt;

use super::instance::{Instance, NOT_SELECTED};
use super::solution::{Solution, SolutionFile};

/// Why a solution is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Violation {
    /// The solution has a different number of photographs.
    Length {
        /// Photographs in the instance.
        expected: usize,
        /// Values in the solution.
        found: usize,
    },
    /// A value outside the photograph's domain.
    NotInDomain {
        /// The photograph.
        photo: usize,
        /// The value given.
        value: u32,
    },
    /// A forbidden pair of values.
    Binary {
        /// Line of the constraint in the instance file.
        line: usize,
        /// The photographs.
        photos: Vec<u32>,
        /// Their values.
        values: Vec<u32>,
    },
    /// A forbidden triple of values.
    Ternary {
        /// Line of the constraint in the instance file.
        line: usize,
        /// The photographs.
        photos: Vec<u32>,
        /// Their values.
        values: Vec<u32>,
    },
    /// The memory capacity is exceeded.
    Capacity {
        /// Total weight of the selection.
        weight: u64,
        /// The capacity.
        capacity: u64,
    },
    /// The header's selected count differs from the assignment.
    SelectedCount {
        /// Count in the header.
        claimed: usize,
        /// Count in the assignment.
        actual: usize,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Length { expected, found } => {
                write!(f, "{found} values for {expected} photographs")
            }
            Violation::NotInDomain { photo, value } => {
                write!(
                    f,
                    "photograph {photo}: value {value} is not one of its options"
                )
            }
            Violation::Binary {
                line,
                photos,
                values,
            } => {
                write!(
                    f,
                    "binary constraint (line {line}) on {photos:?}: forbidden values {values:?}"
                )
            }
            Violation::Ternary {
                line,
                photos,
                values,
            } => {
                write!(
                    f,
                    "ternary constraint (line {line}) on {photos:?}: forbidden values {values:?}"
                )
            }
            Violation::Capacity { weight, capacity } => {
                write!(f, "memory weight {weight} exceeds the capacity {capacity}")
            }
            Violation::SelectedCount { claimed, actual } => {
                write!(
                    f,
                    "header says {claimed} selected photographs, the assignment has {actual}"
                )
            }
        }
    }
}

/// What the checker found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Recomputed profit.
    pub profit: u64,
    /// Recomputed weight.
    pub weight: u64,
    /// Number of selected photographs.
    pub selected: usize,
    /// Everything that makes the solution invalid (empty when valid).
    pub violations: Vec<Violation>,
    /// Header values that differ from the recomputed ones (not violations:
    /// some reference files under-report their own profit).
    pub warnings: Vec<String>,
}

impl Report {
    /// Whether the solution is valid.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

/// Checks `sol` against `inst`.
pub fn check(inst: &Instance, sol: &Solution) -> Report {
    let mut violations = Vec::new();
    if sol.values.len() != inst.photos.len() {
        violations.push(Violation::Length {
            expected: inst.photos.len(),
            found: sol.values.len(),
        });
    }
    let mut profit = 0u64;
    let mut weight = 0u64;
    let mut selected = 0usize;
    for (i, (photo, &v)) in inst.photos.iter().zip(&sol.values).enumerate() {
        if v == NOT_SELECTED {
            continue;
        }
        selected += 1;
        profit += photo.profit;
        match photo.options.iter().find(|o| o.value == v) {
            Some(o) => weight += o.weight(),
            None => violations.push(Violation::NotInDomain { photo: i, value: v }),
        }
    }
    for c in &inst.constraints {
        let values: Option<Vec<u32>> = c
            .photos
            .iter()
            .map(|&p| {
                sol.values
                    .get(p as usize)
                    .copied()
                    .filter(|&v| v != NOT_SELECTED)
            })
            .collect();
        let Some(values) = values else { continue };
        if c.forbidden.contains(&values) {
            let (line, photos) = (c.line, c.photos.clone());
            violations.push(if c.photos.len() == 2 {
                Violation::Binary {
                    line,
                    photos,
                    values,
                }
            } else {
                Violation::Ternary {
                    line,
                    photos,
                    values,
                }
            });
        }
    }
    if let Some(cap) = inst.capacity
        && weight > cap.units
    {
        violations.push(Violation::Capacity {
            weight,
            capacity: cap.units,
        });
    }
    Report {
        profit,
        weight,
        selected,
        violations,
        warnings: Vec::new(),
    }
}

/// Checks a solution file: the assignment as [`check`] does, the selected
/// count of the header (a violation when wrong), and the claimed profit and
/// weight (warnings when wrong).
pub fn check_file(inst: &Instance, file: &SolutionFile) -> Report {
    let mut r = check(inst, &file.solution);
    if file.selected != r.selected {
        r.violations.push(Violation::SelectedCount {
            claimed: file.selected,
            actual: r.selected,
        });
    }
    if file.claimed_profit != r.profit {
        r.warnings.push(format!(
            "header profit {} differs from the recomputed {}",
            file.claimed_profit, r.profit
        ));
    }
    if file.claimed_weight != r.weight {
        r.warnings.push(format!(
            "header weight {} differs from the recomputed {}",
            file.claimed_weight, r.weight
        ));
    }
    r
}
