//! The dialog over HTTP and WebSockets: fan-out, lifecycle, resume, exactly-once, restarts.

use openline_core::protocol::{EventsFrame, InboxFrame};
use openline_core::transcript::{fold, Item};
use openline_core::ErrorCode;
use openline_core::{CommandId, Event, EventBody, SessionStatus};
use openline_tests::api::{failure, message_texts, new_command_id, note, post, Agent, Customer};
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::scene::Workspace;

/// Each event's wire tag (`session_opened`, `message_posted`, …).
fn kinds(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| serde_json::to_value(&e.body).map(|v| v["type"].as_str().unwrap_or("").to_owned()))
        .collect::<Result<_, _>>()
        .unwrap_or_default()
}

fn is_message(text: &'static str) -> impl Fn(&Event) -> bool {
    move |e| matches!(&e.body, EventBody::MessagePosted { text: t, .. } if t == text)
}

#[tokio::test]
async fn q2_q3_q10_q12_round_trip_fans_out_to_customer_agent_and_inbox() -> anyhow::Result<()> {
    let ws = Workspace::new("round-trip").await?;
    let agent = ws.admin().await?;
    let mut inbox = agent.inbox_socket().await?;
    let InboxFrame::Snapshot { dialogs, .. } = inbox.next().await? else {
        panic!("snapshot first")
    };
    assert!(dialogs.is_empty());

    // The customer writes: the agents' inbox shows it as unanswered at once (Q2).
    let customer = ws.customer().await?;
    let mut customer_socket = customer.socket(None).await?;
    let first: EventsFrame = customer_socket.next().await?;
    assert!(first.reset && first.events.is_empty());
    customer.say("Hola, ¿tenéis envío a Canarias?").await?;
    let InboxFrame::Upsert { dialog, .. } = inbox.next().await? else { panic!("upsert") };
    assert_eq!(dialog.dialog_id, customer.session.dialog_id);
    assert_eq!(dialog.channel_name, "Website");
    assert_eq!(dialog.status, SessionStatus::Unanswered);
    assert_eq!(dialog.unread, 1);
    assert_eq!(
        dialog.last_message.map(|m| m.text).as_deref(),
        Some("Hola, ¿tenéis envío a Canarias?")
    );

    // The agent answers and replies (Q3): the customer sees both live.
    let dialog_id = customer.session.dialog_id.clone();
    let mut agent_socket = agent.socket(&dialog_id, None).await?;
    let history: EventsFrame = agent_socket.next().await?;
    assert_eq!(kinds(&history.events), ["session_opened", "message_posted"]);
    agent.command(&dialog_id, openline_core::Command::Answer).await?;
    agent.command(&dialog_id, post("¡Sí! Envío en 48 h.")).await?;
    let seen = customer_socket.events_until(is_message("¡Sí! Envío en 48 h.")).await?;
    assert_eq!(kinds(&seen), ["session_opened", "message_posted", "answered", "message_posted"]);
    let InboxFrame::Upsert { dialog, .. } = inbox.next().await? else { panic!("upsert") };
    assert!(matches!(dialog.status, SessionStatus::InProgress { .. }));

    // Finish (Q10): the customer is told.
    agent.command(&dialog_id, openline_core::Command::Finish).await?;
    let seen = customer_socket.events_until(|e| matches!(e.body, EventBody::Closed { .. })).await?;
    assert_eq!(
        seen.last().map(|e| &e.body),
        Some(&EventBody::Closed { session: 1, reason: openline_core::CloseReason::Finished })
    );

    // A new message opens session 2 of the same dialog (Q12), back in Unanswered.
    let reply = customer.say("Otra pregunta").await?;
    assert_eq!(kinds(&reply.events), ["session_opened", "message_posted"]);
    assert_eq!(reply.events[0].body, EventBody::SessionOpened { session: 2 });
    let InboxFrame::Snapshot { dialogs, .. } = agent.inbox().await? else { panic!("snapshot") };
    assert_eq!(dialogs.len(), 1, "same dialog, not a new one");
    assert_eq!((dialogs[0].session, &dialogs[0].status), (2, &SessionStatus::Unanswered));
    let all = agent_socket.events_until(is_message("Otra pregunta")).await?;
    assert_eq!(
        all.last().map(|e| e.seq),
        Some(7),
        "opened, message, answered, reply, closed, opened, message"
    );
    Ok(())
}

