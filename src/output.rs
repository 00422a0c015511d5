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
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(|e| Error::from_write("<stdout>", e)),
            Sink::File { path, temp } => {
                let name = path.display().to_string();
                let temp = temp
                    .into_inner()
                    .map_err(|e| Error::from_write(&name, e.into_error()))?;
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
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File { temp, .. } => temp.flush(),
        }
    }
}
