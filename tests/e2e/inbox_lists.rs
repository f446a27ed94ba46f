//! No customer is ever out of sight (issue 15, Q2): every inbox list is ordered by last
//! activity, paged to its very end, and counted exactly, at 10,000 dialogs in a workspace; the
//! counts stay exact as rows change, for rows the app never loaded too.
//!
//! The 10,000 rows are written as dialogs report them (`POST /api/dev/inbox`, development
//! only): opening 10,000 real chats would take the suite minutes, and the lists read the
//! workspace's rows, not the dialogs. The live part uses a real customer.

use anyhow::{ensure, Result};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use openline_core::conversation::{LastMessage, SessionStatus};
use openline_core::event::CloseReason;
use openline_core::inbox::{sort_for_display, DialogSummary, InboxCounts, InboxList};
use openline_core::limits::INBOX_PAGE_ROWS;
use openline_core::protocol::{path, DevInboxRows, InboxFrame, InboxPage, ListMore};
use openline_core::{AgentId, ChannelId, Command, DialogId, ErrorCode, VisitorId, WorkspaceId};
use openline_tests::api::{failure, Agent, Socket, PATIENCE};
use openline_tests::demo;
use openline_tests::scene::{Stage, Workspace};
use serde_json::Value;
use std::collections::HashSet;

/// How the 10,000 rows are made: (how many, what each is). Ana sees 200 of the 300 waiting
/// (100 are offered to Luis), and 60 as hers (50 she answers, 10 of Luis's she is invited to).
const MIX: [(usize, Kind); 7] = [
    (9_000, Kind::Closed),
    (600, Kind::Spam),
    (200, Kind::Waiting),
    (100, Kind::OfferedToLuis),
    (50, Kind::Anas),
    (40, Kind::Luiss),
    (10, Kind::LuissWithAna),
];

#[derive(Clone, Copy)]
enum Kind {
    Closed,
    Spam,
    Waiting,
    OfferedToLuis,
    Anas,
    Luiss,
    LuissWithAna,
}

#[tokio::test]
async fn q2_every_list_pages_to_its_end_with_exact_counts_at_ten_thousand_dialogs() -> Result<()> {
    let ws = Workspace::new("inbox-10k").await?;
    let (ana, luis, _) = ws.agents().await?;
    let (ana_id, luis_id) = (ana.login.agent.id.clone(), luis.login.agent.id.clone());
    let rows = ten_thousand_rows(&ana_id, &luis_id);
    seed(&ws, &rows).await?;

    let InboxFrame::Snapshot { dialogs, counts, more } = ana.inbox().await? else {
        anyhow::bail!("the inbox answers with a snapshot")
    };
    let expected =
        InboxCounts { unanswered: 200, mine: 60, all_open: 400, closed: 9_000, spam: 600 };
    assert_eq!(counts, expected, "Ana's exact counts");
    ensure!(dialogs.len() <= 5 * INBOX_PAGE_ROWS, "the snapshot grew to {}", dialogs.len());

    for list in InboxList::ALL {
        let wanted = in_order(&rows, list, &ana_id);
        assert_eq!(wanted.len() as u64, counts.get(list), "{list:?}: the count is the list");
        // The snapshot's first page, then page after page from where the last one ended.
        let mut seen = first_rows(&dialogs, list, &ana_id, &more);
        let mut after = more.iter().find(|m| m.list == list).map(|m| m.after.clone());
        assert_eq!(after.is_some(), wanted.len() > INBOX_PAGE_ROWS, "{list:?}: more");
        while let Some(position) = after {
            let page: InboxPage = ana.http.get(&path::inbox_list(list, Some(&position))).await?;
            ensure!(!page.dialogs.is_empty(), "{list:?}: an empty page that says more");
            ensure!(page.dialogs.len() <= INBOX_PAGE_ROWS, "{list:?}: a page too long");
            seen.extend(page.dialogs.iter().map(|d| d.dialog_id.clone()));
            after = page.next;
        }
        assert_eq!(seen, wanted, "{list:?}: every row once, newest activity first");
    }
    Ok(())
}

