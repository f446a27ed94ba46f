//! The canned responses library (C7), at `#/canned[/new|/<id>]`, for every agent: the library
//! on the left, grouped by folder and filtered by `#canned-search` (core's `search`), and the
//! editor of the chosen or new response on the right (`editor`).

use super::editor::CannedEditor;
use super::model::by_folder;
use super::store::use_canned;
use crate::i18n::{CannedText, CommonText};
use crate::route::{canned_href, CannedPage};
use crate::ui::use_ui;
use leptos::html::H2;
use leptos::prelude::*;
use openline_core::canned::search;

#[component]
pub fn CannedScreen(
    /// What the address names.
    page: Memo<Option<CannedPage>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let title = NodeRef::<H2>::new();
    // Arriving here is a change of page: say so by moving focus to its title, unless the
    // editor opened with a text to save (M7), which takes focus itself.
    Effect::new(move |_| {
        if let Some(h2) = title.get() {
            if page.get_untracked() != Some(CannedPage::New) {
                let _ = h2.focus();
            }
        }
    });
    let loaded = Memo::new(move |_| store.list.with(Option::is_some));
    // The page once the library is there: a memo, so saving (which rewrites the list) does not
    // draw the form again; what the form reads inside is untracked for the same reason.
    let shown = Memo::new(move |_| page.get().filter(|_| loaded.get()));
    let editor = move || {
        let page = shown.get()?;
        Some(untrack(|| editor_for(page)))
    };
    view! {
        <main class="channels-screen canned-screen" aria-labelledby="canned-screen-title">
            <div class="channels-side">
                <div class="canned-side-head">
                    <h2 id="canned-screen-title" tabindex="-1" node_ref=title>{ui.lang.canned(CannedText::Responses)}</h2>
                    <a id="canned-new" class="btn small" href=canned_href(&CannedPage::New)>
                        {ui.lang.canned(CannedText::New)}
                    </a>
                </div>
                <CannedLibrary page/>
            </div>
            <div class="channels-main">{editor}</div>
        </main>
    }
}

/// The right column for `page`: a hint, the new response's form or a response's form.
fn editor_for(page: CannedPage) -> AnyView {
    let ui = use_ui();
    let store = use_canned();
    match page {
        CannedPage::Library => view! {
            <p class="list-note">{ui.lang.canned(CannedText::Pick)}</p>
        }
        .into_any(),
        CannedPage::New => {
            let prefill = store.prefill.get_untracked();
            store.prefill.set(None);
            view! { <CannedEditor existing=None prefill/> }.into_any()
        }
        CannedPage::Edit(id) => {
            let existing =
                store.list.with_untracked(|l| l.iter().flatten().find(|r| r.id == id).cloned());
            match existing {
                Some(r) => view! { <CannedEditor existing=Some(r) prefill=None/> }.into_any(),
                None => view! {
                    <p class="list-note">{ui.lang.canned(CannedText::Pick)}</p>
                }
                .into_any(),
            }
        }
    }
}

/// The search field and the responses by folder, as links to their editors.
#[component]
fn CannedLibrary(
    /// What the address names (the response shown is `aria-current`).
    page: Memo<Option<CannedPage>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_canned();
    let query = RwSignal::new(String::new());
    let groups = move || {
        if let Some(message) = store.load_error.get() {
            return view! { <p class="form-error" role="alert">{message}</p> }.into_any();
        }
        let Some(list) = store.list.get() else {
            return view! { <p class="list-note">{ui.lang.common(CommonText::Loading)}</p> }
                .into_any();
        };
        if list.is_empty() {
            return view! { <p class="list-note">{ui.lang.canned(CannedText::NoneYet)}</p> }
                .into_any();
        }
        let found = query.with(|q| search(&list, q).into_iter().cloned().collect::<Vec<_>>());
        if found.is_empty() {
            return view! { <p class="list-note">{ui.lang.canned(CannedText::NoMatches)}</p> }
                .into_any();
        }
        by_folder(&found)
            .into_iter()
            .enumerate()
            .map(|(i, (folder, responses))| {
                let heading = format!("canned-folder-{i}");
                let labelled_by = heading.clone();
                let name =
                    folder.unwrap_or_else(|| ui.lang.canned(CannedText::NoFolder).to_owned());
                let rows = responses
                    .into_iter()
                    .map(|r| {
                        let id = r.id.clone();
                        let current = move || {
                            page.with(|p| p.as_ref() == Some(&CannedPage::Edit(id.clone())))
                                .then_some("page")
                        };
                        view! {
                            <li>
                                <a class="channel-link canned-link" data-canned-id=r.id.clone()
                                    href=canned_href(&CannedPage::Edit(r.id.clone()))
                                    aria-current=current>
                                    <span class="channel-link-name">{r.input.title.clone()}</span>
                                    <span class="channel-link-id">"/" {r.input.code.clone()}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="canned-group" aria-labelledby=labelled_by>
                        <h3 id=heading class="canned-folder">{name}</h3>
                        <ul class="channel-list">{rows}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <label for="canned-search" class="sr-only">{ui.lang.canned(CannedText::Search)}</label>
        <input
            id="canned-search"
            class="field"
            type="search"
            autocomplete="off"
            placeholder=ui.lang.canned(CannedText::Search)
            bind:value=query
        />
        <nav class="channel-nav canned-nav" aria-label=ui.lang.canned(CannedText::Library)>{groups}</nav>
    }
}
