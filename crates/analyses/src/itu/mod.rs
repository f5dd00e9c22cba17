//! ITU-R propagation models point by point, as `silkway itu` offers them:
//! the map-based climatology (P.453, P.836, P.837, P.839, P.840, P.1510,
//! P.1511), specific attenuations (P.676 gas, P.838 rain), the P.618
//! inverse (how often an attenuation is exceeded) and P.452 interference
//! path loss. `POST /itu/p618` (forward) lives with the link analyses.
//!
//! The map-based models answer 503 when the ITU-R digital maps are not
//! installed (`silkway data install itu-maps`).

mod climate;
mod gas_rain;
mod p452;
mod p618_inverse;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AnalysesState;

pub use climate::{SitePctRequest, SiteRequest};
pub use gas_rain::{P676Request, P838Request};
pub use p452::{P452Request, P452Result, p452_report};
pub use p618_inverse::P618ExceedanceRequest;

/// The ITU-R routes.
pub fn routes() -> OpenApiRouter<AnalysesState> {
    OpenApiRouter::new()
        .routes(routes!(climate::p453_handler))
        .routes(routes!(climate::p836_handler))
        .routes(routes!(climate::p837_handler))
        .routes(routes!(climate::p839_handler))
        .routes(routes!(climate::p840_handler))
        .routes(routes!(climate::p1510_handler))
        .routes(routes!(climate::p1511_handler))
        .routes(routes!(gas_rain::p676_handler))
        .routes(routes!(gas_rain::p838_handler))
        .routes(routes!(p618_inverse::p618_exceedance_handler))
        .routes(routes!(p452::p452_handler))
}
