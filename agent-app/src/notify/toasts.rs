//! The toasts on screen (Q1): at most three, one per dialog, oldest first.

use openline_core::ids::DialogId;

/// At most this many toasts at once; older ones make way.
const MAX_TOASTS: usize = 3;

/// The toasts on screen, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Toasts {
    items: Vec<Toast>,
    next_id: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub dialog: DialogId,
    pub heading: String,
    pub preview: String,
}

impl Toasts {
    /// Shows a toast and returns its id. A newer toast about the same dialog replaces the older
    /// one, and the oldest goes when there are too many.
    pub fn push(&mut self, dialog: DialogId, heading: String, preview: String) -> u64 {
        self.items.retain(|t| t.dialog != dialog);
        if self.items.len() >= MAX_TOASTS {
            self.items.remove(0);
        }
        self.next_id += 1;
        let id = self.next_id;
        self.items.push(Toast { id, dialog, heading, preview });
        id
    }

    pub fn dismiss(&mut self, id: u64) {
        self.items.retain(|t| t.id != id);
    }

    /// Opening a dialog answers its toasts.
    pub fn dismiss_dialog(&mut self, dialog: &DialogId) {
        self.items.retain(|t| &t.dialog != dialog);
    }

    pub fn items(&self) -> &[Toast] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(raw: &str) -> DialogId {
        DialogId::parse(raw).unwrap()
    }

    #[test]
    fn q1_toasts_replace_per_dialog_and_keep_the_newest_three() {
        let mut toasts = Toasts::default();
        let first = toasts.push(id("d1"), "Visitor D1".into(), "a".into());
        toasts.push(id("d1"), "Visitor D1".into(), "b".into());
        toasts.push(id("d2"), "Visitor D2".into(), "c".into());
        toasts.push(id("d3"), "Visitor D3".into(), "d".into());
        toasts.push(id("d4"), "Visitor D4".into(), "e".into());
        let previews: Vec<&str> = toasts.items().iter().map(|t| t.preview.as_str()).collect();
        assert_eq!(previews, ["c", "d", "e"]);
        toasts.dismiss(first);
        toasts.dismiss_dialog(&id("d3"));
        assert_eq!(toasts.items().len(), 2);
    }
}
