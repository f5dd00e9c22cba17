//! One module per CLI area (`silkway <area> <verb>`).

use crate::output::Format;

pub mod admin;
pub mod capacity;
pub mod eo;
pub mod eo_access;
pub mod eo_contacts;
pub mod eo_plan;
pub mod net;
pub mod orbit;
pub mod scenario;
pub mod serve;
pub mod spectrum;

/// What every command gets besides its own arguments.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The global `--format`, if given.
    pub format: Option<Format>,
}
pub mod data;
pub mod itu;
pub mod link;
