//! `silkway serve`: the HTTP API over SQLite (default) or PostgreSQL.

use std::path::PathBuf;

use anyhow::Context as _;
use silkway_model::scenario::ScenarioFormat;
use silkway_model::{Scenario, builtin};
use silkway_server::{AppState, ScenarioCache, silkway_app};
use silkway_store::{NewUser, Role, Store};

/// Arguments of `silkway serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: String,
    /// Database: `sqlite://FILE` (created if missing) or `postgres://user:pass@host/db`.
    #[arg(long, env = "SILKWAY_DATABASE", default_value = "sqlite://silkway.db")]
    database: String,
    /// Scenario loaded into an empty database: a built-in name or a file.
    /// Ignored once the database holds data (users' changes are kept).
    #[arg(long, default_value = "caspian")]
    scenario: String,
    /// Organization of the first admin created on a database without
    /// users (default: the first administration of the scenario).
    #[arg(long)]
    admin_org: Option<String>,
    /// Public base URL of the server as clients reach it (links in the
    /// STAC API start with it); default `http://<bind>`.
    #[arg(long)]
    public_url: Option<String>,
}

/// Read a built-in scenario or a scenario file.
pub fn load_scenario(spec: &str) -> anyhow::Result<Scenario> {
    if builtin::names().contains(&spec) {
        return Ok(builtin::load(spec)?);
    }
    let path = PathBuf::from(spec);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "--scenario {spec:?}: neither a built-in ({}) nor a readable file",
            builtin::names().join(", ")
        )
    })?;
    Ok(Scenario::parse(
        &text,
        ScenarioFormat::from_file_name(spec),
        spec,
    )?)
}

/// Run `silkway serve`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(serve(args))
}

async fn serve(args: Args) -> anyhow::Result<()> {
    let store = Store::open(&args.database)
        .await
        .with_context(|| format!("cannot open the database {}", args.database))?;
    if store.is_empty().await? {
        let scenario = load_scenario(&args.scenario)?;
        store.load_scenario(&scenario).await?;
        eprintln!("loaded scenario {:?} into {}", scenario.name, args.database);
    }
    if store.user_count().await? == 0 {
        bootstrap_admin(&store, args.admin_org.as_deref()).await?;
    }
    let cache = ScenarioCache::new(store.clone()).await?;
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.bind));
    let app = silkway_app(
        AppState {
            store: store.clone(),
        },
        cache,
        &public_url,
    )
    .await
    .context("cannot prepare the STAC catalog tables")?;
    let listener = tokio::net::TcpListener::bind(&args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    eprintln!(
        "silkway serving on http://{} (docs: http://{}/api/docs); Ctrl-C stops",
        args.bind, args.bind
    );
    silkway_server::shutdown::serve(listener, app).await?;
    store.close().await;
    eprintln!("stopped");
    Ok(())
}

/// First start: create an admin and print its token once.
async fn bootstrap_admin(store: &Store, org: Option<&str>) -> anyhow::Result<()> {
    let scenario = store.scenario().await?;
    let org = match org {
        Some(o) => o.to_owned(),
        None => scenario
            .organizations
            .iter()
            .find(|o| o.kind == silkway_model::OrganizationKind::Administration)
            .or(scenario.organizations.first())
            .map(|o| o.id.clone())
            .context("the database has no organization to create the first admin in")?,
    };
    let user = store
        .create_user(
            None,
            NewUser {
                org_id: org.clone(),
                email: format!("admin@{org}"),
                name: format!("{org} administrator"),
                role: Role::Admin,
                password: None,
            },
        )
        .await?;
    let (_, token) = store.issue_token(None, &user.id, "bootstrap").await?;
    eprintln!(
        "\nFirst start: created user {} ({}, admin of {org}). Its API token, shown only now:\n\n    {token}\n\n\
         Send it as `Authorization: Bearer <token>`. More: `silkway admin create-token --org ORG --role ROLE`.\n",
        user.email, user.id
    );
    Ok(())
}
