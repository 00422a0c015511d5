//! The `skillgap` binary. Everything it does is in the library's private `commands`
//! module, which also decides the exit code: 0 success, 1 a condition
//! (`--min-score`, `--require`) not met, 2 bad usage or unreadable input.

use std::process::ExitCode;

/// Many small allocations per file on every thread (rows, names, mentions), freed
/// on another thread: mimalloc's per-thread heaps cost less than glibc's locked arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    skillgap::cli_main()
}
