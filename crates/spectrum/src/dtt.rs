//! dtt (in progress).