#[tokio::test]
async fn q2_counts_stay_exact_as_rows_change_loaded_or_not() -> Result<()> {
    let ws = Workspace::new("inbox-counts").await?;
    let ana = ws.admin().await?;
    let ana_id = ana.login.agent.id.clone();
    let closed: Vec<DialogSummary> =
        (0..3 * INBOX_PAGE_ROWS).map(|n| row(n, Kind::Closed, &ana_id, &ana_id)).collect();
    seed(&ws, &closed).await?;

    // The app's way: counts from the snapshot, moved by each row's change.
    let mut inbox = ana.inbox_socket().await?;
    let InboxFrame::Snapshot { mut counts, .. } = inbox.next().await? else {
        anyhow::bail!("a snapshot first")
    };

    // A customer writes: a new row in Unanswered and All open.
    let customer = ws.customer().await?;
    let dialog = customer.session.dialog_id.clone();
    customer.say("Hola, ¿seguís abiertos?").await?;
    let now = settle(&mut inbox, &mut counts, &ana, |c| c.all_open == 1).await?;
    assert_eq!((now.unanswered, now.closed), (1, 150));

    // Ana closes it: it moves to Closed, above 150 rows the app never loaded but counts.
    ana.command(&dialog, Command::AcceptAndClose).await?;
    let now = settle(&mut inbox, &mut counts, &ana, |c| c.closed == 151).await?;
    assert_eq!((now.unanswered, now.mine, now.all_open), (0, 0, 0));
    let top: InboxPage = ana.http.get(&path::inbox_list(InboxList::Closed, None)).await?;
    assert_eq!(top.dialogs[0].dialog_id, dialog, "the chat just closed heads Closed");
    Ok(())
}

#[tokio::test]
async fn q2_a_page_names_a_list_and_a_whole_position() -> Result<()> {
    let ws = Workspace::new("inbox-bad-pages").await?;
    let ana = ws.admin().await?;
    let get = |path: &str| {
        let http = ana.http.clone();
        let path = path.to_owned();
        async move { failure(http.get::<Value>(&path).await) }
    };
    assert_eq!(get("/api/agent/inbox/lists/archive").await.0, 404);
    for query in ["?at=12", "?id=web-v_1", "?at=soon&id=web-v_1", "?at=12&id=a%20b"] {
        let refused = get(&format!("/api/agent/inbox/lists/closed{query}")).await;
        assert_eq!(refused, (400, ErrorCode::InvalidCursor), "{query}");
    }
    let anonymous = failure(ws.http().get::<Value>("/api/agent/inbox/lists/closed").await);
    assert_eq!(anonymous.0, 401);
    Ok(())
}

#[tokio::test]
async fn q2_an_agent_scrolls_down_a_long_list_and_loads_the_rest_with_the_keyboard() -> Result<()> {
    let stage = Stage::new("inbox-scroll").await?;
    let nobody = AgentId::parse("a_nobody").expect("an agent id");
    let closed: Vec<DialogSummary> =
        (0..120).map(|n| row(n, Kind::Closed, &nobody, &nobody)).collect();
    seed(&stage.ws, &closed).await?;
    let ana = stage.agent_sized(demo::ADMIN_EMAIL, 1280, 700).await?;
    ana.click("#tab-closed").await?;
    ana.find_text("#tab-closed .count", "120").await?;
    let shown = |n: usize| {
        let ana = &ana;
        async move {
            let script =
                "return new Set([...document.querySelectorAll('#inbox-panel li.inbox-row')]\
                          .map(li => li.textContent)).size;";
            ana.eval_until(&format!("{n} distinct rows"), script, |v| v.as_u64() == Some(n as u64))
                .await
        }
    };
    shown(INBOX_PAGE_ROWS).await?;

    // Scrolled to the end, the list loads the next rows.
    ana.eval("const p = document.getElementById('inbox-panel'); p.scrollTop = p.scrollHeight;")
        .await?;
    shown(2 * INBOX_PAGE_ROWS).await?;
    ana.screenshot("100-inbox-closed-paged").await?;
    ana.check_accessibility("a long closed list").await?;

    // The button below the rows does the same from the keyboard; the list then ends.
    ana.type_into(".show-more", "\u{E007}").await?;
    shown(120).await?;
    ana.wait_gone(".show-more").await?;
    ana.find_text("#tab-closed .count", "120").await?;
    ana.page.close().await?;
    Ok(())
}

/// Follows the inbox socket, moving `counts` as the app does, until a fresh snapshot's counts
/// are `done` and the followed counts equal them; returns them. A wrong `before` in any change
/// would leave the followed counts off for good.
async fn settle(
    inbox: &mut Socket,
    counts: &mut InboxCounts,
    agent: &Agent,
    done: impl Fn(&InboxCounts) -> bool,
) -> Result<InboxCounts> {
    loop {
        let InboxFrame::Snapshot { counts: fresh, .. } = agent.inbox().await? else {
            anyhow::bail!("a snapshot")
        };
        if done(&fresh) && *counts == fresh {
            return Ok(fresh);
        }
        match inbox.next_within::<InboxFrame>(PATIENCE).await? {
            Some(InboxFrame::Upsert { dialog, before }) => {
                counts.shift(before.as_ref(), &dialog, &agent.login.agent.id)
            }
            Some(InboxFrame::Snapshot { .. }) => anyhow::bail!("a second snapshot"),
            None => anyhow::bail!("the followed counts {counts:?} never became {fresh:?}"),
        }
    }
}

