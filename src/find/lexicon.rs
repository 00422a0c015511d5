//! The skill lexicon: what skillgap can see. Loaded from JSON (the embedded
//! `skill-lexicon.json` by default), validated with errors that name the file, the
//! skill and the field, and compiled into lookup tables the matcher builds on.

use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::prose::list_tokens;

/// The default lexicon, compiled into the binary so skillgap works with no files.
pub const EMBEDDED_JSON: &str = include_str!("../../skill-lexicon.json");

/// The lexicon file format this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Most skills entailed through `implies`, summed over every skill: the embedded
/// lexicon has about 2,000; the cap keeps a hostile file from exhausting memory.
pub const MAX_IMPLIED: usize = 1_000_000;

/// What kind of skill a term is; reports group by it and soft skills weigh less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Language,
    Framework,
    Frontend,
    Mobile,
    Database,
    Cache,
    Streaming,
    Data,
    Cloud,
    Container,
    Devops,
    Observability,
    Api,
    Security,
    Testing,
    Architecture,
    Practice,
    Algorithms,
    VersionControl,
    Os,
    WebServer,
    Tool,
    Soft,
}

impl Category {
    /// Every category, in the order reports list them.
    pub const ALL: [Category; 23] = [
        Category::Language,
        Category::Framework,
        Category::Frontend,
        Category::Mobile,
        Category::Database,
        Category::Cache,
        Category::Streaming,
        Category::Data,
        Category::Cloud,
        Category::Container,
        Category::Devops,
        Category::Observability,
        Category::Api,
        Category::Security,
        Category::Testing,
        Category::Architecture,
        Category::Practice,
        Category::Algorithms,
        Category::VersionControl,
        Category::Os,
        Category::WebServer,
        Category::Tool,
        Category::Soft,
    ];

    /// The name used in JSON and on the command line (`web-server`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Framework => "framework",
            Category::Frontend => "frontend",
            Category::Mobile => "mobile",
            Category::Database => "database",
            Category::Cache => "cache",
            Category::Streaming => "streaming",
            Category::Data => "data",
            Category::Cloud => "cloud",
            Category::Container => "container",
            Category::Devops => "devops",
            Category::Observability => "observability",
            Category::Api => "api",
            Category::Security => "security",
            Category::Testing => "testing",
            Category::Architecture => "architecture",
            Category::Practice => "practice",
            Category::Algorithms => "algorithms",
            Category::VersionControl => "version-control",
            Category::Os => "os",
            Category::WebServer => "web-server",
            Category::Tool => "tool",
            Category::Soft => "soft",
        }
    }

    /// Parses a category name as written in JSON or on the command line.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// Soft skills (communication, teamwork...) are scored apart and weigh less.
    pub fn is_soft(self) -> bool {
        self == Category::Soft
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index of a skill in its lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SkillId(pub u32);

/// One skill as the JSON file writes it. Everything but the name is optional in an
/// extension that adds aliases to an existing skill.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillEntry {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    /// Forms (the name or aliases) that are ordinary words and need evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<String>,
    /// Forms that only count in exactly the case written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub case_sensitive: Vec<String>,
    /// Lowercase words that, next to an ambiguous form, prove the technology meaning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Forms that are a product's capitalised name and an ordinary word in lower case
    /// ("React" / "react quickly"): written in lower case (or capitalised only because
    /// a sentence starts there) they need evidence like `ambiguous` forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lowercase_ambiguous: Vec<String>,
    /// Skills whose forms, written inside one of this skill's forms, are not mentions
    /// of them: the product name merely starts with another skill's word ("Windows XP"
    /// holds no Extreme Programming, "Crystal Reports" no Crystal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains_not: Vec<String>,
}

/// A lexicon file: the full lexicon, or an extension (`--extend`) of one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    pub schema_version: Option<u32>,
    #[serde(default)]
    pub version: Option<String>,
    pub skills: Vec<SkillEntry>,
}

