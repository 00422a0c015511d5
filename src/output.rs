//! Where output goes: standard output, or a file written atomically (a temporary file
//! in the same folder, renamed into place) that is never one of the inputs.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A destination for a command's output.
pub enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        /// Buffered: `rank` writes a line per file.
        temp: io::BufWriter<tempfile::NamedTempFile>,
    },
    /// Something that is not a regular file (`/dev/null`, a FIFO, a terminal): written
    /// in place. Renaming a temporary file over it would replace the device itself.
    Device(io::BufWriter<std::fs::File>),
}

impl Sink {
    /// Opens `--output FILE` (or stdout), refusing a path that is one of `inputs`.
    pub fn open(output: Option<&Path>, inputs: &[PathBuf]) -> Result<Sink> {
        let Some(path) = output else {
            return Ok(Sink::Stdout(io::BufWriter::new(io::stdout())));
        };
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(Error::IsDirectory(name));
        }
        if let Ok(target) = path.canonicalize() {
            if inputs
                .iter()
                .any(|i| i.canonicalize().is_ok_and(|i| i == target))
            {
                return Err(Error::Usage(format!(
                    "{name}: is one of the inputs; skillgap never overwrites its inputs, choose another --output"
                )));
            }
        }
        if std::fs::metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
            let device = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Error::from_io(&name, e))?;
            return Ok(Sink::Device(io::BufWriter::new(device)));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".skillgap-")
            .tempfile_in(&dir)
            .map_err(|e| Error::from_write(&dir.display().to_string(), e))?;
        Ok(Sink::File {
            path: path.to_path_buf(),
            temp: io::BufWriter::new(temp),
        })
    }

    /// How messages name this destination: the `--output` path, or `<stdout>`.
    pub fn name(&self) -> String {
        match self {
            Sink::Stdout(_) => "<stdout>".to_string(),
            Sink::File { path, .. } => path.display().to_string(),
            Sink::Device(_) => "<output>".to_string(),
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(|e| Error::from_write("<stdout>", e)),
            Sink::Device(mut out) => out.flush().map_err(|e| Error::from_write("<output>", e)),
            Sink::File { path, temp } => {
                let name = path.display().to_string();
                let temp = temp
                    .into_inner()
                    .map_err(|e| Error::from_write(&name, e.into_error()))?;
                // The temporary file is private (0600); the report is not: it gets the
                // mode of the file it replaces, or what a new file gets under the umask.
                set_mode_for(temp.as_file(), &path).map_err(|e| Error::from_write(&name, e))?;
                temp.persist(&path)
                    .map_err(|e| Error::from_write(&name, e.error))?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File { temp, .. } => temp.write(buf),
            Sink::Device(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File { temp, .. } => temp.flush(),
            Sink::Device(out) => out.flush(),
        }
    }
}

/// Gives `file` (about to replace `target`) the permissions `target` has, or, when
/// there is no `target` yet, the ones a new file gets: 0666 less the umask.
#[cfg(unix)]
fn set_mode_for(file: &std::fs::File, target: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match std::fs::metadata(target) {
        Ok(existing) => existing.permissions().mode() & 0o7777,
        Err(_) => 0o666 & !umask(),
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode_for(_file: &std::fs::File, _target: &Path) -> io::Result<()> {
    Ok(())
}

/// The process's umask. POSIX can only read it by setting it, so it is set and put
/// back at once (the output is written once, at the end of a run).
#[cfg(unix)]
fn umask() -> u32 {
    // SAFETY: umask has no failure mode and touches only this process's mask.
    let mask = unsafe { libc::umask(0o022) };
    // SAFETY: as above; this restores the mask read.
    unsafe { libc::umask(mask) };
    // mode_t is u32 on Linux but u16 on macOS: the conversion is needed there.
    #[allow(clippy::useless_conversion)]
    u32::from(mask)
}
