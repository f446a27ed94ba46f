//! Files the visitor attaches (C1): picked with the paperclip, dropped on the chat or pasted.
//! Each uploads at once with a progress bar; the next message carries the ready ones. A
//! refusal (too large, a type the channel does not take) shows on the file, in the server's
//! words.

use crate::i18n::{Lang, Text};
use leptos::prelude::*;
use openline_browser::html::{self, html, Escaped, Html};
use openline_browser::upload::upload;
use openline_core::files::{format_size, FileRef};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, File, FileList};

#[derive(Clone, Debug, PartialEq)]
pub enum State {
    Sending(f64),
    Ready(FileRef),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub key: u32,
    pub name: String,
    pub size: f64,
    pub state: State,
}

#[derive(Clone, Copy)]
pub struct Tray {
    pub items: RwSignal<Vec<Item>>,
    next: StoredValue<u32>,
    token: StoredValue<String>,
    lang: Lang,
}

impl Tray {
    pub fn new(token: String, lang: Lang) -> Tray {
        let (items, next, token) =
            (RwSignal::new(Vec::new()), StoredValue::new(0), StoredValue::new(token));
        Tray { items, next, token, lang }
    }

    pub fn add(self, files: Vec<File>) {
        for file in files {
            let key = self.next.get_value();
            self.next.set_value(key + 1);
            let item =
                Item { key, name: file.name(), size: file.size(), state: State::Sending(0.0) };
            self.items.update(|items| items.push(item));
            let set = move |state: State| {
                self.items.try_update(|items| {
                    if let Some(item) = items.iter_mut().find(|i| i.key == key) {
                        item.state = state;
                    }
                });
            };
            let bearer = format!("Bearer {}", self.token.get_value());
            upload(
                "/api/widget/files",
                ("Authorization", &bearer),
                &file,
                move |sent| set(State::Sending(sent)),
                move |result| {
                    set(match result {
                        Ok(file) => State::Ready(file),
                        Err(crate::api::ApiError::Refused { code, message, .. }) => {
                            State::Failed(self.lang.refusal(&code).map_or(message, str::to_owned))
                        }
                        Err(_) => State::Failed(String::new()),
                    })
                },
            );
        }
    }

    /// Whether a file is still uploading (the message waits for it).
    pub fn busy(self) -> bool {
        self.items.with(|items| items.iter().any(|i| matches!(i.state, State::Sending(_))))
    }

    /// Takes the file with `key` out of the tray (its remove button).
    pub fn remove(self, key: u32) {
        self.items.update(|items| items.retain(|i| i.key != key));
    }

    /// The ready files, leaving the tray.
    pub fn take_ready(self) -> Vec<FileRef> {
        let mut ready = Vec::new();
        self.items.update(|items| {
            items.retain(|i| match &i.state {
                State::Ready(file) => {
                    ready.push(file.clone());
                    false
                }
                _ => true,
            })
        });
        ready
    }
}

pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The paperclip, which opens the browser's file picker, and the picker's input, in the
/// composer's HTML.
pub fn attach_html(lang: Lang) -> Html {
    html!(
        r#"<button id="attach-button" type="button" class="icon-button attach-button" aria-label="{0}" title="{0}"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" d="M20 11.5 12 19.5a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.2a1.7 1.7 0 0 1-2.4-2.4L15 7"/></svg></button><input id="attach-input" type="file" multiple hidden>"#,
        Escaped(lang.t(Text::AttachFile))
    )
}

