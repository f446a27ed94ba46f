//! Access ends at once, everywhere (issue 15), against the real edge: when a session signs out
//! or its time runs out, a password changes, an agent leaves the team, an API token is revoked or a role changes,
//! the sockets opened under that access (the inbox socket on the Workspace object, dialog
//! sockets on each Conversation object) get a close frame with `core::access`'s code, sockets
//! of other accesses go on, and a closed access opens no socket again. Each test waits for the
//! close frame itself, never for silence.

use anyhow::{Context, Result};
use openline_core::access::{ACCESS_CHANGED, ACCESS_ENDED};
use openline_core::auth::Role;
use openline_core::protocol::{
    path, AgentProfile, AgentUpdate, ApiTokenCreated, EventsFrame, InboxFrame, InviteCreated,
    InvitePreview, InviteRequest, InvitesReply, NewApiToken, PasswordChange, TypingFrame,
    TypingUpdate,
};
use openline_core::{Actor, DialogId, EventBody};
use openline_tests::api::{
    demo_agents, failure, note, post, Agent, Customer, Http, Socket, PATIENCE,
};
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::scene::Workspace;
use serde_json::Value;

type Empty = Value;

const INBOX_SOCKET: &str = "/api/agent/inbox/socket";

/// The inbox socket and `dialog`'s socket opened with `http`'s access, each past its first
/// frame (so each is open before the access ends).
async fn open_sockets(http: &Http, dialog: &DialogId) -> Result<(Socket, Socket)> {
    let mut inbox = http.socket(INBOX_SOCKET).await?;
    let _: InboxFrame = inbox.next().await?;
    let mut dialog_socket = http.socket(&path::dialog_socket(dialog)).await?;
    let _: EventsFrame = dialog_socket.next().await?;
    Ok((inbox, dialog_socket))
}

/// The socket gets a close frame with `code` within `PATIENCE`.
async fn assert_closes(socket: &mut Socket, code: u16, which: &str) -> Result<()> {
    let got = socket.close_code().await.with_context(|| format!("{which}: no close frame"))?;
    assert_eq!(got, code, "{which}: the close code");
    Ok(())
}

/// Neither socket opens again with `http`'s access.
async fn assert_refused(http: &Http, dialog: &DialogId, which: &str) {
    assert!(http.socket(INBOX_SOCKET).await.is_err(), "{which}: an inbox socket opened again");
    let reopened = http.socket(&path::dialog_socket(dialog)).await;
    assert!(reopened.is_err(), "{which}: a dialog socket opened again");
}

/// The customer writes, and `socket` (of an access still live) gets it.
async fn still_delivers(socket: &mut Socket, customer: &Customer) -> Result<()> {
    let text = "Still there?";
    customer.say(text).await?;
    socket
        .events_until(|e| matches!(&e.body, EventBody::MessagePosted { text: t, .. } if t == text))
        .await?;
    Ok(())
}

#[tokio::test]
async fn signing_out_closes_that_sessions_inbox_and_dialog_sockets_and_no_other_sessions(
) -> Result<()> {
    let ws = Workspace::new("access-sign-out").await?;
    let (laptop, phone) = (ws.admin().await?, ws.admin().await?);
    let customer = ws.customer().await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let (mut inbox, mut dialog_socket) = open_sockets(&laptop.http, &dialog).await?;
    let (_phone_inbox, mut phone_dialog) = open_sockets(&phone.http, &dialog).await?;

    let _: Empty = laptop.http.post("/api/agent/logout", &()).await?;
    assert_closes(&mut inbox, ACCESS_ENDED.code, "the signed-out inbox").await?;
    assert_closes(&mut dialog_socket, ACCESS_ENDED.code, "the signed-out dialog").await?;
    assert_refused(&laptop.http, &dialog, "the signed-out session").await;
    still_delivers(&mut phone_dialog, &customer).await?;
    Ok(())
}

