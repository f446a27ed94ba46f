//! Tidy: the code's layout holds: short files and functions, no import circle between
//! folders, raw HTML only where listed.

use super::*;

// ---- No file over MAX_LINES -----------------------------------------------------------------

#[test]
fn no_rust_file_is_longer_than_the_limit_except_those_listed() {
    let mut files = Vec::new();
    for krate in crates() {
        files_under(&root().join(krate), &["rs"], &mut files);
    }
    let long: BTreeMap<String, usize> = files
        .iter()
        .map(|f| (rel(f), read(f).lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .collect();
    let mut problems = Vec::new();
    for (file, lines) in &long {
        if !LONG_FILES.iter().any(|(f, _)| f == file) {
            problems.push(format!("{file} has {lines} lines (limit {MAX_LINES}): split it"));
        }
    }
    for (file, _) in LONG_FILES {
        if !long.contains_key(*file) {
            problems.push(format!("{file} is gone or short now: drop it from LONG_FILES"));
        }
    }
    assert_none("files over the line limit", &problems);
}

// ---- No import circle between folders -------------------------------------------------------

/// Folder → folder it reaches → the top-level files on the way.
type Reach = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The first segment of every `crate::…` path in `code`, groups (`crate::{a, b::c}`) too.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident =
        |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if !rest.starts_with('{') {
            found.insert(ident(rest));
            continue;
        }
        // A group: the first name of each item at depth one.
        let (mut depth, mut expecting) = (0, true);
        for (i, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => break,
                '}' => depth -= 1,
                ',' if depth == 1 => expecting = true,
                c if expecting && depth == 1 && (c.is_alphabetic() || c == '_') => {
                    found.insert(ident(&rest[i..]));
                    expecting = false;
                }
                _ => {}
            }
        }
    }
    found.retain(|s| !s.is_empty() && s != "self");
    found
}

/// The folder circles of one module tree (`core/src`), each as `a/ -> b/ -> a/` with the
/// top-level files a step goes through in brackets. Nodes are the crate's top-level modules;
/// only folders count as ends, so circles among flat files are not reported.
fn folder_cycles(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    files_under(src, &["rs"], &mut files);
    let module = |path: &Path| {
        let part = path.strip_prefix(src).ok()?.components().next()?;
        let name = part.as_os_str().to_string_lossy().trim_end_matches(".rs").to_owned();
        (name != "lib" && name != "main" && name != "bin").then_some(name)
    };
    let known = |m: &str| src.join(m).is_dir() || src.join(format!("{m}.rs")).is_file();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module(file) else { continue };
        let code: String = read(file)
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let targets: Vec<String> =
            crate_paths(&code).into_iter().filter(|t| *t != from && known(t)).collect();
        edges.entry(from).or_default().extend(targets);
    }
    let is_folder = |m: &str| src.join(m).is_dir();
    // Folder → folder, walking through plain files: (target, the files on the way).
    let mut reach = Reach::new();
    for folder in edges.keys().filter(|m| is_folder(m)) {
        let mut seen = BTreeSet::from([folder.clone()]);
        let mut queue = vec![(folder.clone(), Vec::new())];
        while let Some((node, via)) = queue.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if !seen.insert(next.clone()) {
                    continue;
                }
                if is_folder(next) {
                    reach.entry(folder.clone()).or_default().insert(next.clone(), via.clone());
                } else {
                    queue.push((next.clone(), [via.clone(), vec![format!("{next}.rs")]].concat()));
                }
            }
        }
    }
    let mut cycles = BTreeSet::new();
    for start in reach.keys() {
        if let Some(path) = path_back(&reach, start) {
            cycles.insert(describe_cycle(&reach, &path));
        }
    }
    cycles.into_iter().collect()
}

/// A shortest path `start → … → start` in `reach`, as its nodes.
fn path_back(reach: &Reach, start: &str) -> Option<Vec<String>> {
    let mut paths = vec![vec![start.to_owned()]];
    let mut seen = BTreeSet::new();
    while !paths.is_empty() {
        let mut longer = Vec::new();
        for path in paths {
            let last = path.last().cloned().unwrap_or_default();
            for next in reach.get(&last).into_iter().flat_map(BTreeMap::keys) {
                if next == start {
                    return Some(path);
                }
                if seen.insert(next.clone()) {
                    longer.push([path.clone(), vec![next.clone()]].concat());
                }
            }
        }
        paths = longer;
    }
    None
}

/// `a/ -> [x.rs] -> b/ -> a/`, turned to start at its smallest folder so each circle reads
/// the same whichever folder found it.
fn describe_cycle(reach: &Reach, path: &[String]) -> String {
    let smallest = path.iter().enumerate().min_by_key(|(_, n)| *n).map_or(0, |(i, _)| i);
    let mut ring: Vec<String> = path[smallest..].iter().chain(&path[..smallest]).cloned().collect();
    ring.push(ring[0].clone());
    let mut text = format!("{}/", ring[0]);
    for pair in ring.windows(2) {
        for file in reach.get(&pair[0]).and_then(|r| r.get(&pair[1])).into_iter().flatten() {
            text.push_str(&format!(" -> [{file}]"));
        }
        text.push_str(&format!(" -> {}/", pair[1]));
    }
    text
}

