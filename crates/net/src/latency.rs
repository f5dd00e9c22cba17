//! Fiber latency: great-circle length and propagation delay.
//!
//! # References
//! - Mean Earth radius R1 = 6371.0088 km: IUGG / Moritz, "Geodetic Reference
//!   System 1980", J. Geodesy 74 (2000).
//! - Group index of standard single-mode fiber ≈ 1.468 at 1550 nm
//!   (ITU-T G.652 fibers; see docs/FACTS.md), i.e. 4.897 µs per km one way.

/// Mean Earth radius, km (IUGG R1).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
/// Speed of light in vacuum, km/s (SI definition).
pub const C_KM_PER_S: f64 = 299_792.458;
/// Group index of single-mode fiber (FACTS.md: ≈ 1.468).
pub const FIBER_GROUP_INDEX: f64 = 1.468;
/// One-way propagation delay in fiber, ns per km (≈ 4896.7 ns/km).
pub const FIBER_NS_PER_KM: f64 = FIBER_GROUP_INDEX / C_KM_PER_S * 1e9;

/// Great-circle distance by the haversine formula, km.
///
/// # Units
/// Degrees in, kilometres out, on a sphere of radius [`EARTH_RADIUS_KM`].
///
/// # Examples
/// ```
/// let km = silkway_net::latency::haversine_km(43.65, 51.17, 41.08, 49.11);
/// assert!((km - 332.0).abs() < 2.0); // Aktau – Siyazan
/// ```
pub fn haversine_km(lat1_deg: f64, lon1_deg: f64, lat2_deg: f64, lon2_deg: f64) -> f64 {
    let (p1, p2) = (lat1_deg.to_radians(), lat2_deg.to_radians());
    let dp = (lat2_deg - lat1_deg).to_radians();
    let dl = (lon2_deg - lon1_deg).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

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