/// The rows in `MIX`, last active in an order unlike the order they were made in.
fn ten_thousand_rows(ana: &AgentId, luis: &AgentId) -> Vec<DialogSummary> {
    let kinds = MIX.iter().flat_map(|(n, kind)| std::iter::repeat_n(*kind, *n));
    let rows: Vec<DialogSummary> =
        kinds.enumerate().map(|(n, kind)| row(n, kind, ana, luis)).collect();
    assert_eq!(rows.len(), 10_000);
    rows
}

/// Dialog `n` of `kind`, last active in the past three hours at a time that shuffles the rows
/// (7,919 is prime, so `n * 7919 % 10_000` takes every value once), two rows a second; the
/// hours are whole, so every row made in one test shares the same start.
fn row(n: usize, kind: Kind, ana: &AgentId, luis: &AgentId) -> DialogSummary {
    let three_hours_ago = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
        / 3_600_000
        * 3_600_000
        - 3 * 3_600_000;
    let active_at = three_hours_ago + (n * 7_919 % 10_000 / 2) as i64 * 1_000;
    let with = |agent: &AgentId, name: &str| SessionStatus::InProgress {
        agent: agent.clone(),
        agent_name: name.into(),
    };
    let (status, last_close) = match kind {
        Kind::Closed => (SessionStatus::Idle, Some(CloseReason::Finished)),
        Kind::Spam => (SessionStatus::Idle, Some(CloseReason::Spam)),
        Kind::Waiting | Kind::OfferedToLuis => (SessionStatus::Unanswered, None),
        Kind::Anas => (with(ana, "Ana García"), None),
        Kind::Luiss | Kind::LuissWithAna => (with(luis, "Luis Pérez"), None),
    };
    let visitor = VisitorId::parse(&format!("v_seed{n}")).expect("a visitor id");
    let channel = ChannelId::parse("web").expect("a channel id");
    DialogSummary {
        dialog_id: DialogId::for_visitor(&channel, &visitor),
        channel_id: channel,
        channel_name: String::new(),
        visitor_name: format!("Cliente {n}"),
        visitor_id: visitor,
        session: 1,
        status,
        last_message: Some(LastMessage {
            text: format!("Pregunta {n}"),
            at: active_at,
            from_customer: true,
        }),
        unread: 0,
        waiting_since: None,
        last_seq: 2,
        participants: if matches!(kind, Kind::LuissWithAna) { vec![ana.clone()] } else { vec![] },
        pinned: false,
        last_close,
        offered_to: if matches!(kind, Kind::OfferedToLuis) { vec![luis.clone()] } else { vec![] },
        blocked: false,
        last_mention: None,
        rating: None,
        active_at,
    }
}

/// Writes `rows` into the workspace, a body's worth at a time.
async fn seed(ws: &Workspace, rows: &[DialogSummary]) -> Result<()> {
    let workspace = WorkspaceId::parse(&ws.id).expect("a workspace id");
    stream::iter(rows.chunks(100))
        .map(|chunk| {
            let body = DevInboxRows { workspace: workspace.clone(), rows: chunk.to_vec() };
            let http = ws.http();
            async move { http.post::<_, Value>("/api/dev/inbox", &body).await }
        })
        .buffer_unordered(4)
        .try_collect::<Vec<Value>>()
        .await?;
    Ok(())
}

/// The ids of `list`'s rows for `me`, newest activity first (core's order and rule).
fn in_order(rows: &[DialogSummary], list: InboxList, me: &AgentId) -> Vec<DialogId> {
    let mut listed: Vec<DialogSummary> =
        rows.iter().filter(|d| list.includes(d, me)).cloned().collect();
    sort_for_display(&mut listed);
    let ids: Vec<DialogId> = listed.into_iter().map(|d| d.dialog_id).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    ids
}

/// The snapshot's rows of `list` as the app shows them: down to where its next page starts
/// (rows of other lists' pages may lie further down, past rows not sent yet).
fn first_rows(
    snapshot: &[DialogSummary],
    list: InboxList,
    me: &AgentId,
    more: &[ListMore],
) -> Vec<DialogId> {
    let end = more.iter().find(|m| m.list == list).map(|m| &m.after);
    let shown: Vec<DialogSummary> =
        snapshot.iter().filter(|d| end.is_none_or(|end| d.position() >= *end)).cloned().collect();
    in_order(&shown, list, me)
}
