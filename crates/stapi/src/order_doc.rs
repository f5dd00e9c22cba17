//! Orders as stored (a [`silkway_store::Kind::TaskingOrders`] document)
//! and as served (stapi-spec v0.1.0 "Order Object" and "Order Status").

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use silkway_eo::tasking::Acquisition;

use crate::links::{GEOJSON, JSON, link};
use crate::{STAPI_VERSION, StapiState};

/// Order status codes (stapi-spec v0.1.0: the core codes, the optional
/// `scheduled`, and the extension code `user_cancelled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusCode {
    /// Received and well-formed.
    Received,
    /// Accepted: the planner found an acquisition.
    Accepted,
    /// Will not be fulfilled (the reason says why).
    Rejected,
    /// Acquired.
    Completed,
    /// The provider could not acquire it.
    Cancelled,
    /// Could not be processed.
    Failed,
    /// The window passed without an acquisition.
    Expired,
    /// In the acquisition plan.
    Scheduled,
    /// Cancelled by the customer.
    UserCancelled,
}

impl StatusCode {
    /// The code as text (`scheduled`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::Failed => "failed",
            Self::Expired => "expired",
            Self::Scheduled => "scheduled",
            Self::UserCancelled => "user_cancelled",
        }
    }

    /// Whether the order still holds acquisitions in the plan.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Accepted | Self::Scheduled)
    }
}

/// One entry of an order's status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderStatus {
    /// When it was set (RFC 3339, UTC).
    pub timestamp: String,
    /// The code.
    pub status_code: StatusCode,
    /// Machine-readable reason, if any (`no_opportunity`, `conflict`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_text: Option<String>,
    /// Related documents.
    #[serde(default)]
    pub links: Vec<Value>,
}

/// The stored document of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct OrderDoc {
    pub id: String,
    pub product_id: String,
    /// Who ordered it (user id).
    pub user: String,
    /// The ordering organization.
    pub organization: String,
    pub created: String,
    /// Current status code (the store indexes `status`).
    pub status: StatusCode,
    /// The request as given: `datetime`, `geometry`, `filter`, `order_parameters`.
    pub request: Value,
    /// History, oldest first.
    pub statuses: Vec<OrderStatus>,
    /// Share of the area the plan covers for this order.
    #[serde(default)]
    pub coverage_fraction: f64,
    /// Planned acquisitions.
    #[serde(default)]
    pub acquisitions: Vec<Acquisition>,
}

impl OrderDoc {
    /// Append a status and make it current.
    pub(crate) fn set_status(
        &mut self,
        code: StatusCode,
        reason: Option<(&str, String)>,
        now: &str,
    ) {
        self.status = code;
        self.statuses.push(OrderStatus {
            timestamp: now.to_owned(),
            status_code: code,
            reason_code: reason.as_ref().map(|r| r.0.to_owned()),
            reason_text: reason.map(|r| r.1),
            links: Vec::new(),
        });
    }

    /// Item id in the catalog's `planned` collection of acquisition `k`.
    pub(crate) fn item_id(&self, k: usize) -> String {
        format!("{}-{}", self.id, k + 1)
    }

    /// The STAPI Order object.
    pub(crate) fn to_stapi(&self, state: &StapiState) -> Value {
        let base = format!("/orders/{}", self.id);
        let mut links = vec![
            link("self", state.url(&base), JSON),
            link("monitor", state.url(&format!("{base}/statuses")), JSON),
            link(
                "product",
                state.url(&format!("/products/{}", self.product_id)),
                JSON,
            ),
        ];
        for k in 0..self.acquisitions.len() {
            let stac = state.url("").trim_end_matches("/stapi").to_owned();
            links.push(json!({
                "rel": "planned-acquisition",
                "href": format!("{stac}/stac/collections/planned/items/{}", self.item_id(k)),
                "type": GEOJSON,
            }));
        }
        json!({
            "type": "Feature",
            "stapi_type": "Order",
            "stapi_version": STAPI_VERSION,
            "id": self.id,
            "user": self.user,
            "created": self.created,
            "product_id": self.product_id,
            "status": self.statuses.last(),
            "request": self.request,
            "geometry": self.request.get("geometry"),
            "properties": {
                "silkway:organization": self.organization,
                "silkway:coverage_fraction": self.coverage_fraction,
                "silkway:acquisitions": self.acquisitions.iter().map(|a| json!({
                    "satellite": a.satellite,
                    "start": a.start.to_rfc3339_ms(),
                    "end": a.end.to_rfc3339_ms(),
                    "roll_deg": a.roll_deg,
                    "pitch_deg": a.pitch_deg,
                    "incidence_deg": a.incidence_deg,
                    "sun_elevation_deg": a.sun_elevation_deg,
                    "stereo": a.stereo,
                })).collect::<Vec<_>>(),
            },
            "links": links,
        })
    }
}
