//! Files being attached to the next message (C1): each starts uploading as soon as it is picked
//! (button, drag and drop, paste), shows its progress, and is ready or failed with the
//! server's reason. The dialog sends the ready ones' ids with the message.

use crate::i18n::{FileText, Lang};
use crate::ui::icons::{FileIcon, PaperclipIcon};
use leptos::prelude::*;
use openline_browser::http::CSRF_HEADER;
use openline_core::files::{format_size, FileRef};
use openline_core::ids::{DialogId, FileId};
use wasm_bindgen::JsCast;
use web_sys::{File, FileList};

#[derive(Clone, Debug, PartialEq)]
pub enum UploadState {
    /// 0.0–1.0 of the bytes sent.
    Sending(f64),
    Ready(FileRef),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub key: u32,
    pub name: String,
    pub size: u64,
    /// A local preview of an image (an object URL), shown before it is sent.
    pub preview: Option<String>,
    pub state: UploadState,
}

/// Whether the composer may send: text or ready files, and nothing still uploading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendState {
    Ready,
    Empty,
    Uploading,
}

pub fn send_state(text: &str, items: &[Attachment]) -> SendState {
    let uploading = items.iter().any(|a| matches!(a.state, UploadState::Sending(_)));
    let files = items.iter().any(|a| matches!(a.state, UploadState::Ready(_)));
    match (uploading, files || !text.trim().is_empty()) {
        (true, _) => SendState::Uploading,
        (false, true) => SendState::Ready,
        (false, false) => SendState::Empty,
    }
}

/// The ids of the files ready to go, in the order they were picked.
pub fn ready_ids(items: &[Attachment]) -> Vec<FileId> {
    items
        .iter()
        .filter_map(|a| match &a.state {
            UploadState::Ready(file) => Some(file.id.clone()),
            _ => None,
        })
        .collect()
}

/// The tray's state for one dialog.
#[derive(Clone, Copy)]
pub struct Attachments {
    pub items: RwSignal<Vec<Attachment>>,
    next_key: StoredValue<u32>,
    dialog: StoredValue<DialogId>,
}

impl Attachments {
    pub fn new(dialog: DialogId) -> Self {
        Attachments {
            items: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            dialog: StoredValue::new(dialog),
        }
    }

    /// Starts uploading each file.
    pub fn add(self, files: Vec<File>) {
        let path = openline_core::protocol::path::dialog_files(&self.dialog.get_value());
        for file in files {
            let key = self.next_key.get_value();
            self.next_key.set_value(key + 1);
            let preview = file
                .type_()
                .starts_with("image/")
                .then(|| web_sys::Url::create_object_url_with_blob(&file).ok())
                .flatten();
            let size = file.size() as u64;
            let item = Attachment {
                key,
                name: file.name(),
                size,
                preview,
                state: UploadState::Sending(0.0),
            };
            self.items.update(|items| items.push(item));
            let set = move |state: UploadState| {
                self.items.try_update(|items| {
                    if let Some(a) = items.iter_mut().find(|a| a.key == key) {
                        a.state = state;
                    }
                });
            };
            openline_browser::upload::upload(
                &path,
                (CSRF_HEADER, "1"),
                &file,
                move |sent| set(UploadState::Sending(sent)),
                move |result| match result {
                    Ok(file) => set(UploadState::Ready(file)),
                    Err(err) => set(UploadState::Failed(
                        err.server_message().unwrap_or_default().to_owned(),
                    )),
                },
            );
        }
    }

    pub fn remove(self, key: u32) {
        self.items.update(|items| {
            if let Some(at) = items.iter().position(|a| a.key == key) {
                release(&items.remove(at));
            }
        });
    }

    /// After the message went: the tray empties.
    pub fn clear(self) {
        self.items.update(|items| items.drain(..).for_each(|a| release(&a)));
    }
}

fn release(attachment: &Attachment) {
    if let Some(url) = &attachment.preview {
        let _ = web_sys::Url::revoke_object_url(url);
    }
}

