//! `Chat`: one open session: the live event list, its connection state and the composer.
//!
//! Owns the `Timeline` signal. The socket and the composer both feed it; the message list
//! only reads it. Everything here is dropped (socket included) when the session is replaced.

use crate::composer::Composer;
use crate::i18n::{Lang, Text};
use crate::messages::Messages;
use crate::model::Timeline;
use crate::socket::{use_event_socket, Link};
use leptos::prelude::*;
use openline_core::protocol::WidgetSession;

const STALE_AFTER_FAILURES: u32 = 4;

#[component]
pub fn Chat(
    /// The visitor's open session (token, dialog, channel).
    session: WidgetSession,
    /// Called when the server no longer accepts the token: the app opens a new session.
    on_expired: Callback<()>,
    /// Called when the socket keeps failing: the app checks that the token is still good.
    on_stale: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let timeline = RwSignal::new(Timeline::default());
    let link = use_event_socket(&session.visitor_token, move |frame| {
        timeline.update(|t| t.apply_frame(frame));
    });
    // A socket refused at the upgrade looks like any network failure from here, so after a few
    // failures in a row ask whether the server still knows this visitor.
    Effect::new(move |_| {
        if let Link::Down(failures) = link.get() {
            if failures % STALE_AFTER_FAILURES == 0 {
                on_stale.run(());
            }
        }
    });
    view! {
        <Show when=move || matches!(link.get(), Link::Down(_))>
            <p class="banner" role="status">{lang.t(Text::Reconnecting)}</p>
        </Show>
        <Messages greeting=session.channel.greeting channel_name=session.channel.name timeline />
        <Composer token=session.visitor_token timeline on_expired />
    }
}
