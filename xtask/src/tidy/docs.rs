//! Tidy: the docs hold: every path they name exists, and every feature id built has a test
//! named after it (and every test names a listed feature).

use super::*;

// ---- Every path the docs name exists -----------------------------------------------------

/// The documents whose links and paths are checked: the two at the top and all of `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    files_under(&root().join("docs"), &["md"], &mut docs);
    docs
}

/// Folders `.gitignore` names from the top (`/target`, `/edge/build`): build output.
pub(super) fn ignored_folders() -> Vec<String> {
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
    text.split('`').skip(1).step_by(2).filter(|s| looks_like_path(s)).map(str::to_owned).collect()
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
pub(super) fn fn_name(line: &str) -> Option<&str> {
    let rest = line.split_once("fn ")?;
    let prefix_ok = rest.0.split_whitespace().all(|w| ["pub", "async", "pub(crate)"].contains(&w));
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
