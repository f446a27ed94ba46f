//! How the channel's widget looks and reads (W5), a fieldset of the channel editor: its colour
//! (checked for contrast with white by core's `Look::validate`, the server's own check), the
//! side of the page its launcher sits on and its drawing, the window's line under the title and
//! its message box's hint, with a live preview and the embed snippet that carries the launcher's.

use super::draft::ChannelDraft;
use crate::i18n::LookText;
use crate::ui::{use_ui, CopyField};
use leptos::prelude::*;
use openline_core::ids::{channel_key, ChannelId};
use openline_core::look::{parse_hex, LauncherIcon, Side, MAX_LINE_CHARS};

#[component]
pub fn LookFields(
    /// The draft the look lives in.
    draft: RwSignal<ChannelDraft>,
    /// The channel, for its embed snippet.
    channel: ChannelId,
) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    // The preview keeps the last colour that parses while one is being typed.
    let shown = Memo::new(move |last: Option<&String>| {
        let typed = draft.with(|d| d.color.clone());
        if parse_hex(&typed).is_some() {
            typed
        } else {
            last.cloned().unwrap_or_else(|| openline_core::look::DEFAULT_COLOR.into())
        }
    });
    let origin = window().location().origin().unwrap_or_default();
    let workspace = ui.session.with_untracked(|s| s.as_ref().map(|s| s.workspace.clone()));
    let key = workspace.map(|w| channel_key(&w, &channel)).unwrap_or_default();
    let snippet = move || {
        let (side, icon) = draft.with(|d| (d.side, d.icon));
        let side = if side == Side::Left { " data-position=\"left\"" } else { "" };
        let drawing = match icon {
            LauncherIcon::Chat => String::new(),
            other => format!(" data-icon=\"{}\"", other.as_str()),
        };
        format!(
            "<script async src=\"{origin}/widget.js\" data-channel=\"{key}\"\n  data-color=\"{}\"{side}{drawing}></script>",
            shown.get().to_ascii_lowercase()
        )
    };
    view! {
        <fieldset class="channel-fieldset">
            <legend>{lang.look(LookText::Look)}</legend>
            <div class="look-row">
                <LookInputs draft shown/>
                <LookPreview draft shown/>
            </div>
            {move || view! {
                <CopyField id="channel-snippet" label=lang.look(LookText::Snippet) value=snippet()/>
            }}
        </fieldset>
    }
}

/// The colour (a picker and its hex), the launcher's side and drawing, the line under the
/// title and the message box's hint.
#[component]
fn LookInputs(
    /// The draft the look lives in.
    draft: RwSignal<ChannelDraft>,
    /// The last colour that parses.
    shown: Memo<String>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let color = move || draft.with(|d| d.color.clone());
    let set_color =
        move |ev: leptos::ev::Event| draft.update(|d| d.color = event_target_value(&ev));
    let left = move || draft.with(|d| d.side == Side::Left);
    let icon = move || draft.with(|d| d.icon);
    let icon_option = move |choice: LauncherIcon| {
        view! {
            <option value=choice.as_str() selected=move || icon() == choice>{lang.launcher_icon(choice)}</option>
        }
    };
    view! {
        <div class="form-field">
            <label for="channel-color" class="field-label">{lang.look(LookText::Color)}</label>
            <div class="color-pair">
                <input id="channel-color-picker" type="color" aria-label=lang.look(LookText::Color)
                    prop:value=shown on:input=set_color/>
                <input id="channel-color" class="field narrow mono" type="text" maxlength="7"
                    autocomplete="off" spellcheck="false" aria-describedby="channel-color-hint"
                    prop:value=color on:input=set_color/>
            </div>
            <p id="channel-color-hint" class="field-hint">{lang.look(LookText::ColorHint)}</p>
            <label for="channel-position" class="field-label">{lang.look(LookText::Position)}</label>
            <select id="channel-position" class="field narrow" on:change=move |ev| {
                let side = if event_target_value(&ev) == "left" { Side::Left } else { Side::Right };
                draft.update(|d| d.side = side);
            }>
                <option value="right" selected=move || !left()>{lang.look(LookText::Right)}</option>
                <option value="left" selected=left>{lang.look(LookText::Left)}</option>
            </select>
            <label for="channel-icon" class="field-label">{lang.look(LookText::Icon)}</label>
            <select id="channel-icon" class="field narrow" on:change=move |ev| {
                let value = event_target_value(&ev);
                let chosen = LauncherIcon::ALL.into_iter().find(|i| i.as_str() == value);
                draft.update(|d| d.icon = chosen.unwrap_or_default());
            }>
                {LauncherIcon::ALL.into_iter().map(icon_option).collect_view()}
            </select>
            <label for="channel-tagline" class="field-label">{lang.look(LookText::Tagline)}</label>
            <input id="channel-tagline" class="field" type="text" autocomplete="off"
                maxlength=MAX_LINE_CHARS.to_string() aria-describedby="channel-tagline-hint"
                prop:value=move || draft.with(|d| d.tagline.clone())
                on:input=move |ev| draft.update(|d| d.tagline = event_target_value(&ev))/>
            <p id="channel-tagline-hint" class="field-hint">{lang.look(LookText::TaglineHint)}</p>
            <label for="channel-placeholder" class="field-label">{lang.look(LookText::Placeholder)}</label>
            <input id="channel-placeholder" class="field" type="text" autocomplete="off"
                maxlength=MAX_LINE_CHARS.to_string() aria-describedby="channel-placeholder-hint"
                prop:value=move || draft.with(|d| d.placeholder.clone())
                on:input=move |ev| draft.update(|d| d.placeholder = event_target_value(&ev))/>
            <p id="channel-placeholder-hint" class="field-hint">{lang.look(LookText::PlaceholderHint)}</p>
        </div>
    }
}

/// The widget as it will look: its window with the title, tagline, a bubble and the message
/// box's hint, and the launcher.
#[component]
fn LookPreview(
    /// The draft the look lives in.
    draft: RwSignal<ChannelDraft>,
    /// The last colour that parses.
    shown: Memo<String>,
) -> impl IntoView {
    let lang = use_ui().lang;
    let left = move || draft.with(|d| d.side == Side::Left);
    let icon = move || draft.with(|d| d.icon);
    view! {
        <figure class="look-preview" aria-label=lang.look(LookText::Preview)>
            <div class="look-window" class:left=left>
                <div class="look-head" style:background=move || shown.get()>
                    <p class="look-title">{move || draft.with(|d| d.name.clone())}</p>
                    <p class="look-tagline">{move || draft.with(|d| d.tagline.trim().to_owned())}</p>
                </div>
                <p class="look-bubble" style:background=move || shown.get()>{lang.look(LookText::Sample)}</p>
                <p class="look-composer">{move || draft.with(|d| {
                    let hint = d.placeholder.trim();
                    if hint.is_empty() { lang.look(LookText::DefaultPlaceholder).to_owned() } else { hint.to_owned() }
                })}</p>
            </div>
            <span class="look-launcher" class:left=left style:background=move || shown.get()
                aria-hidden="true">
                <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
                    <path fill="#ffffff" d=move || icon().path()/>
                </svg>
            </span>
        </figure>
    }
}
