//! Typed clients for the edge's API, speaking only `openline_core::protocol` types.

use crate::edge::{unique, Edge};
use anyhow::{bail, Context, Result};
use futures_util::{SinkExt, StreamExt};
use openline_core::protocol::{
    path, CommandReply, CommandRequest, ErrorBody, EventsFrame, InboxFrame, LoginReply,
    LoginRequest, WidgetSession, WidgetSessionRequest,
};

/// The agent app's session cookie (see `openline_core::protocol`).
pub const SESSION_COOKIE: &str = "openline_session";
use openline_core::files::FileRef;
use openline_core::{Command, CommandId, DialogId, ErrorCode, Event};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How long a test waits for something that should happen at once (`wait::budget::API`).
pub const PATIENCE: Duration = crate::wait::budget::API;

/// Where clients connect: an edge as it is, or a workspace of the shared edge, whose clients
/// come from the test's own network address (see `scene`).
pub trait Site {
    /// A client of this site, without credentials.
    fn http(&self) -> Http;
}

impl Site for Edge {
    fn http(&self) -> Http {
        Http::new(self)
    }
}

/// A reply that was not a success: its status and error body.
#[derive(Debug)]
pub struct ApiFailure {
    pub status: u16,
    pub body: ErrorBody<ErrorCode>,
}

impl std::fmt::Display for ApiFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status, self.body.error.code, self.body.error.message)
    }
}

impl std::error::Error for ApiFailure {}

pub fn new_command_id() -> CommandId {
    CommandId::parse(&format!("cmd-{}", unique())).unwrap_or_else(|| unreachable!())
}

