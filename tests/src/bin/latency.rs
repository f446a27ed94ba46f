//! Customer→agent latency on local workerd: a customer posts N messages one after another and
//! an agent's dialog socket receives each; the time from sending to receipt is recorded.
//! Prints and writes `{ "n", "p50", "p99", "max" }` in milliseconds. Run by `cargo xtask bench`.

use anyhow::{Context, Result};
use openline_core::EventBody;
use openline_tests::api::{Agent, Customer};
use openline_tests::demo;
use openline_tests::edge::Edge;
use std::time::Instant;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let n: usize = value("--messages").map_or(Ok(1000), |v| v.parse()).context("--messages")?;

    // The bench sends messages back to back from one address, far above a person's pace: lift
    // the per-visitor and per-network limits.
    let vars = [("OPENLINE_CUSTOMER_BURST", "1000000"), ("OPENLINE_NETWORK_LIMIT", "off")];
    let edge = Edge::start_fresh_with("bench-latency", &vars).await?;
    edge.seed(&demo::seed()).await?;
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    let first = customer.say("warm-up").await?;
    let agent =
        Agent::login(&edge, demo::WORKSPACE, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    let last = first.events.last().map(|e| e.seq);
    let mut socket = agent.socket(&customer.session.dialog_id, last).await?;

    let mut samples = Vec::with_capacity(n);
    for i in 0..n {
        let text = format!("message {i}");
        let started = Instant::now();
        // Delivery is the moment the agent's socket has it, whether or not the customer's
        // HTTP reply has arrived yet.
        let delivered = async {
            let is_it = |e: &openline_core::Event| matches!(&e.body, EventBody::MessagePosted { text: t, .. } if *t == text);
            socket.events_until(is_it).await?;
            anyhow::Ok(started.elapsed())
        };
        let (sent, delivered) = tokio::join!(customer.say(&text), delivered);
        sent?;
        samples.push(delivered?.as_secs_f64() * 1000.0);
    }
    samples.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        samples
            [((samples.len() as f64 * q).ceil() as usize).saturating_sub(1).min(samples.len() - 1)]
    };
    let round = |ms: f64| (ms * 100.0).round() / 100.0;
    let report = serde_json::json!({
        "n": n,
        "p50": round(pick(0.50)),
        "p99": round(pick(0.99)),
        "max": round(pick(1.0)),
    });
    println!("{report}");
    if let Some(out) = value("--out") {
        std::fs::write(out, report.to_string())?;
    }
    Ok(())
}
