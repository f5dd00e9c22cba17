//! Spherical-Earth diffraction loss, ITU-R P.452-18 Annex 1 §4.2.2, and
//! its first-term part (§4.2.2.1).
//!
//! # References
//! ITU-R P.452-18 §4.2.2: eq. (23) marginal line-of-sight distance;
//! eqs. (24)–(28) smallest clearance height, required clearance and the
//! interpolated loss for a line-of-sight smooth path; §4.2.2.1 eqs.
//! (29)–(36): first-term spherical-Earth diffraction loss, land
//! (ε_r = 22, σ = 0.003 S/m) and sea (ε_r = 80, σ = 5 S/m) weighted by the
//! sea fraction ω.

use super::Polarization;

/// Electrical properties of the ground (§4.2.2.1).
#[derive(Debug, Clone, Copy)]
struct Ground {
    /// Relative permittivity ε_r.
    eps_r: f64,
    /// Conductivity σ (S/m).
    sigma_s_m: f64,
}

/// Land: ε_r = 22, σ = 0.003 S/m.
const LAND: Ground = Ground {
    eps_r: 22.0,
    sigma_s_m: 0.003,
};
/// Sea: ε_r = 80, σ = 5 S/m.
const SEA: Ground = Ground {
    eps_r: 80.0,
    sigma_s_m: 5.0,
};

/// First-term spherical-Earth loss (dB) for one kind of ground, eqs.
/// (30)–(36).
fn first_term_ground(
    ground: Ground,
    d_km: f64,
    hte_m: f64,
    hre_m: f64,
    adft_km: f64,
    freq_ghz: f64,
    pol: Polarization,
) -> f64 {
    let f = freq_ghz;
    let Ground { eps_r, sigma_s_m } = ground;
    let s = 18.0 * sigma_s_m / f;
    let kh = 0.036 * (adft_km * f).powf(-1.0 / 3.0) * ((eps_r - 1.0).powi(2) + s * s).powf(-0.25); // (30a)
    let k = match pol {
        Polarization::Horizontal => kh,
        Polarization::Vertical => kh * (eps_r * eps_r + s * s).sqrt(), // (30b)
    };
    let k2 = k * k;
    let beta = (1.0 + 1.6 * k2 + 0.67 * k2 * k2) / (1.0 + 4.5 * k2 + 1.53 * k2 * k2); // (31)
    let x = 21.88 * beta * (f / (adft_km * adft_km)).cbrt() * d_km; // (32)
    let y_scale = 0.9575 * beta * (f * f / adft_km).cbrt();
    let (yt, yr) = (y_scale * hte_m, y_scale * hre_m); // (33)
    let fx = if x >= 1.6 {
        11.0 + 10.0 * x.log10() - 17.6 * x
    } else {
        -20.0 * x.log10() - 5.6488 * x.powf(1.425)
    }; // (34)
    let floor = 2.0 + 20.0 * k.log10();
    let g = |y: f64| {
        let b = beta * y; // (36b)
        let gy = if b > 2.0 {
            17.6 * (b - 1.1).sqrt() - 5.0 * (b - 1.1).log10() - 8.0
        } else {
            20.0 * (b + 0.1 * b * b * b).log10()
        }; // (35)
        gy.max(floor) // (36)
    };
    -fx - g(yt) - g(yr) // (29 inner)
}

/// First-term spherical-Earth diffraction loss L_dft (dB), eq. (29):
/// ω·L_dft(sea) + (1 − ω)·L_dft(land).
pub fn first_term_db(
    d_km: f64,
    hte_m: f64,
    hre_m: f64,
    adft_km: f64,
    freq_ghz: f64,
    omega: f64,
    pol: Polarization,
) -> f64 {
    let land = first_term_ground(LAND, d_km, hte_m, hre_m, adft_km, freq_ghz, pol);
    let sea = first_term_ground(SEA, d_km, hte_m, hre_m, adft_km, freq_ghz, pol);
    omega * sea + (1.0 - omega) * land
}

/// Spherical-Earth diffraction loss L_dsph (dB) over a path of `d_km`
/// between antennas at effective heights `hte_m`, `hre_m` above the
/// smooth Earth of effective radius `ap_km`, §4.2.2.
pub fn spherical_earth_db(
    d_km: f64,
    hte_m: f64,
    hre_m: f64,
    ap_km: f64,
    freq_ghz: f64,
    omega: f64,
    pol: Polarization,
) -> f64 {
    let lambda_m = 0.2998 / freq_ghz;
    let dlos = (2.0 * ap_km).sqrt() * ((0.001 * hte_m).sqrt() + (0.001 * hre_m).sqrt()); // (23)
    if d_km >= dlos {
        return first_term_db(d_km, hte_m, hre_m, ap_km, freq_ghz, omega, pol);
    }
    let c = (hte_m - hre_m) / (hte_m + hre_m); // (25d)
    let m = 250.0 * d_km * d_km / (ap_km * (hte_m + hre_m)); // (25e)
    let b = 2.0
        * ((m + 1.0) / (3.0 * m)).sqrt()
        * (std::f64::consts::PI / 3.0
            + ((3.0 * c / 2.0) * (3.0 * m / (m + 1.0).powi(3)).sqrt())
                .clamp(-1.0, 1.0)
                .acos()
                / 3.0)
            .cos(); // (25c)
    let dse1 = d_km / 2.0 * (1.0 + b); // (25a)
    let dse2 = d_km - dse1; // (25b)
    let hse = ((hte_m - 500.0 * dse1 * dse1 / ap_km) * dse2
        + (hre_m - 500.0 * dse2 * dse2 / ap_km) * dse1)
        / d_km; // (24)
    let hreq = 17.456 * (dse1 * dse2 * lambda_m / d_km).sqrt(); // (26)
    if hse > hreq {
        return 0.0;
    }
    let aem = 500.0 * (d_km / (hte_m.sqrt() + hre_m.sqrt())).powi(2); // (27)
    let ldft = first_term_db(d_km, hte_m, hre_m, aem, freq_ghz, omega, pol);
    if ldft < 0.0 {
        0.0
    } else {
        (1.0 - hse / hreq) * ldft // (28)
    }
}
