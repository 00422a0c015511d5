//! Every word list the writing checks use, in one place, as data: change advice here,
//! not in the code that applies it. English only. Entries are lowercase unless a
//! list says otherwise; phrases are written with single spaces and match hyphenated
//! spellings too ("results-driven" and "results-driven").

/// Bullet openings that describe a duty or a supporting part instead of an action,
/// each with stronger verbs to suggest in its place. Matched against a bullet's first
/// words, whole words only ("Helpdesk" is not "Help"). Longer phrases first, so
/// "worked closely with" wins over "worked with".
pub const WEAK_OPENINGS: &[(&str, &[&str])] = &[
    ("was responsible for", &["Led", "Owned", "Ran"]),
    ("responsible for", &["Led", "Owned", "Ran"]),
    ("responsibilities included", &["Led", "Owned", "Ran"]),
    ("duties included", &["Led", "Owned", "Ran"]),
    ("in charge of", &["Led", "Owned", "Directed"]),
    ("tasked with", &["Led", "Delivered", "Built"]),
    (
        "worked closely with",
        &["Partnered with", "Co-led", "Aligned"],
    ),
    ("worked with", &["Partnered with", "Co-led", "Aligned"]),
    ("worked on", &["Built", "Developed", "Shipped"]),
    ("work on", &["Build", "Develop", "Ship"]),
    ("helped to", &["Enabled", "Drove", "Delivered"]),
    ("helped", &["Enabled", "Drove", "Delivered"]),
    ("helping", &["Enabling", "Driving", "Delivering"]),
    ("help", &["Enable", "Drive", "Deliver"]),
    ("assisted with", &["Implemented", "Delivered", "Supported"]),
    ("assisted in", &["Implemented", "Delivered", "Supported"]),
    ("assisted", &["Implemented", "Delivered", "Supported"]),
    ("assisting", &["Implementing", "Delivering", "Supporting"]),
    ("assist", &["Implement", "Deliver", "Support"]),
    (
        "was involved in",
        &["Delivered", "Implemented", "Co-designed"],
    ),
    ("involved in", &["Delivered", "Implemented", "Co-designed"]),
    (
        "participated in",
        &["Delivered", "Co-designed", "Contributed"],
    ),
    ("took part in", &["Delivered", "Co-designed", "Contributed"]),
    ("handled", &["Resolved", "Managed", "Processed"]),
    ("exposure to", &["Used", "Applied", "Built with"]),
];

/// Clichés that say nothing whatever their context: always flagged where prose is.
pub const FILLERS: &[&str] = &[
    "synergy",
    "synergies",
    "synergize",
    "synergistic",
    "go-getter",
    "think outside the box",
    "thinking outside the box",
    "thinks outside the box",
    "outside-the-box",
    "rockstar",
    "rock star",
    "guru",
    "best-of-breed",
    "best-in-class",
    "world-class",
    "move the needle",
    "game changer",
    "game-changing",
    "paradigm shift",
    "value-add",
    "value-added",
    "low-hanging fruit",
    "hit the ground running",
    "circle back",
    "win-win",
    "thought leader",
    "wear many hats",
    "jack of all trades",
    "go-to person",
    "references available upon request",
    "references available on request",
];

/// Claims about oneself that a reader believes only with evidence: flagged in the
/// Summary and header (a bare claim), and in a bullet that shows no measurable result.
pub const CLAIMS: &[&str] = &[
    "results-driven",
    "results-oriented",
    "result-oriented",
    "result-driven",
    "detail-oriented",
    "team player",
    "self-starter",
    "self-motivated",
    "highly motivated",
    "hard-working",
    "hardworking",
    "passionate",
    "fast learner",
    "quick learner",
    "strong work ethic",
    "excellent communication skills",
    "strategic thinker",
    "people person",
    "works well under pressure",
    "proven track record",
    "problem-solver",
    "dynamic professional",
    "seasoned professional",
];

/// First-person singular pronouns ("I" is matched in capitals only, the others in
/// lowercase or with a capital first letter, so "ME" (Maine) and "MY" are not).
pub const FIRST_PERSON: &[&str] = &["I", "I'm", "I've", "I'd", "I'll", "me", "my", "myself"];

/// Words before a capital "I" that make it a numeral ("Phase I", "Tier I").
pub const ROMAN_CUES: &[&str] = &[
    "phase",
    "part",
    "tier",
    "level",
    "stage",
    "type",
    "class",
    "series",
    "grade",
    "gen",
    "generation",
    "chapter",
    "volume",
    "vol",
    "track",
    "war",
    "round",
    "step",
];

/// Roman numerals that, next to "I", make it one too ("I and II").
pub const ROMAN_NUMERALS: &[&str] = &["ii", "iii", "iv", "v", "vi"];