/// The texts of the messages in `events`, in order.
pub fn message_texts(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.body {
            openline_core::EventBody::MessagePosted { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

pub fn post(text: &str) -> Command {
    Command::Post {
        text: text.into(),
        internal: false,
        quote: None,
        mentions: Vec::new(),
        files: Vec::new(),
    }
}

pub fn note(text: &str) -> Command {
    Command::Post {
        text: text.into(),
        internal: true,
        quote: None,
        mentions: Vec::new(),
        files: Vec::new(),
    }
}

/// A message quoting message `seq` (M1).
pub fn quote(seq: u64, text: &str) -> Command {
    Command::Post {
        text: text.into(),
        internal: false,
        quote: Some(seq),
        mentions: Vec::new(),
        files: Vec::new(),
    }
}

/// A message carrying uploaded files (C1).
pub fn attach(files: &[&FileRef], text: &str) -> Command {
    Command::Post {
        text: text.into(),
        internal: false,
        quote: None,
        mentions: Vec::new(),
        files: files.iter().map(|f| f.id.clone()).collect(),
    }
}

/// A downloaded file: status, the headers that matter, the bytes.
#[derive(Debug)]
pub struct Download {
    pub status: u16,
    pub content_type: String,
    pub disposition: String,
    pub nosniff: bool,
    /// Where a moved thing is now (a merged contact's survivor).
    pub location: String,
    pub bytes: Vec<u8>,
}

/// How a client proves who it is.
#[derive(Clone, Debug)]
pub enum Credentials {
    None,
    /// `Authorization: Bearer …` (visitor tokens, API tokens).
    Bearer(String),
    /// The agent app's session cookie, sent as a browser on the app's page would: with the
    /// CSRF header on writes and the app's `Origin` on WebSockets.
    Session(String),
}

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    base: String,
    ws_base: String,
    credentials: Credentials,
    /// Extra headers on every request (an `Origin`, a network address).
    headers: Vec<(String, String)>,
}

impl Http {
    pub fn new(edge: &Edge) -> Http {
        Http {
            client: reqwest::Client::new(),
            base: edge.url(""),
            ws_base: edge.ws_url(""),
            credentials: Credentials::None,
            headers: Vec::new(),
        }
    }

    /// The same calls with another (possibly forged) bearer token.
    pub fn with_token(&self, token: &str) -> Http {
        self.with_credentials(Credentials::Bearer(token.to_owned()))
    }

    pub fn with_credentials(&self, credentials: Credentials) -> Http {
        Http { credentials, ..self.clone() }
    }

    /// The same calls with one more header on each (replacing one of the same name).
    pub fn with_header(&self, name: &str, value: &str) -> Http {
        let mut headers = self.headers.clone();
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        headers.push((name.to_owned(), value.to_owned()));
        Http { headers, ..self.clone() }
    }

    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// A request to `path` with the credentials, sent as a browser on the app's page would:
    /// a cookie session adds the CSRF header to writes.
    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let write = !matches!(method, reqwest::Method::GET | reqwest::Method::HEAD);
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        match &self.credentials {
            Credentials::None => {}
            Credentials::Bearer(token) => req = req.bearer_auth(token),
            Credentials::Session(cookie) => {
                req = req.header("cookie", format!("{SESSION_COOKIE}={cookie}"));
                if write {
                    req = req.header("x-openline-csrf", "1");
                }
            }
        }
        // A browser sends its page's `Origin` with every write; a test that plays a foreign
        // page sets its own.
        let own_origin = !self.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("origin"));
        if write && own_origin {
            req = req.header("origin", &self.base);
        }
        for (name, value) in &self.headers {
            req = req.header(name, value);
        }
        req
    }

    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(self.request(reqwest::Method::DELETE, path)).await
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(self.request(reqwest::Method::GET, path)).await
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T> {
        self.send(self.request(reqwest::Method::POST, path).json(body)).await
    }

    pub async fn put<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T> {
        self.send(self.request(reqwest::Method::PUT, path).json(body)).await
    }

    /// A raw request (for malformed bodies), returning status and body text.
    pub async fn raw(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Vec<u8>,
    ) -> Result<(u16, String)> {
        // Bodies go as the apps send theirs, as JSON, unless a test says otherwise.
        let mut req = self.request(method, path);
        if !self.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-type")) {
            req = req.header("content-type", "application/json");
        }
        let (_, status, text) = send_raw(req.body(body)).await?;
        Ok((status, text))
    }

    /// Uploads a file's bytes as `name` (C1) to `path` (`/api/widget/files`, or a dialog's).
    pub async fn upload(&self, path: &str, name: &str, bytes: Vec<u8>) -> Result<FileRef> {
        let req = self.request(reqwest::Method::POST, path).query(&[("name", name)]).body(bytes);
        self.send(req).await
    }

    /// GETs a download link as it is, with these credentials (a link needs none).
    pub async fn download(&self, url: &str) -> Result<Download> {
        let response = self.request(reqwest::Method::GET, url).send().await?;
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
        };
        let (content_type, disposition) = (header("content-type"), header("content-disposition"));
        let nosniff = header("x-content-type-options") == "nosniff";
        let location = header("location");
        let status = response.status().as_u16();
        let bytes = response.bytes().await?.to_vec();
        Ok(Download { status, content_type, disposition, nosniff, location, bytes })
    }

    async fn send<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> Result<T> {
        let (_, status, text) = send_raw(req).await?;
        decode(status, &text)
    }

    /// A POST that signs in (login, setup, an accepted invitation): the reply and the session
    /// cookie it set.
    pub async fn sign_in<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<(T, String)> {
        let (session, status, text) =
            send_raw(self.request(reqwest::Method::POST, path).json(body)).await?;
        let reply = decode(status, &text)?;
        Ok((reply, session.context("the reply set no session cookie")?))
    }

    /// A WebSocket, opened as a browser on this site would (with the session cookie and this
    /// site's `Origin` when signed in).
    pub async fn socket(&self, path: &str) -> Result<Socket> {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        let mut url = format!("{}{path}", self.ws_base);
        // Browsers cannot set headers on a WebSocket: bearer tokens go in the query.
        if let (Credentials::Bearer(token), false) = (&self.credentials, path.contains("token=")) {
            let sep = if path.contains('?') { '&' } else { '?' };
            url = format!("{url}{sep}token={token}");
        }
        let mut request = url.as_str().into_client_request()?;
        if let Credentials::Session(cookie) = &self.credentials {
            let headers = request.headers_mut();
            headers.insert("cookie", format!("{SESSION_COOKIE}={cookie}").parse()?);
            headers.insert("origin", self.base.parse()?);
        }
        for (name, value) in &self.headers {
            request
                .headers_mut()
                .insert(reqwest::header::HeaderName::from_bytes(name.as_bytes())?, value.parse()?);
        }
        let (stream, _) = tokio_tungstenite::connect_async(request)
            .await
            .with_context(|| format!("connecting {url}"))?;
        Ok(Socket { stream })
    }
}

/// The start of `wrangler dev`'s 503 when its ProxyWorker lost the keep-alive connection to
/// the Worker as the request was written on it, before the Worker saw it (see `edge`'s note).
const PROXY_LOST: &str = "Your worker restarted mid-request";

/// Sends; returns the session cookie the reply set (if any), the status and the body. A request
/// `wrangler dev` dropped on its way to the Worker (`PROXY_LOST`) is sent once more.
async fn send_raw(req: reqwest::RequestBuilder) -> Result<(Option<String>, u16, String)> {
    let again = req.try_clone();
    let sent = send_once(req).await?;
    match again {
        Some(again) if sent.1 == 503 && sent.2.starts_with(PROXY_LOST) => send_once(again).await,
        _ => Ok(sent),
    }
}

