//! Normal-distribution helpers used by P.837 and P.618.

/// Complementary cumulative normal distribution Q(x) = P(X > x), X ~ N(0, 1).
#[inline]
pub fn q_normal(x: f64) -> f64 {
    0.5 * libm::erfc(x / std::f64::consts::SQRT_2)
}

/// Inverse of [`q_normal`] for 0 < q < 1 (bisection refined with Newton).
pub fn q_inverse(q: f64) -> f64 {
    let (mut lo, mut hi) = (-40.0f64, 40.0f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if q_normal(mid) > q {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-15 {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// Bivariate standard normal P(X > a, Y > b) with correlation `rho`,
/// by Gauss-Legendre integration of Drezner & Wesolowsky's formula
/// (J. Statist. Comput. Simul. 35, 1990).
pub fn bivariate_upper(a: f64, b: f64, rho: f64) -> f64 {
    // P(X > a, Y > b) = Phi2(-a, -b; rho)
    phi2(-a, -b, rho)
}

/// Bivariate normal CDF Phi2(x, y; rho) for |rho| < 1.
fn phi2(x: f64, y: f64, rho: f64) -> f64 {
    // Phi2(x,y;rho) = Phi(x)Phi(y) + 1/(2pi) int_0^asin(rho) exp(-(x^2+y^2-2xy sin t)/(2 cos^2 t)) dt
    let phi = |v: f64| 1.0 - q_normal(v);
    let t_max = rho.clamp(-1.0, 1.0).asin();
    // 20-point Gauss-Legendre on [0, t_max]
    const X: [f64; 10] = [
        0.076_526_521_133_497_33,
        0.227_785_851_141_645_1,
        0.373_706_088_715_419_56,
        0.510_867_001_950_827_1,
        0.636_053_680_726_515,
        0.746_331_906_460_150_8,
        0.839_116_971_822_218_8,
        0.912_234_428_251_326,
        0.963_971_927_277_913_8,
        0.993_128_599_185_094_9,
    ];
    const W: [f64; 10] = [
        0.152_753_387_130_725_85,
        0.149_172_986_472_603_75,
        0.142_096_109_318_382_05,
        0.131_688_638_449_176_63,
        0.118_194_531_961_518_42,
        0.101_930_119_817_240_44,
        0.083_276_741_576_704_75,
        0.062_672_048_334_109_06,
        0.040_601_429_800_386_94,
        0.017_614_007_139_152_118,
    ];
    let h = 0.5 * t_max;
    let f = |t: f64| {
        let (s, c) = t.sin_cos();
        (-(x * x + y * y - 2.0 * x * y * s) / (2.0 * c * c)).exp()
    };
    let mut sum = 0.0;
    for k in 0..10 {
        sum += W[k] * (f(h + h * X[k]) + f(h - h * X[k]));
    }
    phi(x) * phi(y) + sum * h / (2.0 * std::f64::consts::PI)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_values() {
        assert!((q_normal(0.0) - 0.5).abs() < 1e-15);
        assert!((q_normal(1.959_963_984_540_054) - 0.025).abs() < 1e-12);
        assert!((q_inverse(0.025) - 1.959_963_984_540_054).abs() < 1e-9);
    }

    #[test]
    fn bivariate_independent_and_known() {
        assert!((bivariate_upper(0.5, 0.5, 0.0) - q_normal(0.5).powi(2)).abs() < 1e-12);
        // Phi2(0,0;rho) = 1/4 + asin(rho)/(2 pi)
        let r: f64 = 0.6;
        assert!(
            (bivariate_upper(0.0, 0.0, r) - (0.25 + r.asin() / (2.0 * std::f64::consts::PI))).abs()
                < 1e-12
        );
    }
}
