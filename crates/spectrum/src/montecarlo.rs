//! montecarlo (in progress).
