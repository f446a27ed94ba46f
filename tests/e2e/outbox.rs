//! Nothing is lost between two objects (issue 15): what a dialog's events owe the Workspace
//! object (the inbox row, a block) is recorded with the events and delivered until the
//! workspace acknowledges it, so a lost call is tried again by the dialog's alarm; what the
//! workspace owes a dialog (close an ended access's sockets) likewise, by the workspace's.
//!
//! Each test runs on an edge of its own with `OPENLINE_DROP_EFFECTS=2`: the first two
//! attempts at each kind of effect of every dialog, and at each call owed to a dialog, fail
//! before reaching the other object (the immediate one and the first retry, a second later),
//! and the third, two seconds after that, goes through. The shared edge cannot have the
//! variable: every test there would wait.

use anyhow::Result;
use openline_core::access::ACCESS_ENDED;
use openline_core::protocol::{EventsFrame, InboxFrame, WidgetSession, WidgetSessionRequest};
use openline_core::ErrorCode;
use openline_core::{Command, DialogId, Event, EventBody};
use openline_tests::api::{demo_agents, failure, Customer, Http};
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::wait::{budget, wait_until};

/// An edge whose dialogs lose their first two deliveries of each effect. The network limit is
/// lifted: the block test opens sessions from one address until they are refused.
async fn dropping_edge(name: &str) -> Result<Edge> {
    let vars = [("OPENLINE_DROP_EFFECTS", "2"), ("OPENLINE_NETWORK_LIMIT", "off")];
    let edge = Edge::start_fresh_with(name, &vars).await?;
    edge.seed(&demo::seed()).await?;
    Ok(edge)
}

#[tokio::test]
async fn q2_a_first_message_reaches_the_inbox_when_its_first_deliveries_are_lost() -> Result<()> {
    let edge = dropping_edge("outbox-summary").await?;
    let (ana, _, _) = demo_agents(&edge).await?;
    let mut inbox = ana.inbox_socket().await?;
    let InboxFrame::Snapshot { dialogs, .. } = inbox.next().await? else {
        panic!("snapshot first")
    };
    assert!(dialogs.is_empty());

    // The customer's command succeeds although the summary's first attempt is dropped.
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    customer.say("Is the lamp still in stock?").await?;
    let dialog = customer.session.dialog_id.clone();

    // Two attempts lost, the third, by the alarm, lands: the list and the socket show it.
    let listed = wait_until("the dialog in the agents' inbox list", budget::ALARM, || async {
        let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { return Ok(None) };
        Ok(dialogs.into_iter().find(|d| d.dialog_id == dialog))
    })
    .await?;
    let last = listed.last_message.as_ref().map(|m| m.text.as_str());
    assert_eq!(last, Some("Is the lamp still in stock?"));
    let pushed = inbox.next_of::<InboxFrame>(budget::API).await?;
    let Some(InboxFrame::Upsert { dialog: row, .. }) = pushed else { panic!("pushed: {pushed:?}") };
    assert_eq!((row.dialog_id, row.last_seq), (dialog, listed.last_seq));
    Ok(())
}

#[tokio::test]
async fn q6_a_block_whose_first_deliveries_are_lost_still_keeps_the_spammer_out() -> Result<()> {
    let edge = dropping_edge("outbox-block").await?;
    let (_, luis, _) = demo_agents(&edge).await?;
    let from = |address: &str| Http::new(&edge).with_header("cf-connecting-ip", address);
    let spammer = open(from("203.0.113.7"), None).await?;
    spammer.say("Cheap pills!!!").await?;
    let dialog: DialogId = spammer.session.dialog_id.clone();

    // The block's first attempt is dropped before the reply: the command still succeeds.
    let reply = luis.command(&dialog, Command::Block).await?;
    let kinds: Vec<_> = reply.events.iter().map(|e| &e.body).collect();
    assert!(
        matches!(kinds.as_slice(), [EventBody::Closed { .. }, EventBody::Blocked]),
        "{kinds:?}"
    );

    // The alarm's retries carry it to the workspace: the visitor, wherever they come from,
    // and anyone on their network are refused.
    let token = Some(spammer.session.visitor_token.clone());
    let refused = wait_until("the spammer's network refused (403 blocked)", budget::ALARM, || {
        let attempt = open(from("203.0.113.7"), None);
        async move { Ok(attempt.await.err().map(|e| failure(Err::<(), _>(e)))) }
    })
    .await?;
    assert_eq!(refused, (403, ErrorCode::Blocked), "the network");
    let returning = open(from("198.51.100.1"), token).await;
    assert_eq!(failure(returning.map(|c| c.session)), (403, ErrorCode::Blocked), "the visitor");
    let other = open(from("198.51.100.2"), None).await?;
    other.say("Hello, I have a question").await?;
    Ok(())
}

#[tokio::test]
async fn a_signed_out_sessions_dialog_socket_closes_when_the_first_calls_to_close_it_are_lost(
) -> Result<()> {
    let edge = dropping_edge("outbox-end-access").await?;
    let (ana, luis, _) = demo_agents(&edge).await?;
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let mut ana_socket = ana.socket(&dialog, None).await?;
    let _: EventsFrame = ana_socket.next().await?;
    let mut luis_socket = luis.socket(&dialog, None).await?;
    let _: EventsFrame = luis_socket.next().await?;

    // Telling the dialog is lost twice; the workspace's alarm tries until it lands.
    let _: serde_json::Value = ana.http.post("/api/agent/logout", &()).await?;
    let closed = ana_socket.closed_within(budget::ALARM).await?;
    assert_eq!(closed.map(|(code, _)| code), Some(ACCESS_ENDED.code), "the signed-out socket");
    let text = "Still there?";
    customer.say(text).await?;
    let is_it =
        |e: &Event| matches!(&e.body, EventBody::MessagePosted { text: t, .. } if t == text);
    luis_socket.events_until(is_it).await?;
    Ok(())
}

/// A visitor session on the demo's Website channel from `http`'s network.
async fn open(http: Http, token: Option<String>) -> Result<Customer> {
    let request = WidgetSessionRequest {
        channel: demo::CHANNEL_KEY.into(),
        visitor_token: token,
        host: None,
        identity: None,
    };
    let session: WidgetSession = http.post("/api/widget/session", &request).await?;
    Ok(Customer { http: http.with_token(&session.visitor_token), session })
}
