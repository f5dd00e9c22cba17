//! The store's conformance suite: every case runs against SQLite (a fresh
//! temporary file) and, when `SILKWAY_TEST_POSTGRES_URL` is set, against
//! PostgreSQL (a fresh database created on that server for each case).
//! `scripts/test.sh` starts a throwaway PostgreSQL and sets the variable.

mod harness;

mod accounts;
mod audit;
mod coordination;
mod documents;
mod elements;
mod jobs;
mod scenario;
