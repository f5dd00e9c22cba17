//! Serves the catalog standalone at `/stac`, seeded with the default
//! collections, deterministic SPOT-like archive scenes and a few planned
//! acquisitions. Used by `scripts/stac-validate.sh` and `bench/catalog/`.
//!
//! ```sh
//! cargo run -p silkway-catalog --example stac-serve -- \
//!     --bind 127.0.0.1:18931 --database sqlite:///tmp/stac.db --items 300
//! ```

use std::net::SocketAddr;

use anyhow::Context;
use clap::Parser;
use serde_json::json;
use silkway_catalog::{
    CatalogState, PlannedAcquisition, document::item_record, mounted_router, sample::archive_items,
    seed::ARCHIVE_COLLECTION, seed_default_collections, storage::Storage,
    upsert_planned_acquisitions,
};
use sqlx::any::AnyPoolOptions;

#[derive(Parser)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:18931")]
    bind: SocketAddr,
    /// Database URL: sqlite://PATH (created if missing) or postgres://...
    #[arg(long, default_value = "sqlite://stac-example.db")]
    database: String,
    /// Archive scenes to generate when the archive collection is empty.
    #[arg(long, default_value_t = 300)]
    items: usize,
    /// Public base URL of the catalog (default http://BIND/stac).
    #[arg(long)]
    public_url: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    sqlx::any::install_default_drivers();
    let url = if args.database.starts_with("sqlite:") && !args.database.contains('?') {
        format!("{}?mode=rwc", args.database)
    } else {
        args.database.clone()
    };
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .connect(&url)
        .await
        .with_context(|| format!("opening database {}", args.database))?;
    seed_default_collections(&pool).await?;
    let storage = Storage::new(pool.clone()).await?;
    if storage.count_items(ARCHIVE_COLLECTION).await? == 0 {
        let records = archive_items(args.items, 2026)
            .into_iter()
            .map(|item| item_record(item, ARCHIVE_COLLECTION, None))
            .collect::<Result<Vec<_>, _>>()?;
        for chunk in records.chunks(500) {
            storage.upsert_items(chunk).await?;
        }
        let hour_us = 3_600_000_000i64;
        // 2026-12-01T07:10:00Z onwards, one strip a day over Baku and Aktau.
        let first_us = 1_796_109_000_000_000i64;
        let plans: Vec<PlannedAcquisition> = (0..6)
            .map(|day| {
                let (lon, lat) = if day % 2 == 0 {
                    (49.87, 40.41)
                } else {
                    (51.20, 43.65)
                };
                let start_us = first_us + day * 24 * hour_us;
                PlannedAcquisition {
                    id: format!("plan-20261201-{day:02}"),
                    satellite: if day % 2 == 0 { "spot-6" } else { "spot-7" }.into(),
                    footprint: json!({"type": "Polygon", "coordinates": [[
                        [lon - 0.35, lat - 0.27], [lon + 0.35, lat - 0.27],
                        [lon + 0.35, lat + 0.27], [lon - 0.35, lat + 0.27], [lon - 0.35, lat - 0.27]
                    ]]}),
                    start_us,
                    end_us: start_us + 12_000_000,
                    properties: serde_json::Map::from_iter([
                        ("view:off_nadir".to_string(), json!(12.0 + day as f64)),
                        (
                            "silkway:request_id".to_string(),
                            json!(format!("req-{}", 100 + day)),
                        ),
                    ]),
                }
            })
            .collect();
        upsert_planned_acquisitions(&pool, &plans).await?;
    }
    let public = args
        .public_url
        .unwrap_or_else(|| format!("http://{}/stac", args.bind));
    let state = CatalogState::new(pool, &public).await?;
    let app = mounted_router(state, "/stac");
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("binding {}", args.bind))?;
    eprintln!("STAC API at {public}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
