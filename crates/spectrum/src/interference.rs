//! interference (in progress).
