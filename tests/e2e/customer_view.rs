//! Issue 15, "a customer gets only what is theirs, by every path, even by inference", on the
//! real edge: after agents edit, delete, note and move, every byte a customer can read (the
//! history over HTTP, a fresh socket, a resumed one, a socket open all along, the replies to
//! their own commands, a retried command's replay) carries no replaced or deleted text, no
//! deleted file, no note and no trace of the move, while agents keep every version; and the
//! widget draws that copy as it should (a tombstone as "message deleted", the current text as
//! edited).

use anyhow::{bail, Result};
use fantoccini::Locator;
use openline_core::contact::Rating;
use openline_core::inbox::DialogSummary;
use openline_core::protocol::{CommandReply, CommandRequest, EventsFrame, InboxFrame};
use openline_core::{Actor, Command, CommandId, DialogId, Event, EventBody};
use openline_tests::api::{attach, new_command_id, note, post, Agent, Customer, Socket, PATIENCE};
use openline_tests::scene::{Stage, Workspace};
use openline_tests::wait::{budget, wait_until};
use tokio::time::Instant;

/// What agents wrote and then replaced, withdrew or kept among themselves.
const NEVER_FOR_THE_CUSTOMER: &[&str] = &[
    "DRAFT-PRICE-199",
    "MIDDLE-PRICE-229",
    "WRONG-ADDRESS-CALLE-9",
    "old-quote-2024",
    "FILE-CAPTION-OLD",
    "TYPO-FIRST",
    "TYPO-SECOND",
    "NOTE-VIP-MARGIN",
    "session_split",
];

/// The texts that stand, which the customer must get (so a copy without the ones above is not
/// an empty one).
const THE_CUSTOMERS: &[&str] = &["FINAL-PRICE-249", "Otra cosa: mi factura", "Te la envío"];

#[tokio::test]
async fn m6_m8_m9_c6_what_agents_replaced_deleted_noted_or_moved_reaches_the_customer_by_no_path(
) -> Result<()> {
    let ws = Workspace::new("customer-view").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    let hello = new_command_id();
    customer.command(hello.clone(), post("Hola, ¿precio de la lámpara Arco?")).await?;
    let dialog = customer.session.dialog_id.clone();
    // Open all along: live, it reads each text as it was then, never a note or the move.
    let mut live = customer.socket(None).await?;
    let mut live_frames = frames_until(&mut live, |f| !f.more).await?;

    let withdrawn = revise_and_withdraw(&ana, &luis, &dialog).await?;

    // A new topic becomes session 2 for agents; it ends, is rated, and the customer writes
    // again (session 3 for agents). For the customer it is one chat: sessions 1 and 2.
    let (topic_id, topic) = (new_command_id(), post("Otra cosa: mi factura"));
    let topic_reply = command_raw(&customer, &topic_id, &topic).await?;
    let topic_seq = seq_of(&serde_json::from_str(&topic_reply)?);
    luis.command(&dialog, Command::MoveToNewSession { seq: topic_seq }).await?;
    luis.command(&dialog, post("Te la envío.")).await?;
    luis.command(&dialog, Command::Finish).await?;
    let rate = Command::Rate { rating: Rating::thumbs(true), comment: String::new() };
    let rate_reply = command_raw(&customer, &new_command_id(), &rate).await?;
    let (thanks_id, thanks) = (new_command_id(), post("Gracias"));
    let thanks_reply = command_raw(&customer, &thanks_id, &thanks).await?;
    // Luis answers the new session, invites Ana and hands over to Marta: the customer sees each
    // join by themselves, as when one answers.
    luis.command(&dialog, Command::Answer).await?;
    luis.command(&dialog, Command::Invite { agent: ana.login.agent.id.clone() }).await?;
    let marta_id = marta.login.agent.id.clone();
    luis.command(&dialog, Command::Transfer { to: marta_id.clone() }).await?;
    let marta_joined =
        |e: &Event| matches!(&e.body, EventBody::Answered { agent, .. } if *agent == marta_id);
    live_frames.extend(frames_until(&mut live, |f| f.events.iter().any(marta_joined)).await?);

    // Every path a customer reads by, as raw bytes.
    let mut fresh = customer.socket(None).await?;
    let mut resumed = customer.socket(Some(1)).await?;
    let paths = [
        ("history", history_raw(&customer, None).await?),
        ("history after 1", history_raw(&customer, Some(1)).await?),
        ("fresh socket", frames_until(&mut fresh, |f| !f.more).await?.concat()),
        ("resumed socket", frames_until(&mut resumed, |f| !f.more).await?.concat()),
        ("reply to the new topic", topic_reply),
        ("reply to the rating", rate_reply),
        ("reply to the thanks", thanks_reply),
        ("replayed first command", command_raw(&customer, &hello, &post("x")).await?),
        ("replayed topic", command_raw(&customer, &topic_id, &topic).await?),
        ("replayed thanks", command_raw(&customer, &thanks_id, &thanks).await?),
    ];
    check_raw_bytes(&paths, &live_frames);

    // The withdrawn messages are tombstones in place; sessions are numbered without the move.
    let history: EventsFrame = serde_json::from_str(&paths[0].1)?;
    let thanks: CommandReply = serde_json::from_str(&paths[6].1)?;
    let live: Vec<Event> = live_frames
        .iter()
        .filter_map(|f| serde_json::from_str::<EventsFrame>(f).ok())
        .flat_map(|f| f.events)
        .collect();
    check_customer_events(&history.events, withdrawn, &thanks.events, &live)?;
    check_agents_keep_everything(&luis, &dialog).await?;
    Ok(())
}

