//! `silkway scenario ...` (filled in by the Foundation work).

/// Arguments of `silkway scenario`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `silkway scenario`.
pub fn run(_ctx: &super::Context, _args: Args) -> anyhow::Result<()> {
    anyhow::bail!("scenario commands are not built yet")
}
