//! The JSON API's routes, one module per area.

pub mod accounts;
pub mod audit;
pub mod coordination;
pub mod documents;
pub mod elements;
pub mod map_layers;
pub mod resources;
pub mod scenario;
