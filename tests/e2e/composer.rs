//! The composer on the real edge: an agent's own name for a chat, which no colleague sees (C3);
//! mentions of colleagues, who are told through their inbox and whom the customer never sees
//! named (C2).

use openline_core::protocol::{path, ChatName, ChatNamesReply, InboxFrame, RenameChat};
use openline_core::{DialogId, ErrorCode};
use openline_tests::api::{failure, Agent};
use openline_tests::demo;
use openline_tests::scene::Workspace;

async fn names(agent: &Agent) -> anyhow::Result<Vec<(String, String)>> {
    let reply: ChatNamesReply = agent.http.get("/api/agent/dialog-names").await?;
    Ok(reply.names.into_iter().map(|n| (n.dialog_id.to_string(), n.name)).collect())
}

async fn rename(agent: &Agent, dialog: &str, name: &str) -> anyhow::Result<ChatName> {
    let dialog = DialogId::parse(dialog).ok_or_else(|| anyhow::anyhow!("bad id {dialog}"))?;
    agent.http.put(&path::dialog_name(&dialog), &RenameChat { name: name.into() }).await
}

#[tokio::test]
async fn c3_a_chat_name_is_seen_only_by_the_agent_who_set_it() -> anyhow::Result<()> {
    let ws = Workspace::new("chat-names").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    // Agents name chats they see in their inbox: wait until it has this one.
    let mut inbox = ana.inbox_socket().await?;
    let _: InboxFrame = inbox.next().await?;
    customer.say("Quiero devolver la lámpara Nido").await?;
    let dialog = customer.session.dialog_id.to_string();
    while !matches!(inbox.next().await?, InboxFrame::Upsert { dialog: d, .. } if d.dialog_id.as_str() == dialog)
    {
    }

    let named = rename(&ana, &dialog, "  Devolución\nNido ").await?;
    assert_eq!(named.name, "Devolución Nido", "one trimmed line");
    rename(&luis, &dialog, "Cliente de Valencia").await?;
    assert_eq!(names(&ana).await?, [(dialog.clone(), "Devolución Nido".to_owned())]);
    assert_eq!(names(&luis).await?, [(dialog.clone(), "Cliente de Valencia".to_owned())]);
    assert!(names(&marta).await?.is_empty(), "a colleague sees no one else's names");

    // An empty name clears one's own name only.
    assert_eq!(rename(&luis, &dialog, " ").await?.name, "");
    assert!(names(&luis).await?.is_empty());
    assert_eq!(names(&ana).await?.len(), 1);

    // Only chats of the workspace, only sensible names.
    assert_eq!(failure(rename(&ana, "web-v_nobody", "x").await), (404, ErrorCode::NotFound));
    assert_eq!(
        failure(rename(&ana, &dialog, &"x".repeat(81)).await),
        (400, ErrorCode::InvalidName)
    );
    // Another workspace's agent cannot reach this chat: the name lands nowhere.
    let otra = ws.other("otra", "eva@otra.example", "Eva").await?;
    let eva = otra.login("eva@otra.example", demo::ADMIN_PASSWORD).await?;
    assert_eq!(failure(rename(&eva, &dialog, "mine").await), (404, ErrorCode::NotFound));
    Ok(())
}

#[tokio::test]
async fn c2_a_mentioned_colleague_is_told_and_the_customer_reads_plain_text() -> anyhow::Result<()>
{
    use openline_core::{Command, EventBody};
    let ws = Workspace::new("mentions").await?;
    let (ana, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("¿Me podéis hacer factura a nombre de empresa?").await?;
    let dialog = customer.session.dialog_id.clone();
    let mut luis_inbox = luis.inbox_socket().await?;
    let _: InboxFrame = luis_inbox.next().await?;
    let mention = |text: &str, internal, who: Vec<openline_core::AgentId>| Command::Post {
        text: text.into(),
        internal,
        quote: None,
        mentions: who,
        files: Vec::new(),
    };

    // A hidden note asks Luis: his inbox row carries the mention, so his app tells him.
    let luis_id = luis.login.agent.id.clone();
    let asked = ana
        .command(&dialog, mention("@Luis Romero ¿puedes mirarlo?", true, vec![luis_id.clone()]))
        .await?;
    let seq = asked.events.last().map_or(0, |e| e.seq);
    loop {
        let frame: InboxFrame = luis_inbox.next().await?;
        if let InboxFrame::Upsert { dialog: row, .. } = frame {
            if let Some(m) = row.last_mention.filter(|m| m.seq == seq) {
                assert_eq!((m.by.as_str(), m.agents), (demo::ADMIN_NAME, vec![luis_id.clone()]));
                break;
            }
        }
    }
    let seen = luis.events(&dialog, None).await?;
    assert!(seen.events.iter().any(|e| matches!(&e.body,
        EventBody::MessagePosted { mentions, .. } if mentions.len() == 1 && mentions[0].name == "Luis Romero")));

    // A public reply naming him: the customer gets the words, not who they name.
    ana.command(&dialog, mention("Te atiende @Luis Romero", false, vec![luis_id])).await?;
    let history = customer.events(None).await?;
    let reply = history.events.iter().find_map(|e| match &e.body {
        EventBody::MessagePosted { text, mentions, .. } if text.starts_with("Te atiende") => {
            Some(mentions.len())
        }
        _ => None,
    });
    assert_eq!(reply, Some(0));
    assert!(
        !serde_json::to_string(&history)?.contains("mentions"),
        "no list of whom, by any event"
    );

    // Only colleagues of the workspace.
    let ghost = openline_core::AgentId::parse("a_ghost").unwrap_or_else(|| unreachable!());
    assert_eq!(
        failure(ana.command(&dialog, mention("@Nadie hola", true, vec![ghost])).await),
        (404, ErrorCode::UnknownAgent)
    );
    Ok(())
}