#[tokio::test]
async fn q8_an_earlier_session_reads_above_the_next_with_a_line_where_each_starts(
) -> anyhow::Result<()> {
    use openline_core::Command::{Answer, Finish};
    let ws = Workspace::new("history").await?;
    let (ana, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let dialog = customer.session.dialog_id.clone();

    // Session 1: Ana answers and finishes. Session 2: the customer writes again, Luis answers.
    customer.say("¿Tenéis la lámpara Arco en negro?").await?;
    ana.command(&dialog, Answer).await?;
    ana.command(&dialog, post("Sí, en negro mate.")).await?;
    ana.command(&dialog, Finish).await?;
    customer.say("¿Y el envío a Canarias?").await?;
    luis.command(&dialog, Answer).await?;
    luis.command(&dialog, post("En 48 h.")).await?;

    // Luis, who never saw session 1, gets it in the same history, above his own; the list the
    // agent app draws (core's `fold`) opens each session with its "Session N started" line.
    let history = luis.events(&dialog, None).await?;
    assert!(history.reset && !history.more, "the whole history at once");
    let read: Vec<String> = fold(&history.events)
        .iter()
        .map(|item| match item {
            Item::Message(m) => m.text.clone(),
            Item::Line(e) => match e.body {
                EventBody::SessionOpened { session } => format!("== session {session} =="),
                _ => kinds(std::slice::from_ref(e)).concat(),
            },
        })
        .collect();
    assert_eq!(
        read,
        [
            "== session 1 ==",
            "¿Tenéis la lámpara Arco en negro?",
            "answered",
            "Sí, en negro mate.",
            "closed",
            "== session 2 ==",
            "¿Y el envío a Canarias?",
            "answered",
            "En 48 h.",
        ]
    );
    Ok(())
}

#[tokio::test]
async fn w3_resume_after_a_dropped_socket_delivers_exactly_what_was_missed() -> anyhow::Result<()> {
    let ws = Workspace::new("resume").await?;
    let agent = ws.admin().await?;
    let customer = ws.customer().await?;
    customer.say("one").await?;
    let dialog_id = customer.session.dialog_id.clone();

    let mut socket = customer.socket(None).await?;
    let frame: EventsFrame = socket.next().await?;
    let last_seen = frame.events.last().map(|e| e.seq).unwrap_or(0);
    socket.close().await?;

    // While the customer is away: replies and a hidden note.
    for text in ["two", "three", "four"] {
        agent.command(&dialog_id, post(text)).await?;
    }
    agent.command(&dialog_id, note("internal only")).await?;

    let mut socket = customer.socket(Some(last_seen)).await?;
    let replay: EventsFrame = socket.next().await?;
    assert!(!replay.reset);
    assert_eq!(message_texts(&replay.events), ["two", "three", "four"]);
    assert!(replay.events.iter().all(|e| e.seq > last_seen), "nothing seen twice");
    // Live again after the replay.
    agent.command(&dialog_id, post("five")).await?;
    let live = socket.events_until(is_message("five")).await?;
    assert_eq!(message_texts(&live), ["five"]);

    // A position this dialog never had gets a full resync, never silence.
    let mut socket = customer.socket(Some(9_999)).await?;
    let resync: EventsFrame = socket.next().await?;
    assert!(resync.reset);
    assert_eq!(message_texts(&resync.events), ["one", "two", "three", "four", "five"]);
    // The same holds over HTTP.
    let page = customer.events(Some(last_seen)).await?;
    assert_eq!(message_texts(&page.events), ["two", "three", "four", "five"]);
    Ok(())
}

#[tokio::test]
async fn exactly_once_a_retried_command_is_appended_once() -> anyhow::Result<()> {
    let ws = Workspace::new("exactly-once").await?;
    let customer = ws.customer().await?;
    let id = new_command_id();
    let first = customer.command(id.clone(), post("only once")).await?;
    // A retry after a lost reply, and two more racing each other.
    let retry = customer.command(id.clone(), post("only once")).await?;
    let (a, b) = tokio::join!(
        customer.command(id.clone(), post("only once")),
        customer.command(id.clone(), post("only once"))
    );
    assert_eq!(first, retry);
    assert_eq!(a?, first);
    assert_eq!(b?, first);
    let history = customer.events(None).await?;
    assert_eq!(message_texts(&history.events), ["only once"]);

    // Agents' retries too, and ids are per actor: the same id from the agent is its own command.
    let agent = ws.admin().await?;
    let dialog_id = &customer.session.dialog_id;
    let agent_id = CommandId::parse("shared-id").unwrap_or_else(|| unreachable!());
    agent.command_with_id(dialog_id, agent_id.clone(), post("reply")).await?;
    agent.command_with_id(dialog_id, agent_id.clone(), post("reply")).await?;
    customer.command(agent_id, post("mine")).await?;
    let history = agent.events(dialog_id, None).await?;
    assert_eq!(message_texts(&history.events), ["only once", "reply", "mine"]);
    Ok(())
}

#[tokio::test]
async fn w3_history_survives_a_restart_of_the_runtime() -> anyhow::Result<()> {
    // Its own edge: the runtime stops and starts again under it.
    let mut edge = Edge::start_fresh("restart").await?;
    edge.seed(&demo::seed()).await?;
    let agent =
        Agent::login(&edge, demo::WORKSPACE, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    customer.say("before the restart").await?;
    agent.command(&customer.session.dialog_id, post("noted")).await?;
    agent.command(&customer.session.dialog_id, note("vip")).await?;
    let before_customer = customer.events(None).await?;
    let before_agent = agent.events(&customer.session.dialog_id, None).await?;

    edge.restart().await?;

    // Same tokens, same history, and the log goes on from where it was.
    assert_eq!(customer.events(None).await?, before_customer);
    assert_eq!(agent.events(&customer.session.dialog_id, None).await?, before_agent);
    let reply = customer.say("after the restart").await?;
    assert_eq!(reply.events[0].seq, before_agent.last_seq + 1);
    let InboxFrame::Snapshot { dialogs, .. } = agent.inbox().await? else { panic!("snapshot") };
    assert_eq!(
        dialogs[0].last_message.as_ref().map(|m| m.text.as_str()),
        Some("after the restart")
    );
    // A returning visitor with the kept token is the same customer (W3).
    let returning =
        Customer::resume(&edge, demo::CHANNEL_KEY, Some(customer.session.visitor_token.clone()))
            .await?;
    assert_eq!(returning.session.dialog_id, customer.session.dialog_id);
    assert_eq!(
        message_texts(&returning.events(None).await?.events),
        ["before the restart", "noted", "after the restart"]
    );
    Ok(())
}

#[tokio::test]
async fn c6_hidden_note_never_reaches_the_customer_by_any_path() -> anyhow::Result<()> {
    let ws = Workspace::new("hidden-note").await?;
    let agent = ws.admin().await?;
    let customer = ws.customer().await?;
    customer.say("hello").await?;
    let dialog_id = customer.session.dialog_id.clone();
    let mut customer_socket = customer.socket(Some(0)).await?;
    let _: EventsFrame = customer_socket.next().await?;

    let reply = agent.command(&dialog_id, note("customer is a reseller")).await?;
    assert_eq!(
        message_texts(&reply.events),
        ["customer is a reseller"],
        "the agent sees their note"
    );
    agent.command(&dialog_id, post("public reply")).await?;

    let live = customer_socket.events_until(is_message("public reply")).await?;
    let history = customer.events(None).await?;
    let resumed = customer.socket(Some(0)).await?.next::<EventsFrame>().await?;
    for (path, events) in
        [("socket", &live), ("history", &history.events), ("resume", &resumed.events)]
    {
        assert!(
            !message_texts(events).iter().any(|t| t.contains("reseller")),
            "note leaked via {path}"
        );
    }
    // Even a customer command reply never carries it: the customer's own retry of nothing.
    assert!(!message_texts(&customer.say("ok").await?.events)
        .iter()
        .any(|t| t.contains("reseller")));
    let agent_view = agent.events(&dialog_id, None).await?;
    assert!(message_texts(&agent_view.events).iter().any(|t| t == "customer is a reseller"));
    Ok(())
}

#[tokio::test]
async fn customers_and_workspaces_stay_apart() -> anyhow::Result<()> {
    let ws = Workspace::new("apart").await?;
    let acme = ws.other("acme", "boss@acme.test", "Acme Boss").await?;
    let ana = ws.customer().await?;
    let bob = ws.customer().await?;
    ana.say("ana's secret").await?;
    bob.say("bob's question").await?;
    assert_ne!(ana.session.dialog_id, bob.session.dialog_id);
    assert_eq!(message_texts(&bob.events(None).await?.events), ["bob's question"]);
    assert_eq!(message_texts(&ana.events(None).await?.events), ["ana's secret"]);

    // An agent of another workspace cannot see or touch the demo's dialogs.
    let outsider = acme.login("boss@acme.test", demo::ADMIN_PASSWORD).await?;
    let InboxFrame::Snapshot { dialogs, .. } = outsider.inbox().await? else { panic!("snapshot") };
    assert!(dialogs.is_empty());
    assert_eq!(
        failure(outsider.events(&ana.session.dialog_id, None).await),
        (404, ErrorCode::NotFound)
    );
    assert_eq!(
        failure(outsider.command(&ana.session.dialog_id, post("hi")).await),
        (404, ErrorCode::NotFound)
    );
    assert!(outsider.socket(&ana.session.dialog_id, None).await.is_err());
    // And the demo's own agent sees both customers.
    let InboxFrame::Snapshot { dialogs, .. } = ws.admin().await?.inbox().await? else {
        panic!("snapshot")
    };
    assert_eq!(dialogs.len(), 2);
    // A customer token is not an agent token.
    assert_eq!(
        failure(ana.http.get::<InboxFrame>("/api/agent/inbox").await),
        (401, ErrorCode::Unauthorized)
    );
    Ok(())
}
