//! Batch screening (`rank`).

use crate::app::{Context, Outcome};
use crate::cli::{RankArgs, WorkerArgs};
use crate::error::{Error, Result};

pub fn rank_command(_ctx: &Context, _args: RankArgs) -> Result<Outcome> {
    Err(Error::Usage(
        "`skillgap rank` is not built yet (issue 6)".into(),
    ))
}

pub fn worker_command(_ctx: &Context, _args: WorkerArgs) -> Result<Outcome> {
    Err(Error::Usage("not built yet".into()))
}
