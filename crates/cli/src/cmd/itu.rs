//! `silkway itu ...`: ITU-R P-series propagation models.

/// Arguments of `silkway itu`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `silkway itu`.
pub fn run(_ctx: &super::Context, _args: Args) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
