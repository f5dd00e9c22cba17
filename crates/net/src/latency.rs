//! Fiber latency: great-circle length and propagation delay.
//!
//! # References
//! - Mean Earth radius R1 = 6371.0088 km: IUGG / Moritz, "Geodetic Reference
//!   System 1980", J. Geodesy 74 (2000).
//! - Group index of standard single-mode fiber ≈ 1.468 at 1550 nm
//!   (ITU-T G.652 fibers; see docs/FACTS.md), i.e. 4.897 µs per km one way.

/// Mean Earth radius, km (IUGG R1), and the haversine great-circle
/// distance on it, as used throughout silkway (`silkway_model::geo`).
pub use silkway_model::geo::{MEAN_EARTH_RADIUS_KM as EARTH_RADIUS_KM, haversine_km};
/// Speed of light in vacuum, km/s (SI definition).
pub const C_KM_PER_S: f64 = 299_792.458;
/// Group index of single-mode fiber (FACTS.md: ≈ 1.468).
pub const FIBER_GROUP_INDEX: f64 = 1.468;
/// One-way propagation delay in fiber, ns per km (≈ 4896.7 ns/km).
pub const FIBER_NS_PER_KM: f64 = FIBER_GROUP_INDEX / C_KM_PER_S * 1e9;

/// One-way fiber latency of `length_km` of cable, integer nanoseconds
/// (rounded to nearest): `length_km × 1.468 / c`.
///
/// # Examples
/// ```
/// assert_eq!(silkway_net::latency::fiber_latency_ns(1000.0), 4_896_721);
/// ```
pub fn fiber_latency_ns(length_km: f64) -> u64 {
    (length_km * FIBER_NS_PER_KM).round() as u64
}

/// Nanoseconds to microseconds (for reports).
pub fn ns_to_us(latency_ns: u64) -> f64 {
    latency_ns as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aktau_siyazan_great_circle() {
        // Aktau (43.65N 51.17E) – Siyazan (41.08N 49.11E), the TCFO main
        // route's landings: about 332 km straight (the cable is 341 km).
        let km = haversine_km(43.65, 51.17, 41.08, 49.11);
        assert!((km - 332.0).abs() < 2.0, "{km}");
    }
}
