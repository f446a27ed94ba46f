//! Files dropped anywhere on the open conversation are attached to the draft (C1), while the
//! session is open; the pane shows a hint while they are dragged over it.

use crate::composer::{files_of, Attachments};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The pane's drag and drop. `Copy`, for handlers.
#[derive(Clone, Copy)]
pub struct FileDrop {
    /// Files are being dragged over the pane.
    pub dragging: RwSignal<bool>,
    attachments: Attachments,
}

impl FileDrop {
    pub fn new(attachments: Attachments) -> FileDrop {
        FileDrop { dragging: RwSignal::new(false), attachments }
    }

    pub fn over(self, ev: leptos::ev::DragEvent, open: impl Fn() -> bool) {
        if carries_files(&ev) && open() {
            ev.prevent_default();
            self.dragging.set(true);
        }
    }

    /// Leaving for a child of the conversation is still dragging over it.
    pub fn leave(self, ev: leptos::ev::DragEvent) {
        let node =
            |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let (to, pane) = (node(ev.related_target()), node(ev.current_target()));
        if !pane.is_some_and(|pane| pane.contains(to.as_ref())) {
            self.dragging.set(false);
        }
    }

    pub fn drop(self, ev: leptos::ev::DragEvent, open: impl Fn() -> bool) {
        self.dragging.set(false);
        if carries_files(&ev) && open() {
            ev.prevent_default();
            self.attachments.add(files_of(ev.data_transfer().and_then(|d| d.files())));
        }
    }
}

fn carries_files(ev: &leptos::ev::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0))
}
