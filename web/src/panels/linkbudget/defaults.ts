/**
 * Starting values of the form: the worked example of crates/link
 * (examples/azerspace1_tashkent.toml, Ku-band DVB-S2X outbound). Its
 * transponder figures are ILLUSTRATIVE (plausible Ku-band values, not
 * operator data), as the example file says; the user overwrites them.
 */
export const EXAMPLE = {
  satellite: "azerspace-1",
  uplinkStation: "baku-teleport",
  downlinkStation: "vsat-tashkent",
  transponder: { bandwidth_mhz: 36, saturated_eirp_dbw: 50, sfd_dbw_m2: -88, gt_dbk: 3, ibo_db: 4, obo_db: 2 },
  carrier: { symbol_rate_msps: 20, rolloff: 0.2, modcods: "dvb-s2x", implementation_margin_db: 0.5 },
  uplink: { freq_ghz: 14.25, tx_power_dbw: 10.5, tx_feeder_loss_db: 0.5, other_losses_db: 0.3, diameter_m: 7.3, efficiency: 0.7, pointing_error_deg: 0.02 },
  downlink: {
    freq_ghz: 11.45,
    polarization_tilt_deg: 45,
    antenna_noise_temp_k: 45,
    lnb_noise_figure_db: 0.8,
    feeder_loss_db: 0.1,
    other_losses_db: 0.3,
    diameter_m: 1.2,
    efficiency: 0.65,
    pointing_error_deg: 0.15,
  },
  interference: {
    uplink_adjacent_satellite_ci_db: 30,
    uplink_cross_pol_ci_db: 30,
    downlink_adjacent_satellite_ci_db: 22,
    downlink_cross_pol_ci_db: 25,
    intermod_ci_db: 21,
  },
  availabilityLevelsPct: [99, 99.5, 99.7, 99.9, 99.95, 99.99],
} as const;
