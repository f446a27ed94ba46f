//! A test of the app's shape, not of its behaviour: imports between the top-level folders of
//! `src/` (and its single-file modules) run one way. Folder A may use folder B only if B never
//! uses A, directly or through other folders; files inside one folder may use each other. The
//! shared leaves (`ui`, `api`, `i18n`, `route`) use no screen at all.
//!
//! Run `cargo test -p openline-agent layering -- --nocapture` to print who imports whom.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What the leaves may use: each other, never a screen.
const LEAVES: [&str; 4] = ["api", "i18n", "route", "ui"];

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn folders_import_each_other_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = folder_graph(&src);
    for (from, to) in &graph {
        let to: Vec<&str> = to.iter().map(String::as_str).collect();
        println!("{from} -> {}", to.join(", "));
    }
    assert!(graph.len() > 10, "found only {} modules in {}", graph.len(), src.display());
    let circles = circles(&graph);
    assert!(circles.is_empty(), "these folders import each other, in a circle: {circles:?}");
    for leaf in LEAVES {
        let screens: Vec<&String> = graph
            .get(leaf)
            .into_iter()
            .flatten()
            .filter(|m| !LEAVES.contains(&m.as_str()))
            .collect();
        assert!(screens.is_empty(), "`{leaf}` is shared by screens but uses {screens:?}");
    }
}

/// Each top-level module (a folder, or a file directly in `src/`) and the others it names
/// through `crate::…` paths.
fn folder_graph(src: &Path) -> Graph {
    let mut graph = Graph::new();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let top = relative.components().next().map(|c| c.as_os_str().to_string_lossy());
        let Some(top) = top.map(|t| t.trim_end_matches(".rs").to_owned()) else { continue };
        // This test's own examples are strings, not imports.
        if top == module_path!().trim_start_matches("openline_agent::") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let used = graph.entry(top.clone()).or_default();
        used.extend(crate_paths(&text).into_iter().filter(|m| *m != top));
    }
    graph
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first segment after every `crate::` in code (comments left out), including each name
/// of `crate::{a, b::c}`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or_default(),
            None => rest,
        };
        for name in names.split(',') {
            let first: String = name
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !first.is_empty() && first != "self" {
                found.insert(first);
            }
            if !rest.starts_with('{') {
                break;
            }
        }
    }
    found
}

/// The groups of modules that reach each other (Tarjan's strongly connected components with
/// more than one member).
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    struct Search<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Search<'a> {
        fn visit(&mut self, node: &'a str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let at = self.stack.iter().rposition(|m| *m == node).unwrap_or(0);
                let group: Vec<String> = self.stack.drain(at..).map(str::to_owned).collect();
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !search.index.contains_key(node.as_str()) {
            search.visit(node);
        }
    }
    search.found
}

#[test]
fn a_circle_is_found_and_reported() {
    let edge = |a: &str, b: &str| (a.to_owned(), BTreeSet::from([b.to_owned()]));
    let graph: Graph = [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("d", "a")].into();
    let mut found = circles(&graph);
    found.iter_mut().for_each(|g| g.sort());
    assert_eq!(found, [["a", "b", "c"]]);
    let paths = crate_paths(
        "use crate::{api, ui::use_ui};\n// crate::dialog\nlet x = crate::i18n::Lang::En;",
    );
    assert_eq!(paths, BTreeSet::from(["api".into(), "i18n".into(), "ui".into()]));
}
