//! Per-message actions on the real edge: quoting (M1) within what each side may see; changing
//! sent messages (M8 edit, M9 delete) live to every open socket, kept in the history, only by
//! the author or a supervisor/admin, never a customer's words.

use openline_core::protocol::path;
use openline_core::protocol::EventsFrame;
use openline_core::ErrorCode;
use openline_core::{Command, EventBody};
use openline_tests::api::{failure, new_command_id, note, post, quote};
use openline_tests::demo;
use openline_tests::scene::Workspace;

// Long: one conversation, step by step, checked on every path a customer reads.
#[tokio::test]
async fn m1_quotes_reach_the_customer_only_for_messages_they_can_see() -> anyhow::Result<()> {
    let ws = Workspace::new("quote").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let asked = customer.say("¿Hacéis envíos a Canarias?").await?;
    let question = asked
        .events
        .iter()
        .find(|e| matches!(e.body, EventBody::MessagePosted { .. }))
        .map_or(0, |e| e.seq);
    let dialog = customer.session.dialog_id.clone();
    let mut socket = customer.socket(Some(question)).await?;
    let _: EventsFrame = socket.next().await?;

    // Luis answers quoting the question; the customer gets the quote live.
    let reply = luis.command(&dialog, quote(question, "Sí, en 72 horas.")).await?;
    let reply_seq = reply.events.last().map(|e| e.seq).unwrap_or_default();
    let seen = socket.events_until(|e| matches!(e.body, EventBody::MessagePosted { .. })).await?;
    assert_eq!(
        seen.last().map(|e| &e.body),
        Some(&EventBody::MessagePosted {
            text: "Sí, en 72 horas.".into(),
            internal: false,
            quote: Some(question),
            mentions: Vec::new(),
            files: Vec::new(),
        })
    );

    // The customer quotes the reply back.
    let followup =
        customer.command(new_command_id(), quote(reply_seq, "¿Y el coste del envío?")).await?;
    assert!(followup.events.iter().any(
        |e| matches!(e.body, EventBody::MessagePosted { quote: Some(q), .. } if q == reply_seq)
    ));

    // A hidden note: to the customer it does not exist; in a public reply it may not be quoted;
    // in another note it may.
    let noted = luis.command(&dialog, note("Cliente mayorista: envío gratis")).await?;
    let note_seq = noted.events.last().map(|e| e.seq).unwrap_or_default();
    let by_customer = customer.command(new_command_id(), quote(note_seq, "¿Gratis?")).await;
    assert_eq!(failure(by_customer), (404, ErrorCode::UnknownMessage));
    assert_eq!(
        failure(luis.command(&dialog, quote(note_seq, "¡Envío gratis!")).await),
        (409, ErrorCode::QuoteNotPublic)
    );
    let note_quote = Command::Post {
        text: "Confirmado".into(),
        internal: true,
        quote: Some(note_seq),
        mentions: Vec::new(),
        files: Vec::new(),
    };
    luis.command(&dialog, note_quote).await?;

    // Nothing to quote: a deleted message, a line that is no message, a seq that never was.
    luis.command(&dialog, Command::DeleteMessage { seq: reply_seq }).await?;
    assert_eq!(
        failure(luis.command(&dialog, quote(reply_seq, "x")).await),
        (409, ErrorCode::MessageDeleted)
    );
    assert_eq!(
        failure(luis.command(&dialog, quote(1, "x")).await),
        (404, ErrorCode::UnknownMessage)
    );
    assert_eq!(
        failure(luis.command(&dialog, quote(9_999, "x")).await),
        (404, ErrorCode::UnknownMessage)
    );

    // The customer's history carries the quotes they may see, and nothing of the notes.
    let history = customer.events(None).await?;
    let quotes: Vec<u64> = history
        .events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::MessagePosted { quote, .. } => quote,
            _ => None,
        })
        .collect();
    assert_eq!(quotes, [question, reply_seq]);
    assert!(!serde_json::to_string(&history)?.contains("mayorista"));
    Ok(())
}

