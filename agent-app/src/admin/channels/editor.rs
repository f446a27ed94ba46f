//! One channel's editor (`#channel-form`, Q13, Q14, W6): name, widget greeting (with a preview
//! of the widget's bubble), the automatic messages, working hours (`hours`), automatic close,
//! how conversations are offered (`routing`), where the chat may open (`access`: allowed sites,
//! signed identity and its secret), its files (`files`), forms and rating (`forms`) and look
//! (`look`).
//!
//! The fields are uncontrolled: each starts from the draft and writes back into it as the admin
//! types, so nothing re-renders under the cursor. Saving runs `ChannelDraft::to_settings`, then
//! `ChannelSettings::validate` (the server's own check, so its sentence shows before sending),
//! then `PUT /api/agent/channels/{id}`; the server's 400 message shows the same way.

use super::access::AccessFields;
use super::draft::{ChannelDraft, DraftError, DraftText};
use super::files::FileFields;
use super::forms::FormFields;
use super::hours::HoursFields;
use super::look::LookFields;
use super::routing::RoutingFields;
use super::screen::AgentsResource;
use crate::api;
use crate::i18n::{ChannelText, CommonText};
use crate::ui::{focus, use_ui, Ui};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::channel::ChannelSettings;
use openline_core::ids::channel_key;

/// The editor's state. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Editor {
    draft: RwSignal<ChannelDraft>,
    /// The channel's name as last saved (the form's title).
    title: RwSignal<String>,
    /// The channel as last saved, which the draft's changes apply to.
    base: StoredValue<ChannelSettings>,
    error: RwSignal<Option<String>>,
    saved: RwSignal<bool>,
    pending: RwSignal<bool>,
}

impl Editor {
    /// Checks the draft as the server would, then saves it.
    fn submit(self, ui: Ui, on_saved: Callback<ChannelSettings>) {
        if self.pending.get_untracked() {
            return;
        }
        self.saved.set(false);
        let checked = self
            .draft
            .with_untracked(|d| d.to_settings(&self.base.get_value()))
            .map_err(|e| {
                focus(&e.field_id());
                draft_message(ui, e)
            })
            .and_then(|s| s.validate().map(|()| s));
        let settings = match checked {
            Ok(settings) => settings,
            Err(message) => return self.error.set(Some(message)),
        };
        self.error.set(None);
        self.pending.set(true);
        save(ui, settings, move |result| {
            self.pending.try_set(false);
            match result {
                Ok(settings) => {
                    self.title.try_set(settings.name.clone());
                    self.base.try_set_value(settings.clone());
                    self.saved.try_set(true);
                    on_saved.run(settings);
                }
                Err(message) => {
                    self.error.try_set(Some(message));
                }
            }
        });
    }
}

#[component]
pub fn ChannelEditor(
    /// The channel as last saved.
    settings: ChannelSettings,
    /// The workspace's agents, for the channel's queue.
    agents: AgentsResource,
    /// Put focus on the name field at once (the channel was just created).
    focus_name: bool,
    /// Called with what the server saved.
    on_saved: Callback<ChannelSettings>,
) -> impl IntoView {
    let ui = use_ui();
    let editor = Editor {
        draft: RwSignal::new(ChannelDraft::from_settings(&settings, local_offset())),
        title: RwSignal::new(settings.name.clone()),
        base: StoredValue::new(settings.clone()),
        error: RwSignal::new(None),
        saved: RwSignal::new(false),
        pending: RwSignal::new(false),
    };
    let draft = editor.draft;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        editor.submit(ui, on_saved);
    };
    let workspace = ui.session.with_untracked(|s| s.as_ref().map(|s| s.workspace.clone()));
    let key = workspace.map(|w| channel_key(&w, &settings.id)).unwrap_or_default();
    view! {
        <form
            id="channel-form"
            class="channel-form"
            aria-labelledby="channel-editor-title"
            novalidate
            on:submit=on_submit
            on:input=move |_| editor.saved.set(false)
        >
            <header class="channel-form-head">
                <h3 id="channel-editor-title">{move || editor.title.get()}</h3>
                <p class="channel-key">
                    {ui.lang.channel(ChannelText::EmbedKey)} ": " <code>{key}</code>
                </p>
            </header>
            <NameField draft name=settings.name.clone() focus_name/>
            <div class="greeting-row">
                <TextField draft text=DraftText::Greeting id="channel-greeting"
                    label=ChannelText::Greeting hint=ChannelText::GreetingHint/>
                <GreetingPreview draft/>
            </div>
            <AutomaticMessages draft/>
            <HoursFields draft/>
            <AutoCloseField draft/>
            <RoutingFields draft agents/>
            <AccessFields draft channel=settings.id.clone()/>
            <FileFields draft/>
            <FormFields draft/>
            <LookFields draft channel=settings.id.clone()/>
            <SaveBar editor/>
        </form>
    }
}

/// The channel's name; focus starts here when the channel was just created.
#[component]
fn NameField(
    /// The draft the name lives in.
    draft: RwSignal<ChannelDraft>,
    /// The name as last saved.
    name: String,
    /// Put focus on the field at once.
    focus_name: bool,
) -> impl IntoView {
    let ui = use_ui();
    let name_input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let (true, Some(input)) = (focus_name, name_input.get()) {
            let _ = input.focus();
        }
    });
    view! {
        <div class="form-field">
            <label for="channel-name" class="field-label">{ui.lang.channel(ChannelText::ChannelName)}</label>
            <input
                id="channel-name"
                class="field"
                type="text"
                autocomplete="off"
                maxlength="80"
                node_ref=name_input
                prop:value=name
                on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
            />
        </div>
    }
}

