//! What the customer tells on the real edge (W4): contact details that name them for agents,
//! a rating once a conversation ends, and whether the widget offers a live chat or the offline
//! form (someone online within working hours), with the channel's pre-chat fields.

use openline_core::channel::{ChannelSettings, WorkingHours};
use openline_core::contact::{Contact, ContactField, FormField, Rating, RatingScale};
use openline_core::inbox::DialogSummary;
use openline_core::protocol::{ChannelsReply, InboxFrame};
use openline_core::ErrorCode;
use openline_core::{Command, EventBody};
use openline_tests::api::{failure, new_command_id, Agent, Customer};
use openline_tests::scene::Workspace;

async fn row(agent: &Agent, customer: &Customer) -> anyhow::Result<DialogSummary> {
    let InboxFrame::Snapshot { dialogs, .. } = agent.inbox().await? else {
        anyhow::bail!("the inbox answers with a snapshot")
    };
    dialogs
        .into_iter()
        .find(|d| d.dialog_id == customer.session.dialog_id)
        .ok_or_else(|| anyhow::anyhow!("no inbox row"))
}

#[tokio::test]
async fn w4_contact_details_name_the_customer_and_a_finished_chat_is_rated_once(
) -> anyhow::Result<()> {
    let ws = Workspace::new("feedback").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let share = |name: &str, email: &str| Command::ShareContact {
        contact: Contact { name: name.into(), email: email.into(), phone: String::new() },
    };
    let bad = customer.command(new_command_id(), share("Lucía", "lucia@")).await;
    assert_eq!(failure(bad), (400, ErrorCode::ContactInvalid));
    customer.command(new_command_id(), share("Lucía Pérez", "lucia@example.es")).await?;
    customer.say("¿Tenéis la lámpara Arco en negro?").await?;
    let dialog = customer.session.dialog_id.clone();
    assert_eq!(row(&luis, &customer).await?.visitor_name, "Lucía Pérez");
    let history = luis.events(&dialog, None).await?;
    assert!(history.events.iter().any(|e| matches!(&e.body,
        EventBody::ContactShared { contact } if contact.email == "lucia@example.es")));

    // Rated only once it ended, and once.
    let rate = |up: bool, comment: &str| Command::Rate {
        rating: Rating::thumbs(up),
        comment: comment.into(),
    };
    let early = customer.command(new_command_id(), rate(true, "")).await;
    assert_eq!(failure(early), (409, ErrorCode::NothingToRate));
    luis.command(&dialog, openline_tests::api::post("Sí, en negro mate.")).await?;
    luis.command(&dialog, Command::Finish).await?;
    customer.command(new_command_id(), rate(true, "Muy rápidos")).await?;
    let again = customer.command(new_command_id(), rate(false, "")).await;
    assert_eq!(failure(again), (409, ErrorCode::NothingToRate));
    let history = luis.events(&dialog, None).await?;
    assert!(
        history.events.iter().any(|e| matches!(&e.body,
        EventBody::Rated { rating, comment, .. } if rating.value == 1 && comment == "Muy rápidos"))
    );
    assert_eq!(row(&luis, &customer).await?.rating, Some(Rating::thumbs(true)));
    // Agents do not speak for the customer.
    let by_agent = luis.command(&dialog, share("Otra", "otra@example.es")).await;
    assert_eq!(failure(by_agent).0, 403);
    Ok(())
}

#[tokio::test]
async fn w4_the_widget_learns_its_form_and_whether_someone_can_answer() -> anyhow::Result<()> {
    let ws = Workspace::new("availability").await?;
    let (ana, _, _) = ws.agents().await?;
    // Nobody has the app open: no live chat now.
    let first = ws.customer().await?;
    assert!(!first.session.channel.available);
    assert!(!first.session.channel.offline_form && first.session.channel.prechat.is_empty());

    // The admin asks for an email before the chat, and stars.
    let channels: ChannelsReply = ana.http.get("/api/agent/channels").await?;
    let mut web = channels.channels.into_iter().find(|c| c.id.as_str() == "web").expect("web");
    web.prechat = vec![FormField { field: ContactField::Email, required: true }];
    web.rating = RatingScale::Stars;
    web.offline_form = true;
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;

    // Ana opens the app: someone can answer.
    let inbox = ana.inbox_socket().await?;
    let second = ws.customer().await?;
    assert!(second.session.channel.available);
    assert_eq!(second.session.channel.prechat, web.prechat);
    assert_eq!(second.session.channel.rating, RatingScale::Stars);
    assert!(second.session.channel.offline_form);

    // Out of hours nobody can, whoever is online.
    web.hours = Some(WorkingHours { utc_offset_minutes: 0, days: [None; 7] });
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;
    let third = ws.customer().await?;
    assert!(!third.session.channel.available);
    let _ = inbox.close().await;
    Ok(())
}

