//! Files in the message list (C1): images as thumbnails that open a full-size viewer, other
//! files as cards with their name, size and a download link. Links are the signed ones the edge
//! put on the event; a message deleted (M9) shows no files.

use crate::i18n::{CommonText, FileText, Lang};
use crate::ui::icons::FileIcon;
use leptos::prelude::*;
use openline_core::files::{format_size, FileRef};

/// The image shown full size, if any: one viewer per dialog.
#[derive(Clone, Copy)]
pub struct Viewer {
    pub open: RwSignal<Option<FileRef>>,
}

impl Viewer {
    pub fn new() -> Self {
        Viewer { open: RwSignal::new(None) }
    }
}

/// A message's files, under its text.
pub fn message_files(lang: Lang, files: Vec<FileRef>, viewer: Viewer) -> impl IntoView {
    (!files.is_empty()).then(|| {
        let items = files
            .into_iter()
            .map(|file| {
                let url = file.url.clone().unwrap_or_default();
                if file.is_image() {
                    let label = lang.open_image(&file.name);
                    let alt = file.name.clone();
                    view! {
                        <li>
                            <button type="button" class="file-thumb" aria-label=label
                                on:click=move |_| viewer.open.set(Some(file.clone()))>
                                <img src=url alt=alt loading="lazy"/>
                            </button>
                        </li>
                    }
                    .into_any()
                } else {
                    view! {
                        <li>
                            <a class="file-card" href=url download=file.name.clone()>
                                <span class="file-card-icon"><FileIcon/></span>
                                <span class="file-card-name">{file.name.clone()}</span>
                                <span class="file-card-size">{format_size(file.size)}</span>
                                <span class="sr-only">{lang.file(FileText::Download)}</span>
                            </a>
                        </li>
                    }
                    .into_any()
                }
            })
            .collect_view();
        view! { <ul class="msg-files">{items}</ul> }
    })
}

/// The full-size image over the page: Escape, the close button or a click outside closes it,
/// and focus goes back where it was.
#[component]
pub fn ImageViewer(lang: Lang, viewer: Viewer) -> impl IntoView {
    let close_button = NodeRef::<leptos::html::Button>::new();
    let returns_to = StoredValue::new(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if viewer.open.with(Option::is_some) {
            let active =
                document().active_element().and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok());
            returns_to.set_value(active);
            request_animation_frame(move || {
                if let Some(button) = close_button.get() {
                    let _ = button.focus();
                }
            });
        }
    });
    let close = move || {
        viewer.open.set(None);
        if let Some(el) = returns_to.get_value() {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // The close button is the only control: Tab stays on it.
        if matches!(ev.key().as_str(), "Escape" | "Tab") {
            ev.prevent_default();
        }
        if ev.key() == "Escape" {
            close();
        }
    };
    move || {
        viewer.open.get().map(|file| {
            let url = file.url.clone().unwrap_or_default();
            view! {
                <div class="image-viewer" role="dialog" aria-modal="true" aria-label=file.name.clone()
                    on:keydown=on_key on:click=move |_| close()>
                    <figure on:click=|ev| ev.stop_propagation()>
                        <img src=url.clone() alt=file.name.clone()/>
                        <figcaption>
                            <span>{file.name.clone()}</span>
                            " · " {format_size(file.size)} " · "
                            <a href=url download=file.name.clone()>{lang.file(FileText::Download)}</a>
                        </figcaption>
                    </figure>
                    <button node_ref=close_button type="button" class="btn image-viewer-close"
                        on:click=move |_| close()>{lang.common(CommonText::Close)}</button>
                </div>
            }
        })
    }
}
