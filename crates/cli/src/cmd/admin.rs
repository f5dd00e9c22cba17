//! `silkway admin create-token`: create a user and print a token for it,
//! directly against the database (the bootstrap path; no server needed).

use anyhow::Context as _;
use clap::Subcommand;
use silkway_store::{NewUser, Role, Store};

/// Arguments of `silkway admin`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    verb: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Create a user of an organization with a role and print a new API token.
    CreateToken {
        /// Database URL (as for `silkway serve`).
        #[arg(long, env = "SILKWAY_DATABASE", default_value = "sqlite://silkway.db")]
        database: String,
        /// Organization id (must exist in the database).
        #[arg(long)]
        org: String,
        /// Role: viewer, engineer or admin.
        #[arg(long, value_parser = ["viewer", "engineer", "admin"])]
        role: String,
        /// Login name of the user (default `<role>@<org>`; reused when it exists).
        #[arg(long)]
        email: Option<String>,
        /// Name of the token.
        #[arg(long, default_value = "cli")]
        name: String,
        /// Scenario loaded first when the database is empty, as `silkway
        /// serve --scenario` would (a built-in name or a file), so that
        /// tokens can be made before the first start.
        #[arg(long, default_value = "caspian")]
        scenario: String,
    },
}

/// Run `silkway admin`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        match args.verb {
            Verb::CreateToken {
                database,
                org,
                role,
                email,
                name,
                scenario,
            } => {
                let role =
                    Role::from_name(&role).context("--role: expected viewer, engineer or admin")?;
                let store = Store::open(&database)
                    .await
                    .with_context(|| format!("cannot open the database {database}"))?;
                if store.is_empty().await? {
                    let scenario = super::serve::load_scenario(&scenario)?;
                    store.load_scenario(&scenario).await?;
                    eprintln!("loaded scenario {:?} into {database}", scenario.name);
                }
                let email = email.unwrap_or_else(|| format!("{role}@{org}"));
                let user = store
                    .create_user(
                        None,
                        NewUser {
                            org_id: org.clone(),
                            email: email.clone(),
                            name: format!("{role} of {org}"),
                            role,
                            password: None,
                        },
                    )
                    .await
                    .with_context(|| format!("cannot create user {email}"))?;
                let (info, token) = store.issue_token(None, &user.id, &name).await?;
                eprintln!(
                    "user {} ({}, {role} of {org}), token {}",
                    user.email, user.id, info.id
                );
                println!("{token}");
                store.close().await;
                Ok(())
            }
        }
    })
}
