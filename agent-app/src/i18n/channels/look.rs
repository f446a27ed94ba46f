//! The channel editor's look (W5): colour, launcher, texts, the preview and the snippet.

use crate::i18n::Lang;

/// The channel editor's look (W5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookText {
    Look,
    Color,
    ColorHint,
    Position,
    Right,
    Left,
    Preview,
    Sample,
    Snippet,
    Icon,
    Tagline,
    TaglineHint,
    Placeholder,
    PlaceholderHint,
    DefaultPlaceholder,
}

impl Lang {
    pub fn look(self, text: LookText) -> &'static str {
        use LookText::*;
        match (self, text) {
            (Lang::En, Look) => "Look",
            (Lang::Es, Look) => "Aspecto",
            (Lang::En, Color) => "Colour",
            (Lang::Es, Color) => "Color",
            (Lang::En, ColorHint) => "As #rrggbb. White text must stay readable on it (4.5:1).",
            (Lang::Es, ColorHint) => {
                "Como #rrggbb. El texto blanco debe leerse bien sobre él (4,5:1)."
            }
            (Lang::En, Position) => "Launcher",
            (Lang::Es, Position) => "Botón del chat",
            (Lang::En, Right) => "Bottom right",
            (Lang::Es, Right) => "Abajo a la derecha",
            (Lang::En, Left) => "Bottom left",
            (Lang::Es, Left) => "Abajo a la izquierda",
            (Lang::En, Preview) => "Preview",
            (Lang::Es, Preview) => "Vista previa",
            (Lang::En, Sample) => "Hi! How can we help?",
            (Lang::Es, Sample) => "¡Hola! ¿En qué te ayudamos?",
            (Lang::En, Snippet) => {
                "Embed code with this look (the launcher's colour and side go in it)"
            }
            (Lang::Es, Snippet) => {
                "Código para insertar con este aspecto (lleva el color y el lado del botón)"
            }
            (Lang::En, Icon) => "Launcher icon",
            (Lang::Es, Icon) => "Icono del botón",
            (Lang::En, Tagline) => "Line under the title",
            (Lang::Es, Tagline) => "Línea bajo el título",
            (Lang::En, TaglineHint) => {
                "Shown until someone answers, such as \"We usually reply within minutes\"."
            }
            (Lang::Es, TaglineHint) => {
                "Se ve hasta que alguien responde, como «Solemos responder en minutos»."
            }
            (Lang::En, Placeholder) => "Message box hint",
            (Lang::Es, Placeholder) => "Texto de ayuda del mensaje",
            (Lang::En, PlaceholderHint) => {
                "Empty: \"Write a message…\" in the customer's language."
            }
            (Lang::Es, PlaceholderHint) => "Vacío: «Escribe un mensaje…» en el idioma del cliente.",
            (Lang::En, DefaultPlaceholder) => "Write a message…",
            (Lang::Es, DefaultPlaceholder) => "Escribe un mensaje…",
        }
    }

    pub fn launcher_icon(self, icon: openline_core::look::LauncherIcon) -> &'static str {
        use openline_core::look::LauncherIcon::*;
        match (self, icon) {
            (Lang::En, Chat) => "Speech bubble",
            (Lang::Es, Chat) => "Bocadillo",
            (Lang::En, Help) => "Question mark",
            (Lang::Es, Help) => "Interrogación",
            (Lang::En, Mail) => "Envelope",
            (Lang::Es, Mail) => "Sobre",
        }
    }
}
