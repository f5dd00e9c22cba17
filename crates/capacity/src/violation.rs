//! Problems a carrier plan can have.

use serde::Serialize;

/// What kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ViolationKind {
    /// A carrier extends beyond its transponder's band.
    OutsideTransponder,
    /// Two carriers overlap in frequency.
    Overlap,
    /// Two carriers are closer than the transponder's guard band.
    GuardBand,
    /// The carriers of a transponder need more than its power.
    PowerOverbooked,
    /// A lessee's carrier is not inside one of its leased segments.
    OutsideLease,
    /// A carrier's owner neither operates the satellite nor leases capacity
    /// on the transponder.
    NoLease,
    /// A lessee's carriers take more power than its leases grant.
    LeasePowerExceeded,
    /// A leased segment extends beyond its transponder.
    LeaseOutsideTransponder,
    /// Two leases of different lessees overlap in frequency and time.
    LeaseOverlap,
    /// A station lies outside the coverage of the transponder's beam.
    NotCovered,
    /// No uplink power closes the link (interference-limited).
    DoesNotClose,
    /// A carrier cannot be evaluated (unknown MODCOD, station not visible...).
    InvalidCarrier,
}

/// One problem of a carrier plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    /// Kind.
    pub kind: ViolationKind,
    /// Field path of the offending entry (`carriers[2]`, `leases[0]`).
    pub path: String,
    /// Transponder concerned.
    pub transponder: String,
    /// Carrier or lease id(s) concerned.
    pub ids: Vec<String>,
    /// Explanation with the figures.
    pub message: String,
}
