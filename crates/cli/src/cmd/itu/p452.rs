//! `silkway itu p452`: ITU-R P.452-18 basic transmission loss over a
//! terrain profile (CSV) or along the great circle (P.1511 terrain,
//! Natural Earth coastline zones).

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use silkway_analyses::itu::{P452Result, p452_report};
use silkway_itur::Maps;
use silkway_itur::p452::{
    Coastline, Inputs, LonLat, PathAnalysis, PathProfile, Polarization, ProfileOptions,
    great_circle_profile, read_profile_csv,
};

use crate::output::{self, Format};

/// Polarization on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Pol {
    /// Horizontal.
    H,
    /// Vertical.
    V,
}

/// Arguments of `silkway itu p452`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Profile CSV (--profile): one header line, then `d_km,h_m,clutter_m,zone_label,zone_code` \
per point (zone A1 = coastal land / 1, A2 = inland / 2, B = sea / 3), as in the ITU-R WP 3M validation examples.\n\
Great-circle mode (--great-circle): the profile between (--phit-e, --phit-n) and (--phir-e, --phir-n) \
(aliases --from-lon/--from-lat/--to-lon/--to-lat) is generated from the P.1511-2 topography \
(needs `silkway data install itu-maps`) every --step-km, with zones A1/A2/B and the terminals' \
distances from the coast (--dct-km/--dcr-km default) from the embedded Natural Earth 1:10m land \
outline (20-80°E, 25-55°N; the Caspian is sea).\n\
ΔN and N0 (--dn, --n0) are required: P.452's DN50/N050 maps are not in the itur 0.4.0 \
distribution that `data install itu-maps` reads. Read them from P.452-18 Figs. 1-2 / ITU's \
DN50.TXT and N050.TXT at the path centre."
)]
pub struct P452Args {
    /// Terrain profile CSV (ITU validation-example format).
    #[arg(
        long,
        conflicts_with = "great_circle",
        required_unless_present = "great_circle"
    )]
    profile: Option<PathBuf>,
    /// Generate the profile along the great circle from the terminals' coordinates.
    #[arg(long)]
    great_circle: bool,
    /// Profile spacing in great-circle mode (km).
    #[arg(long, default_value_t = 0.25)]
    step_km: f64,
    /// Representative clutter height on land points in great-circle mode (m).
    #[arg(long, default_value_t = 0.0)]
    clutter_m: f64,
    /// Write the generated profile to this CSV (great-circle mode).
    #[arg(long, requires = "great_circle")]
    write_profile: Option<PathBuf>,
    /// Frequency (GHz), 0.1-50.
    #[arg(long, allow_negative_numbers = true)]
    f_ghz: f64,
    /// Time percentage for which the loss is not exceeded (%), 0.001-50.
    #[arg(long, allow_negative_numbers = true)]
    p_pct: f64,
    /// Transmitter antenna height above ground (m).
    #[arg(long, allow_negative_numbers = true)]
    htg_m: f64,
    /// Receiver antenna height above ground (m).
    #[arg(long, allow_negative_numbers = true)]
    hrg_m: f64,
    /// Transmitter longitude (degrees east).
    #[arg(long, visible_alias = "from-lon", allow_negative_numbers = true)]
    phit_e: f64,
    /// Transmitter latitude (degrees north).
    #[arg(long, visible_alias = "from-lat", allow_negative_numbers = true)]
    phit_n: f64,
    /// Receiver longitude (degrees east).
    #[arg(long, visible_alias = "to-lon", allow_negative_numbers = true)]
    phir_e: f64,
    /// Receiver latitude (degrees north).
    #[arg(long, visible_alias = "to-lat", allow_negative_numbers = true)]
    phir_n: f64,
    /// Transmitter antenna gain toward the horizon along the path (dBi).
    #[arg(long, allow_negative_numbers = true)]
    gt_dbi: f64,
    /// Receiver antenna gain toward the horizon along the path (dBi).
    #[arg(long, allow_negative_numbers = true)]
    gr_dbi: f64,
    /// Polarization.
    #[arg(long, value_enum)]
    pol: Pol,
    /// Transmitter distance from the coast over land (km); required with
    /// --profile, default from the coastline in great-circle mode.
    #[arg(long, allow_negative_numbers = true)]
    dct_km: Option<f64>,
    /// Receiver distance from the coast over land (km); as --dct-km.
    #[arg(long, allow_negative_numbers = true)]
    dcr_km: Option<f64>,
    /// Surface pressure (hPa).
    #[arg(long, allow_negative_numbers = true, default_value_t = 1013.25)]
    press_hpa: f64,
    /// Surface temperature (°C).
    #[arg(long, allow_negative_numbers = true, default_value_t = 15.0)]
    temp_c: f64,
    /// Average radio-refractivity lapse-rate through the lowest 1 km, ΔN
    /// (N-units/km), at the path centre.
    #[arg(long, allow_negative_numbers = true)]
    dn: f64,
    /// Sea-level surface refractivity N0 (N-units) at the path centre.
    #[arg(long, allow_negative_numbers = true)]
    n0: f64,
}

