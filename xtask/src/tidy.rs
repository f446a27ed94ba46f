//! Tidy checks that run as plain tests (`cargo test -p xtask`, part of `cargo xtask test`): the
//! habits of `docs/STYLE.md` and the promises of `docs/` that a machine can check.
//!
//! Every exception list here only shrinks: a check fails when an entry is no longer needed, so
//! each list says what is still owed, why, and which issue pays it.

#[cfg(test)]
mod tests {
    use crate::run::root;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    /// The longest a Rust file may be, in lines. A file past it holds more than one idea.
    const MAX_LINES: usize = 600;

    /// Rust files allowed past `MAX_LINES` today: (path, why, and the issue that splits it).
    const LONG_FILES: &[(&str, &str)] = &[
        ("agent-app/src/i18n.rs", "every string of the app in one table; split by area (issue 14)"),
        ("core/src/protocol.rs", "every body and frame; split with the typed calls (issue 14)"),
        ("tests/e2e/browser.rs", "the first browser tests; page objects split them (issue 14)"),
    ];

    /// Files that may write raw HTML into a page (`inner_html` and kin): (path, why). The widget
    /// writes its plain-HTML parts only through `html.rs`, whose `Html` is built by escaping
    /// constructors and checked markup (issue 14), so a text left unescaped does not compile.
    const HTML_SINKS: &[(&str, &str)] = &[(
        "widget/src/html.rs",
        "the safe-HTML type's sinks: `set`, `append` and `inner` (for `view!`) write an `Html`",
    )];

    /// Features that work but have no test named after them yet: (id, where they are tested).
    const BUILT_WITHOUT_NAMED_TEST: &[(&str, &str)] = &[
        ("Q8", "every session in one history: e2e `q2_q3_q10_q12_*` and the browser round trip"),
        ("M7", "save as a canned response: the browser test `c7_m8_m9_*`"),
    ];

    /// Import circles between folders known today, as printed by the check: (cycle, why). None.
    const FOLDER_CYCLES: &[(&str, &str)] = &[];

