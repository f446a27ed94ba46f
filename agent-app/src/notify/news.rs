//! Notifications (Q1): what is new for the signed-in agent, told four ways: an in-app toast, a
//! short beep, a desktop notification while the tab is hidden, and the count in the page title.
//!
//! Everything is derived from the inbox the app already holds: after each change the new inbox
//! is compared with the previous one (`whats_new`), so no event passes through here and nothing
//! is announced twice. The first snapshot is the starting point, never news.
//!
//! This file holds those rules, plain functions tested natively; `watch` wires them to the
//! inbox.

use crate::i18n::Lang;
use crate::inbox::Inbox;
use openline_core::ids::{AgentId, DialogId};
use openline_core::inbox::{DialogSummary, InboxList};

/// Previews are cut to this many characters.
const PREVIEW_CHARS: usize = 80;

/// Something the agent should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub dialog: DialogId,
    pub visitor: String,
    pub kind: NoticeKind,
    /// The last customer message, shortened (may be empty).
    pub preview: String,
    /// Who mentioned me (C2); empty for other notices.
    pub by: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A conversation appeared in my Unanswered list (new, back from closed, moved to my
    /// channel, or now offered to me).
    NewConversation,
    /// A customer wrote in one of my conversations.
    NewMessage,
    /// A colleague mentioned me (C2).
    Mentioned,
}

/// What became new for `me` between two inbox states. `open` is the dialog on screen while the
/// page has focus: the agent is reading it, so it is not announced.
pub fn whats_new(
    before: &Inbox,
    after: &Inbox,
    me: &AgentId,
    open: Option<&DialogId>,
) -> Vec<Notice> {
    if !before.loaded {
        return Vec::new();
    }
    let is_open = |d: &DialogSummary| open == Some(&d.dialog_id);
    let mut notices = Vec::new();
    for d in after.rows(InboxList::Unanswered) {
        let was_unanswered =
            before.get(&d.dialog_id).is_some_and(|old| InboxList::Unanswered.includes(old, me));
        if !was_unanswered && !is_open(&d) {
            notices.push(notice(&d, NoticeKind::NewConversation));
        }
    }
    for d in after.rows(InboxList::Mine) {
        let unread_before = before.get(&d.dialog_id).map_or(0, |old| old.unread);
        if d.unread > unread_before && !is_open(&d) {
            notices.push(notice(&d, NoticeKind::NewMessage));
        }
    }
    // A colleague's new mention of me, in any conversation (C2).
    for d in after.rows(InboxList::AllOpen).into_iter().chain(after.rows(InboxList::Closed)) {
        let Some(mention) = d.last_mention.as_ref().filter(|m| m.agents.contains(me)) else {
            continue;
        };
        let seen = before.get(&d.dialog_id).and_then(|old| old.last_mention.as_ref());
        if seen.is_none_or(|old| old.seq < mention.seq) && !is_open(&d) {
            notices.push(Notice { by: mention.by.clone(), ..notice(&d, NoticeKind::Mentioned) });
        }
    }
    notices
}

/// The number in the page title: unread customer messages in my conversations, plus the
/// conversations waiting in my Unanswered list (each at least one, even before its first
/// message is counted).
pub fn attention_count(inbox: &Inbox) -> u32 {
    let mine: u32 = inbox.rows(InboxList::Mine).iter().map(|d| d.unread).sum();
    let waiting: u32 = inbox.rows(InboxList::Unanswered).iter().map(|d| d.unread.max(1)).sum();
    mine + waiting
}

/// "(3) Openline · Agents", or the plain title when nothing waits.
pub fn page_title(base: &str, count: u32) -> String {
    if count == 0 {
        base.to_owned()
    } else {
        format!("({count}) {base}")
    }
}

/// The toast's first line: what happened and with whom.
pub fn heading(lang: Lang, notice: &Notice) -> String {
    match notice.kind {
        NoticeKind::NewConversation => lang.new_conversation_from(&notice.visitor),
        NoticeKind::NewMessage => notice.visitor.clone(),
        NoticeKind::Mentioned => lang.mentioned_you(&notice.by, &notice.visitor),
    }
}

fn notice(d: &DialogSummary, kind: NoticeKind) -> Notice {
    let preview = d
        .last_message
        .as_ref()
        .filter(|m| m.from_customer)
        .map(|m| shorten(&m.text))
        .unwrap_or_default();
    Notice {
        dialog: d.dialog_id.clone(),
        visitor: d.visitor_name.clone(),
        kind,
        preview,
        by: String::new(),
    }
}

