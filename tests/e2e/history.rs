//! Long histories (issue 15, "no customer is ever out of sight"): paged history reaches the end
//! of the log for every reader, whatever run of events that reader may not see lies between.

use anyhow::{ensure, Result};
use openline_core::limits::MAX_EVENTS_PER_PAGE;
use openline_core::protocol::EventsFrame;
use openline_core::sync::position_after;
use openline_core::{Command, Event, EventBody};
use openline_tests::api::{note, post};
use openline_tests::scene::Workspace;
use std::future::Future;

/// The texts of the messages in `events`.
fn texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::MessagePosted { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Every page a reader asks for, from the start, moving as the apps do
/// (`sync::position_after`); each page that says `more` must carry an event to go on from.
async fn read_to_the_end<F, P>(page: P) -> Result<Vec<Event>>
where
    P: Fn(Option<u64>) -> F,
    F: Future<Output = Result<EventsFrame>>,
{
    let (mut position, mut events, mut pages) = (None, Vec::new(), 0);
    loop {
        let frame = page(position).await?;
        pages += 1;
        ensure!(pages <= 10, "the history does not end after {pages} pages");
        ensure!(!frame.more || !frame.events.is_empty(), "page {pages} says more but is empty");
        position = Some(position_after(position, &frame));
        let more = frame.more;
        events.extend(frame.events);
        if !more {
            return Ok(events);
        }
    }
}

#[tokio::test]
async fn q8_w3_history_pages_reach_the_end_past_a_long_run_of_hidden_notes() -> Result<()> {
    let ws = Workspace::new("history-hidden-run").await?;
    let customer = ws.customer().await?;
    let agent = ws.admin().await?;
    let dialog = customer.session.dialog_id.clone();
    customer.say("Before the notes").await?;
    agent.command(&dialog, Command::Answer).await?;
    // More notes than a page holds: the customer's pages of them show nothing.
    let notes = MAX_EVENTS_PER_PAGE + 20;
    for n in 0..notes {
        agent.command(&dialog, note(&format!("note {n}"))).await?;
    }
    agent.command(&dialog, post("After the notes")).await?;
    customer.say("Thanks").await?;

    let seen = read_to_the_end(|after| customer.events(after)).await?;
    ensure!(
        texts(&seen) == ["Before the notes", "After the notes", "Thanks"],
        "the customer read {:?}",
        texts(&seen)
    );
    let all = read_to_the_end(|after| agent.events(&dialog, after)).await?;
    let agent_texts = texts(&all);
    ensure!(agent_texts.len() as u64 == notes + 3, "the agent read {}", agent_texts.len());
    ensure!(agent_texts.last().map(String::as_str) == Some("Thanks"));
    Ok(())
}
