//! Specific attenuation model for rain, ITU-R P.838-3.
//!
//! # References
//! ITU-R P.838-3 (2005): eqs. (2)–(3) with the coefficients of Tables 1–4,
//! and eqs. (4)–(5) for path elevation and polarization tilt.

use crate::Result;
use crate::error::check_range;

struct Curve<const N: usize> {
    a: [f64; N],
    b: [f64; N],
    c: [f64; N],
    m: f64,
    k: f64,
}

impl<const N: usize> Curve<N> {
    fn eval(&self, log_f: f64) -> f64 {
        let mut s = self.m * log_f + self.k;
        for j in 0..N {
            let z = (log_f - self.b[j]) / self.c[j];
            s += self.a[j] * (-z * z).exp();
        }
        s
    }
}

/// Table 1: coefficients for k_H.
const K_H: Curve<4> = Curve {
    a: [-5.33980, -0.35351, -0.23789, -0.94158],
    b: [-0.10008, 1.26970, 0.86036, 0.64552],
    c: [1.13098, 0.45400, 0.15354, 0.16817],
    m: -0.18961,
    k: 0.71147,
};
/// Table 2: coefficients for k_V.
const K_V: Curve<4> = Curve {
    a: [-3.80595, -3.44965, -0.39902, 0.50167],
    b: [0.56934, -0.22911, 0.73042, 1.07319],
    c: [0.81061, 0.51059, 0.11899, 0.27195],
    m: -0.16398,
    k: 0.63297,
};
/// Table 3: coefficients for α_H.
const ALPHA_H: Curve<5> = Curve {
    a: [-0.14318, 0.29591, 0.32177, -5.37610, 16.1721],
    b: [1.82442, 0.77564, 0.63773, -0.96230, -3.29980],
    c: [-0.55187, 0.19822, 0.13164, 1.47828, 3.43990],
    m: 0.67849,
    k: -1.95537,
};
/// Table 4: coefficients for α_V.
const ALPHA_V: Curve<5> = Curve {
    a: [-0.07771, 0.56727, -0.20238, -48.2991, 48.5833],
    b: [2.33840, 0.95545, 1.14520, 0.791669, 0.791459],
    c: [-0.76284, 0.54039, 0.26809, 0.116226, 0.116479],
    m: -0.053739,
    k: 0.83433,
};

/// Coefficients k and α of γ_R = k R^α.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RainCoefficients {
    /// k ((dB/km)/(mm/h)^α).
    pub k: f64,
    /// α (dimensionless).
    pub alpha: f64,
}

/// k and α for `freq_ghz` (1–1000 GHz), path elevation `elevation_deg` and
/// polarization tilt `tau_deg` (0° horizontal, 90° vertical, 45° circular).
///
/// # References
/// ITU-R P.838-3 eqs. (2)–(5).
pub fn coefficients(freq_ghz: f64, elevation_deg: f64, tau_deg: f64) -> Result<RainCoefficients> {
    check_range(
        "freq_ghz",
        freq_ghz,
        1.0,
        1000.0,
        "a frequency in [1, 1000] GHz",
    )?;
    check_range(
        "elevation_deg",
        elevation_deg,
        -90.0,
        90.0,
        "an elevation in [-90, 90] degrees",
    )?;
    check_range("tau_deg", tau_deg, -360.0, 360.0, "a tilt angle in degrees")?;
    let [kh, kv, ah, av] = polarization_coefficients(freq_ghz);
    let c = elevation_deg.to_radians().cos().powi(2) * (2.0 * tau_deg.to_radians()).cos();
    let k = (kh + kv + (kh - kv) * c) / 2.0;
    let alpha = (kh * ah + kv * av + (kh * ah - kv * av) * c) / (2.0 * k);
    Ok(RainCoefficients { k, alpha })
}

/// k_H, k_V, α_H, α_V at `freq_ghz` (eqs. (2)–(3)); the last frequency is
/// remembered per thread, since grids evaluate one frequency many times.
fn polarization_coefficients(freq_ghz: f64) -> [f64; 4] {
    thread_local! {
        static LAST: std::cell::Cell<(u64, [f64; 4])> = const { std::cell::Cell::new((u64::MAX, [0.0; 4])) };
    }
    let key = freq_ghz.to_bits();
    let (k0, v0) = LAST.with(|c| c.get());
    if k0 == key {
        return v0;
    }
    let lf = freq_ghz.log10();
    let v = [
        10f64.powf(K_H.eval(lf)),
        10f64.powf(K_V.eval(lf)),
        ALPHA_H.eval(lf),
        ALPHA_V.eval(lf),
    ];
    LAST.with(|c| c.set((key, v)));
    v
}

/// Rain specific attenuation γ_R (dB/km) for rain rate `rain_mm_h`.
///
/// # References
/// ITU-R P.838-3 eq. (1).
pub fn specific_attenuation_db_km(
    rain_mm_h: f64,
    freq_ghz: f64,
    elevation_deg: f64,
    tau_deg: f64,
) -> Result<f64> {
    check_range(
        "rain_mm_h",
        rain_mm_h,
        0.0,
        1e4,
        "a rain rate in [0, 10000] mm/h",
    )?;
    let c = coefficients(freq_ghz, elevation_deg, tau_deg)?;
    Ok(c.k * rain_mm_h.powf(c.alpha))
}