#[tokio::test]
async fn a_sessions_sockets_close_when_its_time_runs_out_and_a_tokens_stay_open() -> Result<()> {
    // Sessions of 8 s, on an edge of its own: the shared edge's last 12 hours.
    let edge = Edge::start_fresh_with("access-expiry", &[("OPENLINE_SESSION_SECS", "8")]).await?;
    edge.seed(&demo::seed()).await?;
    let (ana, _, _) = demo_agents(&edge).await?;
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let name = NewApiToken { name: "CRM sync".into() };
    let created: ApiTokenCreated = ana.http.post("/api/agent/api-tokens", &name).await?;
    let api = Http::new(&edge).with_token(&created.secret);
    let (mut inbox, mut dialog_socket) = open_sockets(&ana.http, &dialog).await?;
    let (_api_inbox, mut api_dialog) = open_sockets(&api, &dialog).await?;

    // Nobody does anything: the session's end alone closes its sockets.
    assert_closes(&mut inbox, ACCESS_ENDED.code, "the expired session's inbox").await?;
    assert_closes(&mut dialog_socket, ACCESS_ENDED.code, "the expired session's dialog").await?;
    assert_refused(&ana.http, &dialog, "the expired session").await;
    still_delivers(&mut api_dialog, &customer).await?;
    Ok(())
}

#[tokio::test]
async fn a_password_change_closes_the_other_sessions_sockets_and_keeps_its_own() -> Result<()> {
    let ws = Workspace::new("access-password").await?;
    let (changing, other) = (ws.admin().await?, ws.admin().await?);
    let customer = ws.customer().await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let (_own_inbox, mut own_dialog) = open_sockets(&changing.http, &dialog).await?;
    let (mut inbox, mut dialog_socket) = open_sockets(&other.http, &dialog).await?;

    let change =
        PasswordChange { current: demo::ADMIN_PASSWORD.into(), new: "a brand new password".into() };
    let _: Empty = changing.http.put("/api/agent/password", &change).await?;
    assert_closes(&mut inbox, ACCESS_ENDED.code, "the other session's inbox").await?;
    assert_closes(&mut dialog_socket, ACCESS_ENDED.code, "the other session's dialog").await?;
    assert_refused(&other.http, &dialog, "the other session").await;
    still_delivers(&mut own_dialog, &customer).await?;
    Ok(())
}

/// The report's case: a removed agent got the customer's messages and the hidden notes 15 s
/// later and could still tell the customer she was typing.
#[tokio::test]
async fn removal_closes_every_socket_of_the_agent_and_her_typing_reaches_nobody() -> Result<()> {
    let ws = Workspace::new("access-removal").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let mut customer_socket = customer.socket(None).await?;
    let _: EventsFrame = customer_socket.next().await?;
    let mut luis_dialog = luis.socket(&dialog, None).await?;
    let _: EventsFrame = luis_dialog.next().await?;
    let (mut inbox, mut dialog_socket) = open_sockets(&marta.http, &dialog).await?;

    let _: Empty = ana.http.delete(&path::agent(&marta.login.agent.id)).await?;
    // Her app sends "typing" before it reads the close frame already on its way.
    let typing = TypingUpdate { typing: true, note: false };
    let _ = dialog_socket.send(&typing).await;
    assert_closes(&mut inbox, ACCESS_ENDED.code, "the removed agent's inbox").await?;
    assert_closes(&mut dialog_socket, ACCESS_ENDED.code, "the removed agent's dialog").await?;
    assert_refused(&marta.http, &dialog, "the removed agent").await;

    // Luis types after her: the first typing frame the customer gets is his, so hers, sent
    // first, was dropped (sockets keep order, and his went through the same dialog).
    luis_dialog.send(&typing).await?;
    let first: TypingFrame =
        customer_socket.next_of(PATIENCE).await?.context("Luis's typing never arrived")?;
    let luis_actor = Actor::Agent { id: luis.login.agent.id.clone(), name: "Luis Romero".into() };
    assert_eq!(first.typist, luis_actor, "the removed agent's typing reached the customer");

    // Hidden notes and messages go on to the agents still in the team.
    luis.command(&dialog, note("Marta left the team")).await?;
    luis_dialog.events_until(|e| matches!(e.body, EventBody::MessagePosted { .. })).await?;
    Ok(())
}

#[tokio::test]
async fn a_removed_admins_pending_invitations_end_with_her() -> Result<()> {
    let ws = Workspace::new("access-invites").await?;
    let (ana, luis, _) = ws.agents().await?;
    let _: AgentProfile = ana
        .http
        .put(&path::agent(&luis.login.agent.id), &AgentUpdate { role: Role::Admin })
        .await?;
    let invite = |email: &str| InviteRequest {
        email: email.into(),
        name: "Núria Puig".into(),
        role: Role::Admin,
    };
    let by_luis: InviteCreated =
        luis.http.post("/api/agent/invites", &invite("nuria@x.test")).await?;
    let by_ana: InviteCreated = ana.http.post("/api/agent/invites", &invite("pau@x.test")).await?;

    let _: Empty = ana.http.delete(&path::agent(&luis.login.agent.id)).await?;
    let pending: InvitesReply = ana.http.get("/api/agent/invites").await?;
    assert_eq!(pending.invites, vec![by_ana.invite], "only Ana's invitation is left");
    let preview = format!("/api/agent/invitation?code={}", by_luis.code);
    assert_eq!(failure(ws.http().get::<InvitePreview>(&preview).await).0, 404);
    Ok(())
}

