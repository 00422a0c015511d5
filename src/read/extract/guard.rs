//! Containment for code that may panic (the PDF library): the panic becomes an
//! error value and its default message never reaches the user's terminal.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Runs `f`, turning a panic into `Err(message)`. While `f` runs on this thread the
/// panic hook stays silent; panics elsewhere still print as usual.
pub fn contain_panics<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL_HOOK.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default_hook(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|q| q.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let out: Result<(), String> = contain_panics(|| panic!("bad xref {}", 7));
        assert_eq!(out.unwrap_err(), "bad xref 7");
        assert_eq!(contain_panics(|| 5).unwrap(), 5);
    }
}
