//! `cargo xtask bench [--messages N]`: figures, never verdicts.
//!
//! Sizes: what a browser downloads, raw and compressed as a CDN would serve it (each file on
//! its own, gzip -9 and brotli q11), for a page view (the loader), opening the chat, the agent
//! app, and the Worker's wasm. Latency: customer→agent message delivery over 1 000 messages on
//! local workerd, measured by the `latency` program of the test harness; click to interactive
//! (launcher click to a usable composer, cold cache) in headless Chromium by `open_time`. Writes
//! `target/bench/report.json` so runs can be compared.

use crate::build::{self, dist};
use crate::dev::flag_value;
use crate::run::{root, run};
use crate::tools;
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

pub fn main(args: &[String]) -> Result<()> {
    let messages = flag_value(args, "--messages").unwrap_or("1000");
    tools::ensure_build_tools()?;
    build::build_all()?;

    let sizes = json!({
        "loader": measure(&[dist().join("widget.js")])?,
        "widget_open": measure(&files_of("widget", &["index.html", "boot.js", "style.css", "widget.js", "widget_bg.wasm"]))?,
        "agent_app": measure(&files_of("app", &["index.html", "boot.js", "style.css", "app.js", "app_bg.wasm"]))?,
        "edge_wasm": measure(&[root().join("edge/build/index_bg.wasm")])?,
    });
    let latency = measure_latency(messages)?;
    let open = measure_open()?;
    let report = json!({ "sizes": sizes, "latency_ms": latency, "click_to_interactive": open });

    print_report(&report);
    let out = root().join("target/bench");
    fs::create_dir_all(&out)?;
    fs::write(out.join("report.json"), serde_json::to_string_pretty(&report)?)?;
    println!("written to target/bench/report.json");
    Ok(())
}

fn files_of(folder: &str, names: &[&str]) -> Vec<PathBuf> {
    names.iter().map(|n| dist().join(folder).join(n)).collect()
}

/// Total bytes of `files`, raw, gzip -9 and brotli q11, each file compressed on its own.
fn measure(files: &[PathBuf]) -> Result<Value> {
    let (mut raw, mut gzip, mut brotli) = (0, 0, 0);
    for file in files {
        let bytes = fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        raw += bytes.len();
        gzip += gzip_len(&bytes)?;
        brotli += brotli_len(&bytes)?;
    }
    Ok(json!({ "raw": raw, "gzip": gzip, "brotli": brotli }))
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn brotli_len(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

fn measure_latency(messages: &str) -> Result<Value> {
    fs::create_dir_all(root().join("target/bench"))?;
    let out = root().join("target/bench/latency.json");
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "openline-tests", "--bin", "latency", "--"])
        .args(["--messages", messages, "--out"])
        .arg(&out)
        .current_dir(root()))?;
    Ok(serde_json::from_str(&fs::read_to_string(&out)?)?)
}

/// Click to a usable composer in headless Chromium, cold cache (the `open_time` program).
fn measure_open() -> Result<Value> {
    tools::ensure_browser()?;
    let out = root().join("target/bench/open.json");
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "openline-tests", "--bin", "open_time", "--"])
        .args(["--runs", "7", "--out"])
        .arg(&out)
        .current_dir(root()))?;
    Ok(serde_json::from_str(&fs::read_to_string(&out)?)?)
}

fn print_report(report: &Value) {
    println!("\n{:<14} {:>10} {:>10} {:>10}", "bytes", "raw", "gzip", "brotli");
    for name in ["loader", "widget_open", "agent_app", "edge_wasm"] {
        let s = &report["sizes"][name];
        let n = |k: &str| s[k].as_u64().unwrap_or(0);
        println!("{name:<14} {:>10} {:>10} {:>10}", n("raw"), n("gzip"), n("brotli"));
    }
    let o = &report["click_to_interactive"];
    // The demo page's own files and the browser's favicon are not Openline's.
    let page_view: Vec<&str> = o["page_view_requests"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let ours: Vec<&str> = page_view
        .into_iter()
        .filter(|p| !p.starts_with("/demo/") && *p != "/favicon.ico")
        .collect();
    println!(
        "\npage view fetches from Openline: {ours:?} ({} B gzip, {} B brotli)\nopening fetches: {}",
        report["sizes"]["loader"]["gzip"], report["sizes"]["loader"]["brotli"], o["open_requests"]
    );
    println!(
        "click to interactive (cold cache, {} runs): median {} ms, min {} ms, max {} ms",
        o["runs"], o["median_ms"], o["min_ms"], o["max_ms"]
    );
    let l = &report["latency_ms"];
    println!(
        "\ncustomer→agent latency over {} messages: p50 {} ms, p99 {} ms, max {} ms\n",
        l["n"], l["p50"], l["p99"], l["max"]
    );
}