/// Action verbs resumes open bullets with: present (base) form and past form. A
/// bullet of a finished role that opens with a base form ("Lead") or its third-person
/// form ("Leads") is in the present tense; the past form ("Led"), or any word ending
/// in "-ed" (less [`NOT_PAST`]), is past.
pub const VERBS: &[(&str, &str)] = &[
    ("achieve", "achieved"),
    ("administer", "administered"),
    ("analyze", "analyzed"),
    ("analyse", "analysed"),
    ("architect", "architected"),
    ("assist", "assisted"),
    ("automate", "automated"),
    ("begin", "began"),
    ("bring", "brought"),
    ("build", "built"),
    ("champion", "championed"),
    ("coach", "coached"),
    ("collaborate", "collaborated"),
    ("configure", "configured"),
    ("consolidate", "consolidated"),
    ("contribute", "contributed"),
    ("coordinate", "coordinated"),
    ("create", "created"),
    ("debug", "debugged"),
    ("define", "defined"),
    ("deliver", "delivered"),
    ("deploy", "deployed"),
    ("design", "designed"),
    ("develop", "developed"),
    ("direct", "directed"),
    ("document", "documented"),
    ("drive", "drove"),
    ("enable", "enabled"),
    ("establish", "established"),
    ("evaluate", "evaluated"),
    ("expand", "expanded"),
    ("facilitate", "facilitated"),
    ("fix", "fixed"),
    ("grow", "grew"),
    ("guide", "guided"),
    ("handle", "handled"),
    ("help", "helped"),
    ("hire", "hired"),
    ("hold", "held"),
    ("identify", "identified"),
    ("implement", "implemented"),
    ("improve", "improved"),
    ("increase", "increased"),
    ("integrate", "integrated"),
    ("introduce", "introduced"),
    ("keep", "kept"),
    ("launch", "launched"),
    ("lead", "led"),
    ("maintain", "maintained"),
    ("make", "made"),
    ("manage", "managed"),
    ("mentor", "mentored"),
    ("migrate", "migrated"),
    ("model", "modeled"),
    ("modernize", "modernized"),
    ("monitor", "monitored"),
    ("optimize", "optimized"),
    ("optimise", "optimised"),
    ("orchestrate", "orchestrated"),
    ("organize", "organized"),
    ("oversee", "oversaw"),
    ("own", "owned"),
    ("partner", "partnered"),
    ("plan", "planned"),
    ("present", "presented"),
    ("prioritize", "prioritized"),
    ("produce", "produced"),
    ("prototype", "prototyped"),
    ("provide", "provided"),
    ("publish", "published"),
    ("raise", "raised"),
    ("re-architect", "re-architected"),
    ("rebuild", "rebuilt"),
    ("recruit", "recruited"),
    ("redesign", "redesigned"),
    ("reduce", "reduced"),
    ("refactor", "refactored"),
    ("release", "released"),
    ("replace", "replaced"),
    ("resolve", "resolved"),
    ("review", "reviewed"),
    ("rewrite", "rewrote"),
    ("run", "ran"),
    ("scale", "scaled"),
    ("secure", "secured"),
    ("sell", "sold"),
    ("ship", "shipped"),
    ("simplify", "simplified"),
    ("speak", "spoke"),
    ("spearhead", "spearheaded"),
    ("standardize", "standardized"),
    ("streamline", "streamlined"),
    ("supervise", "supervised"),
    ("support", "supported"),
    ("take", "took"),
    ("teach", "taught"),
    ("test", "tested"),
    ("train", "trained"),
    ("troubleshoot", "troubleshot"),
    ("tune", "tuned"),
    ("upgrade", "upgraded"),
    ("win", "won"),
    ("work", "worked"),
    ("write", "wrote"),
];

/// Words ending in "-ed" that are not past tenses.
pub const NOT_PAST: &[&str] = &[
    "need", "needed", "embed", "speed", "feed", "seed", "proceed", "exceed", "succeed", "bleed",
    "breed", "heed", "shed", "red", "bed", "hundred", "united", "based", "related",
];

/// Words after an opening base form that make it a noun or an adjective, not a verb
/// ("Lead engineer on…", "Design of…", "Test automation for…").
pub const NOT_VERB_AFTER: &[&str] = &[
    "of",
    "for",
    "engineer",
    "developer",
    "architect",
    "role",
    "automation",
    "plan",
    "document",
    "review",
    "reviews",
    "team",
    "model",
    "pipeline",
    "suite",
];

/// Words in a role's date line that mean it is still going on.
pub const CURRENT: &[&str] = &["present", "current", "now", "today", "ongoing"];

/// Spelled-out quantities that count as a measurable result ("three interns", "zero
/// downtime", "hundreds of services"). "one" is left out: "one of the…" is no number.
pub const NUMBER_WORDS: &[&str] = &[
    "zero",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "doubled",
    "tripled",
    "quadrupled",
    "halved",
    "twofold",
    "threefold",
    "tenfold",
];

/// Suffixes glued to a number that make it a quantity ("4x", "210k", "85ms", "2TB",
/// "12k+"). A number glued after letters ("S3", "EC2", "HTML5", "p99") never is.
pub const UNIT_SUFFIXES: &[&str] = &[
    "x", "k", "m", "b", "bn", "mm", "ms", "us", "µs", "ns", "s", "sec", "secs", "min", "mins", "h",
    "hr", "hrs", "d", "kb", "mb", "gb", "tb", "pb", "rps", "qps", "tps", "k+", "m+", "+", "%",
    "pp",
];

/// Words after a capitalised name and a number that leave the number a version
/// ("Java 17 and Spring", "Python 3.12 with"): function words, not things counted.
pub const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "with", "on", "in", "to", "for", "the", "a", "an", "as", "at", "by", "from",
    "into", "via", "using", "plus", "&",
];

/// Words before a year that make it a date, not a count ("in 2021", "since 2019").
pub const DATE_CUES: &[&str] = &[
    "in", "since", "from", "to", "until", "by", "of", "during", "circa", "through", "and",
    "before", "after", "between", "-", "–",
];

/// Words before a number that make it a version ("version 2", "v 3").
pub const VERSION_CUES: &[&str] = &["version", "v", "ver", "release", "rev"];

/// Month names, full; a three-letter prefix (or "sept") is the short form.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
