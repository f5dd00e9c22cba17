//! What every handler gets.

use silkway_store::Store;

/// Shared state of the API.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
}
