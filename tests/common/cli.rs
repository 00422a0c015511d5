//! Helpers for running the `skillgap` binary and reading what it prints, shared by
//! the `cli_*` tests so each one does not carry its own copy.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The `skillgap` binary built by Cargo for these tests.
pub fn skillgap() -> Command {
    Command::cargo_bin("skillgap").unwrap()
}

/// The repository's `examples/` folder (sample resumes and postings), found from the
/// manifest so tests work from any current directory.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Writes `bytes` to `dir/name`, creating parent folders so a name may hold
/// subfolders (`nested/cv.pdf`), and returns the path for passing to the binary.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Stdout of a finished run parsed as JSON, after asserting that the run succeeded:
/// a failed run shows its exit code and stderr instead of a JSON parse error.
pub fn json_of(out: Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `skillgap scan -f json file`, which must succeed, as JSON.
pub fn scan_json(file: &Path) -> serde_json::Value {
    json_of(
        skillgap()
            .args(["scan", "-f", "json"])
            .arg(file)
            .output()
            .unwrap(),
    )
}

/// `skillgap match -f json resume --job job`, which must succeed, as JSON.
pub fn match_json(resume: &Path, job: &Path) -> serde_json::Value {
    json_of(
        skillgap()
            .args(["match", "-f", "json"])
            .arg(resume)
            .arg("--job")
            .arg(job)
            .output()
            .unwrap(),
    )
}

/// The `name` of each entry of `json["skills"]`, in order: the skills `scan` found,
/// or the skills a lexicon file defines (both use that shape).
pub fn skill_names(json: &serde_json::Value) -> Vec<String> {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

/// `skill_names` as a set, for comparing what was found regardless of order.
pub fn skill_set(json: &serde_json::Value) -> BTreeSet<String> {
    skill_names(json).into_iter().collect()
}