/// A validated skill.
#[derive(Debug, Clone)]
pub struct Skill {
    pub name: String,
    pub category: Category,
    pub description: String,
    pub aliases: Vec<String>,
    /// Skills this one entails directly (Django -> Python).
    pub implies: Vec<SkillId>,
    pub evidence: Vec<String>,
    /// Skills not mentioned by their forms written inside this skill's forms.
    pub contains_not: Vec<SkillId>,
}

/// One way of writing a skill: its name or an alias, with the rules for matching it.
#[derive(Debug, Clone)]
pub struct Form {
    pub text: String,
    pub skill: SkillId,
    pub is_name: bool,
    pub ambiguous: bool,
    pub case_sensitive: bool,
    /// Needs evidence when written in lower case or at a sentence start (`lowercase_ambiguous`).
    pub lowercase_ambiguous: bool,
    /// Words in the form, as [`list_tokens`] reads a line: "Spring Boot" has 2. What
    /// a mention of it covers of a line.
    pub words: u8,
}

/// A validated, ready-to-match lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub version: String,
    skills: Vec<Skill>,
    forms: Vec<Form>,
    by_form: FxHashMap<String, usize>,
    /// For each skill, every skill it entails through `implies`, transitively.
    implied: Vec<Vec<SkillId>>,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> Lexicon {
        Lexicon::from_json("skill-lexicon.json (embedded)", EMBEDDED_JSON)
            .expect("the embedded lexicon is checked by the test suite")
    }

    /// Parses and validates a full lexicon.
    pub fn from_json(path: &str, json: &str) -> Result<Lexicon> {
        let file = parse_file(path, json)?;
        let mut problems = Vec::new();
        match file.schema_version {
            Some(SCHEMA_VERSION) => {}
            Some(other) => problems.push(format!(
                "schema_version {other} is not supported (this skillgap reads {SCHEMA_VERSION})"
            )),
            None => problems.push(format!(
                "missing \"schema_version\": {SCHEMA_VERSION} at the top level"
            )),
        }
        let version = file.version.clone().unwrap_or_default();
        if version.trim().is_empty() {
            problems.push("missing \"version\" at the top level".to_string());
        }
        if file.skills.is_empty() {
            problems.push("\"skills\" is empty".to_string());
        }
        build(path, json, version, file.skills, problems)
    }

    /// Adds the skills of an extension file; a skill whose name exists already gets
    /// the extension's aliases, implications and evidence added to it.
    pub fn extend_with(&self, path: &str, json: &str) -> Result<Lexicon> {
        let file = parse_file(path, json)?;
        let mut entries = self.entries();
        let mut position: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (fold(&e.name), i))
            .collect();
        for entry in file.skills {
            match position.get(&fold(&entry.name)) {
                Some(&i) => {
                    let base = &mut entries[i];
                    if let Some(category) = entry.category {
                        base.category = Some(category);
                    }
                    if !entry.description.is_empty() {
                        base.description = entry.description;
                    }
                    base.aliases.extend(entry.aliases);
                    base.implies.extend(entry.implies);
                    base.ambiguous.extend(entry.ambiguous);
                    base.case_sensitive.extend(entry.case_sensitive);
                    base.evidence.extend(entry.evidence);
                    base.lowercase_ambiguous.extend(entry.lowercase_ambiguous);
                    base.contains_not.extend(entry.contains_not);
                }
                None => {
                    position.insert(fold(&entry.name), entries.len());
                    entries.push(entry);
                }
            }
        }
        let version = match file.version {
            Some(v) => format!("{}+{}", self.version, v),
            None => format!("{}+ext", self.version),
        };
        build(path, json, version, entries, Vec::new())
    }

    /// The skills as JSON entries again (for `lexicon show --format json` and extension).
    pub fn entries(&self) -> Vec<SkillEntry> {
        self.skills
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let forms = self.forms.iter().filter(|f| f.skill == SkillId(i as u32));
                SkillEntry {
                    name: s.name.clone(),
                    category: Some(s.category.as_str().to_string()),
                    description: s.description.clone(),
                    aliases: s.aliases.clone(),
                    implies: s
                        .implies
                        .iter()
                        .map(|&id| self.skill(id).name.clone())
                        .collect(),
                    ambiguous: forms
                        .clone()
                        .filter(|f| f.ambiguous)
                        .map(|f| f.text.clone())
                        .collect(),
                    case_sensitive: forms
                        .clone()
                        .filter(|f| f.case_sensitive)
                        .map(|f| f.text.clone())
                        .collect(),
                    evidence: s.evidence.clone(),
                    lowercase_ambiguous: forms
                        .filter(|f| f.lowercase_ambiguous)
                        .map(|f| f.text.clone())
                        .collect(),
                    contains_not: s
                        .contains_not
                        .iter()
                        .map(|&id| self.skill(id).name.clone())
                        .collect(),
                }
            })
            .collect()
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.skills[id.0 as usize]
    }

    /// Every name and alias, the patterns the matcher's automaton is built from.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    pub fn form(&self, index: usize) -> &Form {
        &self.forms[index]
    }

    /// Finds the form written as `text` (case-insensitively).
    pub fn find_form(&self, text: &str) -> Option<&Form> {
        self.by_form.get(&fold(text)).map(|&i| &self.forms[i])
    }

    /// Finds a skill by its name or any alias.
    pub fn find(&self, text: &str) -> Option<SkillId> {
        self.find_form(text).map(|f| f.skill)
    }

    /// Every skill that `id` entails, following `implies` to the end.
    pub fn implied_by(&self, id: SkillId) -> &[SkillId] {
        &self.implied[id.0 as usize]
    }

    /// Number of aliases over all skills.
    pub fn alias_count(&self) -> usize {
        self.skills.iter().map(|s| s.aliases.len()).sum()
    }

    /// Skills per category, in category order.
    pub fn counts_by_category(&self) -> BTreeMap<Category, (usize, usize)> {
        let mut counts = BTreeMap::new();
        for s in &self.skills {
            let entry = counts.entry(s.category).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += s.aliases.len();
        }
        counts
    }
}

