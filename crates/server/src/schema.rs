//! OpenAPI schemas of silkway-model's types, converted from their JSON
//! Schema (schemars, draft 2020-12, subschemas inlined), and of the record
//! and page envelopes around them.

use std::borrow::Cow;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, Schema, Type};
use utoipa::openapi::{Ref, RefOr};

/// The JSON Schema of `T` as an OpenAPI schema.
///
/// # Errors
/// The conversion's message when the generated schema has a shape the
/// OpenAPI model cannot hold (a test checks every model type converts).
pub fn try_model_schema<T: JsonSchema>() -> Result<RefOr<Schema>, String> {
    let generator = SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let root = generator.into_root_schema_for::<T>();
    let mut value = serde_json::to_value(root).map_err(|e| e.to_string())?;
    if let Some(map) = value.as_object_mut() {
        map.remove("$schema");
        map.remove("$defs");
    }
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// [`try_model_schema`], or an object schema saying why not.
pub fn model_schema<T: JsonSchema>() -> RefOr<Schema> {
    try_model_schema::<T>().unwrap_or_else(|e| {
        ObjectBuilder::new()
            .description(Some(format!("schema unavailable: {e}")))
            .build()
            .into()
    })
}

fn text(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .build()
}

/// A stored document with its bookkeeping (`silkway_store::Record`).
pub fn record_schema(body: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .property("kind", text("Document kind (`satellites`)."))
        .property("id", text("Document id."))
        .property("owner_org", text("Owning organization."))
        .property("status", text("Indexed status (tasking documents)."))
        .property(
            "revision",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .description(Some("Incremented on every replacement, from 1.")),
        )
        .property("created_at", text("RFC 3339 UTC."))
        .property("updated_at", text("RFC 3339 UTC."))
        .property("body", Ref::from_schema_name(body))
        .required("kind")
        .required("id")
        .required("revision")
        .required("created_at")
        .required("updated_at")
        .required("body")
        .build()
        .into()
}

/// A page of items of schema `item`.
pub fn page_schema(item: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .property(
            "items",
            ArrayBuilder::new().items(Ref::from_schema_name(item)),
        )
        .property(
            "next",
            text("Link to the next page; absent on the last page."),
        )
        .required("items")
        .build()
        .into()
}

/// A free-form JSON object schema.
pub fn any_object(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description))
        .build()
        .into()
}

/// Declares marker types `$doc`, `$record`, `$page` whose OpenAPI schemas
/// are a document, its record envelope and a page of records.
macro_rules! document_schemas {
    ($doc:ident, $record:ident, $page:ident, $schema:expr) => {
        #[doc = concat!("OpenAPI schema `", stringify!($doc), "`.")]
        pub struct $doc;
        impl utoipa::PartialSchema for $doc {
            fn schema() -> RefOr<Schema> {
                $schema
            }
        }
        impl utoipa::ToSchema for $doc {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($doc))
            }
        }
        #[doc = concat!("OpenAPI schema `", stringify!($record), "`.")]
        pub struct $record;
        impl utoipa::PartialSchema for $record {
            fn schema() -> RefOr<Schema> {
                record_schema(stringify!($doc))
            }
        }
        impl utoipa::ToSchema for $record {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($record))
            }
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                schemas.push((
                    stringify!($doc).into(),
                    <$doc as utoipa::PartialSchema>::schema(),
                ));
            }
        }
        #[doc = concat!("OpenAPI schema `", stringify!($page), "`.")]
        pub struct $page;
        impl utoipa::PartialSchema for $page {
            fn schema() -> RefOr<Schema> {
                page_schema(stringify!($record))
            }
        }
        impl utoipa::ToSchema for $page {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($page))
            }
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                schemas.push((
                    stringify!($doc).into(),
                    <$doc as utoipa::PartialSchema>::schema(),
                ));
                schemas.push((
                    stringify!($record).into(),
                    <$record as utoipa::PartialSchema>::schema(),
                ));
            }
        }
    };
}

use silkway_model as m;

document_schemas!(
    Organization,
    OrganizationRecord,
    OrganizationPage,
    model_schema::<m::Organization>()
);
document_schemas!(
    Sensor,
    SensorRecord,
    SensorPage,
    model_schema::<m::Sensor>()
);
document_schemas!(
    Satellite,
    SatelliteRecord,
    SatellitePage,
    model_schema::<m::Satellite>()
);
document_schemas!(
    Station,
    StationRecord,
    StationPage,
    model_schema::<m::Station>()
);
document_schemas!(Node, NodeRecord, NodePage, model_schema::<m::Node>());
document_schemas!(Link, LinkRecord, LinkPage, model_schema::<m::Link>());
document_schemas!(
    Assignment,
    AssignmentRecord,
    AssignmentPage,
    model_schema::<m::Assignment>()
);
document_schemas!(
    Demand,
    DemandRecord,
    DemandPage,
    model_schema::<m::Demand>()
);
document_schemas!(Beam, BeamRecord, BeamPage, model_schema::<m::Beam>());
document_schemas!(
    Transponder,
    TransponderRecord,
    TransponderPage,
    model_schema::<m::Transponder>()
);
document_schemas!(
    Carrier,
    CarrierRecord,
    CarrierPage,
    model_schema::<m::Carrier>()
);
document_schemas!(Lease, LeaseRecord, LeasePage, model_schema::<m::Lease>());
document_schemas!(
    LinkDefinition,
    LinkDefinitionRecord,
    LinkDefinitionPage,
    any_object(
        "A link budget definition: `id`, optional `description`, and the link file of \
         silkway-link either as JSON (`link`) or as TOML text (`toml`); stored as `link`."
    )
);
document_schemas!(
    TaskingRequest,
    TaskingRequestRecord,
    TaskingRequestPage,
    any_object(
        "An EO tasking request: a JSON object with an `id` and an optional `status` (indexed)."
    )
);
document_schemas!(
    TaskingOrder,
    TaskingOrderRecord,
    TaskingOrderPage,
    any_object("An EO order: a JSON object with an `id` and an optional `status` (indexed).")
);
document_schemas!(
    ScenarioDoc,
    ScenarioRecord,
    ScenarioPage,
    model_schema::<m::Scenario>()
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_type_converts() {
        try_model_schema::<m::Organization>().unwrap();
        try_model_schema::<m::Sensor>().unwrap();
        try_model_schema::<m::Satellite>().unwrap();
        try_model_schema::<m::Station>().unwrap();
        try_model_schema::<m::Node>().unwrap();
        try_model_schema::<m::Link>().unwrap();
        try_model_schema::<m::Assignment>().unwrap();
        try_model_schema::<m::Demand>().unwrap();
        try_model_schema::<m::Beam>().unwrap();
        try_model_schema::<m::Transponder>().unwrap();
        try_model_schema::<m::Carrier>().unwrap();
        try_model_schema::<m::Lease>().unwrap();
        try_model_schema::<m::Scenario>().unwrap();
    }
}
