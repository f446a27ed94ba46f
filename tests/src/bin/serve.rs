//! `cargo xtask dev` runs this: the edge on workerd at a fixed port with lasting state, the
//! demo workspace seeded, and the URLs printed. Stops on Ctrl-C.

use anyhow::{Context, Result};
use openline_tests::demo;
use openline_tests::edge::{unique, Edge, EdgeConfig};
use std::path::PathBuf;

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let port: u16 = value("--port").map_or(Ok(8787), |p| p.parse()).context("--port")?;
    let persist = PathBuf::from(value("--persist").map_or(".openline", String::as_str));
    std::fs::create_dir_all(&persist)?;

    let edge = Edge::start(EdgeConfig {
        port: Some(port),
        secret: lasting_secret(&persist)?,
        persist,
        vars: Vec::new(),
    })
    .await?;
    if args.iter().any(|a| a == "--seed-demo") {
        edge.seed(&demo::seed()).await?;
    }
    println!(
        "\nOpenline is running on workerd (state in {state}).\n\n  \
         Demo page with the widget: {demo}\n  \
         Agent app:                 {app}\n  \
         Demo login:                workspace `{ws}`, {email} / {password}\n  \
         Embed snippet:             <script async src=\"{loader}\" data-channel=\"{key}\"></script>\n\n\
         Logs: {log}. Press Ctrl-C to stop.\n",
        state = edge.persist_dir().display(),
        demo = edge.url("/demo/"),
        app = edge.url("/app/"),
        ws = demo::WORKSPACE,
        email = demo::ADMIN_EMAIL,
        password = demo::ADMIN_PASSWORD,
        loader = edge.url("/widget.js"),
        key = demo::CHANNEL_KEY,
        log = edge.log_path().display(),
    );
    // Ctrl-C in the terminal, or a plain `kill`: either way the edge's process group is stopped.
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result?,
        _ = terminate.recv() => {}
    }
    println!("stopping…");
    drop(edge);
    Ok(())
}

/// Tokens must survive a restart, so the local signing secret is made once and kept with the
/// state (never in the repo).
fn lasting_secret(persist: &std::path::Path) -> Result<String> {
    let path = persist.join("secret");
    if let Ok(secret) = std::fs::read_to_string(&path) {
        return Ok(secret.trim().to_owned());
    }
    let secret =
        format!("dev-{}-{}-{}", std::process::id(), unique(), unique().wrapping_mul(2654435761));
    std::fs::write(&path, &secret)?;
    Ok(secret)
}