#[tokio::test]
async fn m8_m9_edits_and_deletions_reach_the_customer_live_and_stay_in_history(
) -> anyhow::Result<()> {
    let ws = Workspace::new("edit-delete").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("¿Tenéis la lámpara Arco?").await?;
    let dialog = customer.session.dialog_id.clone();
    let mut socket = customer.socket(Some(2)).await?;
    let _: EventsFrame = socket.next().await?;

    let reply = luis.command(&dialog, post("Sí, en latón y en negor.")).await?;
    let seq = reply.events.last().map(|e| e.seq).unwrap_or_default();
    luis.command(&dialog, Command::EditMessage { seq, text: "Sí, en latón y en negro.".into() })
        .await?;
    let seen = socket.events_until(|e| matches!(e.body, EventBody::MessageEdited { .. })).await?;
    assert_eq!(
        seen.last().map(|e| &e.body),
        Some(&EventBody::MessageEdited {
            seq,
            text: "Sí, en latón y en negro.".into(),
            internal: false
        })
    );

    // Only the author, or an admin; never a customer's words.
    assert_eq!(
        failure(marta.command(&dialog, Command::DeleteMessage { seq }).await),
        (403, ErrorCode::Forbidden)
    );
    assert_eq!(
        failure(ana.command(&dialog, Command::EditMessage { seq: 2, text: "x".into() }).await),
        (403, ErrorCode::Forbidden)
    );
    assert_eq!(
        failure(ana.command(&dialog, Command::DeleteMessage { seq: 999 }).await),
        (404, ErrorCode::UnknownMessage)
    );
    ana.command(&dialog, Command::DeleteMessage { seq }).await?;
    let seen = socket.events_until(|e| matches!(e.body, EventBody::MessageDeleted { .. })).await?;
    assert_eq!(
        seen.last().map(|e| &e.body),
        Some(&EventBody::MessageDeleted { seq, internal: false })
    );
    assert_eq!(
        failure(luis.command(&dialog, Command::EditMessage { seq, text: "again".into() }).await),
        (409, ErrorCode::MessageDeleted)
    );

    // A hidden note's edit stays hidden from the customer, by every path.
    let noted = luis.command(&dialog, note("cliente mayorista")).await?;
    let note_seq = noted.events.last().map(|e| e.seq).unwrap_or_default();
    luis.command(
        &dialog,
        Command::EditMessage { seq: note_seq, text: "cliente mayorista VIP".into() },
    )
    .await?;
    let history = customer.events(None).await?;
    assert!(!serde_json::to_string(&history)?.contains("mayorista"));
    let agents_view = luis.events(&dialog, None).await?;
    assert_eq!(
        agents_view
            .events
            .iter()
            .filter(|e| matches!(e.body, EventBody::MessageEdited { .. }))
            .count(),
        2
    );
    Ok(())
}

