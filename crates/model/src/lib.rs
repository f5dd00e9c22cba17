//! silkway's domain vocabulary (work in progress in this commit).
