//! Fixture builders shared by the integration tests (`mod common;`).
// Each test binary compiles this module but uses only some of the builders.
#![allow(dead_code)]

pub mod docx;
pub mod pdf;
