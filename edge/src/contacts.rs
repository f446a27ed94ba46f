//! The Contacts Durable Object (issue 16, R1): one per workspace, named `<workspace>/contacts`,
//! it keeps the workspace's CRM contacts, the keys they are matched by (email, phone, the
//! site's user id) and which dialogs belong to each, with a full-text index for the search.
//!
//! Its own object, not the Workspace's: the Workspace object is on every message's path (the
//! inbox, routing), while contacts change only when a customer says who they are, and grow to
//! a million rows whose search must not slow the inbox. One object per workspace holds a million
//! contacts well inside its 10 GB, and its ~1,000 requests a second are above what a team's
//! searches and customers' forms ask (ARCHITECTURE.md has the figures). Every rule (what a key
//! is, which contact a person is) is `core::crm`'s; this file stores and looks up.

use crate::auth::now_ms;
use crate::error::{ApiError, ApiResult};
use crate::http::json;
use crate::internal::{self, ContactsRequest, Sighting};
use crate::sql::{migrate, META_TABLE};
use openline_core::crm::{
    self, match_in_dialog, ContactLinks, ContactMatch, Country, CrmContact, Identity, MergeRefusal,
};
use openline_core::protocol::{
    ContactCard, ContactDialog, ContactsPage, ErrorBody, ErrorDetail, Noted,
};
use openline_core::ErrorCode;
use openline_core::{ContactId, DialogId};
use serde::Deserialize;
use worker::{
    console_error, durable_object, DurableObject, Env, Request, Response, Result, SqlStorage, State,
};

/// Contacts per page of the list and of a search.
const PAGE_ROWS: usize = 50;

const MIGRATIONS: &[&[&str]] = &[&[
    META_TABLE,
    // The contact as `core::crm::CrmContact` JSON; its user id in a column of its own, unique,
    // for matching; when it was last seen, for the list's order.
    "CREATE TABLE contacts (id TEXT PRIMARY KEY, body TEXT NOT NULL, user_id TEXT UNIQUE, seen_at INTEGER NOT NULL)",
    "CREATE INDEX contacts_by_seen ON contacts (seen_at, id)",
    // Each email and phone belongs to one contact.
    "CREATE TABLE contact_keys (kind TEXT NOT NULL, value TEXT NOT NULL, contact_id TEXT NOT NULL, PRIMARY KEY (kind, value))",
    // Each dialog belongs to one contact.
    "CREATE TABLE contact_dialogs (dialog_id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, channel_id TEXT NOT NULL, first_at INTEGER NOT NULL)",
    "CREATE INDEX contact_dialogs_by_contact ON contact_dialogs (contact_id, first_at)",
    // Names, emails, phones and companies by word prefix, accents folded.
    "CREATE VIRTUAL TABLE contacts_search USING fts5(contact_id UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 2')",
    // Which site user each signed visitor is: a form they fill later carries no signature, yet
    // it is that user's.
    "CREATE TABLE signed_visitors (visitor_id TEXT PRIMARY KEY, user_id TEXT NOT NULL)",
], &[
    // Merged contacts (tombstones) are kept, pointing to their survivor, out of the list.
    "ALTER TABLE contacts ADD COLUMN merged_into TEXT",
]];

#[durable_object]
pub struct Contacts {
    sql: SqlStorage,
}

impl DurableObject for Contacts {
    fn new(state: State, _env: Env) -> Self {
        let sql = state.storage().sql();
        if let Err(e) = migrate(&sql, MIGRATIONS) {
            console_error!("contacts migration failed: {e}");
        }
        Contacts { sql }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        ApiError::respond(self.route(req).await)
    }
}

#[derive(Deserialize)]
struct IdRow {
    contact_id: String,
}

#[derive(Deserialize)]
struct BodyRow {
    body: String,
}

