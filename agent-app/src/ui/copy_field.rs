//! A value shown once to be copied: an invitation link, an API token's secret, a channel's
//! identity secret. A labelled read-only field (its text selected when it gets focus, so
//! Ctrl+C works too) and a Copy button (`<id>-copy`) that says "Copied" once the browser wrote
//! the clipboard; it may refuse (no permission, an insecure page), and then says nothing.

use crate::i18n::CommonText;
use crate::ui::use_ui;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;

#[component]
pub fn CopyField(
    /// The field's id; the button is `<id>-copy`.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The value.
    value: String,
    /// Ids of the lines that explain it (`aria-describedby`).
    #[prop(optional)]
    describedby: Option<&'static str>,
    /// Put focus on the field (and select it) when it appears.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let ui = use_ui();
    let input = NodeRef::<Input>::new();
    let copied = RwSignal::new(false);
    Effect::new(move |_| {
        if let (true, Some(el)) = (autofocus, input.get()) {
            request_animation_frame(move || {
                let _ = el.focus();
                el.select();
            });
        }
    });
    let copy_value = value.clone();
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&copy_value);
        let on_done: Closure<dyn FnMut(wasm_bindgen::JsValue)> = Closure::once(move |_| {
            copied.try_set(true);
        });
        let _ = promise.then(&on_done);
        // Called at most once; the few bytes it keeps are not worth a future runtime.
        on_done.forget();
    };
    view! {
        <div class="copy-field">
            <label for=id class="field-label">{label}</label>
            <div class="copy-row">
                <input
                    id=id
                    class="field mono"
                    type="text"
                    readonly
                    spellcheck="false"
                    aria-describedby=describedby
                    prop:value=value
                    node_ref=input
                    on:focus=move |_| {
                        if let Some(el) = input.get_untracked() {
                            el.select();
                        }
                    }
                />
                <button id=format!("{id}-copy") type="button" class="btn" on:click=copy>
                    {ui.lang.common(CommonText::Copy)}
                </button>
            </div>
            <p class="copy-status save-status" role="status">
                {move || copied.get().then(|| ui.lang.common(CommonText::Copied))}
            </p>
        </div>
    }
}