async fn send_once(req: reqwest::RequestBuilder) -> Result<(Option<String>, u16, String)> {
    let response = req.send().await?;
    let prefix = format!("{SESSION_COOKIE}=");
    let session = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(prefix.as_str()))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let status = response.status().as_u16();
    Ok((session, status, response.text().await?))
}

fn decode<T: DeserializeOwned>(status: u16, text: &str) -> Result<T> {
    if !(200..300).contains(&status) {
        let body: ErrorBody<ErrorCode> = serde_json::from_str(text)
            .with_context(|| format!("error {status} without a JSON error body: {text}"))?;
        return Err(ApiFailure { status, body }.into());
    }
    serde_json::from_str(text).with_context(|| format!("unexpected reply: {text}"))
}

/// The status and code of a failed call, for asserting on refusals.
pub fn failure(result: Result<impl std::fmt::Debug>) -> (u16, ErrorCode) {
    match result {
        Ok(value) => panic!("expected a refusal, got {value:?}"),
        Err(e) => match e.downcast_ref::<ApiFailure>() {
            Some(f) => (f.status, f.body.error.code),
            None => panic!("expected an API refusal, got {e:#}"),
        },
    }
}

/// A customer, as the widget is: a visitor session on a channel.
pub struct Customer {
    pub http: Http,
    pub session: WidgetSession,
}

impl Customer {
    pub async fn open(site: &impl Site, channel_key: &str) -> Result<Customer> {
        Customer::resume(site, channel_key, None).await
    }

    /// A returning visit: the token kept from before (W3).
    pub async fn resume(
        site: &impl Site,
        channel_key: &str,
        token: Option<String>,
    ) -> Result<Customer> {
        let http = site.http();
        let request = WidgetSessionRequest {
            channel: channel_key.into(),
            visitor_token: token,
            host: None,
            identity: None,
        };
        let session: WidgetSession = http.post("/api/widget/session", &request).await?;
        Ok(Customer { http: http.with_token(&session.visitor_token), session })
    }

    pub async fn say(&self, text: &str) -> Result<CommandReply> {
        self.command(new_command_id(), post(text)).await
    }

    pub async fn command(&self, command_id: CommandId, command: Command) -> Result<CommandReply> {
        self.http.post("/api/widget/commands", &CommandRequest { command_id, command }).await
    }

    pub async fn events(&self, after: Option<u64>) -> Result<EventsFrame> {
        self.http.get(&with_after("/api/widget/events", after)).await
    }

    pub async fn upload(&self, name: &str, bytes: Vec<u8>) -> Result<FileRef> {
        self.http.upload("/api/widget/files", name, bytes).await
    }

    pub async fn socket(&self, after: Option<u64>) -> Result<Socket> {
        let path =
            with_after(&format!("/api/widget/socket?token={}", self.session.visitor_token), after);
        self.http.socket(&path).await
    }
}

/// The demo workspace's three agents (Ana the admin, Luis, Marta), logged in together.
pub async fn demo_agents(site: &impl Site) -> Result<(Agent, Agent, Agent)> {
    use crate::demo::{ADMIN_EMAIL, ADMIN_PASSWORD, COLLEAGUES, WORKSPACE};
    let login = |email: &'static str| Agent::login(site, WORKSPACE, email, ADMIN_PASSWORD);
    tokio::try_join!(login(ADMIN_EMAIL), login(COLLEAGUES[0].0), login(COLLEAGUES[1].0))
}

/// An agent, logged in.
pub struct Agent {
    pub http: Http,
    pub login: LoginReply,
}

impl Agent {
    pub async fn login(
        site: &impl Site,
        workspace: &str,
        email: &str,
        password: &str,
    ) -> Result<Agent> {
        let http = site.http();
        let request = LoginRequest {
            workspace: workspace.into(),
            email: email.into(),
            password: password.into(),
        };
        let (login, session) = http.sign_in("/api/agent/login", &request).await?;
        Ok(Agent { http: http.with_credentials(Credentials::Session(session)), login })
    }

    pub async fn command(&self, dialog: &DialogId, command: Command) -> Result<CommandReply> {
        self.command_with_id(dialog, new_command_id(), command).await
    }

    pub async fn upload(&self, dialog: &DialogId, name: &str, bytes: Vec<u8>) -> Result<FileRef> {
        self.http.upload(&path::dialog_files(dialog), name, bytes).await
    }

    pub async fn command_with_id(
        &self,
        dialog: &DialogId,
        command_id: CommandId,
        command: Command,
    ) -> Result<CommandReply> {
        let path = path::dialog_commands(dialog);
        self.http.post(&path, &CommandRequest { command_id, command }).await
    }

    pub async fn events(&self, dialog: &DialogId, after: Option<u64>) -> Result<EventsFrame> {
        self.http.get(&with_after(&path::dialog_events(dialog), after)).await
    }

