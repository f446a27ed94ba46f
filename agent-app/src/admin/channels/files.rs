//! Which files a channel accepts (C1), a fieldset of the channel editor: the largest file in
//! megabytes and the kinds (images, documents, archives), each with the extensions it covers.
//! Both customers and agents are held to them; the server checks, with the same words.

use super::draft::ChannelDraft;
use crate::i18n::ChannelFileText;
use crate::ui::use_ui;
use leptos::prelude::*;
use openline_core::files::{accepted_extensions, format_size, FileCategory, MAX_FILE_BYTES};

#[component]
pub fn FileFields(
    /// The draft the limits live in.
    draft: RwSignal<ChannelDraft>,
) -> impl IntoView {
    let ui = use_ui();
    let kind = move |category: FileCategory| {
        let id = format!("channel-files-{}", category_name(category));
        let extensions = accepted_extensions(&[category]).join(", ");
        view! {
            <label class="check">
                <input
                    id=id
                    type="checkbox"
                    prop:checked=draft.with_untracked(|d| d.file_categories.contains(&category))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| {
                            d.file_categories.retain(|c| *c != category);
                            if on {
                                d.file_categories.push(category);
                            }
                        });
                    }
                />
                {ui.lang.file_category(category)}
                <span class="field-hint inline">" (" {extensions} ")"</span>
            </label>
        }
    };
    view! {
        <fieldset class="channel-fieldset">
            <legend>{ui.lang.channel_files(ChannelFileText::Files)}</legend>
            <div class="form-field">
                <label for="channel-max-file" class="field-label">{ui.lang.channel_files(ChannelFileText::MaxSize)}</label>
                <input
                    id="channel-max-file"
                    class="field narrow"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="channel-max-file-hint"
                    prop:value=draft.with_untracked(|d| d.max_file_mb.clone())
                    on:input=move |ev| draft.update(|d| d.max_file_mb = event_target_value(&ev))
                />
                <p id="channel-max-file-hint" class="field-hint">
                    {ui.lang.max_file_hint(&format_size(MAX_FILE_BYTES))}
                </p>
            </div>
            <div class="form-field" role="group" aria-labelledby="channel-files-kinds">
                <p id="channel-files-kinds" class="field-label">{ui.lang.channel_files(ChannelFileText::Kinds)}</p>
                {FileCategory::ALL.into_iter().map(kind).collect_view()}
                <p class="field-hint">{ui.lang.channel_files(ChannelFileText::NoneHint)}</p>
            </div>
        </fieldset>
    }
}

fn category_name(category: FileCategory) -> &'static str {
    match category {
        FileCategory::Images => "images",
        FileCategory::Documents => "documents",
        FileCategory::Archives => "archives",
    }
}
