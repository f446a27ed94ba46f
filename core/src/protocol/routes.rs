//! `ROUTES`: every API route with who may call it (the edge's router and the adversarial suite
//! both read this table), and `find_route` / `path_known`, which match a request against it.

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone (login, setup, opening a widget session, invitation links).
    Public,
    /// A widget's visitor token.
    Visitor,
    /// Any agent of the workspace (session cookie or API token).
    Agent,
    /// Admins only.
    Admin,
    /// Only when the edge runs with `OPENLINE_DEV_SEED=true`.
    Dev,
}

/// One API route: method, path (`{id}` is one path segment), who may call it, and what the
/// body and reply are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// A WebSocket upgrade.
    pub socket: bool,
    pub summary: &'static str,
}

const fn route(
    method: &'static str,
    path: &'static str,
    access: Access,
    summary: &'static str,
) -> Route {
    Route { method, path, access, socket: false, summary }
}

const fn socket(path: &'static str, access: Access, summary: &'static str) -> Route {
    Route { method: "GET", path, access, socket: true, summary }
}

/// Every API route of the edge.
pub const ROUTES: &[Route] = &[
    route("GET", "/api/health", Access::Public, "→ `ok`"),
    route("GET", "/api/setup", Access::Public, "→ `SetupStatus`"),
    route(
        "POST",
        "/api/setup",
        Access::Public,
        "`SetupRequest` → `LoginReply` + cookie (first run only)",
    ),
    route(
        "POST",
        "/api/widget/session",
        Access::Public,
        "`WidgetSessionRequest` → `WidgetSession`",
    ),
    route("GET", "/api/widget/events", Access::Visitor, "`?after=N` → `EventsFrame`"),
    route("POST", "/api/widget/commands", Access::Visitor, "`CommandRequest` → `CommandReply`"),
    route(
        "POST",
        "/api/widget/files",
        Access::Visitor,
        "`?name=N`, the file's bytes → `FileRef` (C1; attach its id to a `Post`)",
    ),
    socket(
        "/api/widget/socket",
        Access::Visitor,
        "`?token=T&after=N`: `EventsFrame`s and `TypingFrame`s; sends `TypingUpdate`s",
    ),
    route("POST", "/api/agent/login", Access::Public, "`LoginRequest` → `LoginReply` + cookie"),
    route("GET", "/api/agent/invitation", Access::Public, "`?code=C` → `InvitePreview`"),
    route(
        "POST",
        "/api/agent/invitation",
        Access::Public,
        "`AcceptInvite` → `LoginReply` + cookie",
    ),
    route("POST", "/api/agent/logout", Access::Agent, "→ `{}`, the session ends"),
    route("GET", "/api/agent/me", Access::Agent, "→ `LoginReply`"),
    route(
        "GET",
        "/api/agent/session",
        Access::Public,
        "→ `SessionStatus`: the cookie's agent, or none (never a 401)",
    ),
    route("PUT", "/api/agent/password", Access::Agent, "`PasswordChange` → `{}`"),
    route("GET", "/api/agent/inbox", Access::Agent, "→ `InboxFrame::Snapshot`"),
    route(
        "GET",
        "/api/agent/inbox/lists/{id}",
        Access::Agent,
        "`?at=&id=` (a row's `position`, to page on) → `InboxPage`",
    ),
    socket("/api/agent/inbox/socket", Access::Agent, "`InboxFrame`s"),
    route("GET", "/api/agent/agents", Access::Agent, "→ `AgentsReply`"),
    route("GET", "/api/agent/contacts", Access::Agent, "`?q=&after=` → `ContactsPage`"),
    route("GET", "/api/agent/contacts/{id}", Access::Agent, "→ `ContactCard`; 410 when merged"),
    route("PUT", "/api/agent/contacts/{id}", Access::Agent, "`ContactEdit` → `ContactCard`"),
    route(
        "POST",
        "/api/agent/contacts/{id}/merge",
        Access::Agent,
        "`MergeRequest` → `ContactCard` of the survivor",
    ),
    route("GET", "/api/agent/dialogs/{id}/contact", Access::Agent, "→ `ContactCard` or `null`"),
    route("PUT", "/api/agent/agents/{id}", Access::Admin, "`AgentUpdate` → `AgentProfile`"),
    route(
        "DELETE",
        "/api/agent/agents/{id}",
        Access::Admin,
        "→ `{}`; their sessions and tokens end",
    ),
    route("GET", "/api/agent/invites", Access::Admin, "→ `InvitesReply`"),
    route("POST", "/api/agent/invites", Access::Admin, "`InviteRequest` → `InviteCreated`"),
    route("DELETE", "/api/agent/invites/{id}", Access::Admin, "→ `{}`"),
    route("GET", "/api/agent/api-tokens", Access::Admin, "→ `ApiTokensReply`"),
    route("POST", "/api/agent/api-tokens", Access::Admin, "`NewApiToken` → `ApiTokenCreated`"),
    route("DELETE", "/api/agent/api-tokens/{id}", Access::Admin, "→ `{}`"),
    route("GET", "/api/agent/sign-in-locks", Access::Admin, "→ `SignInLocksReply`"),
    route(
        "DELETE",
        "/api/agent/sign-in-locks",
        Access::Admin,
        "`?kind=account|network&key=K` → `{}`: that account or network may sign in again",
    ),
    route("PUT", "/api/agent/presence", Access::Agent, "`PresenceRequest` → `AgentProfile`"),
    route("GET", "/api/agent/channels", Access::Agent, "→ `ChannelsReply`"),
    route("POST", "/api/agent/channels", Access::Admin, "`NewChannel` → `ChannelSettings`"),
    route(
        "PUT",
        "/api/agent/channels/{id}",
        Access::Admin,
        "`ChannelSettings` → `ChannelSettings`",
    ),
    route("GET", "/api/agent/channels/{id}/identity-secret", Access::Admin, "→ `IdentitySecret`"),
    route(
        "POST",
        "/api/agent/channels/{id}/identity-secret",
        Access::Admin,
        "→ a new `IdentitySecret`",
    ),
    route("GET", "/api/agent/canned", Access::Agent, "→ `CannedReply`"),
    route("POST", "/api/agent/canned", Access::Agent, "`CannedInput` → `CannedResponse`"),
    route("PUT", "/api/agent/canned/{id}", Access::Agent, "`CannedInput` → `CannedResponse`"),
    route("DELETE", "/api/agent/canned/{id}", Access::Agent, "→ `{}`"),
    route("GET", "/api/agent/dialogs/{id}/events", Access::Agent, "`?after=N` → `EventsFrame`"),
    route(
        "POST",
        "/api/agent/dialogs/{id}/commands",
        Access::Agent,
        "`CommandRequest` → `CommandReply`",
    ),
    socket(
        "/api/agent/dialogs/{id}/socket",
        Access::Agent,
        "`?after=N`: `EventsFrame`s and `TypingFrame`s; sends `TypingUpdate`s",
    ),
    route(
        "POST",
        "/api/agent/dialogs/{id}/files",
        Access::Agent,
        "`?name=N`, the file's bytes → `FileRef` (C1; attach its id to a `Post`)",
    ),
    route(
        "GET",
        "/api/files/{id}",
        Access::Public,
        "a signed, expiring download link from a `FileRef`: the file (C1)",
    ),
    route(
        "GET",
        "/api/agent/dialog-names",
        Access::Agent,
        "→ `ChatNamesReply` (my own chat names)",
    ),
    route("PUT", "/api/agent/dialogs/{id}/name", Access::Agent, "`RenameChat` → `ChatName` (C3)"),
    route("POST", "/api/dev/seed", Access::Dev, "`DevSeedRequest` → `{ \"created\": bool }`"),
    route("POST", "/api/dev/inbox", Access::Dev, "`DevInboxRows` → `{}`"),
];

/// The route `method path` matches, if any; `{id}` matches one non-empty segment.
pub fn find_route(method: &str, path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.method == method && path_matches(r.path, path))
}

/// Whether some route has this path under another method (a 405 rather than a 404).
pub fn path_known(path: &str) -> bool {
    ROUTES.iter().any(|r| path_matches(r.path, path))
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let mut pattern = pattern.trim_matches('/').split('/');
    let mut path = path.trim_matches('/').split('/');
    loop {
        match (pattern.next(), path.next()) {
            (None, None) => return true,
            (Some("{id}"), Some(segment)) if !segment.is_empty() => {}
            (Some(expected), Some(segment)) if expected == segment => {}
            _ => return false,
        }
    }
}
