//! `cargo xtask <command>`: Openline's build system, in Rust.
//!
//! Every command first installs what is missing (`tools`), so a fresh machine with Rust and
//! Node.js needs nothing else: `cargo xtask dev` to run it, `cargo xtask test` to test it.
//!
//! - `dev [--port N]`: build everything, run the edge on workerd at 127.0.0.1:8787 with state in
//!   `.openline/`, seed the demo workspace, print the URLs.
//! - `build`: the widget, the agent app, the demo page (`dist/public/`) and the Worker (`edge/build/`).
//! - `test`: build, then every test: `core` natively, then the end-to-end suite on workerd and
//!   headless Chromium.
//! - `bench`: sizes of what browsers download, and customer→agent latency on local workerd;
//!   prints them and writes `target/bench/report.json`. Never fails on a figure.
//! - `chaos [--messages N] [--drops N] [--restarts N]`: customers and agents exchange messages
//!   on local workerd while sockets drop (1,000 times), the runtime restarts (twice) and
//!   commands are replayed; prints what was lost, duplicated or leaked, and fails on any.
//! - `deploy [wrangler args…]`: build, then `wrangler deploy` (e.g. `-- --dry-run --outdir dist/deploy`).

mod bench;
mod build;
mod chaos;
mod dev;
mod run;
mod test;
mod tidy;
mod tools;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = args.split_first().map_or(("help", &[][..]), |(c, r)| (c.as_str(), r));
    match command {
        "dev" => dev::main(rest),
        "build" => build::main(),
        "test" => test::main(rest),
        "bench" => bench::main(rest),
        "chaos" => chaos::main(rest),
        "deploy" => build::deploy(rest),
        "help" | "--help" | "-h" => {
            println!(
                "{}",
                include_str!("main.rs")
                    .lines()
                    .take_while(|l| l.starts_with("//!"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            Ok(())
        }
        other => bail!("unknown command `{other}`; try `cargo xtask help`"),
    }
}
