//! Approximation to the inverse complementary cumulative normal
//! distribution, ITU-R P.452-18 Attachment 3 to Annex 1.
//!
//! # References
//! ITU-R P.452-18 Attachment 3, eqs. (172), (172a)–(172h): valid for
//! 0.000001 ≤ x ≤ 0.5, error below 0.00054.

/// I(x): the inverse complementary cumulative normal distribution for a
/// probability `x` (0.000001 ≤ x ≤ 0.5; smaller values are clamped).
pub fn inv_cum_norm(x: f64) -> f64 {
    let x = x.max(1e-6);
    let tx = (-2.0 * x.ln()).sqrt(); // (172a)
    const C0: f64 = 2.515516698; // (172c)
    const C1: f64 = 0.802853; // (172d)
    const C2: f64 = 0.010328; // (172e)
    const D1: f64 = 1.432788; // (172f)
    const D2: f64 = 0.189269; // (172g)
    const D3: f64 = 0.001308; // (172h)
    let xi = ((C2 * tx + C1) * tx + C0) / (((D3 * tx + D2) * tx + D1) * tx + 1.0); // (172b)
    xi - tx // (172)
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_normal_quantiles() {
        // Φ⁻¹(0.05) = −1.644854, Φ⁻¹(0.5) = 0 (error bound 0.00054).
        assert!((super::inv_cum_norm(0.05) + 1.644854).abs() < 5.4e-4);
        assert!(super::inv_cum_norm(0.5).abs() < 5.4e-4);
    }
}