/// The widget draws the customer's copy: after a reload it has only the tombstone and the
/// current text, and still shows "message deleted" and the edited mark where they belong.
#[tokio::test]
async fn m8_m9_a_reloaded_widget_draws_the_current_text_and_the_deleted_line_from_its_copy(
) -> Result<()> {
    let stage = Stage::new("browser-customer-view").await?;
    let (_, luis, _) = stage.ws.agents().await?;
    let customer = stage.customer().await?;
    customer.open().await?;
    customer.send("¿Precio de la lámpara Arco?").await?;
    customer.sees_mine("lámpara Arco").await?;
    let dialog = wait_until("the chat in Luis's inbox", budget::API, || async {
        let InboxFrame::Snapshot { dialogs, .. } = luis.inbox().await? else { return Ok(None) };
        let asked = |d: &&DialogSummary| {
            d.last_message.as_ref().is_some_and(|m| m.text.contains("lámpara Arco"))
        };
        Ok(dialogs.iter().find(asked).map(|d| d.dialog_id.clone()))
    })
    .await?;
    let price = seq_of(&luis.command(&dialog, post("DRAFT-PRICE-199 €")).await?);
    let text = "FINAL-PRICE-249 €".to_owned();
    luis.command(&dialog, Command::EditMessage { seq: price, text }).await?;
    let wrong = seq_of(&luis.command(&dialog, post("WRONG-ADDRESS-CALLE-9")).await?);
    luis.command(&dialog, Command::DeleteMessage { seq: wrong }).await?;
    customer.find_text("#messages li.msg.deleted", "deleted").await?;

    customer.outside().await?;
    customer.reload_page().await?;
    customer.open().await?;
    let edited = customer.find_text("#messages li.msg.from-agent", "FINAL-PRICE-249").await?;
    assert!(edited.find(Locator::Css(".msg-edited")).await.is_ok(), "marked as edited");
    customer.find_text("#messages li.msg.deleted", "deleted").await?;
    let list = customer.find("#messages").await?.html(true).await?;
    for never in ["DRAFT-PRICE-199", "WRONG-ADDRESS-CALLE-9"] {
        assert!(!list.contains(never), "the list shows {never:?}: {list}");
    }
    customer.outside().await?;
    customer.screenshot("40-widget-reloaded-customer-copy").await?;
    customer.page.close().await?;
    Ok(())
}

