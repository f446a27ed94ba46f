//! Each participant's socket, held as their app holds it: opened from the start, and after
//! every drop or restart opened again after the last position reached (`sync::position_after`),
//! so it catches up on what it missed. What arrives is the participant's view, kept by `seq`:
//! an event delivered twice, or at or before the position resumed from, is a duplicate.

use super::cast::Participant;
use super::send::until_accepted;
use super::NOTE_MARKER;
use crate::api::Socket;
use openline_core::protocol::EventsFrame;
use openline_core::sync::position_after;
use openline_core::{Event, Viewer};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The run's drops: each socket asked to drop claims one, until all are done.
pub struct Drops {
    target: usize,
    done: AtomicUsize,
}

impl Drops {
    pub fn new(target: usize) -> Drops {
        Drops { target, done: AtomicUsize::new(0) }
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn target(&self) -> usize {
        self.target
    }

    /// One more drop, if any is left to do.
    fn claim(&self) -> bool {
        let more = |n: usize| (n < self.target).then_some(n + 1);
        self.done.fetch_update(Ordering::Relaxed, Ordering::Relaxed, more).is_ok()
    }
}

/// A participant's socket task.
pub struct Watcher {
    pub by: Arc<Participant>,
    /// Notified to drop the socket.
    trigger: Arc<Notify>,
    stop: watch::Sender<bool>,
    progress: watch::Receiver<Progress>,
    task: JoinHandle<View>,
}

/// How far a view has come, and why it last failed to connect.
#[derive(Clone, Debug, Default)]
struct Progress {
    highest: Option<u64>,
    connect_error: Option<String>,
}

/// What a participant received over their sockets, and what went wrong on the way.
pub struct View {
    pub by: Arc<Participant>,
    pub events: BTreeMap<u64, Event>,
    pub duplicated: Vec<String>,
    /// A resume the dialog answered with a full resync: it had lost the position it gave.
    pub lost: Vec<String>,
    /// Frames other than events that carried a hidden note's text to a customer.
    pub leaked: Vec<String>,
    /// Why the view did not catch up at the end, if it did not.
    pub stuck: Option<String>,
}

impl Watcher {
    pub fn spawn(by: Arc<Participant>, drops: Arc<Drops>) -> Watcher {
        let trigger = Arc::new(Notify::new());
        let (stop, stopped) = watch::channel(false);
        let (progress, progress_seen) = watch::channel(Progress::default());
        let link = Link { by: by.clone(), trigger: trigger.clone(), stopped, progress, drops };
        let task = tokio::spawn(link.run());
        Watcher { by, trigger, stop, progress: progress_seen, task }
    }

    /// What to notify to drop this socket.
    pub fn trigger(&self) -> Arc<Notify> {
        self.trigger.clone()
    }
}

/// How long catching up may take once the run is over.
const CATCH_UP: Duration = Duration::from_secs(60);

/// Waits until each view holds the last event its participant may see (`last_seen` of them),
/// then stops the sockets and returns the views. A view that does not get there in time is
/// returned as it is, marked `stuck`: what it lacks is lost.
pub async fn settle(watchers: Vec<Watcher>, last_seen: impl Fn(&Participant) -> u64) -> Vec<View> {
    let deadline = Instant::now() + CATCH_UP;
    let mut stuck = Vec::new();
    for watcher in &watchers {
        let target = last_seen(&watcher.by);
        let mut progress = watcher.progress.clone();
        let reached = progress.wait_for(|p| p.highest >= Some(target));
        let reached = matches!(tokio::time::timeout_at(deadline, reached).await, Ok(Ok(_)));
        stuck.push((!reached).then(|| {
            let Progress { highest, connect_error } = progress.borrow().clone();
            format!(
                "{}'s view did not reach seq {target} within {} s of the run's end: it holds up \
                 to {highest:?} (last failure to connect: {connect_error:?})",
                watcher.by.name,
                CATCH_UP.as_secs()
            )
        }));
    }
    let mut views = Vec::new();
    for (watcher, stuck) in watchers.into_iter().zip(stuck) {
        watcher.stop.send_replace(true);
        // A task that panicked has no view to give: an empty one lacks everything.
        let mut view = watcher.task.await.unwrap_or_else(|_| View::new(watcher.by));
        view.stuck = stuck;
        views.push(view);
    }
    views
}

/// The socket task's side of a `Watcher`.
struct Link {
    by: Arc<Participant>,
    trigger: Arc<Notify>,
    stopped: watch::Receiver<bool>,
    progress: watch::Sender<Progress>,
    drops: Arc<Drops>,
}

/// How a connection ended.
enum Ended {
    /// Dropped on purpose.
    Dropped,
    /// Closed by the other side or broken (a restart).
    Broken,
    /// The run is over.
    Stopped,
}

impl Link {
    async fn run(mut self) -> View {
        let mut view = View::new(self.by.clone());
        let mut position = None;
        loop {
            let connect = connect(&self.by, &self.progress, position);
            let mut socket = tokio::select! {
                socket = connect => socket,
                _ = self.stopped.changed() => return view,
            };
            match self.read(&mut socket, &mut view, &mut position).await {
                Ended::Stopped => return view,
                // Dropped without a close frame, as a lost network drops it.
                Ended::Dropped | Ended::Broken => drop(socket),
            }
        }
    }

