//! Click to interactive (issue 8): on the demo page in headless Chromium with a cold cache (a
//! fresh browser profile each run), the time from clicking the launcher to a composer the
//! customer can type in, measured inside the page with `performance.now()`. Also what the
//! page view and the opening actually fetched, from the Resource Timing entries. Prints and
//! writes `{ "runs", "median_ms", "min_ms", "max_ms", "page_view_requests", "open_requests" }`.

use anyhow::{Context, Result};
use openline_tests::browser::Driver;
use openline_tests::demo;
use openline_tests::edge::Edge;
use serde_json::{json, Value};

/// Clicks the launcher and resolves with the milliseconds until the chat's composer exists
/// (it appears once the visitor session is open), and the requests made for it.
const CLICK_TO_INTERACTIVE: &str = "
const done = arguments[arguments.length - 1];
const root = document.querySelector('openline-chat').shadowRoot;
const pageView = performance.getEntriesByType('resource').map(e => e.name);
const t0 = performance.now();
root.querySelector('button').click();
(function poll() {
  const frame = root.querySelector('iframe');
  const doc = frame && frame.contentDocument;
  const composer = doc && doc.querySelector('#composer-input');
  if (composer && !composer.disabled) {
    const opened = frame.contentWindow.performance.getEntriesByType('resource').map(e => e.name);
    done({ ms: performance.now() - t0, page_view: pageView, open: [frame.src].concat(opened) });
  } else {
    requestAnimationFrame(poll);
  }
})();
";

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let runs: usize = value("--runs").map_or(Ok(5), |v| v.parse()).context("--runs")?;

    let edge = Edge::start_fresh("bench-open").await?;
    edge.seed(&demo::seed()).await?;
    let driver = Driver::start().await?;
    let mut times = Vec::with_capacity(runs);
    let mut last = Value::Null;
    for _ in 0..runs {
        let page = driver.page(1280, 800).await?;
        page.goto(&edge.url("/demo/")).await?;
        page.find("openline-chat").await?;
        let result = page.client.execute_async(CLICK_TO_INTERACTIVE, vec![]).await?;
        times.push(result["ms"].as_f64().context("a time")?);
        last = result;
        page.close().await?;
    }
    times.sort_by(f64::total_cmp);
    let round = |ms: f64| (ms * 10.0).round() / 10.0;
    let paths = |list: &Value| -> Vec<String> {
        list.as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|u| u.split_once("//").map_or(u, |(_, rest)| rest).to_owned())
                    .map(|u| u.split_once('/').map_or(u.clone(), |(_, path)| format!("/{path}")))
                    .collect()
            })
            .unwrap_or_default()
    };
    let report = json!({
        "runs": runs,
        "median_ms": round(times[times.len() / 2]),
        "min_ms": round(times[0]),
        "max_ms": round(times[times.len() - 1]),
        "page_view_requests": paths(&last["page_view"]),
        "open_requests": paths(&last["open"]),
    });
    println!("{report}");
    if let Some(out) = value("--out") {
        std::fs::write(out, report.to_string())?;
    }
    Ok(())
}