/// No path carries what is not the customer's; the history carries what stands; the live
/// socket got each text as it was then, but never a note or the move.
fn check_raw_bytes(paths: &[(&str, String)], live_frames: &[String]) {
    for (path, bytes) in paths {
        for never in NEVER_FOR_THE_CUSTOMER {
            assert!(!bytes.contains(never), "{path} carries {never:?}: {bytes}");
        }
    }
    let history = &paths[0].1;
    for standing in THE_CUSTOMERS {
        assert!(history.contains(standing), "history lacks {standing:?}: {history}");
    }
    let live = live_frames.concat();
    for never in ["NOTE-VIP-MARGIN", "session_split"] {
        assert!(!live.contains(never), "the live socket carries {never:?}: {live}");
    }
}

/// The withdrawn messages are tombstones in place, sessions are numbered as the customer met
/// them on every path, and each agent who joined is the one who acts.
fn check_customer_events(
    history: &[Event],
    withdrawn: [u64; 3],
    thanks: &[Event],
    live: &[Event],
) -> Result<()> {
    for seq in withdrawn {
        let posted = history.iter().find(|e| e.seq == seq).map(|e| &e.body);
        let Some(EventBody::MessagePosted { text, files, .. }) = posted else {
            bail!("message {seq} is not in its place: {posted:?}")
        };
        assert!(text.is_empty() && files.is_empty(), "message {seq}: {posted:?}");
        assert!(history.iter().any(|e| e.body == deleted(seq)), "no deletion of {seq}");
    }
    assert_eq!(sessions(history), ["opened 1", "closed 1", "rated 1", "opened 2"]);
    assert_eq!(sessions(thanks), ["opened 2"]);
    assert_eq!(sessions(live), ["opened 1", "closed 1", "rated 1", "opened 2"]);
    let joins = joins(history);
    assert_eq!(joins.len(), 4, "Luis twice, Ana, Marta: {joins:?}");
    assert!(joins.iter().all(|(by, who)| by == who), "{joins:?}");
    Ok(())
}

/// Agents keep every version, the note, the move, and who handed over and invited.
async fn check_agents_keep_everything(luis: &Agent, dialog: &DialogId) -> Result<()> {
    let agents = luis.events(dialog, None).await?;
    let luis_name = &luis.login.agent.name;
    let by_luis = |e: &&Event| matches!(&e.actor, Actor::Agent { name, .. } if name == luis_name);
    let handed_over =
        agents.events.iter().filter(by_luis).filter(|e| {
            matches!(e.body, EventBody::Transferred { .. } | EventBody::Invited { .. })
        });
    assert_eq!(handed_over.count(), 2);
    let agents = serde_json::to_string(&agents)?;
    for kept in NEVER_FOR_THE_CUSTOMER.iter().chain(THE_CUSTOMERS) {
        assert!(agents.contains(kept), "the agents' history lacks {kept:?}");
    }
    Ok(())
}

/// Luis corrects a price twice; a wrong message, a wrong file and an edited one are withdrawn
/// (Ana, an admin, withdraws one of Luis's); a note is written and edited. Returns the `seq`
/// of the three withdrawn messages.
async fn revise_and_withdraw(ana: &Agent, luis: &Agent, dialog: &DialogId) -> Result<[u64; 3]> {
    let price = seq_of(&luis.command(dialog, post("DRAFT-PRICE-199 €")).await?);
    for text in ["MIDDLE-PRICE-229 €", "FINAL-PRICE-249 €"] {
        luis.command(dialog, Command::EditMessage { seq: price, text: text.into() }).await?;
    }
    let wrong = seq_of(&luis.command(dialog, post("WRONG-ADDRESS-CALLE-9")).await?);
    luis.command(dialog, Command::DeleteMessage { seq: wrong }).await?;
    let file = luis.upload(dialog, "old-quote-2024.pdf", b"%PDF-1.4 old".to_vec()).await?;
    let filed = seq_of(&luis.command(dialog, attach(&[&file], "FILE-CAPTION-OLD")).await?);
    ana.command(dialog, Command::DeleteMessage { seq: filed }).await?;
    let typo = seq_of(&luis.command(dialog, post("TYPO-FIRST")).await?);
    luis.command(dialog, Command::EditMessage { seq: typo, text: "TYPO-SECOND".into() }).await?;
    luis.command(dialog, Command::DeleteMessage { seq: typo }).await?;
    let noted = seq_of(&luis.command(dialog, note("NOTE-VIP-MARGIN 30 %")).await?);
    let vip = Command::EditMessage { seq: noted, text: "NOTE-VIP-MARGIN 35 %".into() };
    luis.command(dialog, vip).await?;
    Ok([wrong, filed, typo])
}

