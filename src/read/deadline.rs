//! A time limit for work that may not return (a PDF that makes the parser loop).
//!
//! A thread cannot be killed, so the work runs on its own thread (with a large stack,
//! since malformed PDFs recurse deeply) and the caller stops waiting at the deadline.
//! Single-file commands then exit, which ends the thread; `rank` runs files in worker
//! processes instead, which it can kill (see `isolated`).

use std::sync::mpsc;
use std::time::Duration;

/// Stack for extraction threads: deep page trees and nested objects recurse.
pub const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs `work` on a new thread and waits at most `secs` seconds for it.
/// Returns `None` on timeout (or if the thread died without unwinding).
pub fn run_with_deadline<T, F>(secs: f64, work: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("skillgap-extract".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let _ = tx.send(work());
        });
    if spawned.is_err() {
        return None;
    }
    rx.recv_timeout(Duration::from_secs_f64(secs.max(0.001)))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_the_result_in_time_and_gives_up_after() {
        assert_eq!(run_with_deadline(5.0, || 2 + 2), Some(4));
        let slow = run_with_deadline(0.05, || {
            std::thread::sleep(Duration::from_secs(2));
            1
        });
        assert_eq!(slow, None);
    }
}
