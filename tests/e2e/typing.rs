//! Typing indicators on the real edge (W2): over the dialog sockets, to the other side only,
//! never stored, never for a hidden note's draft, and rate-limited per socket.

use openline_core::protocol::{EventsFrame, TypingFrame, TypingUpdate};
use openline_core::{Actor, EventBody};
use openline_tests::api::{post, Socket, PATIENCE};
use openline_tests::scene::Workspace;
use serde_json::Value;

const TYPING: TypingUpdate = TypingUpdate { typing: true, note: false };
const STOPPED: TypingUpdate = TypingUpdate { typing: false, note: false };

async fn typing(socket: &mut Socket) -> anyhow::Result<TypingFrame> {
    socket.next_of(PATIENCE).await?.ok_or_else(|| anyhow::anyhow!("no typing frame arrived"))
}

#[tokio::test]
async fn w2_typing_reaches_the_other_side_only_and_never_a_notes_draft() -> anyhow::Result<()> {
    let ws = Workspace::new("typing").await?;
    let (ana, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hola").await?;
    let dialog = customer.session.dialog_id.clone();
    luis.command(&dialog, post("¡Hola! ¿En qué te ayudo?")).await?;
    let mut customer_socket = customer.socket(None).await?;
    let mut luis_socket = luis.socket(&dialog, None).await?;
    let mut ana_socket = ana.socket(&dialog, None).await?;
    for socket in [&mut customer_socket, &mut luis_socket, &mut ana_socket] {
        let _: EventsFrame = socket.next().await?;
    }

    // The customer types: every agent with the dialog open is told who, and nothing else.
    customer_socket.send(&TYPING).await?;
    let visitor = Actor::Visitor { id: customer.session.visitor_id.clone() };
    for socket in [&mut luis_socket, &mut ana_socket] {
        assert_eq!(typing(socket).await?, TypingFrame { typist: visitor.clone(), typing: true });
    }
    customer_socket.send(&STOPPED).await?;
    for socket in [&mut luis_socket, &mut ana_socket] {
        assert!(!typing(socket).await?.typing);
    }

    // Luis types a reply: the customer sees his name; agents are not told of each other.
    luis_socket.send(&TYPING).await?;
    let luis_actor = Actor::Agent { id: luis.login.agent.id.clone(), name: "Luis Romero".into() };
    assert_eq!(
        typing(&mut customer_socket).await?,
        TypingFrame { typist: luis_actor.clone(), typing: true }
    );
    // Nobody else heard it. The proof: the customer types next, after Luis's frame was
    // relayed (sockets keep order), and that is the next frame Ana's and Luis's sockets get.
    customer_socket.send(&TYPING).await?;
    let customer_typing = TypingFrame { typist: visitor.clone(), typing: true };
    assert_eq!(
        typing(&mut ana_socket).await?,
        customer_typing,
        "agents are not told of each other"
    );
    assert_eq!(typing(&mut luis_socket).await?, customer_typing, "not to its sender");

    // A hidden note's draft: the customer learns nothing, neither start nor stop. The next
    // frame they get is the public "stopped" sent after it (sockets keep order): nothing of
    // Luis's "typing" came twice, and their own typing was not sent back to them either.
    luis_socket.send(&TypingUpdate { typing: true, note: true }).await?;
    luis_socket.send(&TypingUpdate { typing: false, note: true }).await?;
    luis_socket.send(&STOPPED).await?;
    assert_eq!(
        typing(&mut customer_socket).await?,
        TypingFrame { typist: luis_actor, typing: false }
    );

    // Nothing of it was stored: the log holds the two messages and their session only.
    let history = luis.events(&dialog, None).await?;
    assert!(history.events.iter().all(|e| !matches!(e.body, EventBody::Unknown)));
    assert_eq!(history.last_seq, 4, "{:?}", history.events);
    Ok(())
}

#[tokio::test]
async fn w2_a_flood_of_typing_updates_is_cut_down_per_socket() -> anyhow::Result<()> {
    let ws = Workspace::new("typing-flood").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hola").await?;
    let dialog = customer.session.dialog_id.clone();
    let mut customer_socket = customer.socket(None).await?;
    let mut luis_socket = luis.socket(&dialog, None).await?;
    let _: EventsFrame = customer_socket.next().await?;
    let _: EventsFrame = luis_socket.next().await?;

    for _ in 0..40 {
        customer_socket.send(&TYPING).await?;
    }
    // Count what Luis gets until a message the customer sends after the forty: the socket
    // keeps order, so every relayed update came before it.
    customer.say("¿Sigues ahí?").await?;
    let mut relayed = 0;
    loop {
        let frame: Value = luis_socket.next().await?;
        if serde_json::from_value::<TypingFrame>(frame.clone()).is_ok() {
            relayed += 1;
        } else if serde_json::from_value::<EventsFrame>(frame)?.events.iter().any(
            |e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text == "¿Sigues ahí?"),
        ) {
            break;
        }
    }
    // A burst of four, and perhaps one or two refilled while the forty went out.
    let most = openline_core::typing::BURST as usize + 2;
    assert!((1..=most).contains(&relayed), "{relayed} of 40 relayed");
    Ok(())
}
