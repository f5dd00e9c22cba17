//! A standalone server for developing and testing the web UI without the
//! full `silkway serve`: the embedded UI plus the few API paths the UI
//! already calls, computed from the crates (not static copies).
//!
//! ```sh
//! bash scripts/web-build.sh
//! cargo run -p silkway-webui --example ui-serve -- --bind 127.0.0.1:8787 \
//!     --token viewer=view-token --token engineer=eng-token
//! ```
//!
//! Serves:
//! * the UI at `/` (`silkway_webui::router`);
//! * the built-in scenario's GeoJSON at `api_paths::SCENARIO_GEOJSON`;
//! * the Azerbaijan–Iran border at `api_paths::BORDER_AZ_IR_GEOJSON`;
//! * `api_paths::WHOAMI` for the tokens given with `--token ROLE=TOKEN`
//!   (a test fixture of the real server's token auth; nothing is stored).
//!
//! Prints `ui-serve listening on http://ADDR` on stdout once bound (with
//! `--bind 127.0.0.1:0` the OS picks the port); stops on Ctrl-C or SIGTERM.

mod api;
mod tokens;

use anyhow::Context;
use clap::Parser;
use std::io::Write;

/// Serve the embedded silkway web UI with the scenario and border GeoJSON.
#[derive(Debug, Parser)]
#[command(name = "ui-serve")]
struct Args {
    /// Address to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:8787")]
    bind: std::net::SocketAddr,
    /// Built-in scenario to serve.
    #[arg(long, default_value = "caspian")]
    scenario: String,
    /// Accept bearer TOKEN with ROLE (viewer, engineer, admin) at the whoami path; repeatable.
    #[arg(long = "token", value_name = "ROLE=TOKEN", value_parser = tokens::parse_token_arg)]
    tokens: Vec<tokens::TokenArg>,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let state = api::State::new(&args.scenario, args.tokens)?;
    let app = api::router(state).merge(silkway_webui::router());
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("binding {}", args.bind))?;
    let addr = listener.local_addr()?;
    println!("ui-serve listening on http://{addr}");
    std::io::stdout().flush()?;
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
