//! `--token ROLE=TOKEN` arguments: the bearer tokens the dev server accepts.

/// One accepted token and its role.
#[derive(Debug, Clone)]
pub struct TokenArg {
    pub role: &'static str,
    pub token: String,
}

const ROLES: &[&str] = &["viewer", "engineer", "admin"];

/// Parse `ROLE=TOKEN`; the role must be one of silkway's roles.
pub fn parse_token_arg(s: &str) -> Result<TokenArg, String> {
    let (role, token) = s
        .split_once('=')
        .ok_or_else(|| format!("expected ROLE=TOKEN, found {s:?}"))?;
    let role = ROLES.iter().find(|r| **r == role).ok_or_else(|| {
        format!(
            "unknown role {role:?}: expected one of {}",
            ROLES.join(", ")
        )
    })?;
    if token.is_empty() {
        return Err(format!("empty token in {s:?}"));
    }
    Ok(TokenArg {
        role,
        token: token.to_owned(),
    })
}