    /// Reads frames into `view` until the socket breaks, is dropped or the run stops.
    async fn read(
        &mut self,
        socket: &mut Socket,
        view: &mut View,
        position: &mut Option<u64>,
    ) -> Ended {
        let mut resumed_after = *position;
        loop {
            let text = tokio::select! {
                text = socket.next_text(Duration::from_secs(60)) => text,
                _ = self.trigger.notified() => match self.drops.claim() {
                    true => return Ended::Dropped,
                    false => continue,
                },
                _ = self.stopped.changed() => return Ended::Stopped,
            };
            match text {
                Ok(Some(text)) => view.take(&text, &mut resumed_after, position),
                Ok(None) => continue,
                Err(_) => return Ended::Broken,
            }
            let highest = view.events.keys().next_back().copied();
            self.progress.send_modify(|p| p.highest = highest);
        }
    }
}

/// Opens `by`'s socket after `position`, trying again with a short back-off while the runtime
/// restarts; a failure that lasts is reported in `progress` and tried again until the run stops.
async fn connect(
    by: &Participant,
    progress: &watch::Sender<Progress>,
    position: Option<u64>,
) -> Socket {
    let what = format!("{}'s socket", by.name);
    loop {
        match until_accepted(&what, || by.socket(position)).await {
            Ok(socket) => return socket,
            Err(e) => progress.send_modify(|p| p.connect_error = Some(format!("{e:#}"))),
        }
    }
}

impl View {
    fn new(by: Arc<Participant>) -> View {
        let (duplicated, lost, leaked) = (Vec::new(), Vec::new(), Vec::new());
        View { by, events: BTreeMap::new(), duplicated, lost, leaked, stuck: None }
    }

    /// Takes in one frame that came on a socket opened after `resumed_after`, moving
    /// `position` as the apps do.
    fn take(&mut self, text: &str, resumed_after: &mut Option<u64>, position: &mut Option<u64>) {
        let Ok(frame) = serde_json::from_str::<EventsFrame>(text) else {
            if self.by.viewer() == Viewer::Customer && text.contains(NOTE_MARKER) {
                self.leaked.push(format!("{} got a hidden note's text in {text}", self.by.name));
            }
            return;
        };
        if frame.reset {
            if let Some(after) = resumed_after.take() {
                let name = &self.by.name;
                self.lost.push(format!("{name} resumed after seq {after}, unknown to the dialog"));
            }
            self.events.clear();
        }
        for event in frame.events.iter() {
            let covered = resumed_after.is_some_and(|after| event.seq <= after);
            if covered || self.events.contains_key(&event.seq) {
                let name = &self.by.name;
                self.duplicated.push(format!("{name} got seq {} again: {event:?}", event.seq));
                continue;
            }
            self.events.insert(event.seq, event.clone());
        }
        *position = Some(position_after(*position, &frame));
    }
}