/// The first line, cut at `PREVIEW_CHARS` with an ellipsis.
fn shorten(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default();
    if line.chars().count() <= PREVIEW_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(PREVIEW_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use openline_core::conversation::{LastMessage, SessionStatus};
    use openline_core::ids::{ChannelId, VisitorId};
    use openline_core::protocol::InboxFrame;

    fn ana() -> AgentId {
        AgentId::parse("a_ana").unwrap()
    }

    fn id(raw: &str) -> DialogId {
        DialogId::parse(raw).unwrap()
    }

    /// A row: `"d1 unanswered"`, `"d1 unanswered offered=a_luis"`, `"d2 ana unread=2"` (in
    /// progress with Ana), `"d3 luis unread=1"`, `"d4 closed"`; the last message is the
    /// customer's "msg <unread>".
    fn row(spec: &str) -> DialogSummary {
        let mut words = spec.split_whitespace();
        let dialog = words.next().unwrap();
        let status = match words.next().unwrap() {
            "unanswered" => SessionStatus::Unanswered,
            "closed" => SessionStatus::Idle,
            agent => SessionStatus::InProgress {
                agent: AgentId::parse(&format!("a_{agent}")).unwrap(),
                agent_name: agent.into(),
            },
        };
        let mut d = DialogSummary {
            dialog_id: id(dialog),
            channel_id: ChannelId::parse("web").unwrap(),
            channel_name: "Website".into(),
            visitor_id: VisitorId::parse(&format!("v_{dialog}")).unwrap(),
            visitor_name: format!("Visitor {}", dialog.to_uppercase()),
            session: 1,
            status,
            last_message: None,
            unread: 0,
            waiting_since: None,
            last_seq: 1,
            participants: vec![],
            pinned: false,
            last_close: None,
            offered_to: vec![],
            blocked: false,
            last_mention: None,
            rating: None,
            active_at: 0,
        };
        for word in words {
            match word.split_once('=') {
                Some(("unread", n)) => d.unread = n.parse().unwrap(),
                Some(("offered", to)) => d.offered_to.push(AgentId::parse(to).unwrap()),
                Some(("invited", who)) => d.participants.push(AgentId::parse(who).unwrap()),
                // `mention=7`: Luis mentioned Ana in message 7.
                Some(("mention", seq)) => {
                    d.last_mention = Some(openline_core::conversation::Mention {
                        seq: seq.parse().unwrap(),
                        by: "Luis".into(),
                        agents: vec![ana()],
                    })
                }
                _ => panic!("unknown word {word}"),
            }
        }
        if d.unread > 0 {
            let text = format!("msg {}", d.unread);
            d.last_message = Some(LastMessage { text, at: 0, from_customer: true });
        }
        d
    }

    /// An inbox after a snapshot of `rows` (separated by `|`; empty: no rows).
    fn inbox(rows: &str) -> Inbox {
        let dialogs = rows.split('|').map(str::trim).filter(|r| !r.is_empty()).map(row).collect();
        let mut inbox = Inbox::new(ana());
        inbox.apply(InboxFrame::Snapshot { dialogs, counts: Default::default(), more: vec![] });
        inbox
    }

    /// The notices for Ana as text: `new:d1`, `msg:d2:<preview>`.
    fn check(before: &Inbox, after: &str, open: Option<&str>, expected: &[&str]) {
        let open = open.map(id);
        let shown: Vec<String> = whats_new(before, &inbox(after), &ana(), open.as_ref())
            .into_iter()
            .map(|n| match n.kind {
                NoticeKind::NewConversation => format!("new:{}", n.dialog),
                NoticeKind::NewMessage => format!("msg:{}:{}", n.dialog, n.preview),
                NoticeKind::Mentioned => format!("mention:{}:{}", n.dialog, n.by),
            })
            .collect();
        assert_eq!(shown, expected, "after: {after}");
    }

    #[test]
    fn q1_the_first_snapshot_is_never_news() {
        check(&Inbox::new(ana()), "d1 unanswered unread=1 | d2 ana unread=3", None, &[]);
    }

    #[test]
    fn q1_a_conversation_new_in_my_unanswered_list_is_news() {
        let before = inbox("d1 unanswered unread=1 | d2 closed | d3 luis unread=1");
        // Already waiting: nothing new, even with another message.
        check(&before, "d1 unanswered unread=2", None, &[]);
        // A brand-new dialog, one reopened after a close, one offered to me or to anyone.
        check(&before, "d9 unanswered unread=1", None, &["new:d9"]);
        check(&before, "d2 unanswered unread=1", None, &["new:d2"]);
        check(&before, "d9 unanswered unread=1 offered=a_ana", None, &["new:d9"]);
        // Offered to a colleague only: not in my list, not my news (Q13).
        check(&before, "d9 unanswered unread=1 offered=a_luis", None, &[]);
        // Handed over to me when the colleague's offer timed out.
        let offered_to_luis = inbox("d1 unanswered unread=1 offered=a_luis");
        check(&offered_to_luis, "d1 unanswered unread=1 offered=a_ana", None, &["new:d1"]);
        // On screen while the page has focus: the agent already sees it.
        check(&before, "d9 unanswered unread=1", Some("d9"), &[]);
    }

    #[test]
    fn q1_a_customer_message_in_my_conversation_is_news_unless_i_am_reading_it() {
        let before = inbox("d2 ana unread=1 | d3 luis unread=0 | d4 luis unread=0 invited=a_ana");
        check(&before, "d2 ana unread=2", None, &["msg:d2:msg 2"]);
        check(&before, "d2 ana unread=2", Some("d2"), &[]);
        check(&before, "d2 ana unread=2", Some("d3"), &["msg:d2:msg 2"]);
        // An agent replied (unread back to 0), or a colleague's conversation got a message.
        check(&before, "d2 ana unread=0", None, &[]);
        check(&before, "d3 luis unread=1", None, &[]);
        // Invited into a colleague's conversation (Q9): it is mine too.
        check(&before, "d4 luis unread=1 invited=a_ana", None, &["msg:d4:msg 1"]);
        // Transferred to me with messages already waiting: news only if one more arrives.
        check(&before, "d3 ana unread=0", None, &[]);
    }

    #[test]
    fn q1_title_counts_my_unread_messages_and_waiting_conversations() {
        let count = |rows: &str| attention_count(&inbox(rows));
        assert_eq!(count(""), 0);
        assert_eq!(count("d2 ana unread=2 | d3 luis unread=5 | d4 closed"), 2);
        // Waiting conversations count at least once; a colleague's offer not at all.
        assert_eq!(count("d1 unanswered unread=0 | d5 unanswered unread=3"), 4);
        assert_eq!(count("d1 unanswered unread=1 offered=a_luis"), 0);
        assert_eq!(count("d1 unanswered unread=1 offered=a_ana | d2 ana unread=2"), 3);
        assert_eq!(page_title("Openline", 0), "Openline");
        assert_eq!(page_title("Openline", 3), "(3) Openline");
    }

    #[test]
    fn q1_previews_are_one_short_line() {
        assert_eq!(shorten("  hola\nsegunda línea"), "hola");
        let long = "x".repeat(200);
        assert_eq!(shorten(&long).chars().count(), PREVIEW_CHARS);
        assert!(shorten(&long).ends_with('…'));
    }

    #[test]
    fn q1_headings_name_the_visitor() {
        let n = |kind| Notice {
            dialog: id("d1"),
            visitor: "Visitor 12EF".into(),
            kind,
            preview: "hi".into(),
            by: String::new(),
        };
        assert_eq!(
            heading(Lang::En, &n(NoticeKind::NewConversation)),
            "New conversation from Visitor 12EF"
        );
        assert_eq!(
            heading(Lang::Es, &n(NoticeKind::NewConversation)),
            "Nueva conversación de Visitor 12EF"
        );
        assert_eq!(heading(Lang::En, &n(NoticeKind::NewMessage)), "Visitor 12EF");
    }

    #[test]
    fn c2_a_colleagues_new_mention_of_me_is_news_once() {
        let before = inbox("d1 luis | d2 luis mention=4 | d3 closed");
        check(&before, "d1 luis mention=5", None, &["mention:d1:Luis"]);
        check(&before, "d2 luis mention=4", None, &[]);
        check(&before, "d2 luis mention=9", None, &["mention:d2:Luis"]);
        check(&before, "d2 luis mention=9", Some("d2"), &[]);
        let heading = heading(
            Lang::Es,
            &Notice {
                dialog: id("d1"),
                visitor: "Visitor D1".into(),
                kind: NoticeKind::Mentioned,
                preview: String::new(),
                by: "Luis".into(),
            },
        );
        assert_eq!(heading, "Luis te mencionó en Visitor D1");
    }
}