/// Run `silkway itu p452`.
pub fn run(format: Format, a: P452Args) -> anyhow::Result<()> {
    let tx = LonLat {
        lon_deg: a.phit_e,
        lat_deg: a.phit_n,
    };
    let rx = LonLat {
        lon_deg: a.phir_e,
        lat_deg: a.phir_n,
    };
    let (profile, source, dct, dcr): (PathProfile, String, f64, f64) = match &a.profile {
        Some(path) => {
            let p = read_profile_csv(path)?;
            let (Some(dct), Some(dcr)) = (a.dct_km, a.dcr_km) else {
                bail!("--dct-km and --dcr-km are required with --profile");
            };
            (p, path.display().to_string(), dct, dcr)
        }
        None => {
            let maps = Maps::global();
            let opts = ProfileOptions {
                step_km: a.step_km,
                land_clutter_m: a.clutter_m,
            };
            let g = great_circle_profile(maps, Coastline::caspian_region(), tx, rx, &opts)
                .context("generating the great-circle profile")?;
            if let Some(out) = &a.write_profile {
                write_profile(out, &g.profile)?;
            }
            let label = format!(
                "great circle, P.1511-2 terrain every {} km, Natural Earth zones",
                a.step_km
            );
            (
                g.profile,
                label,
                a.dct_km.unwrap_or(g.dct_km),
                a.dcr_km.unwrap_or(g.dcr_km),
            )
        }
    };
    let inputs = Inputs {
        freq_ghz: a.f_ghz,
        p_pct: a.p_pct,
        htg_m: a.htg_m,
        hrg_m: a.hrg_m,
        tx,
        rx,
        gt_dbi: a.gt_dbi,
        gr_dbi: a.gr_dbi,
        pol: match a.pol {
            Pol::H => Polarization::Horizontal,
            Pol::V => Polarization::Vertical,
        },
        dct_km: dct,
        dcr_km: dcr,
        press_hpa: a.press_hpa,
        temp_c: a.temp_c,
        dn: a.dn,
        n0: a.n0,
    };
    let r = PathAnalysis::new(&profile, &inputs)
        .and_then(|an| an.predict(&inputs))
        .context("ITU-R P.452-18")?;
    let out = p452_report(source, profile.len(), &inputs, &r);
    match format {
        Format::Table => output::print_text(&table(&out)?),
        _ => output::print_json(&out),
    }
}

/// Two-column table: every field of the JSON output, in the same order.
fn table(out: &P452Result) -> anyhow::Result<String> {
    let mut rows: Vec<(&str, String)> = vec![
        ("recommendation", out.recommendation.to_string()),
        ("profile", out.profile.clone()),
        ("profile_points", out.profile_points.to_string()),
        ("pol", out.pol.to_string()),
        ("path", out.path.to_string()),
    ];
    macro_rules! num {
        ($($f:ident),*) => { $( rows.push((stringify!($f), format!("{:.4}", out.$f))); )* };
    }
    num!(
        f_ghz,
        p_pct,
        htg_m,
        hrg_m,
        phit_e,
        phit_n,
        phir_e,
        phir_n,
        gt_dbi,
        gr_dbi,
        dct_km,
        dcr_km,
        press_hpa,
        temp_c,
        dn,
        n0,
        lb_db,
        lbfsg_db,
        lb0p_db,
        lb0b_db,
        ldsph_db,
        ld50_db,
        ldp_db,
        lbs_db,
        lba_db,
        ae_km,
        dtot_km,
        hts_m,
        hrs_m,
        theta_t_mrad,
        theta_r_mrad,
        theta_mrad,
        hm_m,
        hte_m,
        hre_m,
        hstd_m,
        hsrd_m,
        dlt_km,
        dlr_km,
        dtm_km,
        dlm_km,
        b0_pct,
        omega
    );
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut s = String::new();
    for (k, v) in rows {
        writeln!(s, "{k:<width$}  {v}")?;
    }
    Ok(s)
}

fn write_profile(path: &PathBuf, p: &PathProfile) -> anyhow::Result<()> {
    let mut s = String::from(
        "d (km),h(m),Ground Cover Height (m),zone: A1=Coastal Land/A2=Inland/B=Sea,zone: 1=Coastal Land/2=Inland/3=Sea\n",
    );
    for i in 0..p.len() {
        let z = p.zones()[i];
        writeln!(
            s,
            "{:.6},{:.3},{:.3},{},{}",
            p.d_km()[i],
            p.h_m()[i],
            p.clutter_m()[i],
            z.label(),
            z.code()
        )?;
    }
    std::fs::write(path, s).with_context(|| format!("writing {}", path.display()))
}