impl Contacts {
    async fn route(&self, mut req: Request) -> ApiResult<Response> {
        match internal::receive(&mut req).await? {
            ContactsRequest::Note(sighting) => json(&self.note(sighting)?),
            ContactsRequest::OfDialog { dialog } => {
                let card = self.contact_of_dialog(&dialog)?.map(|id| self.card(&id)).transpose()?;
                json(&card)
            }
            ContactsRequest::Get { id } => {
                let id = ContactId::parse(&id).ok_or(ApiError::NotFound("contact"))?;
                match self.contact(&id)?.and_then(|c| c.merged_into) {
                    Some(survivor) => merged_reply(&id, &survivor),
                    None => json(&self.card(&id)?),
                }
            }
            ContactsRequest::Edit { id, edit } => {
                let id = ContactId::parse(&id).ok_or(ApiError::NotFound("contact"))?;
                let contact = self.contact(&id)?.ok_or(ApiError::NotFound("contact"))?;
                match contact.edited(&edit) {
                    Ok(edited) => {
                        self.save(&edited, now_ms())?;
                        json(&self.card(&id)?)
                    }
                    Err(message) => error_reply(400, ErrorCode::ContactInvalid, message),
                }
            }
            ContactsRequest::Merge { into, from } => {
                let parse = |id: &str| ContactId::parse(id).ok_or(ApiError::NotFound("contact"));
                match self.merge(&parse(&into)?, &parse(&from)?)? {
                    Ok(card) => json(&card),
                    Err(refused) => error_reply(409, refused.code(), refused.message()),
                }
            }
            ContactsRequest::Search { query, after } => json(&self.search(&query, after)?),
        }
    }

    /// Finds the contact this sighting is (`core::crm::match_in_dialog`) or makes one, adds
    /// what it did not know yet, and links the dialog. Nothing to know them by: no contact.
    fn note(&self, sighting: Sighting) -> ApiResult<Noted> {
        let country = Country::parse(&sighting.default_country);
        let user_id = self.signed_user(&sighting)?;
        let person = Identity::from_contact(&sighting.contact, user_id.as_deref(), country);
        let candidates = self.candidates(&person)?;
        let linked = self
            .contact_of_dialog(&sighting.dialog)?
            .map(|id| self.contact(&id))
            .transpose()?
            .flatten();
        let now = now_ms();
        let mut contact = match match_in_dialog(&person, &candidates, linked.as_ref()) {
            None => return Ok(Noted { contact: None }),
            Some(ContactMatch::Existing { id, add }) => {
                let mut known = candidates
                    .into_iter()
                    .chain(linked)
                    .find(|c| c.id == id)
                    .ok_or(ApiError::NotFound("contact"))?;
                add.apply_to(&mut known);
                known
            }
            Some(ContactMatch::New(add)) => {
                let mut new = CrmContact::new(self.new_id()?, now);
                add.apply_to(&mut new);
                new
            }
        };
        contact.learn_name(&sighting.contact.name);
        self.save(&contact, now)?;
        self.sql.exec(
            "INSERT INTO contact_dialogs (dialog_id, contact_id, channel_id, first_at) \
             VALUES (?, ?, ?, ?) ON CONFLICT(dialog_id) DO UPDATE SET contact_id = excluded.contact_id",
            vec![
                sighting.dialog.as_str().into(),
                contact.id.as_str().into(),
                sighting.channel.as_str().into(),
                (now as f64).into(),
            ],
        )?;
        Ok(Noted { contact: Some(contact.id) })
    }

    /// The site user the visitor signed in as: given with a signed session, remembered for
    /// what the same visitor says later without one.
    fn signed_user(&self, sighting: &Sighting) -> ApiResult<Option<String>> {
        if let Some(user_id) = &sighting.user_id {
            self.sql.exec(
                "INSERT INTO signed_visitors (visitor_id, user_id) VALUES (?, ?) \
                 ON CONFLICT(visitor_id) DO UPDATE SET user_id = excluded.user_id",
                vec![sighting.visitor.as_str().into(), user_id.as_str().into()],
            )?;
            return Ok(Some(user_id.clone()));
        }
        #[derive(Deserialize)]
        struct Row {
            user_id: String,
        }
        let rows: Vec<Row> = self
            .sql
            .exec(
                "SELECT user_id FROM signed_visitors WHERE visitor_id = ?",
                vec![sighting.visitor.as_str().into()],
            )?
            .to_array()?;
        Ok(rows.into_iter().next().map(|r| r.user_id))
    }

