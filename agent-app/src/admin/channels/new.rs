//! "New channel" (A1): an id and a name, `POST /api/agent/channels`. The id's form is checked
//! here with `ChannelId::parse`, the same check the server makes; an id already in use comes
//! back as 409 `channel_exists` and its message is shown under the form.

use crate::api;
use crate::i18n::{ChannelText, CommonText};
use crate::ui::{focus, use_ui, Ui};
use leptos::prelude::*;
use leptos::task::spawn_local;
use openline_core::channel::ChannelSettings;
use openline_core::ids::ChannelId;
use openline_core::protocol::NewChannel;

/// The form's fields and what it says. `Copy`, for handlers.
#[derive(Clone, Copy)]
struct Fields {
    id: RwSignal<String>,
    name: RwSignal<String>,
    error: RwSignal<Option<String>>,
    pending: RwSignal<bool>,
}

impl Fields {
    /// Checks the id and name, then `POST /api/agent/channels`.
    fn submit(self, ui: Ui, on_created: Callback<ChannelSettings>) {
        if self.pending.get_untracked() {
            return;
        }
        let request = match new_channel(&self.id.get_untracked(), &self.name.get_untracked()) {
            Ok(request) => request,
            Err((text, field)) => {
                self.error.set(Some(ui.lang.channel(text).to_owned()));
                focus(field);
                return;
            }
        };
        self.error.set(None);
        self.pending.set(true);
        spawn_local(async move {
            let result = api::create_channel(&request).await;
            self.pending.try_set(false);
            match result {
                Ok(settings) => {
                    self.id.try_set(String::new());
                    self.name.try_set(String::new());
                    on_created.run(settings);
                }
                Err(err) if err.is_unauthorized() => ui.report(&err),
                Err(err) => {
                    let message =
                        err.server_message().unwrap_or(ui.lang.common(CommonText::NetworkError));
                    self.error.try_set(Some(message.to_owned()));
                }
            }
        });
    }
}

#[component]
pub fn NewChannelForm(
    /// Called with the channel the server created.
    on_created: Callback<ChannelSettings>,
) -> impl IntoView {
    let ui = use_ui();
    let fields = Fields {
        id: RwSignal::new(String::new()),
        name: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        pending: RwSignal::new(false),
    };
    let Fields { id, name, error, pending } = fields;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        fields.submit(ui, on_created);
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    view! {
        <form class="channel-new" aria-labelledby="channel-new-title" novalidate on:submit=on_submit>
            <h3 id="channel-new-title">{ui.lang.channel(ChannelText::NewChannel)}</h3>
            <label for="channel-new-id" class="field-label">{ui.lang.channel(ChannelText::ChannelId)}</label>
            <input
                id="channel-new-id"
                class="field"
                type="text"
                autocomplete="off"
                spellcheck="false"
                maxlength="64"
                aria-describedby="channel-new-id-hint channel-new-error"
                aria-invalid=invalid
                bind:value=id
            />
            <p id="channel-new-id-hint" class="field-hint">{ui.lang.channel(ChannelText::ChannelIdHint)}</p>
            <label for="channel-new-name" class="field-label">{ui.lang.channel(ChannelText::ChannelName)}</label>
            <input
                id="channel-new-name"
                class="field"
                type="text"
                autocomplete="off"
                maxlength="80"
                aria-describedby="channel-new-error"
                bind:value=name
            />
            <p id="channel-new-error" class="form-error" role="alert">{move || error.get()}</p>
            <button
                id="channel-create"
                type="submit"
                class="btn"
                aria-busy=move || pending.get().then_some("true")
            >
                {move || ui.lang.common(if pending.get() { CommonText::Creating } else { CommonText::Create })}
            </button>
        </form>
    }
}

/// The request, or what is wrong and the field to fix.
fn new_channel(id: &str, name: &str) -> Result<NewChannel, (ChannelText, &'static str)> {
    let id = ChannelId::parse(id.trim()).ok_or((ChannelText::BadChannelId, "channel-new-id"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err((ChannelText::EmptyChannelName, "channel-new-name"));
    }
    Ok(NewChannel { id, name: name.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_a_new_channel_needs_a_well_formed_id_and_a_name() {
        let ok = new_channel(" support-2 ", " Support ").unwrap();
        assert_eq!((ok.id.as_str(), ok.name.as_str()), ("support-2", "Support"));
        assert_eq!(new_channel("", "Support").unwrap_err().1, "channel-new-id");
        assert_eq!(new_channel("sales team", "Sales").unwrap_err().1, "channel-new-id");
        assert_eq!(new_channel("ventas", "  ").unwrap_err().1, "channel-new-name");
    }
}