/// The files of a pick, a drop or a paste.
pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// "Attach files": a button that opens the browser's file picker.
#[component]
pub fn AttachButton(lang: Lang, attachments: Attachments) -> impl IntoView {
    let picker = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        attachments.add(files_of(input.files()));
        // The same file may be picked again later.
        input.set_value("");
    };
    view! {
        <button type="button" id="composer-attach" class="btn icon attach"
            aria-label=lang.file(FileText::AttachFiles) title=lang.file(FileText::AttachFiles)
            on:click=move |_| { if let Some(input) = picker.get() { input.click(); } }>
            <PaperclipIcon/>
        </button>
        <input node_ref=picker id="composer-file" type="file" multiple hidden on:change=on_change/>
    }
}

/// The files on their way, above the composer's text.
#[component]
pub fn AttachmentTray(lang: Lang, attachments: Attachments) -> impl IntoView {
    let chip = move |a: Attachment| {
        let key = a.key;
        let name = a.name.clone();
        let picture = match &a.preview {
            Some(url) => {
                view! { <img class="attachment-preview" src=url.clone() alt=""/> }.into_any()
            }
            None => view! { <span class="attachment-icon"><FileIcon/></span> }.into_any(),
        };
        let status = match a.state.clone() {
            UploadState::Sending(sent) => view! {
                <progress class="attachment-progress" max="1" value=sent.to_string()
                    aria-label=lang.uploading(&name)></progress>
            }
            .into_any(),
            UploadState::Ready(_) => view! {
                <span class="attachment-size">{format_size(a.size)}</span>
            }
            .into_any(),
            UploadState::Failed(reason) => {
                let reason = if reason.is_empty() {
                    lang.file(FileText::UploadFailed).to_owned()
                } else {
                    reason
                };
                view! { <span class="attachment-error" role="alert">{reason}</span> }.into_any()
            }
        };
        let failed = matches!(a.state, UploadState::Failed(_));
        view! {
            <li class="attachment" class:failed=failed>
                {picture}
                <span class="attachment-name">{a.name.clone()}</span>
                {status}
                <button type="button" class="attachment-remove" aria-label=lang.remove_file(&name)
                    on:click=move |_| attachments.remove(key)>"×"</button>
            </li>
        }
    };
    view! {
        <Show when=move || attachments.items.with(|items| !items.is_empty())>
            <ul class="attachments" aria-label=lang.file(FileText::Attachments)>
                <For each=move || attachments.items.get() key=|a| (a.key, format!("{:?}", a.state)) children=chip/>
            </ul>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: u32, state: UploadState) -> Attachment {
        Attachment { key, name: format!("f{key}.png"), size: 10, preview: None, state }
    }

    fn ready(id: &str) -> UploadState {
        UploadState::Ready(FileRef {
            id: FileId::parse(id).unwrap(),
            name: "a.png".into(),
            size: 1,
            content_type: "image/png".into(),
            url: None,
        })
    }

    #[test]
    fn c1_a_message_waits_for_its_uploads_and_may_be_files_alone() {
        assert_eq!(send_state("", &[]), SendState::Empty);
        assert_eq!(send_state("hola", &[]), SendState::Ready);
        assert_eq!(send_state("", &[item(1, ready("f_1"))]), SendState::Ready);
        let uploading = [item(1, ready("f_1")), item(2, UploadState::Sending(0.5))];
        assert_eq!(send_state("hola", &uploading), SendState::Uploading);
        let failed = [item(1, UploadState::Failed("too big".into()))];
        assert_eq!(send_state("", &failed), SendState::Empty);
        let mixed = [
            item(1, ready("f_1")),
            item(2, UploadState::Failed(String::new())),
            item(3, ready("f_3")),
        ];
        let ids: Vec<String> = ready_ids(&mixed).iter().map(|id| id.to_string()).collect();
        assert_eq!(ids, ["f_1", "f_3"]);
    }
}
