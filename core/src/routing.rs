//! Routing (Q13): who is offered a waiting session, per the channel's distribution mode, and
//! who is next when an offer times out. Pure: the Workspace DO passes in who is available
//! (online, not paused, with the app open), the previous offer, the time and the round-robin
//! position, and stores what comes back.

use crate::ids::AgentId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Every available agent of the channel sees it; the first to answer takes it.
    #[default]
    AllAtOnce,
    /// One agent at a time, taking turns: each new session starts after the last one served.
    RoundRobin,
    /// One agent at a time, always from the top of the channel's queue.
    InOrder,
}

/// An agent's own status: only `Online` agents with the app open are offered work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    #[default]
    Online,
    Paused,
    Offline,
}

/// Who a waiting session is offered to now. Stored by the workspace per waiting dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Offer {
    /// Empty: nobody is available, the session waits for anyone.
    pub to: Vec<AgentId>,
    /// When the offer passes to the next agent (one-at-a-time modes only).
    pub until: Option<i64>,
    /// Agents this session was already offered to in this round.
    pub tried: Vec<AgentId>,
    /// The "nobody is available" reply was sent (once per session).
    pub told_nobody: bool,
}

/// The channel's routing settings (part of `ChannelSettings`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routing<'a> {
    pub distribution: Distribution,
    /// The channel's agents in order; empty means every agent of the workspace.
    pub queue: &'a [AgentId],
    /// Seconds an agent has to answer before the offer passes on.
    pub offer_timeout_secs: u32,
}

/// The offer for a waiting session at `now`. `previous` is its current offer (`None` when it
/// starts waiting, or when its offer timed out pass `Some`); `available` lists who may be
/// offered work, in the workspace's order; `start` is the round-robin position.
pub fn offer(
    routing: &Routing<'_>,
    previous: Option<&Offer>,
    available: &[AgentId],
    start: usize,
    now: i64,
) -> Offer {
    let candidates = candidates(routing, available, start);
    let told_nobody = previous.is_some_and(|p| p.told_nobody);
    if candidates.is_empty() {
        let tried = previous.map(|p| p.tried.clone()).unwrap_or_default();
        return Offer { to: Vec::new(), until: None, tried, told_nobody };
    }
    if routing.distribution == Distribution::AllAtOnce {
        return Offer { to: candidates, until: None, tried: Vec::new(), told_nobody };
    }
    let mut tried: Vec<AgentId> =
        previous.map(|p| [p.tried.clone(), p.to.clone()].concat()).unwrap_or_default();
    let next = match candidates.iter().find(|a| !tried.contains(a)) {
        Some(next) => next.clone(),
        // Everyone had their turn: a new round from the top.
        None => {
            tried.clear();
            candidates[0].clone()
        }
    };
    let until = Some(now + i64::from(routing.offer_timeout_secs.max(1)) * 1000);
    Offer { to: vec![next], until, tried, told_nobody }
}

/// The first offer of a session that starts waiting, and the round-robin position the next
/// session starts from (a turn is used only when someone was offered it).
pub fn first_offer(
    routing: &Routing<'_>,
    available: &[AgentId],
    start: usize,
    now: i64,
) -> (Offer, usize) {
    let offer = offer(routing, None, available, start, now);
    let used_turn = routing.distribution == Distribution::RoundRobin && !offer.to.is_empty();
    (offer, if used_turn { start + 1 } else { start })
}

/// A waiting session's offer after time passed or who is available changed: `None` keeps
/// `current`. An expired offer passes on; one to nobody, or to someone no longer available, is
/// made again (every time in all-at-once channels, where it lists everyone available); a
/// still-valid offer keeps its agent.
pub fn reoffer(
    routing: &Routing<'_>,
    current: &Offer,
    available: &[AgentId],
    start: usize,
    now: i64,
) -> Option<Offer> {
    let expired = current.until.is_some_and(|until| until <= now);
    let stale = current.to.is_empty()
        || current.to.iter().any(|a| !available.contains(a))
        || routing.distribution == Distribution::AllAtOnce;
    if !expired && !stale {
        return None;
    }
    let previous = if expired { Some(current) } else { None };
    let mut next = offer(routing, previous, available, start, now);
    next.told_nobody = current.told_nobody;
    (next != *current).then_some(next)
}

/// Whether the channel's "nobody is available" reply (`text`) is owed now: the session is
/// offered to nobody, was not told yet, and the channel has such a reply.
pub fn owes_nobody_reply(offer: &Offer, text: &str) -> bool {
    offer.to.is_empty() && !offer.told_nobody && !text.trim().is_empty()
}

