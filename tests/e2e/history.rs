//! No customer is ever out of sight (issue 15): paged history reaches the end of the log for
//! every reader, whatever run of events that reader may not see lies between; the inbox's first
//! page of each list holds the most recently active chats, however many the workspace has
//! (paging and counts at 10,000 dialogs: `inbox_lists`).

use anyhow::{ensure, Result};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use openline_core::limits::{INBOX_PAGE_ROWS, MAX_EVENTS_PER_PAGE};
use openline_core::protocol::EventsFrame;
use openline_core::protocol::InboxFrame;
use openline_core::sync::position_after;
use openline_core::{Command, Event};
use openline_tests::api::{message_texts, note, post};
use openline_tests::scene::Workspace;
use std::future::Future;

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
        message_texts(&seen) == ["Before the notes", "After the notes", "Thanks"],
        "the customer read {:?}",
        message_texts(&seen)
    );
    let all = read_to_the_end(|after| agent.events(&dialog, after)).await?;
    let agent_texts = message_texts(&all);
    ensure!(agent_texts.len() as u64 == notes + 3, "the agent read {}", agent_texts.len());
    ensure!(agent_texts.last().map(String::as_str) == Some("Thanks"));
    Ok(())
}

#[tokio::test]
async fn q2_the_inbox_keeps_open_and_recently_active_chats_past_its_snapshot_size() -> Result<()> {
    let ws = Workspace::new("inbox-past-snapshot").await?;
    let agent = ws.admin().await?;
    // Two early customers: Ana closes the first chat now and the second after all the others;
    // the first customer comes back later.
    let returning = ws.customer_from(1000).await?;
    returning.say("First visit").await?;
    let early = ws.customer_from(1001).await?;
    early.say("An early question").await?;
    agent.command(&returning.session.dialog_id, Command::AcceptAndClose).await?;
    // More closed chats than the snapshot holds of Closed, all created after those two.
    let others = INBOX_PAGE_ROWS + 10;
    stream::iter(0..others)
        .map(|n| {
            let (ws, agent) = (&ws, &agent);
            async move {
                let customer = ws.customer_from(n).await?;
                customer.say(&format!("Question {n}")).await?;
                agent.command(&customer.session.dialog_id, Command::AcceptAndClose).await?;
                anyhow::Ok(())
            }
        })
        .buffer_unordered(8)
        .try_collect::<Vec<()>>()
        .await?;
    // The early chat is closed last (its latest activity), and the customer comes back.
    agent.command(&early.session.dialog_id, Command::AcceptAndClose).await?;
    returning.say("I am back").await?;

    let InboxFrame::Snapshot { dialogs, .. } = agent.inbox().await? else {
        anyhow::bail!("the inbox answers with a snapshot")
    };
    let has = |dialog| dialogs.iter().any(|d| &d.dialog_id == dialog);
    ensure!(has(&returning.session.dialog_id), "the returning customer's new chat is missing");
    ensure!(has(&early.session.dialog_id), "the most recently active closed chat is missing");
    ensure!(dialogs.len() <= 5 * INBOX_PAGE_ROWS, "the snapshot grew to {}", dialogs.len());
    Ok(())
}