#[test]
fn no_import_circle_between_folders() {
    let mut roots: Vec<String> = crates().iter().map(|c| format!("{c}/src")).collect();
    roots.push("tests/e2e".to_owned());
    for expected in ["core/src", "edge/src", "widget/src", "agent-app/src", "tests/src"] {
        assert!(roots.iter().any(|r| r == expected), "{expected} is not among {roots:?}");
    }
    let found: Vec<String> = roots
        .iter()
        .flat_map(|r| folder_cycles(&root().join(r)).into_iter().map(move |c| format!("{r}: {c}")))
        .collect();
    let known = |c: &String| FOLDER_CYCLES.iter().any(|(k, _)| k == c);
    let mut problems: Vec<String> = found.iter().filter(|c| !known(c)).cloned().collect();
    for (cycle, _) in FOLDER_CYCLES.iter().filter(|(k, _)| !found.iter().any(|c| c == k)) {
        problems.push(format!("gone, drop it from FOLDER_CYCLES: {cycle}"));
    }
    assert_none("folders import each other in a circle (a leaf module breaks it)", &problems);
}

#[test]
fn the_circle_finder_sees_a_circle_through_a_file() {
    let dir = std::env::temp_dir().join(format!("openline-tidy-{}", std::process::id()));
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap_or(&dir)).ok();
        std::fs::write(path, text).ok();
    };
    write("lib.rs", "//! x\nmod a; mod b; mod f; mod g;\n");
    write("a/mod.rs", "//! x\nuse crate::{f::X, g};\n");
    write("f.rs", "//! x\npub fn x() { crate::b::y() }\n");
    write("b/mod.rs", "//! x\nuse crate::a::Z; // crate::g\n");
    write("g.rs", "//! x\nuse crate::a;\n");
    let cycles = folder_cycles(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(cycles, ["a/ -> [f.rs] -> b/ -> a/"]);
}

// ---- No raw HTML sink outside the listed files ----------------------------------------------

#[test]
fn raw_html_is_written_only_where_listed() {
    const RUST_SINKS: [&str; 3] = ["inner_html", "insert_adjacent_html", "outer_html"];
    const JS_SINKS: [&str; 4] = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"];
    // Shipped code only: the tests may read a page's HTML, and this file names the sinks.
    let mut files = Vec::new();
    for krate in crates().iter().filter(|c| *c != "tests" && *c != "xtask") {
        files_under(&root().join(krate), &["rs", "js"], &mut files);
    }
    assert!(files.iter().any(|f| rel(f) == "widget/src/dom.rs"), "the widget is not scanned");
    let mut writers = BTreeSet::new();
    for file in &files {
        let text = read(file);
        let sinks: &[&str] = if rel(file).ends_with(".js") { &JS_SINKS } else { &RUST_SINKS };
        if sinks.iter().any(|s| text.contains(s)) {
            writers.insert(rel(file));
        }
    }
    let listed = |f: &String| HTML_SINKS.iter().any(|(l, _)| l == f);
    let mut problems: Vec<String> = writers.iter().filter(|f| !listed(f)).cloned().collect();
    for (file, _) in HTML_SINKS.iter().filter(|(f, _)| !writers.contains(*f)) {
        problems.push(format!("{file} writes no raw HTML now: drop it from HTML_SINKS"));
    }
    assert_none("raw HTML written outside the listed files (use an escaping helper)", &problems);
}

// ---- No function over MAX_FN_LINES without a reason -------------------------------------------

/// The longest a function may be, in lines, unless a `// Long: <why>` comment stands right above
/// it (among its docs and attributes): past it, a function is usually two.
const MAX_FN_LINES: usize = 80;

/// Functions longer than `MAX_FN_LINES` in `text` without a `// Long:` reason: (name, lines).
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let Some(name) = super::docs::fn_name(line.trim()) else { continue };
        // A declaration without a body (a trait's) has no lines of its own.
        if line.trim_end().ends_with(';') {
            continue;
        }
        let closing = format!("{}}}", &line[..indent]);
        let Some(end) = lines[i + 1..].iter().position(|l| l.trim_end() == closing) else {
            continue;
        };
        let length = end + 2;
        let reasoned = lines[..i]
            .iter()
            .rev()
            .map(|l| l.trim())
            .take_while(|l| l.starts_with("#[") || l.starts_with("//"))
            .any(|l| l.starts_with("// Long:"));
        if length > MAX_FN_LINES && !reasoned {
            long.push((name.to_owned(), length));
        }
    }
    long
}

#[test]
fn no_function_is_longer_than_the_limit_without_a_reason() {
    let mut files = Vec::new();
    for krate in crates() {
        files_under(&root().join(krate), &["rs"], &mut files);
    }
    let problems: Vec<String> = files
        .iter()
        .flat_map(|f| long_functions(&read(f)).into_iter().map(move |(name, n)| (rel(f), name, n)))
        .map(|(file, name, n)| {
            format!("{file}: `{name}` has {n} lines: split it, or say why above it (`// Long: …`)")
        })
        .collect();
    assert_none(&format!("functions over {MAX_FN_LINES} lines"), &problems);
}

#[test]
fn the_function_measure_counts_bodies_and_reads_reasons() {
    let body = "    x();\n".repeat(MAX_FN_LINES);
    let long = format!("fn a() {{\n{body}}}\n");
    assert_eq!(long_functions(&long), [("a".to_owned(), MAX_FN_LINES + 2)]);
    assert!(long_functions(&format!("// Long: a table.\n#[test]\n{long}")).is_empty());
    assert!(long_functions("fn b() {\n    x();\n}\n").is_empty());
}
