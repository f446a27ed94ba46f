//! The contact center on the real edge (Q3–Q11): several agents acting on one conversation,
//! with the conflicts decided once and everyone concerned told.

use openline_core::protocol::{AgentsReply, EventsFrame, InboxFrame};
use openline_core::ErrorCode;
use openline_core::{AgentId, CloseReason, Command, DialogId, Event, EventBody, SessionStatus};
use openline_tests::api::{failure, post, Agent, Customer};
use openline_tests::demo;
use openline_tests::scene::Workspace;

struct Team {
    ws: Workspace,
    ana: Agent,
    luis: Agent,
    marta: Agent,
    customer: Customer,
    dialog: DialogId,
}

/// The demo workspace with its three agents and a customer who has written once.
async fn team(name: &str) -> anyhow::Result<Team> {
    let ws = Workspace::new(name).await?;
    let (ana, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hola, necesito ayuda con un pedido").await?;
    let dialog = customer.session.dialog_id.clone();
    Ok(Team { ws, ana, luis, marta, customer, dialog })
}

fn id_of(agent: &Agent) -> AgentId {
    agent.login.agent.id.clone()
}

fn bodies(events: &[Event]) -> Vec<EventBody> {
    events.iter().map(|e| e.body.clone()).collect()
}

async fn summary(
    agent: &Agent,
    dialog: &DialogId,
) -> anyhow::Result<openline_core::inbox::DialogSummary> {
    let InboxFrame::Snapshot { dialogs, .. } = agent.inbox().await? else {
        anyhow::bail!("no snapshot")
    };
    dialogs
        .into_iter()
        .find(|d| &d.dialog_id == dialog)
        .ok_or_else(|| anyhow::anyhow!("not in inbox"))
}

#[tokio::test]
async fn q3_two_agents_answering_at_once_exactly_one_wins() -> anyhow::Result<()> {
    let t = team("answer-race").await?;
    let (a, b) = tokio::join!(
        t.ana.command(&t.dialog, Command::Answer),
        t.luis.command(&t.dialog, Command::Answer)
    );
    let (winner, loser) = match (a, b) {
        (Ok(_), Err(e)) => (&t.ana, Err::<(), _>(e)),
        (Err(e), Ok(_)) => (&t.luis, Err(e)),
        (a, b) => panic!("exactly one must win: {a:?} / {b:?}"),
    };
    assert_eq!(failure(loser), (409, ErrorCode::AnsweredByOther));
    let history = winner.events(&t.dialog, None).await?;
    let answers =
        history.events.iter().filter(|e| matches!(e.body, EventBody::Answered { .. })).count();
    assert_eq!(answers, 1);
    // The loser's view is refreshed: the inbox names the winner.
    let SessionStatus::InProgress { agent, .. } = summary(&t.marta, &t.dialog).await?.status else {
        panic!("in progress")
    };
    assert_eq!(agent, id_of(winner));
    Ok(())
}

#[tokio::test]
async fn q4_transfer_to_a_colleague_moves_the_conversation_and_its_history() -> anyhow::Result<()> {
    let t = team("transfer").await?;
    let directory: AgentsReply = t.ana.http.get("/api/agent/agents").await?;
    let names: Vec<&str> = directory.agents.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ana García", "Luis Romero", "Marta Vidal"]);
    let mut customer_socket = t.customer.socket(Some(2)).await?;
    let _: EventsFrame = customer_socket.next().await?;

    t.ana.command(&t.dialog, post("Te paso con Luis, de envíos.")).await?;
    let reply = t.ana.command(&t.dialog, Command::Transfer { to: id_of(&t.luis) }).await?;
    assert_eq!(
        bodies(&reply.events),
        [EventBody::Transferred { agent: id_of(&t.luis), agent_name: "Luis Romero".into() }]
    );

    // Luis has it, with its history; Ana no longer writes to the customer.
    let in_luis_list = summary(&t.luis, &t.dialog).await?;
    assert!(
        matches!(in_luis_list.status, SessionStatus::InProgress { ref agent, .. } if *agent == id_of(&t.luis))
    );
    assert!(t.luis.events(&t.dialog, None).await?.events.len() >= 5);
    t.luis.command(&t.dialog, post("Hola, soy Luis.")).await?;
    assert_eq!(
        failure(t.ana.command(&t.dialog, post("¿Sigo?")).await),
        (409, ErrorCode::AnsweredByOther)
    );

    // The customer sees who answers now, not how it happened.
    let seen = customer_socket.events_until(|e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text == "Hola, soy Luis.")).await?;
    assert!(seen.iter().any(|e| e.body
        == EventBody::Answered { agent: id_of(&t.luis), agent_name: "Luis Romero".into() }));
    assert!(!seen.iter().any(|e| matches!(e.body, EventBody::Transferred { .. })));

    // Unknown agents, and agents of another workspace, are refused.
    let acme = t.ws.other("acme", "boss@acme.test", "Acme Boss").await?;
    let outsider = acme.login("boss@acme.test", demo::ADMIN_PASSWORD).await?;
    let ghost = AgentId::parse("a_ghost").unwrap_or_else(|| unreachable!());
    for to in [ghost, id_of(&outsider)] {
        assert_eq!(
            failure(t.luis.command(&t.dialog, Command::Transfer { to }).await),
            (404, ErrorCode::UnknownAgent)
        );
    }
    Ok(())
}

