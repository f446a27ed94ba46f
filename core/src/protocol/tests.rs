//! Snapshots of the wire types' JSON, and the routes table with its matching and builders.

use super::*;
use crate::auth::Role;
use crate::contact::RatingScale;
use crate::conversation::Command;
use crate::error_code::ErrorCode;
use crate::ids::{AgentId, ChannelId, CommandId, DialogId, VisitorId, WorkspaceId};
use crate::inbox::InboxList;
use crate::routing::Presence;
use serde::{Deserialize, Serialize};

fn roundtrip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
    value: &T,
    json: &str,
) {
    assert_eq!(serde_json::to_string(value).unwrap(), json);
    assert_eq!(&serde_json::from_str::<T>(json).unwrap(), value);
}

#[test]
fn snapshot_error_body() {
    let json = r#"{"error":{"code":"not_found","message":"No such dialog."}}"#;
    roundtrip(
        &ErrorBody {
            error: ErrorDetail { code: ErrorCode::NotFound, message: "No such dialog.".into() },
        },
        json,
    );
    // The browser apps' reading of the same body, the code as its string (`browser::http`).
    roundtrip(
        &ErrorBody {
            error: ErrorDetail { code: "not_found".to_owned(), message: "No such dialog.".into() },
        },
        json,
    );
    // A newer server's code still reads, as `Unknown`, with its message.
    let newer: ErrorBody<ErrorCode> =
        serde_json::from_str(r#"{"error":{"code":"invented_later","message":"Later."}}"#).unwrap();
    assert_eq!(newer.error.code, ErrorCode::Unknown);
    assert_eq!(newer.error.message, "Later.");
}

#[test]
fn snapshot_sign_in_locks() {
    use crate::sign_in::{KeyKind, Lock};
    let lock = |kind, key: &str| Lock { kind, key: key.into(), failures: 6, until: 1_000 };
    roundtrip(
        &SignInLocksReply {
            locks: vec![lock(KeyKind::Account, "ana@example.com"), lock(KeyKind::Network, "n1")],
        },
        concat!(
            r#"{"locks":[{"kind":"account","key":"ana@example.com","failures":6,"until":1000},"#,
            r#"{"kind":"network","key":"n1","failures":6,"until":1000}]}"#
        ),
    );
}

#[test]
fn snapshot_widget_session() {
    roundtrip(
        &WidgetSessionRequest {
            channel: "demo.web".into(),
            visitor_token: None,
            host: None,
            identity: None,
        },
        r#"{"channel":"demo.web","visitor_token":null}"#,
    );
    roundtrip(
        &WidgetSession {
            visitor_token: "t".into(),
            visitor_id: VisitorId::parse("v_1").unwrap(),
            dialog_id: DialogId::parse("web-v_1").unwrap(),
            channel: ChannelInfo {
                id: ChannelId::parse("web").unwrap(),
                name: "Website".into(),
                greeting: "Hi!".into(),
                prechat: vec![crate::contact::FormField {
                    field: crate::contact::ContactField::Email,
                    required: true,
                }],
                available: false,
                offline_form: true,
                rating: RatingScale::Stars,
                look: crate::look::Look::default(),
            },
        },
        r##"{"visitor_token":"t","visitor_id":"v_1","dialog_id":"web-v_1","channel":{"id":"web","name":"Website","greeting":"Hi!","prechat":[{"field":"email","required":true}],"available":false,"offline_form":true,"rating":"stars","look":{"color":"#1f5eff","position":"right","icon":"chat"}}}"##,
    );
    // What older servers sent still reads, as an always-available channel.
    let old: ChannelInfo =
        serde_json::from_str(r#"{"id":"web","name":"Website","greeting":"Hi!"}"#).unwrap();
    assert!(old.available && old.prechat.is_empty());
}

#[test]
fn snapshot_command_request_and_frames() {
    roundtrip(
        &CommandRequest { command_id: CommandId::parse("c1").unwrap(), command: Command::Answer },
        r#"{"command_id":"c1","command":{"type":"answer"}}"#,
    );
    roundtrip(&CommandReply { events: vec![] }, r#"{"events":[]}"#);
    roundtrip(
        &EventsFrame { events: vec![], reset: true, last_seq: 3, more: false },
        r#"{"events":[],"reset":true,"last_seq":3,"more":false}"#,
    );
    roundtrip(
        &InboxFrame::Snapshot {
            dialogs: vec![],
            counts: Default::default(),
            more: vec![ListMore {
                list: InboxList::Closed,
                after: crate::inbox::InboxCursor {
                    active_at: 9,
                    dialog_id: DialogId::parse("web-v_1").unwrap(),
                },
            }],
        },
        r#"{"type":"snapshot","dialogs":[],"counts":{"unanswered":0,"mine":0,"all_open":0,"closed":0,"spam":0},"more":[{"list":"closed","after":{"active_at":9,"dialog_id":"web-v_1"}}]}"#,
    );
}

#[test]
fn snapshot_login() {
    roundtrip(
        &LoginRequest { workspace: "demo".into(), email: "a@b".into(), password: "p".into() },
        r#"{"workspace":"demo","email":"a@b","password":"p"}"#,
    );
    roundtrip(&ana_signed_in(), ANA_SIGNED_IN);
    roundtrip(
        &SessionStatus { signed_in: Some(ana_signed_in()) },
        &format!(r#"{{"signed_in":{ANA_SIGNED_IN}}}"#),
    );
    roundtrip(&SessionStatus { signed_in: None }, r#"{"signed_in":null}"#);
}

const ANA_SIGNED_IN: &str = r#"{"workspace":"demo","agent":{"id":"a_1","name":"Ana","email":"a@b","role":"admin","presence":"online"}}"#;

fn ana_signed_in() -> LoginReply {
    LoginReply {
        workspace: WorkspaceId::parse("demo").unwrap(),
        agent: AgentProfile {
            id: AgentId::parse("a_1").unwrap(),
            name: "Ana".into(),
            email: "a@b".into(),
            role: Role::Admin,
            presence: Presence::Online,
        },
    }
}

#[test]
fn routes_match_their_patterns_only() {
    let found = find_route("POST", "/api/agent/dialogs/web-v_1/commands").unwrap();
    assert_eq!(found.access, Access::Agent);
    assert!(find_route("GET", "/api/agent/dialogs/web-v_1/commands").is_none());
    assert!(path_known("/api/agent/dialogs/web-v_1/commands"));
    assert!(!path_known("/api/agent/dialogs//commands"));
    assert!(!path_known("/api/agent/dialogs/x/commands/more"));
    assert_eq!(find_route("DELETE", "/api/agent/agents/a_1").unwrap().access, Access::Admin);
    // Each (method, path) is listed once.
    for (i, a) in ROUTES.iter().enumerate() {
        assert!(ROUTES[i + 1..].iter().all(|b| (a.method, a.path) != (b.method, b.path)));
    }
}

#[test]
fn every_path_builder_names_a_route() {
    let agent = AgentId::parse("a_1").unwrap();
    let channel = ChannelId::parse("web").unwrap();
    let dialog = DialogId::parse("web-v_1").unwrap();
    let built = [
        ("PUT", path::agent(&agent), "/api/agent/agents/{id}"),
        ("DELETE", path::agent(&agent), "/api/agent/agents/{id}"),
        ("DELETE", path::invite("inv_1"), "/api/agent/invites/{id}"),
        ("DELETE", path::api_token("tok_1"), "/api/agent/api-tokens/{id}"),
        ("PUT", path::channel(&channel), "/api/agent/channels/{id}"),
        ("GET", path::identity_secret(&channel), "/api/agent/channels/{id}/identity-secret"),
        ("POST", path::identity_secret(&channel), "/api/agent/channels/{id}/identity-secret"),
        ("PUT", path::canned("c_1"), "/api/agent/canned/{id}"),
        ("DELETE", path::canned("c_1"), "/api/agent/canned/{id}"),
        ("GET", path::dialog_events(&dialog), "/api/agent/dialogs/{id}/events"),
        ("POST", path::dialog_commands(&dialog), "/api/agent/dialogs/{id}/commands"),
        ("GET", path::dialog_socket(&dialog), "/api/agent/dialogs/{id}/socket"),
        ("POST", path::dialog_files(&dialog), "/api/agent/dialogs/{id}/files"),
        ("PUT", path::dialog_name(&dialog), "/api/agent/dialogs/{id}/name"),
        ("GET", path::file("t"), "/api/files/{id}"),
        ("GET", path::inbox_list(InboxList::Closed, None), "/api/agent/inbox/lists/{id}"),
    ];
    for (method, path, pattern) in built {
        let route = find_route(method, &path).unwrap_or_else(|| panic!("{method} {path}"));
        assert_eq!(route.path, pattern, "{method} {path}");
    }
    assert_eq!(path::dialog_events(&dialog), "/api/agent/dialogs/web-v_1/events");
    let after = crate::inbox::InboxCursor { active_at: 17, dialog_id: dialog.clone() };
    assert_eq!(
        path::inbox_list(InboxList::AllOpen, Some(&after)),
        "/api/agent/inbox/lists/all_open?at=17&id=web-v_1"
    );
}

#[test]
fn snapshot_chat_names() {
    roundtrip(&RenameChat { name: "Pedido Arco".into() }, r#"{"name":"Pedido Arco"}"#);
    let name =
        ChatName { dialog_id: DialogId::parse("web-v_1").unwrap(), name: "Pedido Arco".into() };
    roundtrip(&name, r#"{"dialog_id":"web-v_1","name":"Pedido Arco"}"#);
    roundtrip(
        &ChatNamesReply { names: vec![name] },
        r#"{"names":[{"dialog_id":"web-v_1","name":"Pedido Arco"}]}"#,
    );
}

#[test]
fn snapshot_typing_frames() {
    roundtrip(&TypingUpdate { typing: true, note: false }, r#"{"typing":true}"#);
    roundtrip(&TypingUpdate { typing: false, note: true }, r#"{"typing":false,"note":true}"#);
    roundtrip(
        &TypingFrame {
            typist: crate::event::Actor::Agent {
                id: AgentId::parse("a_1").unwrap(),
                name: "Ana".into(),
            },
            typing: true,
        },
        r#"{"typist":{"kind":"agent","id":"a_1","name":"Ana"},"typing":true}"#,
    );
    // A typing frame is not an events frame, so clients reading either can tell them apart.
    assert!(serde_json::from_str::<EventsFrame>(r#"{"typist":{"kind":"system"},"typing":true}"#)
        .is_err());
}

#[test]
fn requests_refuse_unknown_fields() {
    assert!(serde_json::from_str::<LoginRequest>(
        r#"{"workspace":"demo","email":"a","password":"p","admin":true}"#
    )
    .is_err());
}
