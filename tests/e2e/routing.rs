//! Routing on the real edge (Q13): offers to available agents per distribution mode, the
//! hand-over when an offer times out (a Durable Object alarm), presence, and the reply when
//! nobody is available.

use openline_core::channel::ChannelSettings;
use openline_core::inbox::DialogSummary;
use openline_core::protocol::{AgentProfile, ChannelsReply, InboxFrame, PresenceRequest};
use openline_core::routing::{Distribution, Presence};
use openline_core::{Actor, AgentId, Command, DialogId, EventBody, SessionStatus};
use openline_tests::api::{Agent, Socket};
use openline_tests::demo;
use openline_tests::scene::Workspace;
use openline_tests::wait::{budget, wait_until};

struct Desk {
    ws: Workspace,
    ana: Agent,
    luis: Agent,
}

/// The demo workspace with the web channel routed `mode` over [Ana, Luis].
async fn desk(
    name: &str,
    mode: Distribution,
    timeout_secs: u32,
    no_agent_reply: &str,
) -> anyhow::Result<Desk> {
    let ws = Workspace::new(name).await?;
    let ana = ws.admin().await?;
    let luis = ws.login(demo::COLLEAGUES[0].0, demo::ADMIN_PASSWORD).await?;
    let ChannelsReply { channels } = ana.http.get("/api/agent/channels").await?;
    let settings = ChannelSettings {
        distribution: mode,
        queue: vec![id(&ana), id(&luis)],
        offer_timeout_secs: timeout_secs,
        no_agent_reply: no_agent_reply.into(),
        ..channels
            .into_iter()
            .find(|c| c.id.as_str() == "web")
            .ok_or_else(|| anyhow::anyhow!("no web channel"))?
    };
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &settings).await?;
    Ok(Desk { ws, ana, luis })
}

fn id(agent: &Agent) -> AgentId {
    agent.login.agent.id.clone()
}

/// Reads inbox frames until `dialog`'s row satisfies `wanted` (within an alarm's budget: an
/// offer passes on by the runtime's alarm).
async fn row_until(
    inbox: &mut Socket,
    dialog: &DialogId,
    wanted: impl Fn(&DialogSummary) -> bool,
) -> anyhow::Result<DialogSummary> {
    let deadline = tokio::time::Instant::now() + budget::ALARM;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let Some(frame) = inbox.next_within::<InboxFrame>(left).await? else {
            anyhow::bail!("no inbox row of {dialog} as waited for within {:?}", budget::ALARM);
        };
        let rows = match frame {
            InboxFrame::Snapshot { dialogs, .. } => dialogs,
            InboxFrame::Upsert { dialog, .. } => vec![dialog],
        };
        if let Some(row) = rows.into_iter().find(|d| &d.dialog_id == dialog && wanted(d)) {
            return Ok(row);
        }
    }
}

async fn set_presence(agent: &Agent, presence: Presence) -> anyhow::Result<()> {
    let _: AgentProfile =
        agent.http.put("/api/agent/presence", &PresenceRequest { presence }).await?;
    Ok(())
}

#[tokio::test]
async fn q13_in_order_offers_one_agent_and_passes_on_when_the_time_is_up() -> anyhow::Result<()> {
    let d = desk("in-order", Distribution::InOrder, 1, "").await?;
    let mut ana_inbox = d.ana.inbox_socket().await?;
    let _luis_inbox = d.luis.inbox_socket().await?;
    let customer = d.ws.customer().await?;
    customer.say("¿Alguien?").await?;
    let dialog = customer.session.dialog_id.clone();

    row_until(&mut ana_inbox, &dialog, |r| r.offered_to == [id(&d.ana)]).await?;
    // Ana does not answer within the second: the alarm passes it to Luis.
    row_until(&mut ana_inbox, &dialog, |r| r.offered_to == [id(&d.luis)]).await?;
    d.luis.command(&dialog, Command::Answer).await?;
    let answered =
        row_until(&mut ana_inbox, &dialog, |r| r.status != SessionStatus::Unanswered).await?;
    assert!(answered.offered_to.is_empty());
    Ok(())
}

#[tokio::test]
async fn q13_round_robin_takes_turns_and_all_at_once_offers_everyone() -> anyhow::Result<()> {
    let d = desk("round-robin", Distribution::RoundRobin, 60, "").await?;
    let mut ana_inbox = d.ana.inbox_socket().await?;
    let _luis_inbox = d.luis.inbox_socket().await?;
    let mut offered = Vec::new();
    for text in ["primero", "segundo", "tercero"] {
        let customer = d.ws.customer().await?;
        customer.say(text).await?;
        let row =
            row_until(&mut ana_inbox, &customer.session.dialog_id, |r| !r.offered_to.is_empty())
                .await?;
        offered.push(row.offered_to);
    }
    assert_eq!(offered, [vec![id(&d.ana)], vec![id(&d.luis)], vec![id(&d.ana)]]);

    let all = desk("all-at-once", Distribution::AllAtOnce, 60, "").await?;
    let mut inbox = all.ana.inbox_socket().await?;
    let _other = all.luis.inbox_socket().await?;
    let customer = all.ws.customer().await?;
    customer.say("hola").await?;
    let row =
        row_until(&mut inbox, &customer.session.dialog_id, |r| r.offered_to.len() == 2).await?;
    assert!(row.offered_to.contains(&id(&all.ana)) && row.offered_to.contains(&id(&all.luis)));
    Ok(())
}

#[tokio::test]
async fn q13_paused_agents_and_closed_apps_get_no_work_and_the_customer_hears_it_once(
) -> anyhow::Result<()> {
    let d = desk(
        "presence",
        Distribution::InOrder,
        60,
        "Ahora mismo no hay nadie; te respondemos en cuanto podamos.",
    )
    .await?;
    let mut ana_inbox = d.ana.inbox_socket().await?;
    let luis_inbox = d.luis.inbox_socket().await?;
    set_presence(&d.ana, Presence::Paused).await?;

    let customer = d.ws.customer().await?;
    customer.say("Hola").await?;
    let dialog = customer.session.dialog_id.clone();
    row_until(&mut ana_inbox, &dialog, |r| r.offered_to == [id(&d.luis)]).await?;

    // Luis closes the app: nobody is left, and the customer is told once.
    luis_inbox.close().await?;
    row_until(&mut ana_inbox, &dialog, |r| r.offered_to.is_empty()).await?;
    let told = wait_until("the customer told nobody is available", budget::API, || async {
        let events = customer.events(None).await?.events;
        let told: Vec<_> = events.into_iter().filter(|e| e.actor == Actor::System).collect();
        Ok((!told.is_empty()).then_some(told))
    })
    .await?;
    assert!(
        matches!(&told[..], [e] if matches!(&e.body, EventBody::MessagePosted { text, .. } if text.starts_with("Ahora mismo")))
    );

    // Ana is back: the waiting session is hers, and no second notice went out.
    set_presence(&d.ana, Presence::Online).await?;
    row_until(&mut ana_inbox, &dialog, |r| r.offered_to == [id(&d.ana)]).await?;
    customer.say("¿Hola?").await?;
    let system = customer
        .events(None)
        .await?
        .events
        .into_iter()
        .filter(|e| e.actor == Actor::System)
        .count();
    assert_eq!(system, 1);
    Ok(())
}