    /// Files below `dir` whose names end in one of `exts`, build output left out.
    fn files_under(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let skipped = ["target", "node_modules", "build", "dist"].contains(&name.as_str());
            if path.is_dir() && !skipped && !name.starts_with('.') {
                files_under(&path, exts, out);
            } else if exts.iter().any(|e| name.ends_with(&format!(".{e}"))) {
                out.push(path);
            }
        }
    }

    /// The repository's top-level folders, sorted; hidden ones and build output left out.
    fn top_folders() -> Vec<String> {
        let ignored = ignored_folders();
        let mut names: Vec<String> = std::fs::read_dir(root())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && !ignored.contains(n))
            .collect();
        names.sort();
        names
    }

    /// The top-level folders holding a crate (`core`, `edge`, …).
    fn crates() -> Vec<String> {
        top_folders().into_iter().filter(|c| root().join(c).join("Cargo.toml").is_file()).collect()
    }

    /// Fails with `heading` and one line per problem, if there is any.
    fn assert_none(heading: &str, problems: &[String]) {
        assert!(problems.is_empty(), "{heading}:\n  {}", problems.join("\n  "));
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    /// `path` relative to the repository, with `/` between parts.
    fn rel(path: &Path) -> String {
        let rel = path.strip_prefix(root()).unwrap_or(path);
        rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc() {
        let mut files = Vec::new();
        for crate_dir in ["core", "edge", "widget", "agent-app", "tests", "xtask"] {
            files_under(&root().join(crate_dir), &["rs"], &mut files);
        }
        assert!(files.len() > 20, "found only {} files", files.len());
        let undocumented: Vec<_> = files.iter().filter(|f| !read(f).starts_with("//!")).collect();
        assert!(undocumented.is_empty(), "start these with a `//!` doc: {undocumented:?}");
    }

    #[test]
    fn core_depends_on_no_io_crate() {
        let manifest = read(&root().join("core/Cargo.toml"));
        let deps = manifest.split("[dependencies]").nth(1).unwrap_or_default();
        for io in [
            "worker",
            "tokio",
            "reqwest",
            "web-sys",
            "js-sys",
            "gloo",
            "leptos",
            "getrandom",
            "wasm-bindgen",
        ] {
            assert!(
                !deps.lines().any(|l| l.trim_start().starts_with(io)),
                "core must stay free of I/O, but depends on {io}"
            );
        }
    }

    #[test]
    fn the_edge_never_unwraps_on_request_paths() {
        let lib = read(&root().join("edge/src/lib.rs"));
        assert!(lib.contains("deny(clippy::unwrap_used, clippy::expect_used)"));
    }

    // ---- Every path the docs name exists -----------------------------------------------------

    /// The documents whose links and paths are checked: the two at the top and all of `docs/`.
    fn documents() -> Vec<PathBuf> {
        let mut docs = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
        files_under(&root().join("docs"), &["md"], &mut docs);
        docs
    }

    /// Folders `.gitignore` names from the top (`/target`, `/edge/build`): build output.
    fn ignored_folders() -> Vec<String> {
        read(&root().join(".gitignore"))
            .lines()
            .filter_map(|l| l.trim().strip_prefix('/'))
            .map(|l| l.trim_end_matches('/').to_owned())
            .collect()
    }

    /// The text outside fenced code blocks: shell sessions there name commands, not files.
    fn without_fences(text: &str) -> String {
        let mut fenced = false;
        let mut kept = String::new();
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
            } else if !fenced {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        kept
    }

    /// Targets of markdown links `[text](target)`, without `#fragment`; web links left out.
    fn link_targets(text: &str) -> Vec<String> {
        let mut targets = Vec::new();
        for part in text.split("](").skip(1) {
            let target = part.split(')').next().unwrap_or_default().trim();
            let target = target.trim_start_matches('<').trim_end_matches('>');
            let target = target.split('#').next().unwrap_or_default();
            let web = ["http:", "https:", "mailto:"].iter().any(|s| target.starts_with(s));
            if !web && !target.is_empty() && !target.contains(' ') {
                targets.push(target.to_owned());
            }
        }
        targets
    }

    /// Backticked spans that look like a file or folder of this repository: a tracked
    /// top-level folder, then either a name with an extension or a trailing `/`.
    fn backticked_paths(text: &str, top: &[String], ignored: &[String]) -> Vec<String> {
        let looks_like_path = |span: &str| {
            let first = span.split('/').next().unwrap_or_default();
            let last = span.rsplit('/').next().unwrap_or_default();
            let has_ext = last.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty());
            let plain = !span.contains(|c: char| c.is_whitespace() || "*<>{}|$…".contains(c));
            let under = |p: &String| span == p || span.starts_with(&format!("{p}/"));
            span.contains('/')
                && plain
                && top.iter().any(|t| t == first)
                && (has_ext || span.ends_with('/'))
                && !ignored.iter().any(under)
        };
        text.split('`')
            .skip(1)
            .step_by(2)
            .filter(|s| looks_like_path(s))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_path_the_docs_name_exists() {
        for required in ["FEATURES.md", "BUILDING.md", "STYLE.md", "BENCH.md"] {
            assert!(root().join("docs").join(required).is_file(), "docs/{required} is missing");
        }
        let (ignored, top) = (ignored_folders(), top_folders());
        let mut missing = Vec::new();
        let mut checked = 0;
        for doc in documents() {
            let text = without_fences(&read(&doc));
            let dir = doc.parent().map(Path::to_path_buf).unwrap_or_else(root);
            for target in link_targets(&text) {
                checked += 1;
                if !dir.join(&target).exists() {
                    missing.push(format!("{} links to {target}", rel(&doc)));
                }
            }
            for path in backticked_paths(&text, &top, &ignored) {
                checked += 1;
                if !root().join(&path).exists() {
                    missing.push(format!("{} names `{path}`", rel(&doc)));
                }
            }
        }
        assert!(checked > 20, "found only {checked} links and paths: is the parser broken?");
        assert_none("these docs name files that do not exist (fix the doc or the path)", &missing);
    }

    // ---- Every feature id built has a test named after it ---------------------------------------

    /// Rows of the tables in `docs/FEATURES.md` whose first cell is an id: (id, status).
    fn feature_statuses() -> Vec<(String, String)> {
        let text = read(&root().join("docs/FEATURES.md"));
        let is_id = |s: &str| {
            let mut chars = s.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && s.len() > 1
                && chars.all(|c| c.is_ascii_digit())
        };
        text.lines()
            .filter(|l| l.trim_start().starts_with('|'))
            .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
            .filter(|cells| cells.len() > 3 && is_id(cells[1]))
            .map(|cells| (cells[1].to_owned(), cells[3].to_owned()))
            .collect()
    }

    /// The ids a test name starts with: `q7_q11_take_over…` → `["q7", "q11"]`.
    fn leading_ids(name: &str) -> Vec<&str> {
        let is_id = |s: &&str| {
            s.len() > 1
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s[1..].chars().all(|c| c.is_ascii_digit())
        };
        name.split('_').take_while(is_id).collect()
    }

    /// Every test function (`#[test]`, `#[tokio::test]`, … above its `fn`): (name, file).
    fn test_functions() -> Vec<(String, String)> {
        let mut files = Vec::new();
        for krate in crates().iter().filter(|c| *c != "xtask") {
            files_under(&root().join(krate), &["rs"], &mut files);
        }
        let mut tests = Vec::new();
        for file in &files {
            let text = read(file);
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            for (i, line) in lines.iter().enumerate() {
                let Some(name) = fn_name(line) else { continue };
                let is_test = lines[..i]
                    .iter()
                    .rev()
                    .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
                    .any(|l| l.starts_with("#[") && l.contains("test"));
                if is_test {
                    tests.push((name.to_owned(), rel(file)));
                }
            }
        }
        tests
    }

    /// The name declared by a line such as `pub async fn name(`.
    fn fn_name(line: &str) -> Option<&str> {
        let rest = line.split_once("fn ")?;
        let prefix_ok =
            rest.0.split_whitespace().all(|w| ["pub", "async", "pub(crate)"].contains(&w));
        let name = rest.1.split(|c: char| !(c.is_alphanumeric() || c == '_')).next()?;
        (prefix_ok && !name.is_empty()).then_some(name)
    }

    #[test]
    fn every_feature_built_has_a_test_named_after_it_and_every_test_names_a_feature() {
        let statuses = feature_statuses();
        assert!(statuses.len() >= 40, "docs/FEATURES.md lists only {} ids", statuses.len());
        let ids: BTreeSet<&str> = statuses.iter().map(|(id, _)| id.as_str()).collect();
        let mut problems = Vec::new();
        if ids.len() != statuses.len() {
            problems.push("docs/FEATURES.md lists an id twice".to_owned());
        }
        let mut named: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (test, file) in test_functions() {
            for id in leading_ids(&test) {
                let id = id.to_ascii_uppercase();
                if !ids.contains(id.as_str()) {
                    problems.push(format!("{file}: `{test}` names {id}, not in docs/FEATURES.md"));
                }
                named.entry(id).or_default().push(test.clone());
            }
        }
        assert!(named.len() > 20, "tests name only {} ids: is the parser broken?", named.len());
        let excused = |id: &str| BUILT_WITHOUT_NAMED_TEST.iter().any(|(e, _)| *e == id);
        for (id, status) in &statuses {
            let tests = named.get(id).map_or(0, Vec::len);
            let prefix = format!("`{}_", id.to_ascii_lowercase());
            if status.starts_with("built") {
                if tests == 0 && !excused(id) {
                    problems.push(format!("{id} is built but no test is named {prefix}…`"));
                }
                if tests > 0 && excused(id) {
                    problems.push(format!("{id} has tests: drop it from BUILT_WITHOUT_NAMED_TEST"));
                }
                if tests > 0 && !status.contains(&prefix) {
                    problems.push(format!("{id}'s status should name its tests' prefix {prefix}`"));
                }
            } else if status.starts_with("planned") {
                if !status.contains("issue ") {
                    problems.push(format!("{id} is planned: say which issue builds it"));
                }
                if tests > 0 {
                    problems.push(format!("{id} is planned but has {tests} tests: mark it built"));
                }
            } else {
                problems.push(format!("{id}'s status `{status}` is neither built nor planned"));
            }
        }
        for (id, _) in BUILT_WITHOUT_NAMED_TEST {
            let built = statuses.iter().any(|(i, s)| i == id && s.starts_with("built"));
            if !built {
                problems.push(format!("BUILT_WITHOUT_NAMED_TEST lists {id}, not marked built"));
            }
        }
        assert_none("docs/FEATURES.md and the tests disagree", &problems);
    }

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
        let ident = |s: &str| {
            s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>()
        };
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
                        queue.push((
                            next.clone(),
                            [via.clone(), vec![format!("{next}.rs")]].concat(),
                        ));
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
        let mut ring: Vec<String> =
            path[smallest..].iter().chain(&path[..smallest]).cloned().collect();
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
            .flat_map(|r| {
                folder_cycles(&root().join(r)).into_iter().map(move |c| format!("{r}: {c}"))
            })
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
        const JS_SINKS: [&str; 4] =
            ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"];
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
        assert_none(
            "raw HTML written outside the listed files (use an escaping helper)",
            &problems,
        );
    }
}
