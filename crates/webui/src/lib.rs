//! silkway's web UI, embedded.
//!
//! The single-page app in `web/` is built by Vite into `web/dist/` and
//! compiled into the binary (rust-embed); [`router`] serves it at `/` with
//! content types, caching headers for Vite's content-hashed assets, ETags,
//! and an `index.html` fallback for client-side routes — never for the
//! API prefixes in [`RESERVED_PREFIXES`].
//!
//! Building this crate without `web/dist/index.html` fails with a message
//! saying how to build the web UI (`bash scripts/web-build.sh`).
//!
//! # Examples
//! ```
//! // Mount after the API routes: the UI router answers everything else.
//! let app: axum::Router = axum::Router::new()
//!     .route("/api/health", axum::routing::get(|| async { "ok" }))
//!     .merge(silkway_webui::router());
//! # let _ = app;
//! ```

#![deny(missing_docs)]

pub mod api_paths;
mod assets;
mod content_type;
mod serve;

pub use assets::{asset_names, has_asset};
pub use serve::{RESERVED_PREFIXES, router};