    /// The contacts sharing a key with the person: their user id, any email, any phone.
    fn candidates(&self, person: &Identity) -> ApiResult<Vec<CrmContact>> {
        let mut ids: Vec<String> = Vec::new();
        if let Some(user_id) = &person.user_id {
            let rows: Vec<IdRow> = self
                .sql
                .exec(
                    "SELECT id AS contact_id FROM contacts WHERE user_id = ?",
                    vec![user_id.as_str().into()],
                )?
                .to_array()?;
            ids.extend(rows.into_iter().map(|r| r.contact_id));
        }
        let emails = person.emails.iter().map(|e| ("email", e.as_str()));
        for (kind, value) in emails.chain(person.phones.iter().map(|p| ("phone", p.as_str()))) {
            let rows: Vec<IdRow> = self
                .sql
                .exec(
                    "SELECT contact_id FROM contact_keys WHERE kind = ? AND value = ?",
                    vec![kind.into(), value.into()],
                )?
                .to_array()?;
            ids.extend(rows.into_iter().map(|r| r.contact_id));
        }
        ids.sort();
        ids.dedup();
        let contacts = ids.iter().filter_map(|id| ContactId::parse(id));
        let found: ApiResult<Vec<Option<CrmContact>>> =
            contacts.map(|id| self.contact(&id)).collect();
        Ok(found?.into_iter().flatten().collect())
    }

    /// `from` merged into `into` by hand (`core::crm::merge`): the survivor keeps both's
    /// details, `from`'s dialogs and keys move to it, and `from` stays as a tombstone.
    fn merge(
        &self,
        into: &ContactId,
        from: &ContactId,
    ) -> ApiResult<Result<ContactCard, MergeRefusal>> {
        let survivor = self.contact(into)?.ok_or(ApiError::NotFound("contact"))?;
        let merged = self.contact(from)?.ok_or(ApiError::NotFound("contact"))?;
        let links = ContactLinks { dialogs: self.dialogs_of(from)?, ..ContactLinks::default() };
        let plan = match crm::merge(&survivor, &merged, &links) {
            Ok(plan) => plan,
            Err(refused) => return Ok(Err(refused)),
        };
        let now = now_ms();
        // The tombstone first: the user id it gives up is unique.
        self.save(&plan.tombstone, now)?;
        self.save(&plan.survivor, now)?;
        for table in ["contact_dialogs", "contact_keys"] {
            self.sql.exec(
                &format!("UPDATE {table} SET contact_id = ? WHERE contact_id = ?"),
                vec![into.as_str().into(), from.as_str().into()],
            )?;
        }
        Ok(Ok(self.card(into)?))
    }

    /// Writes the contact, its keys and its search words (a tombstone: none of them).
    fn save(&self, contact: &CrmContact, now: i64) -> ApiResult<()> {
        self.sql.exec(
            "INSERT INTO contacts (id, body, user_id, seen_at, merged_into) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT(id) DO UPDATE SET body = excluded.body, user_id = excluded.user_id, \
             seen_at = excluded.seen_at, merged_into = excluded.merged_into",
            vec![
                contact.id.as_str().into(),
                serde_json::to_string(contact)?.into(),
                contact.user_id.clone().into(),
                (now as f64).into(),
                contact.merged_into.as_ref().map(|id| id.as_str().to_owned()).into(),
            ],
        )?;
        let keys = contact.emails.iter().map(|e| ("email", e.as_str()));
        for (kind, value) in keys.chain(contact.phones.iter().map(|p| ("phone", p.as_str()))) {
            self.sql.exec(
                "INSERT INTO contact_keys (kind, value, contact_id) VALUES (?, ?, ?) \
                 ON CONFLICT(kind, value) DO NOTHING",
                vec![kind.into(), value.into(), contact.id.as_str().into()],
            )?;
        }
        self.sql.exec(
            "DELETE FROM contacts_search WHERE contact_id = ?",
            vec![contact.id.as_str().into()],
        )?;
        if !contact.is_merged() {
            self.sql.exec(
                "INSERT INTO contacts_search (contact_id, words) VALUES (?, ?)",
                vec![contact.id.as_str().into(), crm::search_words(contact).into()],
            )?;
        }
        Ok(())
    }

    fn dialogs_of(&self, id: &ContactId) -> ApiResult<Vec<DialogId>> {
        #[derive(Deserialize)]
        struct Row {
            dialog_id: String,
        }
        let rows: Vec<Row> = self
            .sql
            .exec(
                "SELECT dialog_id FROM contact_dialogs WHERE contact_id = ?",
                vec![id.as_str().into()],
            )?
            .to_array()?;
        Ok(rows.iter().filter_map(|r| DialogId::parse(&r.dialog_id)).collect())
    }

