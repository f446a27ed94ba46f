//! CRM contacts on the real edge (issue 16, R1): a customer becomes a contact as soon as the
//! product knows how to reach them, one person on two devices is one contact with both
//! dialogs, a signed user is one contact wherever they write from, and agents find contacts
//! by any word of their name, email, phone or company.

use anyhow::Result;
use openline_core::auth::identity_hash;
use openline_core::contact::Contact;
use openline_core::crm::ContactEdit;
use openline_core::protocol::{
    path, ContactCard, ContactsPage, IdentitySecret, MergeRequest, VisitorIdentity, WidgetSession,
    WidgetSessionRequest,
};
use openline_core::{ChannelId, Command, ContactId, DialogId, ErrorCode};
use openline_tests::api::{failure, new_command_id, Agent, Customer};
use openline_tests::demo;
use openline_tests::scene::{Stage, Workspace};
use openline_tests::wait::{budget, wait_until};

/// The customer shares their details, as the pre-chat form does.
async fn share(customer: &Customer, name: &str, email: &str, phone: &str) -> Result<()> {
    let contact = Contact { name: name.into(), email: email.into(), phone: phone.into() };
    customer.command(new_command_id(), Command::ShareContact { contact }).await?;
    Ok(())
}

/// The contact of `dialog`, once the dialog has told the Contacts object (after the reply).
async fn contact_of(agent: &Agent, dialog: &DialogId) -> Result<ContactCard> {
    let path = format!("/api/agent/dialogs/{dialog}/contact");
    wait_until(&format!("the contact of {dialog}"), budget::API, || async {
        agent.http.get::<Option<ContactCard>>(&path).await
    })
    .await
}

#[tokio::test]
async fn r1_one_email_on_two_devices_is_one_contact_with_both_dialogs() -> Result<()> {
    let ws = Workspace::new("contacts-devices").await?;
    let ana = ws.admin().await?;
    // Numbers typed without + on this channel are Spanish.
    crate::channel_rules::change_web(&ana, |web| web.default_country = "ES".into()).await?;
    let laptop = ws.customer().await?;
    share(&laptop, "Lucía Pérez", "Lucia@Example.es ", "").await?;
    let phone = ws.customer().await?;
    share(&phone, "", "lucia@example.es", "612 34 56 78").await?;

    let first = contact_of(&ana, &laptop.session.dialog_id).await?;
    let second = contact_of(&ana, &phone.session.dialog_id).await?;
    assert_eq!(first.contact.id, second.contact.id, "one person, one contact");
    let card: ContactCard =
        ana.http.get(&format!("/api/agent/contacts/{}", first.contact.id)).await?;
    let emails: Vec<&str> = card.contact.emails.iter().map(|e| e.as_str()).collect();
    let phones: Vec<&str> = card.contact.phones.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        (card.contact.name.as_str(), emails, phones),
        ("Lucía Pérez", vec!["lucia@example.es"], vec!["+34612345678"])
    );
    let dialogs: Vec<&DialogId> = card.dialogs.iter().map(|d| &d.dialog_id).collect();
    assert_eq!(dialogs, [&laptop.session.dialog_id, &phone.session.dialog_id], "both dialogs");

    // Another customer is another contact.
    let other = ws.customer().await?;
    share(&other, "Marco", "marco@example.it", "").await?;
    assert_ne!(contact_of(&ana, &other.session.dialog_id).await?.contact.id, first.contact.id);
    Ok(())
}

#[tokio::test]
async fn r1_a_signed_user_is_one_contact_on_every_device_and_keeps_what_they_share() -> Result<()> {
    let ws = Workspace::new("contacts-signed").await?;
    let ana = ws.admin().await?;
    let web = ChannelId::parse("web").expect("a channel id");
    let secret: IdentitySecret = ana.http.get(&path::identity_secret(&web)).await?;
    let signed = |user_id: &str| VisitorIdentity {
        user_id: user_id.into(),
        hash: identity_hash(&secret.secret, user_id),
    };
    let open = |user_id: &str| {
        let request = WidgetSessionRequest {
            channel: ws.channel_key(),
            visitor_token: None,
            host: None,
            identity: Some(signed(user_id)),
        };
        let http = ws.http();
        async move {
            let session: WidgetSession = http.post("/api/widget/session", &request).await?;
            anyhow::Ok(Customer { http: http.with_token(&session.visitor_token), session })
        }
    };
    let desk = open("user-42").await?;
    desk.say("Hola, tengo una duda con mi pedido").await?;
    let card = contact_of(&ana, &desk.session.dialog_id).await?;
    assert_eq!(card.contact.user_id.as_deref(), Some("user-42"), "a contact from the first visit");
    share(&desk, "Inés Roca", "ines@example.es", "").await?;
    let named = wait_until("the shared details on the contact", budget::API, || async {
        let card = contact_of(&ana, &desk.session.dialog_id).await?;
        Ok((!card.contact.emails.is_empty()).then_some(card))
    })
    .await?;
    assert_eq!(named.contact.id, card.contact.id, "the signed user's own contact");
    assert_eq!(named.contact.name, "Inés Roca");

    // Someone else typing Inés's email is not put on her contact: it carries her user id.
    let stranger = open("user-77").await?;
    share(&stranger, "", "ines@example.es", "").await?;
    let theirs = contact_of(&ana, &stranger.session.dialog_id).await?;
    assert_ne!(theirs.contact.id, card.contact.id, "another user id is another person");
    // Nor can an agent merge them.
    let path = format!("/api/agent/contacts/{}/merge", card.contact.id);
    let merge =
        ana.http.post::<_, ContactCard>(&path, &MergeRequest { from: theirs.contact.id }).await;
    assert_eq!(failure(merge), (409, ErrorCode::MergeUserIdsDiffer));
    Ok(())
}

