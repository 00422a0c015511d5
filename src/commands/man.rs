//! `skillgap man`: one roff page that documents every command with its own flags,
//! the global flags and the exit codes. clap_mangen writes the page's head and the
//! global options; it would point at one `skillgap-COMMAND(1)` page per command,
//! which nobody installs, so the commands are written here as sections of this page.

use std::io::Write;

use clap::{Arg, Command};

/// The exit codes, as the README's table gives them.
const EXIT_CODES: &[(&str, &str)] = &[
    ("0", "Success. In `rank` and `jobs`, also when some files were not readable resumes or postings (they are error rows)."),
    ("1", "A condition was not met: `--min-score` or `--require` (`match`; `rank` and `jobs`: no file passed), or `lexicon search` found nothing."),
    ("2", "Bad usage, or an input that cannot be read: one sentence on stderr names the file and what to do. In `rank`, a path named on the command line that does not exist or cannot be read (after the other files are ranked)."),
];

/// The whole page for `cmd` (the top-level command).
pub fn page(cmd: Command) -> std::io::Result<Vec<u8>> {
    let cmd = cmd.disable_help_subcommand(true);
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    writeln!(out, ".SH \"GLOBAL OPTIONS\"")?;
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        option(&mut out, arg)?;
    }
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set()) {
        command(&mut out, &format!("skillgap {}", sub.get_name()), sub)?;
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in EXIT_CODES {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", roff(meaning))?;
    }
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// One command's section: what it does, its arguments and flags, its examples, then
/// its own subcommands (`lexicon show`...).
fn command(out: &mut Vec<u8>, path: &str, cmd: &Command) -> std::io::Result<()> {
    let subs: Vec<&Command> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .collect();
    let mut usage = path.to_string();
    for arg in cmd.get_positionals() {
        let name = arg.get_value_names().and_then(|v| v.first()).map_or_else(
            || arg.get_id().to_string().to_uppercase(),
            |n| n.to_string(),
        );
        let many = matches!(arg.get_action(), clap::ArgAction::Append);
        usage.push_str(&format!(" {name}{}", if many { "..." } else { "" }));
    }
    if !subs.is_empty() {
        usage.push_str(" COMMAND");
    }
    writeln!(out, ".SS \"{}\"", roff(&usage))?;
    if let Some(about) = cmd.get_about() {
        writeln!(out, "{}", roff(&about.to_string()))?;
    }
    for arg in cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
    {
        option(out, arg)?;
    }
    if let Some(examples) = cmd.get_after_help() {
        writeln!(out, ".PP\n.nf\n{}\n.fi", roff(&examples.to_string()))?;
    }
    for sub in subs {
        command(out, &format!("{path} {}", sub.get_name()), sub)?;
    }
    Ok(())
}

/// One flag or argument: its spellings, value, help and accepted values.
fn option(out: &mut Vec<u8>, arg: &Arg) -> std::io::Result<()> {
    let mut head = Vec::new();
    if let Some(short) = arg.get_short() {
        head.push(format!("\\fB\\-{short}\\fR"));
    }
    if let Some(long) = arg.get_long() {
        head.push(format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")));
    }
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string());
    if head.is_empty() {
        head.push(format!(
            "\\fI{}\\fR",
            value
                .clone()
                .unwrap_or_else(|| arg.get_id().to_string().to_uppercase())
        ));
    } else if arg.get_action().takes_values() {
        let v = value.unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        head.push(format!("\\fI{v}\\fR"));
    }
    // "-f, --format FORMAT": the spellings joined by a comma, then the value.
    let (names, value): (Vec<String>, Vec<String>) =
        head.into_iter().partition(|h| h.starts_with("\\fB"));
    let mut line = names.join(", ");
    if !value.is_empty() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&value.join(" "));
    }
    writeln!(out, ".TP\n{line}")?;
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        help.push_str(&format!(" [values: {}]", values.join(", ")));
    }
    if let Some(default) = arg.get_default_values().first() {
        help.push_str(&format!(" [default: {}]", default.to_string_lossy()));
    }
    writeln!(out, "{}", roff(&help))
}

/// Text made safe for roff: backslashes doubled, a leading dot or quote escaped.
fn roff(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
