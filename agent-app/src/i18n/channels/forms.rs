//! The channel editor's forms and rating (W4): pre-chat fields, the offline form, the rating.

use crate::i18n::Lang;

/// The channel editor's forms and rating (W4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormText {
    Forms,
    Prechat,
    PrechatHint,
    OfflineForm,
    OfflineFormHint,
    Rating,
    NotAsked,
    Optional,
    Required,
    PhoneCountry,
    PhoneCountryHint,
}

impl Lang {
    pub fn form(self, text: FormText) -> &'static str {
        use FormText::*;
        match (self, text) {
            (Lang::En, Forms) => "Forms and rating",
            (Lang::Es, Forms) => "Formularios y valoración",
            (Lang::En, Prechat) => "Before the chat, ask for",
            (Lang::Es, Prechat) => "Antes del chat, pedir",
            (Lang::En, PrechatHint) => "Customers fill these in before their first message; nothing asked: they write at once.",
            (Lang::Es, PrechatHint) => "Los clientes los rellenan antes de su primer mensaje; si no se pide nada, escriben directamente.",
            (Lang::En, OfflineForm) => "When nobody can answer, ask for an email and a message",
            (Lang::Es, OfflineForm) => "Si nadie puede responder, pedir un email y un mensaje",
            (Lang::En, OfflineFormHint) => "Out of working hours or with nobody online, the widget offers this form; the message waits in Unanswered.",
            (Lang::Es, OfflineFormHint) => "Fuera de horario o sin nadie conectado, el widget ofrece este formulario; el mensaje espera en Sin responder.",
            (Lang::En, Rating) => "Rating when a conversation ends",
            (Lang::Es, Rating) => "Valoración al terminar una conversación",
            (Lang::En, NotAsked) => "Not asked",
            (Lang::Es, NotAsked) => "No se pide",
            (Lang::En, Optional) => "Optional",
            (Lang::Es, Optional) => "Opcional",
            (Lang::En, Required) => "Required",
            (Lang::Es, Required) => "Obligatorio",
            (Lang::En, PhoneCountry) => "Country of phone numbers",
            (Lang::Es, PhoneCountry) => "País de los teléfonos",
            (Lang::En, PhoneCountryHint) => "Two letters, like ES, GB or US: a number a customer types without + is read as this country's, so the same person is one contact. Empty: only numbers with + are read.",
            (Lang::Es, PhoneCountryHint) => "Dos letras, como ES, GB o US: un número escrito sin + se lee como de este país, para que la misma persona sea un solo contacto. Vacío: solo se leen los números con +.",
        }
    }

    pub fn contact_field(self, field: openline_core::contact::ContactField) -> &'static str {
        use openline_core::contact::ContactField::*;
        match (self, field) {
            (Lang::En, Name) => "Name",
            (Lang::Es, Name) => "Nombre",
            (Lang::En, Email) => "Email",
            (Lang::Es, Email) => "Email",
            (Lang::En, Phone) => "Phone",
            (Lang::Es, Phone) => "Teléfono",
        }
    }

    pub fn scale(self, scale: openline_core::contact::RatingScale) -> &'static str {
        use openline_core::contact::RatingScale::*;
        match (self, scale) {
            (Lang::En, Off) => "Do not ask",
            (Lang::Es, Off) => "No pedir",
            (Lang::En, Thumbs) => "Thumbs up or down",
            (Lang::Es, Thumbs) => "Pulgar arriba o abajo",
            (Lang::En, Stars) => "1 to 5 stars",
            (Lang::Es, Stars) => "De 1 a 5 estrellas",
        }
    }
}