#[tokio::test]
async fn r1_agents_find_contacts_by_any_word_and_page_through_them() -> Result<()> {
    let ws = Workspace::new("contacts-search").await?;
    let ana = ws.admin().await?;
    let people = [
        ("José Ángel Núñez", "jose@tienda.es", "+34 699 000 111"),
        ("Ana María Ruiz", "ana.ruiz@example.com", ""),
        ("Joseph Brown", "joe@example.co.uk", "+44 7700 900123"),
    ];
    let mut dialogs = Vec::new();
    for (name, email, phone) in people {
        let customer = ws.customer().await?;
        share(&customer, name, email, phone).await?;
        dialogs.push(customer.session.dialog_id.clone());
    }
    for dialog in &dialogs {
        contact_of(&ana, dialog).await?;
    }
    let names = |page: ContactsPage| -> Vec<String> {
        let mut names: Vec<String> = page.contacts.into_iter().map(|c| c.name).collect();
        names.sort();
        names
    };
    let search = |q: &str| {
        let http = ana.http.clone();
        let path = format!("/api/agent/contacts?q={q}");
        async move { http.get::<ContactsPage>(&path).await }
    };
    assert_eq!(names(search("jos").await?), ["Joseph Brown", "José Ángel Núñez"]);
    assert_eq!(names(search("nunez").await?), ["José Ángel Núñez"], "accents folded");
    assert_eq!(names(search("ana.ru").await?), ["Ana María Ruiz"], "an email's words");
    assert_eq!(names(search("447700").await?), ["Joseph Brown"], "a phone's digits");
    assert!(search("zzz").await?.contacts.is_empty());
    let all: ContactsPage = ana.http.get("/api/agent/contacts").await?;
    assert_eq!(all.contacts.len(), 3);
    assert_eq!(all.next, None);
    let bad = ana.http.get::<ContactsPage>("/api/agent/contacts?after=x").await;
    assert_eq!(failure(bad), (400, ErrorCode::InvalidCursor));
    let missing = ana.http.get::<ContactCard>("/api/agent/contacts/c_nobody").await;
    assert_eq!(failure(missing).0, 404);
    Ok(())
}