/// The channel's automatic messages (Q14): a new conversation's reply, out of hours, nobody
/// available.
#[component]
fn AutomaticMessages(
    /// The draft the texts live in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <fieldset class="channel-fieldset">
            <legend>{ui.lang.channel(ChannelText::AutomaticMessages)}</legend>
            <TextField draft text=DraftText::AutoReply id="channel-auto-reply"
                label=ChannelText::AutoReply hint=ChannelText::AutoReplyHint/>
            <TextField draft text=DraftText::OutOfHoursReply id="channel-out-of-hours-reply"
                label=ChannelText::OutOfHoursReply hint=ChannelText::OutOfHoursHint/>
            <TextField draft text=DraftText::NoAgentReply id="channel-no-agent-reply"
                label=ChannelText::NoAgentReply hint=ChannelText::NoAgentHint/>
        </fieldset>
    }
}

/// Minutes after the last message before the conversation closes by itself.
#[component]
fn AutoCloseField(
    /// The draft the minutes live in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="form-field">
            <label for="channel-auto-close" class="field-label">{ui.lang.channel(ChannelText::AutoClose)}</label>
            <input
                id="channel-auto-close"
                class="field narrow"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-describedby="channel-auto-close-hint"
                prop:value=draft.with_untracked(|d| d.auto_close_minutes.clone())
                on:input=move |ev| draft.update(|d| d.auto_close_minutes = event_target_value(&ev))
            />
            <p id="channel-auto-close-hint" class="field-hint">{ui.lang.channel(ChannelText::AutoCloseHint)}</p>
        </div>
    }
}

/// Save, and what became of it.
#[component]
fn SaveBar(
    /// The editor.
    editor: Editor,
) -> impl IntoView {
    let ui = use_ui();
    let Editor { pending, saved, error, .. } = editor;
    view! {
        <div class="save-bar">
            <button
                id="channel-save"
                type="submit"
                class="btn primary"
                aria-busy=move || pending.get().then_some("true")
            >
                {move || ui.lang.common(if pending.get() { CommonText::Saving } else { CommonText::Save })}
            </button>
            <p id="channel-status" class="save-status" role="status">
                {move || saved.get().then(|| ui.lang.common(CommonText::Saved))}
            </p>
            <p id="channel-error" class="form-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

/// A textarea for one of the channel's texts, with its label and hint.
#[component]
fn TextField(
    /// The draft the text lives in.
    draft: RwSignal<ChannelDraft>,
    /// Which text.
    text: DraftText,
    /// The textarea's id (its hint is `<id>-hint`).
    id: &'static str,
    /// The visible label.
    label: ChannelText,
    /// The line under it.
    hint: ChannelText,
) -> impl IntoView {
    let ui = use_ui();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="form-field">
            <label for=id class="field-label">{ui.lang.channel(label)}</label>
            <textarea
                id=id
                class="field text"
                rows="2"
                maxlength="1000"
                aria-describedby=hint_id.clone()
                prop:value=draft.with_untracked(|d| text.of(d).to_owned())
                on:input=move |ev| draft.update(|d| *text.of_mut(d) = event_target_value(&ev))
            ></textarea>
            <p id=hint_id class="field-hint">{ui.lang.channel(hint)}</p>
        </div>
    }
}

/// The greeting as the widget shows it: the channel's name on top, the bubble under it.
#[component]
fn GreetingPreview(
    /// The draft, for the name and the greeting as typed.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let greeting = move || draft.with(|d| d.greeting.clone());
    view! {
        <figure class="greeting-preview">
            <figcaption class="field-label">{ui.lang.channel(ChannelText::Preview)}</figcaption>
            <div class="preview-widget">
                <p class="preview-head">{move || draft.with(|d| d.name.clone())}</p>
                <div class="preview-body">
                    <Show when=move || draft.with(|d| !d.greeting.trim().is_empty())>
                        <p class="preview-bubble">{greeting}</p>
                    </Show>
                </div>
            </div>
        </figure>
    }
}

/// `PUT` the settings; `done` gets what the server saved, or the sentence to show. A 401 ends
/// the session as everywhere.
fn save(
    ui: Ui,
    settings: ChannelSettings,
    done: impl FnOnce(Result<ChannelSettings, String>) + 'static,
) {
    spawn_local(async move {
        match api::save_channel(&settings).await {
            Ok(saved) => done(Ok(saved)),
            Err(err) => {
                if err.is_unauthorized() {
                    ui.report(&err);
                }
                let message =
                    err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                done(Err(message.to_owned()));
            }
        }
    });
}

fn draft_message(ui: Ui, error: DraftError) -> String {
    match error {
        DraftError::Time { day, .. } => ui.lang.bad_time(ui.lang.weekday(day)),
        DraftError::AutoClose => ui.lang.channel(ChannelText::BadAutoClose).to_owned(),
        DraftError::OfferTimeout => ui.lang.channel(ChannelText::BadOfferTimeout).to_owned(),
        DraftError::MaxFileSize => {
            ui.lang.channel_files(crate::i18n::ChannelFileText::BadMaxSize).to_owned()
        }
        DraftError::Origin(line) => ui.lang.bad_origin(&line),
    }
}

/// The browser's UTC offset in minutes (UTC+1 is 60), offered for new working hours.
fn local_offset() -> i16 {
    -(js_sys::Date::new_0().get_timezone_offset() as i16)
}
