//! Fixture builders and CLI helpers shared by the integration tests (`mod common;`).
// Each test binary compiles this module but uses only some of the builders.
#![allow(dead_code)]

pub mod browser;
pub mod cli;
pub mod docx;
pub mod pdf;