#[tokio::test]
async fn a_demoted_admins_pending_invitations_end_and_other_admins_stay() -> Result<()> {
    let ws = Workspace::new("access-invites-demoted").await?;
    let (ana, luis, marta) = ws.agents().await?;
    let set_role = |who: &Agent, role: Role| {
        let (path, update) = (path::agent(&who.login.agent.id), AgentUpdate { role });
        let http = ana.http.clone();
        async move { http.put::<_, AgentProfile>(&path, &update).await }
    };
    set_role(&luis, Role::Admin).await?;
    set_role(&marta, Role::Admin).await?;
    let invite =
        |email: &str| InviteRequest { email: email.into(), name: "Pau".into(), role: Role::Agent };
    let by_luis: InviteCreated =
        luis.http.post("/api/agent/invites", &invite("pau@x.test")).await?;
    let by_marta: InviteCreated =
        marta.http.post("/api/agent/invites", &invite("joan@x.test")).await?;

    // Luis may no longer invite: his invitation ends; Marta's stays.
    set_role(&luis, Role::Supervisor).await?;
    let pending: InvitesReply = ana.http.get("/api/agent/invites").await?;
    assert_eq!(pending.invites, vec![by_marta.invite], "only Marta's invitation is left");
    let preview = format!("/api/agent/invitation?code={}", by_luis.code);
    assert_eq!(failure(ws.http().get::<InvitePreview>(&preview).await).0, 404);
    Ok(())
}

#[tokio::test]
async fn revoking_an_api_token_closes_the_sockets_opened_with_it_and_only_those() -> Result<()> {
    let ws = Workspace::new("access-token").await?;
    let ana = ws.admin().await?;
    let customer = ws.customer().await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let name = NewApiToken { name: "CRM sync".into() };
    let created: ApiTokenCreated = ana.http.post("/api/agent/api-tokens", &name).await?;
    let api = ws.http().with_token(&created.secret);
    let (mut inbox, mut dialog_socket) = open_sockets(&api, &dialog).await?;
    let (_ana_inbox, mut ana_dialog) = open_sockets(&ana.http, &dialog).await?;

    let _: Empty = ana.http.delete(&path::api_token(&created.token.id)).await?;
    assert_closes(&mut inbox, ACCESS_ENDED.code, "the token's inbox").await?;
    assert_closes(&mut dialog_socket, ACCESS_ENDED.code, "the token's dialog").await?;
    assert_refused(&api, &dialog, "the revoked token").await;
    still_delivers(&mut ana_dialog, &customer).await?;
    Ok(())
}

#[tokio::test]
async fn a_role_change_closes_the_agents_sockets_and_they_reopen_under_the_new_role() -> Result<()>
{
    let ws = Workspace::new("access-role").await?;
    let (ana, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hello?").await?;
    let dialog = customer.session.dialog_id.clone();
    let (mut inbox, mut dialog_socket) = open_sockets(&luis.http, &dialog).await?;

    let update = AgentUpdate { role: Role::Supervisor };
    let _: AgentProfile = ana.http.put(&path::agent(&luis.login.agent.id), &update).await?;
    assert_closes(&mut inbox, ACCESS_CHANGED.code, "the inbox after a role change").await?;
    assert_closes(&mut dialog_socket, ACCESS_CHANGED.code, "the dialog after a role change")
        .await?;
    // The session lives on: the app reconnects, under the new role.
    let (_inbox, mut dialog_socket) = open_sockets(&luis.http, &dialog).await?;
    let me: openline_core::protocol::LoginReply = luis.http.get("/api/agent/me").await?;
    assert_eq!(me.agent.role, Role::Supervisor);
    luis.command(&dialog, post("Hola, soy Luis.")).await?;
    dialog_socket.events_until(|e| matches!(e.body, EventBody::MessagePosted { .. })).await?;
    Ok(())
}
