//! Bad numbers (NaN, infinities, negatives, huge) never panic the planner
//! or the sizing: they come back as violations or errors.

use proptest::prelude::*;
use silkway_capacity::{ServiceRequest, plan, size};
use silkway_model::builtin;

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-1.0),
        -1e6..1e6f64,
        -100.0..100.0f64,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn plan_never_panics(
        centre in any_f64(), rs in any_f64(), rolloff in any_f64(), margin in any_f64(),
        fade in any_f64(), eirp in any_f64(), sfd in any_f64(), ibo in any_f64(), obo in any_f64(),
        bw in any_f64(), guard in any_f64(), level in any_f64(), from in any_f64(), to in any_f64(),
    ) {
        let mut s = builtin::load("caspian").unwrap();
        let c = &mut s.carriers[0];
        c.centre_mhz = centre;
        c.symbol_rate_msps = rs;
        c.rolloff = rolloff;
        c.implementation_margin_db = margin;
        c.downlink.fade_db = fade;
        let t = &mut s.transponders[1];
        t.saturated_eirp_dbw = eirp;
        t.sfd_dbw_m2 = sfd;
        t.ibo_db = ibo;
        t.obo_db = obo;
        t.bandwidth_mhz = bw;
        t.guard_band_mhz = guard;
        s.beams[0].contours[0].level_db = level;
        s.leases[0].from_mhz = from;
        s.leases[0].to_mhz = to;
        let r = plan(&s, Some("2026-06-01"));
        prop_assert_eq!(r.transponders.len(), s.transponders.len());
        let _ = silkway_capacity::table::plan_table(&r);
    }

    #[test]
    fn sizing_never_panics(
        rate in any_f64(), avail in any_f64(), fade in any_f64(), rolloff in any_f64(),
        lat in any_f64(), lon in any_f64(), d in any_f64(),
    ) {
        let s = builtin::load("caspian").unwrap();
        let current = plan(&s, None);
        let mut req = ServiceRequest::from_toml(
            include_str!("../examples/pk_backhaul_azerspace1.toml"), "pk.toml").unwrap();
        req.total_throughput_mbps = Some(rate);
        req.availability_pct = avail;
        req.rain_fade_db = Some(fade);
        req.rolloff = rolloff;
        req.sites[0].lat_deg = lat;
        req.sites[0].lon_deg = lon;
        req.terminal.diameter_m = Some(d);
        if let Ok(r) = size(&s, &current, &req, None) {
            let _ = silkway_capacity::table::sizing_table(&r);
        }
    }
}