#[tokio::test]
async fn c7_the_team_keeps_a_library_of_canned_responses() -> anyhow::Result<()> {
    use openline_core::canned::{CannedInput, CannedResponse};
    use openline_core::protocol::CannedReply;
    let ws = Workspace::new("canned").await?;
    let ana = ws.admin().await?;
    let luis = ws.login(demo::COLLEAGUES[0].0, demo::ADMIN_PASSWORD).await?;
    let input = |code: &str, text: &str| CannedInput {
        code: code.into(),
        title: format!("Respuesta {code}"),
        text: text.into(),
        folder: Some("Envíos".into()),
    };

    let created: CannedResponse = ana
        .http
        .post("/api/agent/canned", &input("/Envio", "Hola {customer_name}, enviamos en 48 h."))
        .await?;
    assert_eq!(created.input.code, "envio", "normalized");
    let refused =
        luis.http.post::<_, CannedResponse>("/api/agent/canned", &input("envio", "otra")).await;
    assert_eq!(failure(refused), (409, ErrorCode::CodeTaken));
    let invalid =
        luis.http.post::<_, CannedResponse>("/api/agent/canned", &input("dos palabras", "x")).await;
    assert_eq!(failure(invalid), (400, ErrorCode::InvalidCanned));

    // Colleagues see, edit and delete the same library.
    let path = path::canned(&created.id);
    let edited: CannedResponse = luis.http.put(&path, &input("envio", "Enviamos en 24 h.")).await?;
    let CannedReply { responses } = ana.http.get("/api/agent/canned").await?;
    assert_eq!(responses, [edited]);
    let (status, _) = luis.http.raw(reqwest::Method::DELETE, &path, vec![]).await?;
    assert_eq!(status, 200);
    let CannedReply { responses } = ana.http.get("/api/agent/canned").await?;
    assert!(responses.is_empty());
    let (status, _) = luis.http.raw(reqwest::Method::DELETE, &path, vec![]).await?;
    assert_eq!(status, 404);
    Ok(())
}

#[tokio::test]
async fn m6_a_new_topic_moves_to_a_new_session_and_every_message_stays_once() -> anyhow::Result<()>
{
    let ws = Workspace::new("split").await?;
    let (_, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("¿Cuánto cuesta la lámpara Arco?").await?;
    let dialog = customer.session.dialog_id.clone();
    luis.command(&dialog, post("249 €, con envío incluido.")).await?;
    let topic = customer.say("Otra cosa: necesito la factura del pedido 12").await?;
    let topic_seq = topic.events.last().map_or(0, |e| e.seq);
    customer.say("Es para mi empresa").await?;
    let mut customer_socket = customer.socket(Some(topic_seq + 1)).await?;
    let _: EventsFrame = customer_socket.next().await?;

    // Only the owner, only from a later message of the open session.
    let split = Command::MoveToNewSession { seq: topic_seq };
    assert_eq!(
        failure(marta.command(&dialog, split.clone()).await),
        (409, ErrorCode::AnsweredByOther)
    );
    assert_eq!(
        failure(luis.command(&dialog, Command::MoveToNewSession { seq: 2 }).await),
        (409, ErrorCode::CannotSplitHere)
    );
    let moved = luis.command(&dialog, split).await?;
    assert_eq!(
        moved.events.iter().map(|e| &e.body).collect::<Vec<_>>(),
        [&EventBody::SessionSplit { session: 2, from: topic_seq }]
    );
    luis.command(&dialog, post("Te la envío ahora mismo.")).await?;

    // Agents see the move; the customer's chat simply goes on, without it.
    let seen =
        customer_socket.events_until(|e| matches!(e.body, EventBody::MessagePosted { .. })).await?;
    assert!(seen.iter().all(|e| !matches!(e.body, EventBody::SessionSplit { .. })), "{seen:?}");
    let customer_view = customer.events(None).await?;
    assert!(customer_view.events.iter().all(|e| !matches!(e.body, EventBody::SessionSplit { .. })));
    let agents_view = luis.events(&dialog, None).await?;
    let posted: Vec<u64> = agents_view
        .events
        .iter()
        .filter(|e| matches!(e.body, EventBody::MessagePosted { .. }))
        .map(|e| e.seq)
        .collect();
    let mut once = posted.clone();
    once.dedup();
    assert_eq!((posted.len(), once.len()), (5, 5), "every message once: {posted:?}");

    // The inbox row is session 2 now, still Luis's.
    let row = openline_tests::api::Agent::inbox(&luis).await?;
    let openline_core::protocol::InboxFrame::Snapshot { dialogs, .. } = row else {
        panic!("snapshot")
    };
    let row = dialogs.iter().find(|d| d.dialog_id == dialog).expect("in the inbox");
    assert_eq!(row.session, 2);
    Ok(())
}
