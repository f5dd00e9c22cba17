//! Scalar root finding and minimisation (R. P. Brent, *Algorithms for
//! Minimization without Derivatives*, 1973, ch. 4 `zero` and ch. 5
//! `localmin`), written here for the pass finder. Functions may fail; the
//! first error is returned.

/// Root of `f` in `[a, b]` where `f(a)` and `f(b)` have opposite signs (or one
/// is zero), to within `tol` in x. Brent's method: bisection, secant and
/// inverse quadratic interpolation.
///
/// # Errors
/// The first error returned by `f`.
pub fn brent_root<E>(
    mut f: impl FnMut(f64) -> Result<f64, E>,
    a: f64,
    b: f64,
    fa: f64,
    fb: f64,
    tol: f64,
) -> Result<f64, E> {
    let (mut a, mut b, mut fa, mut fb) = (a, b, fa, fb);
    if fa == 0.0 {
        return Ok(a);
    }
    if fb == 0.0 {
        return Ok(b);
    }
    let (mut c, mut fc) = (a, fa);
    let mut d = b - a;
    let mut e = d;
    for _ in 0..200 {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return Ok(b);
        }
        if e.abs() >= tol1 && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qa = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * xm * qa * (qa - r) - (b - a) * (r - 1.0));
                q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            if 2.0 * p < (3.0 * xm * q - (tol1 * q).abs()).min((e * q).abs()) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = f(b)?;
    }
    Ok(b)
}

/// Minimum of `f` on `[a, b]` to within `tol` in x: golden-section search
/// with parabolic interpolation (Brent's `localmin`). Returns `(x, f(x))`.
///
/// # Errors
/// The first error returned by `f`.
pub fn brent_min<E>(
    mut f: impl FnMut(f64) -> Result<f64, E>,
    a: f64,
    b: f64,
    tol: f64,
) -> Result<(f64, f64), E> {
    const C: f64 = 0.381_966_011_250_105_1; // (3 - sqrt 5) / 2
    let (mut a, mut b) = (a.min(b), a.max(b));
    let mut x = a + C * (b - a);
    let (mut w, mut v) = (x, x);
    let mut fx = f(x)?;
    let (mut fw, mut fv) = (fx, fx);
    let (mut d, mut e) = (0.0f64, 0.0f64);
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        let tol1 = f64::EPSILON.sqrt() * x.abs() * 1e-8 + tol / 3.0;
        let tol2 = 2.0 * tol1;
        if (x - m).abs() <= tol2 - 0.5 * (b - a) {
            break;
        }
        let mut golden = true;
        if e.abs() > tol1 {
            let r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            } else {
                q = -q;
            }
            if p.abs() < (0.5 * q * e).abs() && p > q * (a - x) && p < q * (b - x) {
                e = d;
                d = p / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = tol1.copysign(m - x);
                }
                golden = false;
            }
        }
        if golden {
            e = if x < m { b - x } else { a - x };
            d = C * e;
        }
        let u = if d.abs() >= tol1 {
            x + d
        } else {
            x + tol1.copysign(d)
        };
        let fu = f(u)?;
        if fu <= fx {
            if u < x {
                b = x;
            } else {
                a = x;
            }
            v = w;
            fv = fw;
            w = x;
            fw = fx;
            x = u;
            fx = fu;
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        }
    }
    Ok((x, fx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_of_cosine() {
        let mut n = 0;
        let f = |x: f64| -> Result<f64, ()> {
            n += 1;
            Ok(x.cos())
        };
        let r = brent_root(f, 0.0, 3.0, 1.0, 3f64.cos(), 1e-12).unwrap();
        assert!((r - std::f64::consts::FRAC_PI_2).abs() < 1e-11);
        assert!(n < 20, "{n} evaluations");
    }

    #[test]
    fn minimum_of_parabola() {
        let (x, fx) = brent_min(
            |x: f64| Ok::<_, ()>((x - 0.3).powi(2) + 1.0),
            -2.0,
            5.0,
            1e-9,
        )
        .unwrap();
        assert!((x - 0.3).abs() < 1e-8);
        assert!((fx - 1.0).abs() < 1e-12);
    }
}
