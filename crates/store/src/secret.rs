//! Secrets: API tokens (256 random bits, stored as SHA-256) and passwords
//! (stored as Argon2id PHC strings).
//!
//! A token carries 256 bits of entropy, so a single fast SHA-256 is enough
//! to make a leaked table useless (no dictionary to try), the practice of
//! GitHub and PyPI tokens; passwords are low-entropy and get Argon2id
//! (RFC 9106) with a random salt and the `argon2` crate's default costs.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};

/// Prefix of every token, so a leaked one is recognisable by scanners.
pub const TOKEN_PREFIX: &str = "swt_";

/// `n` random bytes from the operating system, as lowercase hex.
pub fn random_hex(n: usize) -> Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Hash(e.to_string()))?;
    Ok(hex(&bytes))
}

/// A new API token: `swt_` followed by 64 hex digits (256 bits).
pub fn new_token() -> Result<String> {
    Ok(format!("{TOKEN_PREFIX}{}", random_hex(32)?))
}

/// SHA-256 of a token, lowercase hex: what the `tokens` table keeps.
pub fn token_sha256(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Argon2id PHC string of a password.
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Hash(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Hash(e.to_string()))
}

/// True when `password` matches the stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_has_256_bits_and_a_stable_hash() {
        let t = new_token().unwrap();
        assert_eq!(t.len(), TOKEN_PREFIX.len() + 64);
        assert_ne!(t, new_token().unwrap());
        // FIPS 180-2 example: SHA-256("abc").
        assert_eq!(
            token_sha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn password_round_trip() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("wrong", &h));
        assert!(!verify_password("x", "not a phc string"));
    }
}