/// The `seq` of the last message a command posted.
fn seq_of(reply: &CommandReply) -> u64 {
    let mut posts = reply.events.iter().rev();
    posts.find(|e| matches!(e.body, EventBody::MessagePosted { .. })).map_or(0, |e| e.seq)
}

/// Each agent joining: (who the event says acted, who joined).
fn joins(events: &[Event]) -> Vec<(String, String)> {
    let join = |e: &Event| match (&e.actor, &e.body) {
        (Actor::Agent { name, .. }, EventBody::Answered { agent_name, .. })
        | (Actor::Agent { name, .. }, EventBody::Invited { agent_name, .. }) => {
            Some((name.clone(), agent_name.clone()))
        }
        _ => None,
    };
    events.iter().filter_map(join).collect()
}

fn deleted(seq: u64) -> EventBody {
    EventBody::MessageDeleted { seq, internal: false }
}

/// The session events, as "opened 1", "closed 1", "rated 1".
fn sessions(events: &[Event]) -> Vec<String> {
    let line = |e: &Event| match &e.body {
        EventBody::SessionOpened { session } => Some(format!("opened {session}")),
        EventBody::Closed { session, .. } => Some(format!("closed {session}")),
        EventBody::Rated { session, .. } => Some(format!("rated {session}")),
        _ => None,
    };
    events.iter().filter_map(line).collect()
}

/// A customer's command as the widget sends it; the reply's body as it came.
async fn command_raw(customer: &Customer, id: &CommandId, command: &Command) -> Result<String> {
    let request = CommandRequest { command_id: id.clone(), command: command.clone() };
    let body = serde_json::to_vec(&request)?;
    let (status, text) =
        customer.http.raw(reqwest::Method::POST, "/api/widget/commands", body).await?;
    if status != 200 {
        bail!("the command was refused with {status}: {text}");
    }
    Ok(text)
}

/// A page of the customer's history over HTTP, as it came.
async fn history_raw(customer: &Customer, after: Option<u64>) -> Result<String> {
    let path = match after {
        Some(after) => format!("/api/widget/events?after={after}"),
        None => "/api/widget/events".to_owned(),
    };
    let (status, text) = customer.http.raw(reqwest::Method::GET, &path, Vec::new()).await?;
    if status != 200 {
        bail!("the history was refused with {status}: {text}");
    }
    Ok(text)
}

/// The event frames a socket sends, as they came, up to the first that is `done`; other
/// frames (typing indicators) are kept too. Bounded as a whole by `PATIENCE`.
async fn frames_until(
    socket: &mut Socket,
    done: impl Fn(&EventsFrame) -> bool,
) -> Result<Vec<String>> {
    let deadline = Instant::now() + PATIENCE;
    let mut frames = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(text) = socket.next_text(left).await? else {
            bail!("the frame waited for did not come within {PATIENCE:?}; seen: {frames:?}");
        };
        let finished = serde_json::from_str::<EventsFrame>(&text).is_ok_and(|f| done(&f));
        frames.push(text);
        if finished {
            return Ok(frames);
        }
    }
}
