//! The OpenAPI document: generated from the handlers' `#[utoipa::path]`
//! annotations and the schema types; nothing is fetched at build time.

use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

/// Document-level information and the bearer security scheme.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "silkway",
        description = "JSON API of silkway: the Caspian region's satellites, stations, transit \
                       network, frequency register and coordination workflow. Errors are RFC 9457 \
                       problem details; lists are paged with `limit` and `cursor` (follow `next`); \
                       every request that changes data needs `Authorization: Bearer <token>`.",
        license(name = "MIT OR Apache-2.0")
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "organizations", description = "Operators, carriers, administrations, partners"),
        (name = "satellites", description = "Satellites and their element-set histories"),
        (name = "coordination", description = "Coordination requests between two administrations"),
        (name = "accounts", description = "Users, tokens, login"),
        (name = "audit", description = "Who changed what, when"),
        (name = "scenario", description = "The scenario built from the store")
    )
)]
pub struct ApiDoc;

/// Adds the `bearer` HTTP security scheme (the API tokens).
pub struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token (`swt_...`) from `silkway admin create-token`, `POST /api/login` or `POST /api/users/{id}/tokens`."))
                    .build(),
            ),
        );
    }
}