#[tokio::test]
async fn q5_accept_and_close_takes_and_finishes_in_one_step() -> anyhow::Result<()> {
    let t = team("accept-close").await?;
    let reply = t.marta.command(&t.dialog, Command::AcceptAndClose).await?;
    let kinds: Vec<bool> =
        reply.events.iter().map(|e| matches!(e.body, EventBody::Answered { .. })).collect();
    assert_eq!(kinds, [true, false]);
    assert_eq!(
        reply.events[1].body,
        EventBody::Closed { session: 1, reason: CloseReason::Finished }
    );
    assert_eq!(summary(&t.ana, &t.dialog).await?.status, SessionStatus::Idle);
    Ok(())
}

#[tokio::test]
async fn q6_spam_leaves_every_queue_and_the_customer_may_write_again() -> anyhow::Result<()> {
    let t = team("spam").await?;
    let mut customer_socket = t.customer.socket(Some(2)).await?;
    let _: EventsFrame = customer_socket.next().await?;
    t.luis.command(&t.dialog, Command::MarkSpam).await?;
    let closed = summary(&t.ana, &t.dialog).await?;
    assert_eq!((closed.status, closed.last_close), (SessionStatus::Idle, Some(CloseReason::Spam)));

    // The customer is told the chat closed, never that it was judged spam.
    let seen = customer_socket.events_until(|e| matches!(e.body, EventBody::Closed { .. })).await?;
    assert_eq!(bodies(&seen), [EventBody::Closed { session: 1, reason: CloseReason::Finished }]);
    assert!(!serde_json::to_string(&t.customer.events(None).await?)?.contains("spam"));

    let again = t.customer.say("Perdón, era una pregunta de verdad").await?;
    assert_eq!(again.events[0].body, EventBody::SessionOpened { session: 2 });
    let reopened = summary(&t.ana, &t.dialog).await?;
    assert_eq!(
        (reopened.session, reopened.status, reopened.last_close),
        (2, SessionStatus::Unanswered, None)
    );
    Ok(())
}

#[tokio::test]
async fn q7_q11_take_over_unless_locked_and_the_previous_owner_is_told() -> anyhow::Result<()> {
    let t = team("take").await?;
    t.ana.command(&t.dialog, Command::Answer).await?;
    t.ana.command(&t.dialog, Command::Pin).await?;
    let mut ana_socket = t.ana.socket(&t.dialog, None).await?;
    let _: EventsFrame = ana_socket.next().await?;

    assert_eq!(failure(t.luis.command(&t.dialog, Command::Take).await), (409, ErrorCode::Pinned));
    assert!(summary(&t.luis, &t.dialog).await?.pinned);
    t.ana.command(&t.dialog, Command::Unpin).await?;
    t.luis.command(&t.dialog, Command::Take).await?;

    let told = ana_socket.events_until(|e| matches!(e.body, EventBody::Taken { .. })).await?;
    let taken = told.last().map(|e| (&e.actor, &e.body));
    assert!(
        matches!(taken, Some((openline_core::Actor::Agent { name, .. }, EventBody::Taken { previous, .. })) if name == "Luis Romero" && *previous == id_of(&t.ana))
    );
    assert_eq!(
        failure(t.ana.command(&t.dialog, post("still mine?")).await),
        (409, ErrorCode::AnsweredByOther)
    );
    Ok(())
}

