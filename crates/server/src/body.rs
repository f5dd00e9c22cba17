//! JSON request bodies whose errors name the field (`position.lat_deg:
//! invalid type: string "x", expected f64`) as problem+json.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::problem::Problem;

/// A JSON body parsed into `T`; a syntax or type error is a 400 problem
/// naming the offending field.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| Problem::bad_field("", format!("cannot read the body: {e}")))?;
        parse(&bytes).map(JsonBody)
    }
}

/// Parse JSON, naming the field at fault.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        Problem::bad_field(&field, e.inner().to_string())
    })
}