#[tokio::test]
async fn r1_the_contact_card_beside_the_chat_shows_who_they_are_and_their_conversations(
) -> Result<()> {
    let stage = Stage::new("contacts-card").await?;
    let ws = &stage.ws;
    let earlier = ws.customer().await?;
    share(&earlier, "Lucía Pérez", "lucia@example.es", "").await?;
    earlier.say("¿Hacéis envíos a Canarias?").await?;
    let now = ws.customer().await?;
    now.say("Hola, soy Lucía otra vez").await?;

    let ana = stage.agent_sized(demo::ADMIN_EMAIL, 1440, 900).await?;
    ana.open_chat("otra vez").await?;
    ana.find_text(".contact-panel .contact-none", "No contact yet").await?;
    // She shares her email from the second device: the card finds her, with both chats.
    share(&now, "", "LUCIA@example.es", "").await?;
    ana.find_text(".contact-panel .contact-name", "Lucía Pérez").await?;
    ana.find_text(".contact-panel .contact-fields dd", "lucia@example.es").await?;
    ana.eval_until(
        "both conversations on the card",
        "return document.querySelectorAll('.contact-panel .contact-dialogs li').length;",
        |v| v.as_u64() == Some(2),
    )
    .await?;
    ana.find_text(
        ".contact-panel .contact-dialogs a[aria-current=page] + .contact-this",
        "this one",
    )
    .await?;
    ana.screenshot("102-contact-card").await?;
    ana.check_accessibility("the contact card").await?;

    // The other conversation is one click away.
    ana.click(".contact-panel .contact-dialogs a:not([aria-current])").await?;
    ana.find_text("#messages li.msg", "Canarias").await?;
    ana.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn r1_agents_search_the_contacts_screen_and_open_a_contact() -> Result<()> {
    let stage = Stage::new("contacts-screen").await?;
    let ws = &stage.ws;
    let people = [
        ("Lucía Pérez", "lucia@example.es"),
        ("Marco Rossi", "marco@example.it"),
        ("Marco R.", "m.rossi@casa.it"),
    ];
    for (name, email) in people {
        let customer = ws.customer().await?;
        share(&customer, name, email, "").await?;
        customer.say("Hola").await?;
    }
    let ana = stage.agent(demo::ADMIN_EMAIL).await?;
    ana.click("#nav-contacts").await?;
    ana.wait_focus("contacts-title").await?;
    ana.eval_until(
        "the contacts listed",
        "return document.querySelectorAll('.contact-nav a.contact-link').length;",
        |v| v.as_u64() == Some(3),
    )
    .await?;
    ana.type_into("#contacts-search", "rossi").await?;
    let listed = "return [...document.querySelectorAll('.contact-nav a.contact-link')]\
                  .map(a => a.textContent).join('|');";
    ana.eval_until("the search narrows the list", listed, |v| {
        v.as_str().is_some_and(|t| t.contains("Marco Rossi") && !t.contains("Lucía"))
    })
    .await?;
    ana.click_in(".contact-nav li", "marco@example.it", "a").await?;
    ana.find_text(".contact-page .contact-name", "Marco Rossi").await?;
    ana.find_text(".contact-page .contact-fields dd", "marco@example.it").await?;
    ana.screenshot("103-contacts-screen").await?;
    ana.check_accessibility("the contacts screen").await?;

    // The other Marco is him too: found, merged into this one, asked first.
    ana.type_into("#merge-search", "casa").await?;
    ana.click_in(".merge-results li", "m.rossi@casa.it", "button").await?;
    ana.find_text("#merge-question", "cannot be undone").await?;
    ana.screenshot("104-contacts-merge-confirm").await?;
    ana.check_accessibility("the merge's question").await?;
    ana.click("#merge-confirm").await?;
    ana.find_text(".contact-page .contact-fields dd", "m.rossi@casa.it").await?;
    ana.eval_until("the merged contact leaves the list", listed, |v| {
        v.as_str().is_some_and(|t| t.contains("Marco Rossi") && !t.contains("m.rossi@casa.it"))
    })
    .await?;
    // An agent corrects the name and adds the company.
    ana.click("#contact-edit").await?;
    ana.wait_focus("contact-edit-name").await?;
    ana.retype("#contact-edit-name", "Marco Rossi Bianchi").await?;
    ana.type_into("#contact-edit-company", "Lumen SL").await?;
    ana.click("#contact-edit-save").await?;
    ana.find_text(".contact-page .contact-name", "Marco Rossi Bianchi").await?;
    ana.find_text(".contact-page .contact-fields dd", "Lumen SL").await?;
    ana.wait_focus("contact-edit").await?;

    // Its conversations (both, now) open from there.
    ana.eval_until(
        "both conversations on the merged contact",
        "return document.querySelectorAll('.contact-page .contact-dialogs a').length;",
        |v| v.as_u64() == Some(2),
    )
    .await?;
    ana.click(".contact-page .contact-dialogs a").await?;
    ana.find_text("#messages li.msg", "Hola").await?;
    ana.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn r1_the_contacts_list_pages_to_its_end() -> Result<()> {
    let ws = Workspace::new("contacts-paging").await?;
    let ana = ws.admin().await?;
    for n in 0..55 {
        // Each from a network of its own: one network opening 55 chats at once is slowed down.
        let customer = ws.customer_from(n).await?;
        share(&customer, &format!("Cliente {n}"), &format!("cliente{n}@example.es"), "").await?;
        contact_of(&ana, &customer.session.dialog_id).await?;
    }
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let path = match &after {
            Some(after) => format!("/api/agent/contacts?after={after}"),
            None => "/api/agent/contacts".to_owned(),
        };
        let page: ContactsPage = ana.http.get(&path).await?;
        seen.extend(page.contacts.into_iter().map(|c| c.id));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let distinct: std::collections::HashSet<_> = seen.iter().collect();
    assert_eq!((seen.len(), distinct.len()), (55, 55), "every contact once");
    Ok(())
}

#[tokio::test]
async fn r1_an_agent_merges_two_contacts_and_the_merged_one_points_to_the_survivor() -> Result<()> {
    let ws = Workspace::new("contacts-merge").await?;
    let ana = ws.admin().await?;
    let work = ws.customer().await?;
    share(&work, "Lucía Pérez", "lucia@empresa.es", "").await?;
    let home = ws.customer().await?;
    share(&home, "Lu", "lucia@casa.es", "+34 612 34 56 78").await?;
    let survivor = contact_of(&ana, &work.session.dialog_id).await?.contact.id;
    let duplicate = contact_of(&ana, &home.session.dialog_id).await?.contact.id;
    assert_ne!(survivor, duplicate);

    let merge = |into: &ContactId, from: &ContactId| {
        let (http, path) = (ana.http.clone(), format!("/api/agent/contacts/{into}/merge"));
        let body = MergeRequest { from: from.clone() };
        async move { http.post::<_, ContactCard>(&path, &body).await }
    };
    let merged = merge(&survivor, &duplicate).await?;
    let emails: Vec<&str> = merged.contact.emails.iter().map(|e| e.as_str()).collect();
    assert_eq!(merged.contact.name, "Lucía Pérez", "the survivor keeps its name");
    assert_eq!(emails, ["lucia@empresa.es", "lucia@casa.es"], "the other's email as a second one");
    assert_eq!(merged.contact.phones.len(), 1);
    assert_eq!(merged.dialogs.len(), 2, "every conversation of both");

    // The merged id answers 410, pointing to the survivor; lists and searches show one.
    let gone = ana.http.download(&format!("/api/agent/contacts/{duplicate}")).await?;
    assert_eq!(
        (gone.status, gone.location.as_str()),
        (410, format!("/api/agent/contacts/{survivor}").as_str())
    );
    assert!(String::from_utf8_lossy(&gone.bytes).contains("contact_merged"));
    let all: ContactsPage = ana.http.get("/api/agent/contacts").await?;
    assert_eq!(all.contacts.iter().map(|c| &c.id).collect::<Vec<_>>(), [&survivor]);
    let found: ContactsPage = ana.http.get("/api/agent/contacts?q=casa").await?;
    assert_eq!(found.contacts.iter().map(|c| &c.id).collect::<Vec<_>>(), [&survivor]);
    let of_home = contact_of(&ana, &home.session.dialog_id).await?;
    assert_eq!(of_home.contact.id, survivor, "the moved conversation's contact");

    // Refused, with reasons: again, into itself, unknown.
    assert_eq!(failure(merge(&survivor, &duplicate).await), (409, ErrorCode::ContactMerged));
    assert_eq!(failure(merge(&survivor, &survivor).await), (409, ErrorCode::MergeSameContact));
    let nobody = ContactId::parse("ct_nobody").expect("an id");
    assert_eq!(failure(merge(&survivor, &nobody).await).0, 404);
    // What the customer shares later still lands on the survivor.
    share(&home, "", "lucia@casa.es", "").await?;
    let again = contact_of(&ana, &home.session.dialog_id).await?;
    assert_eq!(again.contact.id, survivor);
    Ok(())
}

#[tokio::test]
async fn r1_an_agent_edits_a_contacts_name_and_company_and_finds_them_by_it() -> Result<()> {
    let ws = Workspace::new("contacts-edit").await?;
    let ana = ws.admin().await?;
    let customer = ws.customer().await?;
    share(&customer, "lu", "lucia@example.es", "").await?;
    let id = contact_of(&ana, &customer.session.dialog_id).await?.contact.id;
    let path = format!("/api/agent/contacts/{id}");
    let edit =
        |name: &str, company: &str| ContactEdit { name: name.into(), company: company.into() };
    let card: ContactCard = ana.http.put(&path, &edit(" Lucía Pérez ", "Lumen SL")).await?;
    assert_eq!(
        (card.contact.name.as_str(), card.contact.company.as_str()),
        ("Lucía Pérez", "Lumen SL")
    );
    let found: ContactsPage = ana.http.get("/api/agent/contacts?q=lumen").await?;
    assert_eq!(found.contacts.iter().map(|c| &c.id).collect::<Vec<_>>(), [&id], "found by company");
    let long = ana.http.put::<_, ContactCard>(&path, &edit(&"x".repeat(81), "")).await;
    assert_eq!(failure(long), (400, ErrorCode::ContactInvalid));
    let unknown =
        ana.http.put::<_, ContactCard>("/api/agent/contacts/ct_nobody", &edit("A", "")).await;
    assert_eq!(failure(unknown).0, 404);
    // What the customer later says of themselves does not undo an agent's edit.
    share(&customer, "Lu", "lucia@example.es", "").await?;
    let again: ContactCard = ana.http.get(&path).await?;
    assert_eq!(again.contact.name, "Lucía Pérez");
    Ok(())
}