/// The available agents of the channel, in the order they are offered work: the queue's
/// order, rotated to `start` in round robin.
fn candidates(routing: &Routing<'_>, available: &[AgentId], start: usize) -> Vec<AgentId> {
    let order: &[AgentId] = if routing.queue.is_empty() { available } else { routing.queue };
    let start = if routing.distribution == Distribution::RoundRobin { start } else { 0 };
    let n = order.len();
    (0..n).map(|i| &order[(start + i) % n]).filter(|a| available.contains(a)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &str) -> Vec<AgentId> {
        names.split_whitespace().map(|n| AgentId::parse(n).unwrap()).collect()
    }

    fn names(offer: &Offer) -> String {
        offer.to.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// Runs a session through offers: the first, then one per timeout. Returns who was
    /// offered each time.
    fn check(
        mode: Distribution,
        queue: &str,
        available: &str,
        start: usize,
        timeouts: usize,
        expected: &[&str],
    ) {
        let queue = ids(queue);
        let routing = Routing { distribution: mode, queue: &queue, offer_timeout_secs: 30 };
        let available = ids(available);
        let mut current = offer(&routing, None, &available, start, 0);
        let mut seen = vec![names(&current)];
        for i in 1..=timeouts {
            current = offer(&routing, Some(&current), &available, start, i as i64 * 30_000);
            seen.push(names(&current));
        }
        assert_eq!(seen, expected, "{mode:?} queue={queue:?}");
    }

    #[test]
    fn q13_all_at_once_offers_every_available_agent_of_the_channel() {
        check(Distribution::AllAtOnce, "ana luis eva", "eva ana", 0, 1, &["ana eva", "ana eva"]);
        check(Distribution::AllAtOnce, "", "eva ana", 0, 0, &["eva ana"]);
    }

    #[test]
    fn q13_in_order_starts_at_the_top_and_passes_on_at_each_timeout() {
        check(
            Distribution::InOrder,
            "ana luis eva",
            "ana luis eva",
            5,
            4,
            &["ana", "luis", "eva", "ana", "luis"],
        );
    }

    #[test]
    fn q13_round_robin_starts_after_the_last_agent_served() {
        check(
            Distribution::RoundRobin,
            "ana luis eva",
            "ana luis eva",
            1,
            2,
            &["luis", "eva", "ana"],
        );
        check(Distribution::RoundRobin, "ana luis eva", "ana luis eva", 4, 0, &["luis"]);
    }

    #[test]
    fn q13_only_available_agents_are_offered_work() {
        check(Distribution::InOrder, "ana luis eva", "eva", 0, 2, &["eva", "eva", "eva"]);
        check(Distribution::RoundRobin, "ana luis eva", "ana eva", 1, 1, &["eva", "ana"]);
        check(Distribution::InOrder, "ana luis", "eva", 0, 1, &["", ""]);
        check(Distribution::AllAtOnce, "ana", "", 0, 0, &[""]);
    }

    #[test]
    fn q13_offers_expire_only_in_one_at_a_time_modes() {
        let queue = ids("ana luis");
        let one =
            Routing { distribution: Distribution::InOrder, queue: &queue, offer_timeout_secs: 45 };
        assert_eq!(offer(&one, None, &queue, 0, 1_000).until, Some(46_000));
        let all = Routing { distribution: Distribution::AllAtOnce, ..one.clone() };
        assert_eq!(offer(&all, None, &queue, 0, 1_000).until, None);
        assert_eq!(offer(&one, None, &[], 0, 1_000).until, None, "nobody to wait for");
    }

    #[test]
    fn q13_the_nobody_available_reply_is_remembered_across_offers() {
        let queue = ids("ana");
        let routing =
            Routing { distribution: Distribution::InOrder, queue: &queue, offer_timeout_secs: 1 };
        let told = Offer { told_nobody: true, ..Offer::default() };
        assert!(offer(&routing, Some(&told), &queue, 0, 0).told_nobody);
    }

    #[test]
    fn q13_round_robin_uses_a_turn_only_when_someone_was_offered_the_session() {
        let queue = ids("ana luis");
        let rr = Routing {
            distribution: Distribution::RoundRobin,
            queue: &queue,
            offer_timeout_secs: 30,
        };
        assert_eq!(first_offer(&rr, &queue, 3, 0).1, 4);
        assert_eq!(first_offer(&rr, &[], 3, 0).1, 3, "nobody available");
        let all = Routing { distribution: Distribution::AllAtOnce, ..rr.clone() };
        assert_eq!(first_offer(&all, &queue, 3, 0).1, 3);
    }

    #[test]
    fn q13_an_offer_is_made_again_when_it_expires_or_its_agent_leaves() {
        let queue = ids("ana luis eva");
        let one =
            Routing { distribution: Distribution::InOrder, queue: &queue, offer_timeout_secs: 30 };
        let (to_ana, _) = first_offer(&one, &queue, 0, 0);
        assert_eq!(names(&to_ana), "ana");
        // Still valid: kept. Expired: Luis. Ana left: Luis, and Ana's turn is not spent.
        assert_eq!(reoffer(&one, &to_ana, &queue, 0, 29_999), None);
        let expired = reoffer(&one, &to_ana, &queue, 0, 30_000).unwrap();
        assert_eq!((names(&expired), expired.tried.clone()), ("luis".into(), ids("ana")));
        let left = reoffer(&one, &to_ana, &ids("luis eva"), 0, 10).unwrap();
        assert_eq!((names(&left), left.tried.clone()), ("luis".into(), vec![]));
        // All at once follows whoever is available, and nothing changes when nothing did.
        let all = Routing { distribution: Distribution::AllAtOnce, ..one.clone() };
        let everyone = first_offer(&all, &queue, 0, 0).0;
        assert_eq!(reoffer(&all, &everyone, &queue, 0, 99_999), None);
        assert_eq!(names(&reoffer(&all, &everyone, &ids("eva"), 0, 1).unwrap()), "eva");
        // Offered to nobody: anyone who comes.
        let nobody = first_offer(&one, &[], 0, 0).0;
        assert_eq!(names(&reoffer(&one, &nobody, &ids("eva"), 0, 1).unwrap()), "eva");
    }

    #[test]
    fn q13_the_nobody_available_reply_is_owed_once_and_only_if_the_channel_has_one() {
        let nobody = Offer::default();
        assert!(owes_nobody_reply(&nobody, "We will answer soon."));
        assert!(!owes_nobody_reply(&nobody, "  "));
        assert!(!owes_nobody_reply(&Offer { told_nobody: true, ..nobody.clone() }, "Soon."));
        assert!(!owes_nobody_reply(&Offer { to: ids("ana"), ..nobody }, "Soon."));
    }
}
