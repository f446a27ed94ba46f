//! Open channel settings on the real edge (A1, Q14): admins edit them, and the dialogs apply
//! them by themselves: automatic replies, out-of-hours replies, automatic close by alarm.

use openline_core::channel::{ChannelSettings, WorkingHours};
use openline_core::protocol::path;
use openline_core::protocol::{ChannelsReply, EventsFrame, InboxFrame};
use openline_core::ErrorCode;
use openline_core::{Actor, CloseReason, Event, EventBody, SessionStatus};
use openline_tests::api::{failure, Agent};
use openline_tests::demo;
use openline_tests::scene::Workspace;
use openline_tests::wait::{budget, wait_until};

async fn admin_and_agent(ws: &Workspace) -> anyhow::Result<(Agent, Agent)> {
    let ana = ws.admin().await?;
    let luis = ws.login(demo::COLLEAGUES[0].0, demo::ADMIN_PASSWORD).await?;
    Ok((ana, luis))
}

async fn web_channel(agent: &Agent) -> anyhow::Result<ChannelSettings> {
    let reply: ChannelsReply = agent.http.get("/api/agent/channels").await?;
    reply
        .channels
        .into_iter()
        .find(|c| c.id.as_str() == "web")
        .ok_or_else(|| anyhow::anyhow!("no web channel"))
}

async fn save(agent: &Agent, settings: &ChannelSettings) -> anyhow::Result<ChannelSettings> {
    agent.http.put(&path::channel(&settings.id), settings).await
}

fn system_texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match (&e.actor, &e.body) {
            (Actor::System, EventBody::MessagePosted { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a1_only_admins_change_channel_settings_and_bad_ones_are_refused() -> anyhow::Result<()> {
    let ws = Workspace::new("settings").await?;
    let (ana, luis) = admin_and_agent(&ws).await?;
    let mut settings = web_channel(&luis).await?;
    settings.greeting = "¡Hola! ¿En qué podemos ayudarte?".into();

    assert_eq!(failure(save(&luis, &settings).await), (403, ErrorCode::Forbidden));
    let invalid = ChannelSettings { auto_close_after_secs: Some(0), ..settings.clone() };
    assert_eq!(failure(save(&ana, &invalid).await), (400, ErrorCode::InvalidSettings));
    let elsewhere =
        ana.http.put::<_, ChannelSettings>("/api/agent/channels/other", &settings).await;
    assert_eq!(failure(elsewhere), (400, ErrorCode::IdMismatch));

    assert_eq!(save(&ana, &settings).await?, settings);
    assert_eq!(web_channel(&luis).await?, settings);
    // The widget greets with the new text at once.
    let customer = ws.customer().await?;
    assert_eq!(customer.session.channel.greeting, "¡Hola! ¿En qué podemos ayudarte?");
    Ok(())
}

#[tokio::test]
async fn q14_a_new_session_gets_the_automatic_reply_in_hours_and_the_other_out_of_hours(
) -> anyhow::Result<()> {
    let ws = Workspace::new("auto-reply").await?;
    let (ana, _) = admin_and_agent(&ws).await?;
    let mut settings = web_channel(&ana).await?;
    settings.auto_reply = "Gracias, un agente te responde enseguida.".into();
    settings.out_of_hours_reply = "Ahora estamos cerrados; abrimos a las 9:00.".into();
    save(&ana, &settings).await?;

    let customer = ws.customer().await?;
    let reply = customer.say("Hola").await?;
    assert_eq!(system_texts(&reply.events), ["Gracias, un agente te responde enseguida."]);
    // Only when a session opens, and agents still owe the customer an answer.
    assert!(system_texts(&customer.say("¿Hola?").await?.events).is_empty());
    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("snapshot") };
    assert_eq!(
        (dialogs[0].unread, dialogs[0].last_message.as_ref().map(|m| m.text.as_str())),
        (2, Some("¿Hola?"))
    );

    // A channel with no working day is always out of hours.
    settings.hours = Some(WorkingHours { utc_offset_minutes: 60, days: [None; 7] });
    save(&ana, &settings).await?;
    let night_owl = ws.customer().await?;
    let mut socket = night_owl.socket(None).await?;
    let _: EventsFrame = socket.next().await?;
    night_owl.say("¿Hay alguien?").await?;
    let seen = socket.events_until(|e| e.actor == Actor::System).await?;
    assert_eq!(system_texts(&seen), ["Ahora estamos cerrados; abrimos a las 9:00."]);
    Ok(())
}

#[tokio::test]
async fn q14_q11_sessions_close_by_themselves_after_inactivity_unless_locked() -> anyhow::Result<()>
{
    let ws = Workspace::new("auto-close").await?;
    let (ana, _) = admin_and_agent(&ws).await?;
    let mut settings = web_channel(&ana).await?;
    settings.auto_close_after_secs = Some(2);
    save(&ana, &settings).await?;

    let quiet = ws.customer().await?;
    quiet.say("Una pregunta rápida").await?;
    let locked = ws.customer().await?;
    locked.say("Un asunto largo").await?;
    ana.command(&locked.session.dialog_id, openline_core::Command::Answer).await?;
    ana.command(&locked.session.dialog_id, openline_core::Command::Pin).await?;

    // The alarm closes the quiet one (no test clock: it is the runtime's own alarm).
    let closed = wait_until("the quiet session closing by itself", budget::ALARM, || async {
        let history = ana.events(&quiet.session.dialog_id, None).await?;
        Ok(history.events.iter().find(|e| matches!(e.body, EventBody::Closed { .. })).cloned())
    })
    .await?;
    assert_eq!(
        (closed.actor, closed.body),
        (Actor::System, EventBody::Closed { session: 1, reason: CloseReason::Inactive })
    );
    // The customer reads it as an ordinary close.
    let seen = quiet.events(None).await?;
    assert!(seen
        .events
        .iter()
        .any(|e| e.body == EventBody::Closed { session: 1, reason: CloseReason::Finished }));

    // Well past its own deadline, the locked one is still open. The proof that its deadline
    // has passed: a session that went quiet after it (its last activity is later) has closed.
    let later = ws.customer().await?;
    later.say("Otra pregunta, después").await?;
    wait_until("a session quiet since after the pin closing by itself", budget::ALARM, || async {
        let history = ana.events(&later.session.dialog_id, None).await?;
        Ok(history.events.iter().any(|e| matches!(e.body, EventBody::Closed { .. })).then_some(()))
    })
    .await?;
    let InboxFrame::Snapshot { dialogs, .. } = ana.inbox().await? else { panic!("snapshot") };
    let still = dialogs.iter().find(|d| d.dialog_id == locked.session.dialog_id).map(|d| &d.status);
    assert!(matches!(still, Some(SessionStatus::InProgress { .. })), "{still:?}");
    Ok(())
}
