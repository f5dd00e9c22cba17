//! Imaging geometry: the satellite's pointing frame, roll and pitch of a
//! ground point, line-of-sight intersection with the WGS-84 ellipsoid,
//! incidence, swath angles, and a local plane for areas of interest.

pub mod ellipsoid;
pub mod local;
pub mod pointing;
pub mod vec3;