#[tokio::test]
async fn q9_an_invited_colleague_sees_and_writes_in_the_chat() -> anyhow::Result<()> {
    let t = team("invite").await?;
    t.ana.command(&t.dialog, Command::Answer).await?;
    assert_eq!(
        failure(t.marta.command(&t.dialog, post("hi")).await),
        (409, ErrorCode::AnsweredByOther)
    );
    t.ana.command(&t.dialog, Command::Invite { agent: id_of(&t.marta) }).await?;
    t.marta.command(&t.dialog, post("Soy Marta, de facturación.")).await?;
    let in_marta_list = summary(&t.marta, &t.dialog).await?;
    assert_eq!(in_marta_list.participants, [id_of(&t.marta)]);

    let seen = t.customer.events(None).await?;
    assert!(seen.events.iter().any(
        |e| matches!(&e.body, EventBody::Invited { agent_name, .. } if agent_name == "Marta Vidal")
    ));
    assert!(seen.events.iter().any(|e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text == "Soy Marta, de facturación.")));
    Ok(())
}

#[tokio::test]
async fn q4_transfer_to_another_open_channel_puts_it_in_that_queue() -> anyhow::Result<()> {
    let t = team("transfer-channel").await?;
    t.ana.command(&t.dialog, Command::Answer).await?;
    let sales = openline_core::ChannelId::parse("sales").unwrap_or_else(|| unreachable!());
    t.ana.command(&t.dialog, Command::TransferToChannel { channel: sales.clone() }).await?;

    let row = summary(&t.luis, &t.dialog).await?;
    assert_eq!(
        (row.channel_id, row.channel_name.as_str(), row.status),
        (sales, "Sales", SessionStatus::Unanswered)
    );
    // Back in the queue: anyone may answer it now; the customer sees nothing of the move.
    t.luis.command(&t.dialog, Command::Answer).await?;
    let seen = t.customer.events(None).await?;
    assert!(!seen.events.iter().any(|e| matches!(e.body, EventBody::MovedToChannel { .. })));
    let nowhere = openline_core::ChannelId::parse("nowhere").unwrap_or_else(|| unreachable!());
    let refused = t.luis.command(&t.dialog, Command::TransferToChannel { channel: nowhere }).await;
    assert_eq!(failure(refused), (404, ErrorCode::UnknownChannel));
    Ok(())
}

#[tokio::test]
async fn a1_admins_open_new_channels() -> anyhow::Result<()> {
    let t = team("new-channel").await?;
    let support = openline_core::protocol::NewChannel {
        id: openline_core::ChannelId::parse("support").unwrap_or_else(|| unreachable!()),
        name: "Support".into(),
    };
    let refused = t
        .luis
        .http
        .post::<_, openline_core::channel::ChannelSettings>("/api/agent/channels", &support)
        .await;
    assert_eq!(failure(refused), (403, ErrorCode::Forbidden));
    let created: openline_core::channel::ChannelSettings =
        t.ana.http.post("/api/agent/channels", &support).await?;
    assert_eq!(created.name, "Support");
    let again = t
        .ana
        .http
        .post::<_, openline_core::channel::ChannelSettings>("/api/agent/channels", &support)
        .await;
    assert_eq!(failure(again), (409, ErrorCode::ChannelExists));
    // Its widget works at once.
    let customer = Customer::open(&t.ws, &t.ws.channel("support")).await?;
    assert_eq!(customer.session.channel.name, "Support");
    Ok(())
}
