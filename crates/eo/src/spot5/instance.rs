//! SPOT5 instance data.

/// Memory capacity, in consumption units, of the multi-orbit instances.
///
/// The number written at the end of a multi-orbit `.spot` file is not the
/// one used: the benchmark's verifier (FORMAT.md, "Capacity Line") always
/// applies 200 units.
pub const MEMORY_CAPACITY: u64 = 200;

/// Raw recorder consumption of one unit of memory (FORMAT.md, "Weight"):
/// an option's weight is `round(consumption / 451)`.
pub const CONSUMPTION_UNIT: f64 = 451.0;

/// Camera value meaning "not selected" in solutions.
pub const NOT_SELECTED: u32 = 0;

/// A SPOT5 instance: photographs, constraints and, for multi-orbit
/// instances, a memory capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    /// Name used in messages (usually the file name).
    pub name: String,
    /// The candidate photographs, indexed by their id.
    pub photos: Vec<Photo>,
    /// Binary and ternary constraints.
    pub constraints: Vec<Constraint>,
    /// Memory capacity (present on multi-orbit instances; always
    /// [`MEMORY_CAPACITY`]).
    pub capacity: Option<Capacity>,
}

/// A candidate photograph (a variable of the problem).
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// Its profit when selected.
    pub profit: u64,
    /// The camera options: 1 front, 2 middle, 3 rear (mono), 13 front and
    /// rear (stereo).
    pub options: Vec<CameraOption>,
    /// 1-based line of the file where it is defined.
    pub line: usize,
}

/// One way to take a photograph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraOption {
    /// The camera value (1, 2, 3 or 13).
    pub value: u32,
    /// Recorder consumption as written in the file (raw units).
    pub consumption: f64,
}

impl CameraOption {
    /// Memory weight: `round(consumption / 451)` (FORMAT.md).
    pub fn weight(&self) -> u64 {
        (self.consumption / CONSUMPTION_UNIT).round() as u64
    }
}

/// A constraint: the listed tuples of camera values may not be taken
/// together by the listed photographs (a photograph left out satisfies it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// Photograph ids (2 or 3 of them).
    pub photos: Vec<u32>,
    /// Forbidden value tuples, each as long as `photos`.
    pub forbidden: Vec<Vec<u32>>,
    /// 1-based line of the file where it is defined.
    pub line: usize,
}

/// The memory capacity line of a multi-orbit instance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capacity {
    /// The number written in the file (not used, see [`MEMORY_CAPACITY`]).
    pub in_file: f64,
    /// The capacity applied, in weight units.
    pub units: u64,
}

impl Instance {
    /// Whether the instance is a multi-orbit one (with a memory capacity).
    pub fn is_multi_orbit(&self) -> bool {
        self.capacity.is_some()
    }

    /// Sum of all profits (a trivial upper bound).
    pub fn total_profit(&self) -> u64 {
        self.photos.iter().map(|p| p.profit).sum()
    }
}