/// The files on their way, above the text box, in the composer's HTML: filled by `rows`.
pub fn tray_html(lang: Lang) -> Html {
    html!(r#"<ul class="tray" aria-label="{}" hidden></ul>"#, Escaped(lang.t(Text::Attachments)))
}

/// The tray's rows: redrawn whole on each change (a tray holds a file or two); a remove
/// button's click is read where it bubbles (`remove`).
pub fn rows(tray: Tray) -> Html {
    tray.items.with(|items| items.iter().map(|i| row(i, tray.lang)).collect())
}

/// One file of the tray: its name, progress, size or why it failed, and a remove button.
fn row(item: &Item, lang: Lang) -> Html {
    let status = match &item.state {
        State::Sending(sent) => html!(
            r#"<progress max="100" value="{}" aria-label="{}"></progress>"#,
            (sent * 100.0) as u32,
            Escaped(&lang.uploading(&item.name))
        ),
        State::Ready(_) => {
            html!(r#"<span class="tray-size">{}</span>"#, Escaped(&format_size(item.size as u64)))
        }
        State::Failed(reason) => {
            let reason = if reason.is_empty() { lang.t(Text::UploadFailed) } else { reason };
            html!(r#"<span class="tray-error" role="alert">{}</span>"#, Escaped(reason))
        }
    };
    html!(
        r#"<li class="tray-item"><span class="tray-name">{}</span>{}<button type="button" class="tray-remove" aria-label="{}" data-key="{}">×</button></li>"#,
        Escaped(&item.name),
        status,
        Escaped(&lang.remove_file(&item.name)),
        item.key
    )
}

/// A message's files: images as thumbnails that open large, others as a card to download.
/// A click on a thumbnail is read where it bubbles (`viewer`). Empty without files.
pub fn files_html(lang: Lang, files: &[FileRef]) -> Html {
    if files.is_empty() {
        return Html::default();
    }
    let mut html = html!(r#"<ul class="msg-files">"#);
    for file in files {
        let url = Escaped(file.url.as_deref().unwrap_or_default());
        let name = Escaped(&file.name);
        html += if file.is_image() {
            html!(
                r#"<li><button type="button" class="file-thumb" aria-label="{}" data-file="{}"><img src="{}" alt="{}" loading="lazy"></button></li>"#,
                Escaped(&lang.open_image(&file.name)),
                Escaped(file.id.as_str()),
                url,
                name
            )
        } else {
            html!(
                r#"<li><a class="file-card" href="{0}" download="{1}"><span class="file-name">{1}</span><span class="file-size">{2}</span></a></li>"#,
                url,
                name,
                Escaped(&format_size(file.size))
            )
        };
    }
    html + html!("</ul>")
}

/// The image viewer, from the chat's events where they bubble to it (`zone`): a click on a
/// thumbnail shows the image large over the chat; Escape or Close goes back to the thumbnail.
pub fn viewer(zone: &Element, kind: &str, ev: &Event, target: &Element, lang: Lang) {
    let open = target.closest(".viewer").ok().flatten();
    match kind {
        "click" if target.class_list().contains("viewer-close") => shut(open),
        "click" => {
            if let Some(viewer) = viewer_html(target, lang) {
                html::append(zone, &viewer);
                request_animation_frame(|| focus(".viewer-close"));
            }
        }
        "keydown" if open.is_some() => {
            let key = ev.unchecked_ref::<web_sys::KeyboardEvent>().key();
            if matches!(key.as_str(), "Escape" | "Tab") {
                ev.prevent_default();
            }
            if key == "Escape" {
                shut(open);
            }
        }
        _ => {}
    }
}

/// The viewer of the thumbnail `target` is in, if it is in one; it names the thumbnail's file.
fn viewer_html(target: &Element, lang: Lang) -> Option<Html> {
    let thumb = target.closest(".file-thumb").ok()??;
    let img = thumb.query_selector("img").ok()??;
    let id = Escaped(&thumb.get_attribute("data-file")?);
    let name = Escaped(&img.get_attribute("alt").unwrap_or_default());
    let url = Escaped(&img.get_attribute("src").unwrap_or_default());
    Some(html!(
        r#"<div class="viewer" role="dialog" aria-modal="true" aria-label="{0}" data-for="{1}"><img src="{2}" alt="{0}"><button type="button" class="viewer-close">{3}</button></div>"#,
        name,
        id,
        url,
        Escaped(lang.t(Text::CloseImage))
    ))
}

/// Closes the viewer and gives its thumbnail the focus back.
fn shut(viewer: Option<Element>) {
    let Some(viewer) = viewer else { return };
    let id = viewer.get_attribute("data-for").unwrap_or_default();
    viewer.remove();
    focus(&format!("[data-file=\"{id}\"]"));
}

fn focus(selector: &str) {
    let found = document().query_selector(selector).ok().flatten();
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
