//! The real pages in headless Chromium: the demo shop with the widget, and the agent app, each
//! in its own browser. Screenshots of every screen go to `target/e2e/`; axe-core checks each.

use fantoccini::Locator;
use openline_core::ErrorCode;
use openline_tests::browser::keys::{ENTER, ESCAPE, HOME, RIGHT};
use openline_tests::browser::Page;
use openline_tests::demo;
use openline_tests::pages::AppPage;
use openline_tests::scene::Stage;

// Long: the whole round trip, step by step, as a customer and an agent live it.
#[tokio::test]
async fn w2_q2_q3_q10_q12_customer_and_agent_round_trip_through_the_real_pages(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser").await?;
    let ws = &stage.ws;

    // The customer opens the chat on the demo shop and writes (W1, W2).
    let customer = stage.customer().await?;
    customer.screenshot("01-demo-page").await?;
    customer.check_accessibility("demo page").await?;
    customer.open().await?;
    customer.find_text("header .title", "Website").await?;
    customer.check_accessibility("widget, empty").await?;
    customer.send("Hola, ¿hacéis envíos a Canarias?").await?;
    customer.sees_mine("Canarias").await?;
    // W2: it reached the server; nobody has read it yet.
    customer.find_text("#messages li.sent", "Sent").await?;
    customer.outside().await?;
    customer.screenshot("02-widget-sent").await?;

    // The agent logs in and sees it in Unanswered (Q2).
    let agent = AppPage::new(stage.driver.page(1280, 800).await?, ws.url("/app/"));
    agent.load().await?;
    agent.find("#login-email").await?;
    agent.screenshot("03-agent-login").await?;
    agent.check_accessibility("agent login").await?;
    agent.fill_login(&ws.id, demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await?;
    agent.find_text("li.inbox-row", "Canarias").await?;
    agent.find_text("#tab-unanswered", "1").await?;
    agent.screenshot("04-agent-inbox").await?;
    agent.check_accessibility("agent inbox").await?;

    // Answer (Q3) and reply: the customer sees the reply live.
    agent.open_chat("Canarias").await?;
    agent.answer().await?;
    agent.sees_line("answered").await?;
    // While the agent writes, the customer sees who is typing (W2), never the draft.
    customer.inside().await?;
    agent.type_into("#composer-input", "¡Hola! Sí, enviamos en 48 horas.").await?;
    customer.find_text("#typing-indicator", "Ana García is typing").await?;
    customer.outside().await?;
    customer.screenshot("05a-widget-agent-typing").await?;
    agent.click("#composer-send").await?;
    agent.sees_agent("48 horas").await?;
    agent.find_text("#tab-mine", "1").await?;
    agent.screenshot("05-agent-dialog").await?;
    agent.check_accessibility("agent dialog").await?;

    customer.inside().await?;
    customer.sees_reply("48 horas").await?;
    customer.sees_line("joined").await?;
    // W2: the header names who answers, with the channel under their name.
    customer.find_text("header .title", "Ana García").await?;
    customer.find_text("header .tagline", "Website").await?;
    customer.find_text("header .logo", "A").await?;
    customer.check_accessibility("widget, answered").await?;

    // Finish (Q10): the customer is told; writing again opens session 2 of the same dialog (Q12).
    agent.click("#action-finish").await?;
    customer.sees_line("closed").await?;
    customer.type_into("#composer-input", "Una cosa más: ¿y a Baleares?").await?;
    agent.find_text("#typing-indicator", "is typing").await?;
    agent.screenshot("06a-agent-customer-typing").await?;
    customer.click("#composer-send").await?;
    agent.sees_line("Session 2").await?;
    agent.sees_customer("Baleares").await?;
    agent.find_text("#tab-unanswered", "1").await?;
    customer.outside().await?;
    customer.screenshot("06-widget-session-two").await?;
    agent.screenshot("07-agent-session-two").await?;

    // Reloading either page loses nothing (W3). The reload returns once the page is parsed
    // (the hidden chat the loader makes for a visitor with a conversation loads on its own).
    customer.reload_page().await?;
    customer.open().await?;
    for text in ["Canarias", "Baleares"] {
        customer.sees_mine(text).await?;
    }
    customer.sees_reply("48 horas").await?;
    agent.reload().await?;
    agent.sees_agent("48 horas").await?;
    agent.sees_customer("Baleares").await?;
    customer.outside().await?;
    customer.screenshot("08-widget-after-reload").await?;

    customer.page.close().await?;
    agent.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn q2_q3_q4_q10_two_agents_answer_transfer_and_finish_in_two_browsers() -> anyhow::Result<()>
{
    let stage = Stage::new("browser-transfer").await?;
    let ws = &stage.ws;
    let customer = ws.customer().await?;
    customer.say("Quiero cambiar la dirección de envío").await?;
    let ana = stage.agent(demo::ADMIN_EMAIL).await?;
    let luis = stage.agent(demo::COLLEAGUES[0].0).await?;

    // Ana answers from Unanswered and replies.
    ana.find_text("li.inbox-row", "dirección").await?;
    ana.screenshot("10-ana-unanswered").await?;
    ana.click_in("li.inbox-row", "dirección", "a").await?;
    ana.click("#action-answer").await?;
    ana.send("Un momento, te paso con Luis.").await?;
    ana.find_text("#messages li.msg.from-agent .msg-text", "te paso con Luis").await?;

    // Transfer to Luis through the searchable picker (Q4).
    ana.click("#action-transfer").await?;
    ana.type_into("#agent-picker-search", "luis").await?;
    ana.click_in("[role=dialog]", "Luis Romero", ".agent-option").await?;
    ana.screenshot("11-ana-transfer-picker").await?;
    ana.check_accessibility("transfer picker").await?;
    ana.click("#agent-picker-confirm").await?;
    ana.find_text("#messages li.system", "transferred the conversation to Luis Romero").await?;
    ana.screenshot("12-ana-after-transfer").await?;

    // Luis finds it in Mine. The customer writes again: Luis is told (Q1), with a toast and
    // the count in the page title, before he opens it.
    luis.find_text("#tab-mine", "1").await?;
    customer.say("¿Sigues ahí?").await?;
    luis.find_text("#toasts .toast", "Sigues").await?;
    let title = luis.client.title().await?;
    assert!(title.starts_with("(1)"), "{title}");
    luis.screenshot("13a-luis-toast").await?;
    luis.check_accessibility("agent inbox with a toast").await?;
    luis.click("#tab-mine").await?;
    luis.click_in("li.inbox-row", "Visitor", "a").await?;
    luis.find_text("#messages li.msg.from-visitor .msg-text", "dirección").await?;
    luis.find_text("#messages li.system", "transferred the conversation to Luis Romero").await?;
    luis.send("Hola, soy Luis. ¿Cuál es la nueva dirección?").await?;
    luis.screenshot("13-luis-dialog").await?;
    luis.check_accessibility("luis dialog").await?;
    luis.click("#action-finish").await?;
    luis.find_text("#messages li.system", "Closed by Luis Romero").await?;
    luis.screenshot("14-luis-finished").await?;

    // Ana sees how it ended; the customer saw both agents' replies and the close.
    ana.find_text("#messages li.system", "Closed by Luis Romero").await?;
    let seen = customer.events(None).await?;
    let texts: Vec<String> = seen
        .events
        .iter()
        .filter_map(|e| match &e.body {
            openline_core::EventBody::MessagePosted { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    ana.page.close().await?;
    luis.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn a1_q14_c1_an_admin_sets_the_automatic_reply_and_file_limits_in_the_channels_screen(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-channels").await?;
    let ws = &stage.ws;
    let admin = stage.agent_sized(demo::ADMIN_EMAIL, 1280, 900).await?;
    admin.click("#nav-channels").await?;
    admin.goto(&ws.url("/app/#/channels/web")).await?;
    admin.find("#channel-form").await?;
    admin.type_into("#channel-auto-reply", "¡Gracias! Te respondemos enseguida.").await?;
    // C1: files up to 2 MB, and no archives.
    admin.find("#channel-max-file").await?.clear().await?;
    admin.type_into("#channel-max-file", "2").await?;
    admin.click("#channel-files-archives").await?;
    // W5: a yellow that white text cannot be read on is refused; a dark green on the left is not.
    admin.find("#channel-color").await?.clear().await?;
    admin.type_into("#channel-color", "#ffd400").await?;
    admin.click("#channel-save").await?;
    admin.find_text("#channel-error", "at least 4.5:1").await?;
    admin.find("#channel-color").await?.clear().await?;
    admin.type_into("#channel-color", "#0B6E4F").await?;
    admin.find("#channel-position").await?.select_by_value("left").await?;
    admin.find("#channel-icon").await?.select_by_value("help").await?;
    // W5 texts: a line under the window's title and the message box's hint.
    admin.type_into("#channel-tagline", "Solemos responder en minutos").await?;
    admin.type_into("#channel-placeholder", "Cuéntanos qué necesitas").await?;
    admin.find_text(".look-preview .look-tagline", "Solemos responder").await?;
    admin.click("#channel-save").await?;
    admin.find_text("#channel-status", "Saved").await?;
    admin.screenshot("20-admin-channel-settings").await?;
    admin.check_accessibility("channel settings").await?;
    let show_files =
        "document.getElementById('channel-max-file').scrollIntoView({block: 'center'})";
    admin.client.execute(show_files, vec![]).await?;
    admin.screenshot("21-admin-channel-files").await?;
    let show_look = "document.getElementById('channel-icon').scrollIntoView({block: 'center'})";
    admin.client.execute(show_look, vec![]).await?;
    let snippet = admin.find("#channel-snippet").await?.prop("value").await?.unwrap_or_default();
    let attributes = r##"data-color="#0b6e4f" data-position="left" data-icon="help""##;
    assert!(snippet.contains(attributes), "{snippet}");
    admin.screenshot("22-admin-channel-look").await?;

    // The next customer to write gets it from the system, at once.
    let customer = ws.customer().await?;
    let reply = customer.say("Hola").await?;
    let automatic = reply.events.iter().any(|e| {
        e.actor == openline_core::Actor::System
            && matches!(&e.body, openline_core::EventBody::MessagePosted { text, .. } if text.starts_with("¡Gracias!"))
    });
    assert!(automatic, "{:?}", reply.events);
    let look = &customer.session.channel.look;
    assert_eq!((look.color.as_str(), look.position), ("#0b6e4f", openline_core::look::Side::Left));
    assert_eq!(look.icon, openline_core::look::LauncherIcon::Help);
    assert_eq!(look.tagline, "Solemos responder en minutos");

    // The chat window reads them, in the channel's green.
    let shopper = stage.customer().await?;
    shopper.open().await?;
    shopper.find_text("header .tagline", "Solemos responder en minutos").await?;
    let hint = shopper.find("#composer-input").await?.attr("placeholder").await?;
    assert_eq!(hint.as_deref(), Some("Cuéntanos qué necesitas"));
    shopper.screenshot_page("22b-widget-channel-texts").await?;
    shopper.check_accessibility("widget with the channel's look and texts").await?;
    shopper.page.close().await?;
    let too_big = customer.upload("foto.jpg", vec![7; 3 * 1024 * 1024]).await;
    assert_eq!(openline_tests::api::failure(too_big).0, 413);
    let zip = customer.upload("fotos.zip", b"PK".to_vec()).await;
    assert_eq!(openline_tests::api::failure(zip).1, ErrorCode::FileTypeNotAllowed);
    admin.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn c7_m7_m8_m9_a_canned_reply_then_its_edit_and_deletion_reach_the_widget_and_a_message_opens_the_canned_editor(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-composer").await?;
    let ws = &stage.ws;
    let ana = ws.admin().await?;
    let canned = openline_core::canned::CannedInput {
        code: "envio".into(),
        title: "Plazos de envío".into(),
        text: "Hola {customer_name}, enviamos en 48 h.".into(),
        folder: None,
    };
    let _: openline_core::canned::CannedResponse =
        ana.http.post("/api/agent/canned", &canned).await?;

    let customer = stage.customer().await?;
    customer.open().await?;
    customer.send("¿Cuándo llega mi pedido?").await?;
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "pedido", "a").await?;
    agent.click("#action-answer").await?;

    // `/envio` + Enter puts the filled template in the composer (C7); Enter again sends it.
    agent.type_into("#composer-input", "/envio").await?;
    agent.find_text("#canned-suggestions .canned-option", "48 h").await?;
    agent.screenshot("30-agent-canned-suggestions").await?;
    agent.check_accessibility("canned suggestions").await?;
    agent.type_into("#composer-input", "\u{E007}").await?;
    let filled = agent.find("#composer-input").await?.prop("value").await?.unwrap_or_default();
    assert!(
        filled.starts_with("Hola Visitor ") && filled.ends_with("enviamos en 48 h."),
        "{filled}"
    );
    agent.click("#composer-send").await?;
    customer.find_text("#messages li.msg.from-agent .msg-text", "48 h").await?;

    // The author edits it (M8): the customer sees the new text, marked edited.
    agent.click_in("#messages li.msg.from-agent", "48 h", ".msg-menu-button").await?;
    agent.screenshot("31-agent-message-menu").await?;
    agent.check_accessibility("message menu").await?;
    agent.click(".msg-menu .msg-action-edit").await?;
    let input = agent.find("#msg-edit-input").await?;
    input.clear().await?;
    input.send_keys("Enviamos en 24 h.").await?;
    agent.click(".msg-edit-save").await?;
    let edited = customer.find_text("#messages li.msg.from-agent", "24 h").await?;
    assert!(edited.find(Locator::Css(".msg-edited")).await.is_ok(), "marked as edited");

    // And deletes it (M9): the customer sees "Message deleted".
    agent.click_in("#messages li.msg.from-agent", "24 h", ".msg-menu-button").await?;
    agent.click(".msg-menu .msg-action-delete").await?;
    agent.click("#msg-delete-confirm").await?;
    customer.find_text("#messages li.msg.deleted", "deleted").await?;
    customer.outside().await?;
    customer.screenshot("32-widget-after-delete").await?;
    agent.screenshot("33-agent-after-delete").await?;

    // Save the customer's question as a canned response (M7): the library's editor opens as a
    // new response holding the message's text, nothing saved yet.
    let question = "¿Cuándo llega mi pedido?";
    agent
        .message_action("#messages li.msg.from-visitor", "pedido", ".msg-action-save-canned")
        .await?;
    agent.find_text("#canned-form-title", "New").await?;
    let script = "const t = document.getElementById('canned-text'); return t && t.value;";
    let holds_it = |v: &serde_json::Value| v.as_str() == Some(question);
    agent.eval_until("the editor holding the message's text", script, holds_it).await?;
    assert_eq!(agent.value("#canned-code").await?, "", "the agent picks the code");
    let library: openline_core::protocol::CannedReply = ana.http.get("/api/agent/canned").await?;
    assert_eq!(library.responses.len(), 1, "nothing is saved until the agent saves");
    agent.screenshot("34-agent-save-as-canned").await?;
    agent.check_accessibility("canned editor from a message").await?;
    customer.page.close().await?;
    agent.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn m1_a_reply_quoting_the_customer_shows_in_both_uis_and_leads_to_the_original(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-quote").await?;

    let customer = stage.customer().await?;
    customer.open().await?;
    customer.send("¿Tenéis la lámpara Arco en negro?").await?;
    customer.find_text("#messages li.msg.from-visitor .msg-text", "Arco").await?;
    customer.send("Y otra pregunta: ¿el envío es gratis?").await?;
    customer.find_text("#messages li.msg.from-visitor .msg-text", "gratis").await?;
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "gratis", "a").await?;
    agent.click("#action-answer").await?;

    // Quote from the message's menu: a chip above the composer; Escape removes it.
    agent.message_action("#messages li.msg.from-visitor", "Arco", ".msg-action-quote").await?;
    agent.find_text("#quote-chip", "Arco").await?;
    agent.type_into("#composer-input", ESCAPE).await?;
    agent.wait_gone("#quote-chip").await?;
    agent.message_action("#messages li.msg.from-visitor", "Arco", ".msg-action-quote").await?;
    agent.find_text("#quote-chip", "Replying to Visitor").await?;
    agent.type_into("#composer-input", "Sí, en negro mate y en latón.").await?;
    agent.screenshot("40-agent-quote-chip").await?;
    agent.check_accessibility("composer with a quote").await?;
    agent.click("#composer-send").await?;
    agent.wait_gone("#quote-chip").await?;

    // The reply shows the quote; activating it shows and flashes the original.
    agent.find_text("#messages li.msg.from-agent .msg-quote", "Arco").await?;
    agent.click_in("#messages li.msg.from-agent", "latón", ".msg-quote").await?;
    agent.find_text("#messages li.msg.from-visitor.flash", "Arco").await?;
    agent.screenshot("41-agent-quoted-reply").await?;
    agent.check_accessibility("a quoted reply").await?;

    // The customer sees which question was answered.
    customer.find_text("#messages li.msg.from-agent .msg-quote", "Arco").await?;
    customer.check_accessibility("widget with a quoted reply").await?;
    customer.outside().await?;
    customer.screenshot("42-widget-quoted-reply").await?;

    // M6: the second question is another topic; the agent moves it to a new session, which
    // starts just before it. The customer's chat goes on as it was.
    agent.message_action("#messages li.msg.from-visitor", "gratis", ".msg-action-move").await?;
    agent.find_text("#messages li.system", "Session 1 ends here").await?;
    agent.find_text("#messages li.session-start", "Session 2 started").await?;
    agent.screenshot("43-agent-moved-to-new-session").await?;
    agent.check_accessibility("a moved topic").await?;
    customer.enter_chat().await?;
    customer.send("Gracias").await?;
    agent.find_text("#messages li.msg.from-visitor .msg-text", "Gracias").await?;
    let lines = customer.client.find_all(Locator::Css("#messages li.system")).await?;
    assert_eq!(lines.len(), 1, "only 'joined': no close, no new session for the customer");
    customer.page.close().await?;
    agent.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn c2_c3_quick_commands_rename_copy_the_id_quote_and_mention_a_colleague(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-quick").await?;
    let ws = &stage.ws;
    let customer = ws.customer().await?;
    customer.say("Quiero devolver la lámpara Nido").await?;
    let dialog = customer.session.dialog_id.to_string();
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "Nido", "a").await?;
    agent.click("#action-answer").await?;

    // "/" offers the quick commands first; "/ren" + Enter waits for the name.
    agent.type_into("#composer-input", "/").await?;
    agent.find("#canned-suggestions [data-quick=rename]").await?;
    agent.screenshot("50-agent-quick-commands").await?;
    agent.check_accessibility("quick commands").await?;
    agent.type_into("#composer-input", "ren").await?;
    agent.type_into("#composer-input", ENTER).await?;
    let draft = agent.find("#composer-input").await?.prop("value").await?.unwrap_or_default();
    assert_eq!(draft, "/rename ");
    agent.type_into("#composer-input", "Devolución Nido").await?;
    agent.type_into("#composer-input", ENTER).await?;
    agent.find_text("#dialog-flash", "Only you see this name").await?;
    agent.find_text("#dialog-title", "Devolución Nido").await?;
    agent.find_text(".dialog-who .original-name", "Visitor").await?;
    agent.click("#tab-mine").await?;
    agent.find_text("li.inbox-row .row-name", "Devolución Nido").await?;
    agent.screenshot("51-agent-chat-renamed").await?;
    agent.check_accessibility("renamed chat").await?;

    // "/id" copies the chat's ID, which the header shows either way.
    agent.type_into("#composer-input", "/id").await?;
    agent.type_into("#composer-input", ENTER).await?;
    agent.find_text("#dialog-flash", &dialog).await?;
    agent.screenshot("52-agent-chat-id").await?;

    // The header's rename: Escape keeps the name, Enter saves the new one.
    agent.click("#dialog-rename").await?;
    agent.type_into("#chat-name-input", ESCAPE).await?;
    agent.find_text("#dialog-title", "Devolución Nido").await?;
    agent.click("#dialog-rename").await?;
    let field = agent.find("#chat-name-input").await?;
    field.clear().await?;
    agent.screenshot("53-agent-rename-field").await?;
    agent.check_accessibility("rename field").await?;
    field.send_keys(&format!("Nido, devolución{ENTER}")).await?;
    agent.find_text("#dialog-title", "Nido, devolución").await?;

    // "/quote" quotes the customer's last message.
    agent.type_into("#composer-input", "/quote").await?;
    agent.type_into("#composer-input", ENTER).await?;
    agent.find_text("#quote-chip", "devolver la lámpara").await?;
    agent.type_into("#composer-input", ESCAPE).await?;

    // C2: "@lu" offers Luis; Enter writes his name; the note shows it highlighted.
    agent.click("#composer-internal").await?;
    agent.type_into("#composer-input", "@lu").await?;
    agent.find_text("#canned-suggestions .canned-option", "Luis Romero").await?;
    agent.screenshot("54-agent-mention-suggestions").await?;
    agent.check_accessibility("mention suggestions").await?;
    agent.type_into("#composer-input", ENTER).await?;
    agent.type_into("#composer-input", "¿puedes revisar la devolución?").await?;
    agent.type_into("#composer-input", ENTER).await?;
    agent.find_text("#messages li.msg.note mark.mention", "@Luis Romero").await?;
    agent.screenshot("55-agent-mention-sent").await?;
    agent.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn c4_the_emoji_picker_searches_and_inserts_at_the_caret_in_both_uis() -> anyhow::Result<()> {
    let stage = Stage::new("browser-emoji").await?;

    // The widget: "corazón" finds the red heart; Enter puts it at the caret, and focus returns.
    let customer = stage.customer().await?;
    customer.open().await?;
    customer.type_into("#composer-input", "Gracias ").await?;
    customer.click("#emoji-button").await?;
    customer.find("#emoji-grid .emoji-option").await?;
    customer.type_into("#emoji-search", "corazón rojo").await?;
    customer.find("#emoji-grid .emoji-option[aria-label='red heart'][aria-selected=true]").await?;
    customer.check_accessibility("widget emoji picker").await?;
    customer.outside().await?;
    customer.screenshot("60-widget-emoji-picker").await?;
    customer.enter_chat().await?;
    customer.type_into("#emoji-search", ENTER).await?;
    customer.wait_gone("#emoji-picker:not([hidden])").await?;
    let text = customer.find("#composer-input").await?.prop("value").await?.unwrap_or_default();
    assert_eq!(text, "Gracias ❤️");
    customer.wait_focus("composer-input").await?;
    customer.click("#composer-send").await?;
    customer.find_text("#messages li.msg.from-visitor .msg-text", "Gracias ❤️").await?;

    // The agent app: Escape closes without a choice; arrows move; the emoji goes where the
    // caret is (here, the start).
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "Gracias", "a").await?;
    agent.click("#action-answer").await?;
    agent.type_into("#composer-input", "De nada").await?;
    agent.click("#emoji-button").await?;
    agent.find("#emoji-grid .emoji-option").await?;
    agent.type_into("#emoji-search", ESCAPE).await?;
    agent.wait_gone("#emoji-picker:not([hidden])").await?;
    agent.wait_focus("composer-input").await?;
    agent.type_into("#composer-input", HOME).await?;
    agent.click("#emoji-button").await?;
    agent.type_into("#emoji-search", "smile").await?;
    agent.find("#emoji-option-1").await?;
    agent.type_into("#emoji-search", RIGHT).await?;
    let second = agent.find("#emoji-option-1[aria-selected=true]").await?;
    let chosen = second.text().await?;
    agent.screenshot("61-agent-emoji-picker").await?;
    agent.check_accessibility("agent emoji picker").await?;
    agent.type_into("#emoji-search", ENTER).await?;
    let text = agent.find("#composer-input").await?.prop("value").await?.unwrap_or_default();
    assert_eq!(text, format!("{chosen}De nada"));
    agent.wait_focus("composer-input").await?;
    agent.click("#composer-send").await?;
    customer.find_text("#messages li.msg.from-agent .msg-text", "De nada").await?;
    customer.outside().await?;
    customer.screenshot("62-widget-emoji-sent").await?;
    customer.page.close().await?;
    agent.page.close().await?;
    Ok(())
}

/// A file of the test assets, as the browser (on this machine) picks it.
fn asset(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(name).display().to_string()
}

/// Waits until `script` returns `expected` in the page.
async fn wait_for(page: &Page, script: &str, expected: &str) -> anyhow::Result<()> {
    let what = format!("`{script}` returning {expected:?}");
    page.eval_until(&what, script, |v| v.as_str() == Some(expected)).await?;
    Ok(())
}

// Long: one file each way, step by step, seen on both sides.
#[tokio::test]
async fn c1_an_image_from_the_widget_and_a_document_from_the_agent_show_on_both_sides(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-files").await?;

    // The customer attaches a photo with the paperclip: it uploads, then goes with a text.
    let customer = stage.customer().await?;
    customer.open().await?;
    customer.find("#attach-input").await?.send_keys(&asset("lampara-rota.png")).await?;
    customer.find_text(".tray-item .tray-size", "KB").await?;
    customer.check_accessibility("widget, a file attached").await?;
    customer.screenshot_page("93-widget-file-attached").await?;
    customer.send("La lámpara llegó rota").await?;
    customer.wait_image("#messages li.msg.from-visitor .file-thumb img").await?;
    customer.wait_gone(".tray-item").await?;

    // The customer opens it large; Close goes back to the thumbnail.
    customer.click("#messages .file-thumb").await?;
    customer.find(".viewer img").await?;
    customer.check_accessibility("widget image viewer").await?;
    let focused = "return document.activeElement.className";
    wait_for(&customer, focused, "viewer-close").await?;
    customer.click(".viewer-close").await?;
    customer.wait_gone(".viewer").await?;
    wait_for(&customer, focused, "file-thumb").await?;
    // Escape closes the viewer too, and only the viewer: the chat stays open.
    customer.click("#messages .file-thumb").await?;
    wait_for(&customer, focused, "viewer-close").await?;
    customer.type_into(".viewer-close", ESCAPE).await?;
    customer.wait_gone(".viewer").await?;
    customer.outside().await?;
    let chat_expanded = "return document.querySelector('openline-chat').shadowRoot.querySelector('button').getAttribute('aria-expanded')";
    let expanded = customer.eval(chat_expanded).await?;
    assert_eq!(expanded, "true", "Escape in the viewer left the chat open");
    // A close the chat asked for would reach the page before any later word from the chat
    // (messages between frames keep their order): count the next ones.
    customer.eval("window.__later = []; Openline.on('message', () => window.__later.push(1)); return null").await?;
    customer.enter_chat().await?;

    // The agent sees the thumbnail in the chat and opens it large; Escape closes the viewer.
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "lámpara", "a").await?;
    agent.wait_image("#messages .file-thumb img").await?;
    agent.click("#messages .file-thumb").await?;
    agent.find(".image-viewer img").await?;
    agent.screenshot("94-agent-image-viewer").await?;
    agent.check_accessibility("agent image viewer").await?;
    agent.type_into(".image-viewer-close", ESCAPE).await?;
    agent.wait_gone(".image-viewer").await?;

    // The agent answers with a document from the file picker; the customer gets a card.
    agent.click("#action-answer").await?;
    agent.find("#composer-file").await?.send_keys(&asset("factura-0042.pdf")).await?;
    agent.find_text(".attachment .attachment-size", "B").await?;
    agent.screenshot("95-agent-file-attached").await?;
    agent.check_accessibility("agent composer with a file").await?;
    agent.type_into("#composer-input", "Le enviamos otra. Aquí tiene la factura.").await?;
    agent.click("#composer-send").await?;
    agent.find_text("#messages .file-card .file-card-name", "factura-0042.pdf").await?;
    agent.wait_gone(".attachment").await?;
    agent.screenshot("96-agent-files-in-chat").await?;
    customer
        .find_text("#messages li.msg.from-agent .file-card .file-name", "factura-0042.pdf")
        .await?;
    customer.outside().await?;
    customer
        .eval_until("the page told of the agent's reply", "return window.__later.length", |n| {
            n.as_u64() > Some(0)
        })
        .await?;
    let expanded = customer.eval(chat_expanded).await?;
    assert_eq!(expanded, "true", "Escape in the viewer closed the chat later");
    customer.enter_chat().await?;
    let link = customer.find("#messages li.msg.from-agent .file-card").await?.attr("href").await?;
    assert!(link.is_some_and(|l| l.starts_with("/api/files/")), "a signed link");
    customer.check_accessibility("widget with files").await?;
    customer.screenshot_page("97-widget-files-in-chat").await?;

    // A type the channel does not take is refused on the file, in the customer's words.
    customer.expect_console_error(
        "/api/widget/files?name=pagina.html - Failed to load resource: the server responded with a status of 415",
        "the upload of a type the channel refuses, on purpose",
    );
    customer.find("#attach-input").await?.send_keys(&asset("pagina.html")).await?;
    customer.find_text(".tray-item .tray-error", "not accepted").await?;
    customer.outside().await?;
    customer.screenshot("98-widget-file-refused").await?;
    customer.page.close().await?;
    agent.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w4_w2_offline_and_prechat_forms_read_marks_and_a_rating_in_both_uis() -> anyhow::Result<()>
{
    use openline_core::contact::{ContactField, FormField, RatingScale};
    let stage = Stage::new("browser-forms").await?;
    let ws = &stage.ws;
    let admin = ws.admin().await?;
    let reply: openline_core::protocol::ChannelsReply =
        admin.http.get("/api/agent/channels").await?;
    let mut web = reply.channels.into_iter().find(|c| c.id.as_str() == "web").expect("web");
    web.prechat = vec![
        FormField { field: ContactField::Name, required: false },
        FormField { field: ContactField::Email, required: true },
    ];
    web.offline_form = true;
    web.rating = RatingScale::Stars;
    let _: openline_core::channel::ChannelSettings =
        admin.http.put("/api/agent/channels/web", &web).await?;

    // Nobody is online: the offline form asks for an email and the message.
    let customer = stage.customer().await?;
    customer.open_to("#contact-form #offline-message").await?;
    customer.check_accessibility("widget offline form").await?;
    customer.click("#contact-submit").await?;
    customer.find_text("#contact-form .form-error", "required").await?;
    customer.type_into("#prechat-name", "Lucía").await?;
    customer.type_into("#prechat-email", "lucia@").await?;
    customer.type_into("#offline-message", "¿Podéis llamarme mañana por la lámpara Arco?").await?;
    customer.click("#contact-submit").await?;
    customer.find_text("#contact-form .form-error", "check the email").await?;
    customer.screenshot_page("99a-widget-offline-form").await?;
    customer.type_into("#prechat-email", "example.es").await?;
    customer.click("#contact-submit").await?;
    customer.find_text("#messages li.msg.from-visitor .msg-text", "lámpara Arco").await?;
    customer.find_text(".offline-note", "reply here in the chat").await?;
    customer.find("#composer-input").await?;
    customer.screenshot_page("99b-widget-offline-sent").await?;

    // The agent finds it waiting, named, with the email to write to; answering reads it.
    let agent = stage.agent(demo::ADMIN_EMAIL).await?;
    agent.click_in("li.inbox-row", "Lucía", "a").await?;
    agent.find_text("#contact-email", "lucia@example.es").await?;
    agent.find_text("#messages li.system", "shared their contact details").await?;
    agent.click("#action-answer").await?;
    agent.send("¡Hola Lucía! Claro, ¿a qué hora?").await?;
    customer.find_text("#messages li.msg.from-agent .msg-text", "qué hora").await?;
    customer.click("#composer-input").await?;
    agent.find_text("#messages .msg-seen.read", "Seen").await?;
    customer.send("Por la tarde, gracias").await?;
    customer.find_text("#messages li.seen", "Seen").await?;
    agent.screenshot("99c-agent-contact-and-seen").await?;
    agent.check_accessibility("agent chat with contact and seen").await?;
    customer.screenshot_page("99d-widget-seen").await?;

    // Finished: the customer rates it with stars and a comment; the agent sees it.
    agent.click("#action-finish").await?;
    customer.find("#rating #rate-star-4").await?;
    customer.click("#rate-star-4").await?;
    customer.type_into("#rate-comment", "Muy amables").await?;
    customer.check_accessibility("widget rating").await?;
    customer.screenshot_page("99e-widget-rating").await?;
    customer.click("#rate-send").await?;
    customer.find_text("#messages li.system", "You rated the conversation ★★★★☆").await?;
    customer.wait_gone("#rating").await?;
    agent.find_text("#messages li.system", "★★★★☆: “Muy amables”").await?;
    agent.screenshot("99f-agent-rating").await?;

    // With Ana online, a new customer gets the pre-chat form: the email, then the chat.
    let second = stage.customer().await?;
    second.open_to("#contact-form #prechat-email").await?;
    let message = second.client.find(Locator::Css("#offline-message")).await;
    assert!(message.is_err(), "a pre-chat form has no message");
    second.type_into("#prechat-email", "pablo@example.es").await?;
    second.click("#contact-submit").await?;
    second.find("#composer-input").await?;
    customer.page.close().await?;
    agent.page.close().await?;
    second.page.close().await?;
    Ok(())
}

#[tokio::test]
async fn w6_an_open_chat_tells_an_anonymous_visitor_to_sign_in_once_the_channel_requires_it(
) -> anyhow::Result<()> {
    let stage = Stage::new("browser-identity-now").await?;
    let customer = stage.customer().await?;
    customer.open().await?;
    customer.send("Hola, ¿tenéis la lámpara en verde?").await?;
    customer.sees_mine("lámpara").await?;

    // The admin requires a signed identity: the open chat's socket is closed, and the chat
    // says what the visitor can do, instead of reconnecting for ever.
    let why = "an anonymous visitor is refused once identity is required: how the chat learns it";
    customer.expect_console_error("/api/widget/socket", why);
    customer.expect_console_error(
        "/api/widget/session - Failed to load resource: the server responded with a status of 403",
        why,
    );
    let admin = stage.ws.admin().await?;
    crate::channel_rules::change_web(&admin, |web| web.require_identity = true).await?;
    customer.find_text("p.notice.error[role=alert]", "Sign in on the site").await?;
    customer.wait_gone("#composer-input").await?;
    customer.outside().await?;
    customer.screenshot("101-widget-identity-required-now").await?;
    Ok(())
}
