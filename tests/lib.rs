//! test support (stub)