/// Case-folds a form for lookups and duplicate checks.
pub fn fold(text: &str) -> String {
    let text = text.trim();
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

fn parse_file(path: &str, json: &str) -> Result<LexiconFile> {
    serde_json::from_str(json).map_err(|e| Error::LexiconJson {
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// serde_json appends " at line L column C"; the error says that itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The line each skill name is defined on (`"name": "..."`, first one wins), so
/// problems can point at a line. One pass over the JSON: looking each name up on its
/// own made a file with many problems quadratic (minutes for 100,000 skills).
fn name_lines(json: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    let (mut line, mut counted) = (1, 0);
    for (key, _) in json.match_indices("\"name\"") {
        let Some(value) = json[key + 6..].trim_start().strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start();
        let Some(name) = string_literal(value) else {
            continue;
        };
        let at = json.len() - value.len();
        line += memchr::memchr_iter(b'\n', &json.as_bytes()[counted..at]).count();
        counted = at;
        lines.entry(name.trim().to_string()).or_insert(line);
    }
    lines
}

/// The JSON string literal at the start of `text`, decoded.
fn string_literal(text: &str) -> Option<String> {
    let body = text.strip_prefix('"')?;
    let mut escaped = false;
    let end = body.bytes().position(|b| {
        let closes = b == b'"' && !escaped;
        escaped = b == b'\\' && !escaped;
        closes
    })?;
    serde_json::from_str(&text[..end + 2]).ok()
}

fn build(
    path: &str,
    json: &str,
    version: String,
    entries: Vec<SkillEntry>,
    mut problems: Vec<String>,
) -> Result<Lexicon> {
    // Built on the first problem: valid files never need it.
    let lines = std::cell::OnceCell::new();
    let at = |name: &str| match lines.get_or_init(|| name_lines(json)).get(name) {
        Some(line) => format!("line {line}, skill {name:?}"),
        None => format!("skill {name:?}"),
    };
    let mut skills = Vec::with_capacity(entries.len());
    let mut names: FxHashMap<String, usize> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        let name = e.name.trim();
        if name.is_empty() {
            problems.push(format!("skill #{} has an empty \"name\"", i + 1));
        } else {
            match names.entry(fold(name)) {
                std::collections::hash_map::Entry::Occupied(first) => problems.push(format!(
                    "{}: duplicate \"name\" (skill #{} has it too)",
                    at(name),
                    first.get() + 1
                )),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        let category = match e.category.as_deref() {
            None => {
                problems.push(format!("{}: missing \"category\"", at(name)));
                Category::Tool
            }
            Some(c) => Category::parse(c).unwrap_or_else(|| {
                let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                problems.push(format!(
                    "{}: unknown \"category\" {c:?} (known: {})",
                    at(name),
                    known.join(", ")
                ));
                Category::Tool
            }),
        };
        let mut aliases: Vec<String> = Vec::new();
        let mut folded = vec![fold(name)];
        for alias in &e.aliases {
            let alias = alias.trim();
            let key = fold(alias);
            if alias.is_empty() {
                problems.push(format!("{}: empty string in \"aliases\"", at(name)));
            } else if folded.contains(&key) {
                problems.push(format!("{}: alias {alias:?} is listed twice", at(name)));
            } else {
                folded.push(key);
                aliases.push(alias.to_string());
            }
        }
        skills.push(Skill {
            name: name.to_string(),
            category,
            description: e.description.trim().to_string(),
            aliases,
            implies: Vec::new(),
            contains_not: Vec::new(),
            evidence: e
                .evidence
                .iter()
                .map(|w| fold(w))
                .filter(|w| !w.is_empty())
                .collect(),
        });
    }

    // Forms: names first so that a clash names the alias as the intruder.
    let mut forms: Vec<Form> = Vec::new();
    let mut by_form: FxHashMap<String, usize> = FxHashMap::default();
    let mut add_form = |forms: &mut Vec<Form>,
                        problems: &mut Vec<String>,
                        id: usize,
                        text: &str,
                        is_name: bool,
                        entry: &SkillEntry,
                        skills: &[Skill]| {
        let key = fold(text);
        if let Some(&other) = by_form.get(&key) {
            let owner = forms[other].skill.0 as usize;
            if owner != id {
                problems.push(format!(
                    "{}: {} {text:?} also belongs to skill {:?}",
                    at(&skills[id].name),
                    if is_name { "name" } else { "alias" },
                    skills[owner].name
                ));
            }
            return;
        }
        let written = |list: &[String]| list.iter().any(|f| f.trim() == text);
        by_form.insert(key, forms.len());
        forms.push(Form {
            text: text.to_string(),
            skill: SkillId(id as u32),
            is_name,
            ambiguous: written(&entry.ambiguous),
            case_sensitive: written(&entry.case_sensitive),
            lowercase_ambiguous: written(&entry.lowercase_ambiguous),
            words: u8::try_from(list_tokens(text).count()).unwrap_or(u8::MAX),
        });
    };
    for (id, entry) in entries.iter().enumerate() {
        if !skills[id].name.is_empty() {
            let name = skills[id].name.clone();
            add_form(&mut forms, &mut problems, id, &name, true, entry, &skills);
        }
    }
    for (id, entry) in entries.iter().enumerate() {
        for alias in skills[id].aliases.clone() {
            add_form(&mut forms, &mut problems, id, &alias, false, entry, &skills);
        }
    }
    for (id, entry) in entries.iter().enumerate() {
        let skill = &skills[id];
        let own_forms: HashSet<&str> = std::iter::once(skill.name.as_str())
            .chain(skill.aliases.iter().map(String::as_str))
            .collect();
        for (field, list) in [
            ("ambiguous", &entry.ambiguous),
            ("case_sensitive", &entry.case_sensitive),
            ("lowercase_ambiguous", &entry.lowercase_ambiguous),
        ] {
            for form in list {
                if !own_forms.contains(form.trim()) {
                    problems.push(format!(
                        "{}: \"{field}\" names {form:?}, which is not its name or one of its aliases",
                        at(&skill.name)
                    ));
                }
            }
        }
        if !entry.evidence.is_empty()
            && entry.ambiguous.is_empty()
            && entry.lowercase_ambiguous.is_empty()
        {
            problems.push(format!(
                "{}: \"evidence\" is given but no form is marked \"ambiguous\" or \"lowercase_ambiguous\"",
                at(&skill.name)
            ));
        }
    }

    let mut implies: Vec<Vec<SkillId>> = vec![Vec::new(); skills.len()];
    for (id, entry) in entries.iter().enumerate() {
        for target in &entry.implies {
            match names.get(&fold(target)) {
                Some(&t) if t == id => {
                    problems.push(format!("{}: implies itself", at(&skills[id].name)))
                }
                Some(&t) => {
                    if !implies[id].contains(&SkillId(t as u32)) {
                        implies[id].push(SkillId(t as u32));
                    }
                }
                None => problems.push(format!(
                    "{}: \"implies\" names unknown skill {target:?}",
                    at(&skills[id].name)
                )),
            }
        }
    }
    let mut contains_not: Vec<Vec<SkillId>> = vec![Vec::new(); skills.len()];
    for (id, entry) in entries.iter().enumerate() {
        for inner in &entry.contains_not {
            match names.get(&fold(inner)) {
                Some(&t) if t == id => problems.push(format!(
                    "{}: \"contains_not\" names the skill itself",
                    at(&skills[id].name)
                )),
                Some(&t) => contains_not[id].push(SkillId(t as u32)),
                None => problems.push(format!(
                    "{}: \"contains_not\" names unknown skill {inner:?}",
                    at(&skills[id].name)
                )),
            }
        }
    }
    if let Some(cycle) = find_cycle(&implies) {
        let names: Vec<&str> = cycle.iter().map(|&i| skills[i].name.as_str()).collect();
        problems.push(format!("\"implies\" forms a cycle: {}", names.join(" -> ")));
    }
    // Every skill keeps all the skills it entails; a hostile file (thousands of skills
    // implying one that implies thousands) would need memory growing with the square.
    let mut implied = Vec::with_capacity(skills.len());
    let mut reached = 0;
    let mut seen = vec![false; skills.len()];
    for id in 0..skills.len() {
        let entailed = closure(&implies, id, &mut seen);
        reached += entailed.len();
        if reached > MAX_IMPLIED {
            problems.push(format!(
                "\"implies\" entails more than {MAX_IMPLIED} skills in all (counted from every \
                 skill): imply fewer skills, or shorten the chains"
            ));
            break;
        }
        implied.push(entailed);
    }

    if !problems.is_empty() {
        let count = problems.len();
        let shown: Vec<String> = problems
            .into_iter()
            .take(25)
            .map(|p| format!("  - {p}"))
            .collect();
        let more = if count > 25 {
            format!("\n  ... and {} more", count - 25)
        } else {
            String::new()
        };
        return Err(Error::LexiconInvalid {
            path: path.to_string(),
            problems: format!(
                "invalid lexicon, {count} problem{}:\n{}{more}",
                if count == 1 { "" } else { "s" },
                shown.join("\n")
            ),
        });
    }
    for ((skill, direct), not) in skills.iter_mut().zip(implies).zip(contains_not) {
        skill.implies = direct;
        skill.contains_not = not;
    }
    Ok(Lexicon {
        version,
        skills,
        forms,
        by_form,
        implied,
    })
}

/// Returns the skills of one cycle in the implication graph, if there is one.
fn find_cycle(edges: &[Vec<SkillId>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    for start in 0..edges.len() {
        if mark[start] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, next edge to follow).
        let mut stack = vec![(start, 0usize)];
        mark[start] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&SkillId(to)) = edges[node].get(*next) {
                *next += 1;
                let to = to as usize;
                match mark[to] {
                    Mark::New => {
                        mark[to] = Mark::Open;
                        stack.push((to, 0));
                    }
                    Mark::Open => {
                        let from = stack.iter().position(|&(n, _)| n == to).unwrap_or(0);
                        let mut cycle: Vec<usize> = stack[from..].iter().map(|&(n, _)| n).collect();
                        cycle.push(to);
                        return Some(cycle);
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}

/// Every skill `start` entails, sorted. `seen` is all false on entry and on return
/// (a buffer kept between calls: allocating it per skill is quadratic).
fn closure(edges: &[Vec<SkillId>], start: usize, seen: &mut [bool]) -> Vec<SkillId> {
    let mut todo: Vec<SkillId> = edges[start].clone();
    let mut out = Vec::new();
    while let Some(id) = todo.pop() {
        let i = id.0 as usize;
        if i == start || seen[i] {
            continue;
        }
        seen[i] = true;
        out.push(id);
        todo.extend(edges[i].iter().copied());
    }
    for id in &out {
        seen[id.0 as usize] = false;
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_the_line_of_their_skill() {
        let json = "{\"schema_version\": 1, \"version\": \"t\", \"skills\": [\n\
            {\"name\": \"A\", \"category\": \"tool\", \"aliases\": [\"name\"]},\n\
            {\"description\": \"a \\\"name\\\": here\", \"name\" : \" B\\u00e9\\\"q \", \"category\": \"nope\"}\n]}";
        let err = Lexicon::from_json("x.json", json).unwrap_err().to_string();
        assert!(err.contains("line 3, skill \"Bé\\\"q\": unknown"), "{err}");
    }

    /// Found while fuzzing (issue 8): each problem searched the whole file for the
    /// line of its skill, so a large file with a problem in every skill took minutes.
    #[test]
    fn a_file_with_many_problems_is_checked_in_linear_time() {
        let skills: Vec<String> = (0..100_000)
            .map(|i| format!("{{\"name\": \"Skill{i}\"}}"))
            .collect();
        let json = format!(
            "{{\"schema_version\": 1, \"version\": \"t\", \"skills\": [\n{}\n]}}",
            skills.join(",\n")
        );
        let started = std::time::Instant::now();
        let err = Lexicon::from_json("big.json", &json)
            .unwrap_err()
            .to_string();
        let elapsed = started.elapsed();
        assert!(err.contains("100000 problems"), "{err}");
        assert!(
            err.contains("line 3, skill \"Skill1\": missing \"category\""),
            "{err}"
        );
        assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    }

    /// Found while fuzzing (issue 8): every skill keeps what it entails, so 10,000
    /// skills implying one that implies 10,000 others took 100,000,000 entries
    /// (450 MB from a 1 MB file; a 3 MB file exhausted memory).
    #[test]
    fn implications_that_entail_too_much_are_a_problem() {
        let n = 2_000;
        let mut skills = vec![format!(
            "{{\"name\": \"Hub\", \"category\": \"tool\", \"implies\": [{}]}}",
            (0..n)
                .map(|i| format!("\"T{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )];
        for i in 0..n {
            skills.push(format!("{{\"name\": \"T{i}\", \"category\": \"tool\"}}"));
        }
        for i in 0..n {
            skills.push(format!(
                "{{\"name\": \"S{i}\", \"category\": \"tool\", \"implies\": [\"Hub\"]}}"
            ));
        }
        let json = |skills: &[String]| {
            format!(
                "{{\"schema_version\": 1, \"version\": \"t\", \"skills\": [{}]}}",
                skills.join(",\n")
            )
        };
        let err = Lexicon::from_json("hub.json", &json(&skills))
            .unwrap_err()
            .to_string();
        assert!(err.contains("entails more than 1000000 skills"), "{err}");
        // Fewer skills leaning on the hub stay within the cap and keep their closure.
        skills.truncate(1 + n + 200);
        let lexicon = Lexicon::from_json("hub.json", &json(&skills)).unwrap();
        let s0 = lexicon.find("S0").unwrap();
        assert_eq!(lexicon.implied_by(s0).len(), n + 1);
    }
}
