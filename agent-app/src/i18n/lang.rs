//! The agent's language: English or Spanish, from `navigator.language` (`es*` → Spanish);
//! `?lang=es|en` forces it. Messages from the server are shown as the server wrote them.

/// The languages the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// `?lang=` first, then the browser's language.
    pub fn detect() -> Lang {
        let window = leptos::prelude::window();
        let forced = window
            .location()
            .search()
            .ok()
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
            .and_then(|params| params.get("lang"));
        let preferred = forced.or_else(|| window.navigator().language());
        match preferred {
            Some(tag) if tag.to_ascii_lowercase().starts_with("es") => Lang::Es,
            _ => Lang::En,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}