#[tokio::test]
async fn w2_read_marks_reach_the_other_side_and_cost_the_customer_nothing() -> anyhow::Result<()> {
    let ws = Workspace::new("read-marks").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let asked = customer.say("¿Abrís el sábado?").await?;
    let question = asked.events.last().map_or(0, |e| e.seq);
    let dialog = customer.session.dialog_id.clone();
    let reply = luis.command(&dialog, openline_tests::api::post("Sí, de 10 a 14.")).await?;
    let answer = reply.events.last().map_or(0, |e| e.seq);
    let read = |up_to| Command::MarkRead { up_to };

    // The agent answering reads the question; the customer learns it live.
    let mut socket = customer.socket(Some(answer)).await?;
    luis.command(&dialog, read(question)).await?;
    let seen = socket.events_until(|e| matches!(e.body, EventBody::Read { .. })).await?;
    assert!(
        matches!(seen.last().map(|e| &e.body), Some(EventBody::Read { up_to }) if *up_to == question)
    );

    // The customer reads the answer, many times over: one mark, and their messages still go.
    for _ in 0..30 {
        customer.command(new_command_id(), read(answer)).await?;
    }
    customer.say("¡Gracias!").await?;
    let history = luis.events(&dialog, None).await?;
    let marks: Vec<u64> = history
        .events
        .iter()
        .filter(|e| matches!(e.actor, openline_core::Actor::Visitor { .. }))
        .filter_map(|e| match e.body {
            EventBody::Read { up_to } => Some(up_to),
            _ => None,
        })
        .collect();
    assert_eq!(marks, [answer]);
    let _ = socket.close().await;
    Ok(())
}

/// W4 on the server, whatever the page does: a first message needs the pre-chat form's required
/// fields, and a rating must be on the channel's scale as it is when the customer rates.
#[tokio::test]
async fn w4_the_edge_holds_the_channels_forms_and_rating_scale_as_they_are_now(
) -> anyhow::Result<()> {
    let ws = Workspace::new("forms-server").await?;
    let (ana, luis, _) = ws.agents().await?;
    let channels: ChannelsReply = ana.http.get("/api/agent/channels").await?;
    let mut web = channels.channels.into_iter().find(|c| c.id.as_str() == "web").expect("web");
    web.prechat = vec![FormField { field: ContactField::Email, required: true }];
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;

    let customer = ws.customer().await?;
    let skipped = customer.say("hola, sin formulario").await;
    assert_eq!(failure(skipped), (400, ErrorCode::ContactMissing));
    let email = Contact { email: "lucia@example.es".into(), ..Contact::default() };
    customer.command(new_command_id(), Command::ShareContact { contact: email }).await?;
    customer.say("hola").await?;
    let dialog = customer.session.dialog_id.clone();
    luis.command(&dialog, Command::Finish).await?;

    let rate = |rating| Command::Rate { rating, comment: "¡Gracias!".into() };
    web.rating = RatingScale::Off;
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;
    let off = customer.command(new_command_id(), rate(Rating::thumbs(true))).await;
    assert_eq!(failure(off), (400, ErrorCode::InvalidRating));
    web.rating = RatingScale::Stars;
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;
    let thumbs = customer.command(new_command_id(), rate(Rating::thumbs(true))).await;
    assert_eq!(failure(thumbs), (400, ErrorCode::InvalidRating));
    customer.command(new_command_id(), rate(Rating::stars(5))).await?;
    assert_eq!(row(&luis, &customer).await?.rating, Some(Rating::stars(5)));
    Ok(())
}