    fn contact(&self, id: &ContactId) -> ApiResult<Option<CrmContact>> {
        let rows: Vec<BodyRow> = self
            .sql
            .exec("SELECT body FROM contacts WHERE id = ?", vec![id.as_str().into()])?
            .to_array()?;
        rows.first().map(|r| serde_json::from_str(&r.body)).transpose().map_err(Into::into)
    }

    fn contact_of_dialog(&self, dialog: &DialogId) -> ApiResult<Option<ContactId>> {
        let rows: Vec<IdRow> = self
            .sql
            .exec(
                "SELECT contact_id FROM contact_dialogs WHERE dialog_id = ?",
                vec![dialog.as_str().into()],
            )?
            .to_array()?;
        Ok(rows.first().and_then(|r| ContactId::parse(&r.contact_id)))
    }

    /// The contact with every dialog of theirs, oldest first.
    fn card(&self, id: &ContactId) -> ApiResult<ContactCard> {
        #[derive(Deserialize)]
        struct DialogRow {
            dialog_id: String,
            channel_id: String,
            first_at: i64,
        }
        let contact = self.contact(id)?.ok_or(ApiError::NotFound("contact"))?;
        let rows: Vec<DialogRow> = self
            .sql
            .exec(
                "SELECT dialog_id, channel_id, first_at FROM contact_dialogs WHERE contact_id = ? \
                 ORDER BY first_at",
                vec![id.as_str().into()],
            )?
            .to_array()?;
        let dialogs = rows
            .into_iter()
            .filter_map(|r| {
                Some(ContactDialog {
                    dialog_id: DialogId::parse(&r.dialog_id)?,
                    channel_id: openline_core::ChannelId::parse(&r.channel_id)?,
                    first_at: r.first_at,
                })
            })
            .collect();
        Ok(ContactCard { contact, dialogs })
    }

    /// A page of contacts: all, most recently seen first, or those matching every word of
    /// `query` by prefix, best match first. `after` is the previous page's `next`.
    fn search(&self, query: &str, after: Option<String>) -> ApiResult<ContactsPage> {
        let offset: usize = after.as_deref().and_then(|a| a.parse().ok()).unwrap_or(0);
        let limit = (PAGE_ROWS + 1) as i64;
        let rows: Vec<BodyRow> = match crm::search_expression(query) {
            None => self
                .sql
                .exec(
                    "SELECT body FROM contacts WHERE merged_into IS NULL \
                     ORDER BY seen_at DESC, id DESC LIMIT ? OFFSET ?",
                    vec![limit.into(), (offset as i64).into()],
                )?
                .to_array()?,
            Some(expression) => self
                .sql
                .exec(
                    "SELECT c.body FROM contacts_search s JOIN contacts c ON c.id = s.contact_id \
                     WHERE contacts_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                    vec![expression.into(), limit.into(), (offset as i64).into()],
                )?
                .to_array()?,
        };
        let more = rows.len() > PAGE_ROWS;
        let contacts = rows
            .iter()
            .take(PAGE_ROWS)
            .map(|r| serde_json::from_str(&r.body))
            .collect::<std::result::Result<Vec<CrmContact>, _>>()?;
        let next = more.then(|| (offset + PAGE_ROWS).to_string());
        Ok(ContactsPage { contacts, next })
    }

    fn new_id(&self) -> ApiResult<ContactId> {
        // Not `c_`: canned responses have it.
        let id = crate::auth::random_id("ct_")?;
        ContactId::parse(&id).ok_or(ApiError::Misconfigured("a contact id that does not parse"))
    }
}

/// A merged contact's id answers 410 Gone, naming the contact that holds all it had, in the
/// message and in `Location`, so a client or an integration can follow it.
fn merged_reply(id: &ContactId, survivor: &ContactId) -> ApiResult<Response> {
    let message = format!("Contact {id} was merged into {survivor}.");
    let response = error_reply(410, ErrorCode::ContactMerged, message)?;
    let headers = response.headers().clone();
    headers.set("location", &format!("/api/agent/contacts/{survivor}"))?;
    Ok(response.with_headers(headers))
}

/// An error reply whose message names what this object knows (ids): `{ "error": … }`.
fn error_reply(status: u16, code: ErrorCode, message: String) -> ApiResult<Response> {
    let body = ErrorBody { error: ErrorDetail { code, message } };
    Ok(Response::from_json(&body)?.with_status(status))
}
