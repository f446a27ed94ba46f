//! The CRM's strings (issue 16): the contact card beside a conversation.

use super::Lang;

/// The contact card's strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrmText {
    Contact,
    NoContactYet,
    Emails,
    Phones,
    SignedInAs,
    Company,
    Conversations,
    ThisConversation,
    Contacts,
    SearchContacts,
    NoContacts,
    NoMatches,
    ShowMore,
    PickContact,
    MergeTitle,
    FindDuplicate,
    MergeHere,
    Merge,
    Name,
    Edit,
}

impl Lang {
    pub fn crm(self, text: CrmText) -> &'static str {
        use CrmText::*;
        match (self, text) {
            (Lang::En, Contact) => "Contact",
            (Lang::Es, Contact) => "Contacto",
            (Lang::En, NoContactYet) => {
                "No contact yet: once the customer shares an email or a phone, or signs in on the site, they become one."
            }
            (Lang::Es, NoContactYet) => {
                "Aún no es un contacto: lo será en cuanto comparta un email o un teléfono, o inicie sesión en el sitio."
            }
            (Lang::En, Emails) => "Email",
            (Lang::Es, Emails) => "Email",
            (Lang::En, Phones) => "Phone",
            (Lang::Es, Phones) => "Teléfono",
            (Lang::En, SignedInAs) => "Site user id",
            (Lang::Es, SignedInAs) => "Id de usuario del sitio",
            (Lang::En, Company) => "Company",
            (Lang::Es, Company) => "Empresa",
            (Lang::En, Conversations) => "Conversations",
            (Lang::Es, Conversations) => "Conversaciones",
            (Lang::En, ThisConversation) => "this one",
            (Lang::Es, ThisConversation) => "esta",
            (Lang::En, Contacts) => "Contacts",
            (Lang::Es, Contacts) => "Contactos",
            (Lang::En, SearchContacts) => "Search by name, email, phone or company",
            (Lang::Es, SearchContacts) => "Buscar por nombre, email, teléfono o empresa",
            (Lang::En, NoContacts) => {
                "No contacts yet: customers become contacts when they share an email or a phone, or sign in on the site."
            }
            (Lang::Es, NoContacts) => {
                "Aún no hay contactos: los clientes lo son cuando comparten un email o un teléfono, o inician sesión en el sitio."
            }
            (Lang::En, NoMatches) => "No contact matches.",
            (Lang::Es, NoMatches) => "Ningún contacto coincide.",
            (Lang::En, ShowMore) => "Show more contacts",
            (Lang::Es, ShowMore) => "Ver más contactos",
            (Lang::En, PickContact) => "Pick a contact to see who they are and their conversations.",
            (Lang::Es, PickContact) => "Elige un contacto para ver quién es y sus conversaciones.",
            (Lang::En, MergeTitle) => "Merge a duplicate",
            (Lang::Es, MergeTitle) => "Fusionar un duplicado",
            (Lang::En, FindDuplicate) => "Find the other contact by name, email or phone",
            (Lang::Es, FindDuplicate) => "Busca el otro contacto por nombre, email o teléfono",
            (Lang::En, MergeHere) => "Merge into this one",
            (Lang::Es, MergeHere) => "Fusionar en este",
            (Lang::En, Merge) => "Merge",
            (Lang::Es, Merge) => "Fusionar",
            (Lang::En, Name) => "Name",
            (Lang::Es, Name) => "Nombre",
            (Lang::En, Edit) => "Edit name and company",
            (Lang::Es, Edit) => "Editar nombre y empresa",
        }
    }

    /// The merge's question: what moves, and that it cannot be undone.
    pub fn merge_question(self, from: &str, into: &str) -> String {
        match self {
            Lang::En => format!(
                "Merge {from} into {into}? Its conversations, emails and phones move here, and it leaves the list. This cannot be undone."
            ),
            Lang::Es => format!(
                "¿Fusionar {from} en {into}? Sus conversaciones, emails y teléfonos pasan aquí y desaparece de la lista. No se puede deshacer."
            ),
        }
    }
}