    pub async fn inbox(&self) -> Result<InboxFrame> {
        self.http.get("/api/agent/inbox").await
    }

    pub async fn socket(&self, dialog: &DialogId, after: Option<u64>) -> Result<Socket> {
        self.http.socket(&with_after(&path::dialog_socket(dialog), after)).await
    }

    pub async fn inbox_socket(&self) -> Result<Socket> {
        self.http.socket("/api/agent/inbox/socket").await
    }
}

fn with_after(path: &str, after: Option<u64>) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    match after {
        Some(after) => format!("{path}{sep}after={after}"),
        None => path.to_owned(),
    }
}

pub struct Socket {
    stream: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Socket {
    /// The next JSON frame, or an error after `PATIENCE`.
    pub async fn next<T: DeserializeOwned>(&mut self) -> Result<T> {
        self.next_within(PATIENCE).await?.with_context(|| {
            format!("no frame arrived on the socket within {} s", PATIENCE.as_secs())
        })
    }

    /// The next JSON frame within `wait`, or `None` if none came.
    pub async fn next_within<T: DeserializeOwned>(&mut self, wait: Duration) -> Result<Option<T>> {
        let text = self.next_text(wait).await?;
        Ok(text.map(|text| serde_json::from_str(&text)).transpose()?)
    }

    /// The next text frame within `wait` as it came, byte for byte (for tests that look for
    /// what must not be in it), or `None` if none came.
    pub async fn next_text(&mut self, wait: Duration) -> Result<Option<String>> {
        loop {
            let message = match tokio::time::timeout(wait, self.stream.next()).await {
                Err(_) => return Ok(None),
                Ok(None) => bail!("the socket closed"),
                Ok(Some(message)) => message?,
            };
            if let Message::Text(text) = message {
                return Ok(Some(text.as_str().to_owned()));
            }
        }
    }

    /// Reads event frames until one holds an event matching `wanted`; returns every event seen.
    /// Bounded as a whole by `PATIENCE`, however many other frames come.
    pub async fn events_until(&mut self, wanted: impl Fn(&Event) -> bool) -> Result<Vec<Event>> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let Some(frame) = self.next_within::<EventsFrame>(left).await? else {
                bail!(
                    "the event waited for did not arrive on the socket within {} s; seen: {seen:?}",
                    PATIENCE.as_secs()
                );
            };
            let done = frame.events.iter().any(&wanted);
            seen.extend(frame.events);
            if done {
                return Ok(seen);
            }
        }
    }

    /// Sends a text frame (clients normally send only pings).
    pub async fn send_text(&mut self, text: &str) -> Result<()> {
        self.stream.send(Message::Text(text.into())).await?;
        Ok(())
    }

    /// Sends `value` as a JSON text frame.
    pub async fn send<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.stream.send(Message::text(serde_json::to_string(value)?)).await?;
        Ok(())
    }

    /// The next frame that reads as a `T` within `wait`, skipping frames of other kinds (event
    /// frames while waiting for a typing indicator, say); `None` if none came.
    pub async fn next_of<T: DeserializeOwned>(&mut self, wait: Duration) -> Result<Option<T>> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let Some(frame) = self.next_within::<serde_json::Value>(left).await? else {
                return Ok(None);
            };
            if let Ok(wanted) = serde_json::from_value(frame) {
                return Ok(Some(wanted));
            }
        }
    }

    /// The code of the server's close frame, reading past any data frames before it; an error
    /// when none comes within `PATIENCE`.
    pub async fn close_code(&mut self) -> Result<u16> {
        match self.closed_within(PATIENCE).await? {
            Some((code, _)) => Ok(code),
            None => bail!("the socket did not close within {} s", PATIENCE.as_secs()),
        }
    }

    /// Reads until the server closes the socket within `wait`: its close code and reason, or
    /// `None` if it stayed open. Frames before the close are skipped.
    pub async fn closed_within(&mut self, wait: Duration) -> Result<Option<(u16, String)>> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, self.stream.next()).await {
                Err(_) => return Ok(None),
                // 1006: closed without a close frame; 1005: a close frame without a code.
                Ok(None) => return Ok(Some((1006, String::new()))),
                Ok(Some(Ok(Message::Close(frame)))) => {
                    let frame = frame.map(|f| (u16::from(f.code), f.reason.to_string()));
                    return Ok(Some(frame.unwrap_or((1005, String::new()))));
                }
                Ok(Some(Ok(_))) => continue,
                Ok(Some(Err(e))) => bail!("the socket failed before it closed: {e}"),
            }
        }
    }

    pub async fn close(mut self) -> Result<()> {
        self.stream.send(Message::Close(None)).await?;
        Ok(())
    }
}
