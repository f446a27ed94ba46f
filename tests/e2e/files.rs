//! Files in chats on the real edge (C1) with R2 as wrangler runs it locally: uploads by the
//! customer and by agents, downloads by signed link for exactly the people who may read the
//! dialog, the channel's limits as clear errors, and removal with their message (M9) or, for
//! an upload no message carries, after its time.

use openline_core::channel::ChannelSettings;
use openline_core::files::{FileCategory, FileRef};
use openline_core::protocol::path;
use openline_core::protocol::{ChannelsReply, EventsFrame};
use openline_core::ErrorCode;
use openline_core::{Command, Event, EventBody};
use openline_tests::api::{attach, failure, new_command_id, Customer, Http};
use openline_tests::demo;
use openline_tests::edge::Edge;
use openline_tests::scene::Workspace;
use openline_tests::wait::{budget, wait_until};

/// A tiny valid PNG (1×1, red).
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The files of the messages among `events`, as their reader got them.
fn files_in(events: &[Event]) -> Vec<FileRef> {
    events
        .iter()
        .flat_map(|e| match &e.body {
            EventBody::MessagePosted { files, .. } => files.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn url(file: &FileRef) -> &str {
    file.url.as_deref().unwrap_or("(no link)")
}

// Long: one file's whole life and every party who may or may not reach it.
#[tokio::test]
async fn c1_a_file_reaches_the_dialogs_customer_and_agents_and_nobody_else() -> anyhow::Result<()> {
    let ws = Workspace::new("files").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    let dialog = customer.session.dialog_id.clone();

    // The customer sends a photo with no text: an upload, then a message naming it.
    let photo = customer.upload("C:\\fotos\\rota.PNG", PNG.to_vec()).await?;
    assert_eq!((photo.name.as_str(), photo.size), ("rota.PNG", PNG.len() as u64));
    assert_eq!(photo.content_type, "image/png");
    let sent = customer.command(new_command_id(), attach(&[&photo], "")).await?;
    let sent_files = files_in(&sent.events);
    assert_eq!(sent_files.len(), 1);

    // Their link serves the image inline, as stored and unable to run anything.
    let anyone = ws.http();
    let got = anyone.download(url(&sent_files[0])).await?;
    assert_eq!((got.status, got.content_type.as_str()), (200, "image/png"));
    assert_eq!(got.bytes, PNG);
    assert!(got.nosniff && got.disposition.starts_with("inline;"), "{got:?}");

    // The agent sees it in the history with a link of their own, and replies with a document.
    let history = luis.events(&dialog, None).await?;
    assert_eq!(files_in(&history.events).iter().map(|f| &f.id).collect::<Vec<_>>(), [&photo.id]);
    let mut customer_socket =
        customer.socket(Some(sent.events.last().map_or(0, |e| e.seq))).await?;
    let _: EventsFrame = customer_socket.next().await?;
    let invoice = luis.upload(&dialog, "Factura 0042.pdf", b"%PDF-1.4 factura".to_vec()).await?;
    luis.command(&dialog, attach(&[&invoice], "Aquí tiene la factura.")).await?;
    let live = customer_socket
        .events_until(
            |e| matches!(&e.body, EventBody::MessagePosted { files, .. } if !files.is_empty()),
        )
        .await?;
    let delivered = files_in(&live);
    assert_eq!(delivered[0].name, "Factura 0042.pdf");
    let pdf = anyone.download(url(&delivered[0])).await?;
    assert_eq!((pdf.status, pdf.content_type.as_str()), (200, "application/pdf"));
    assert!(pdf.disposition.starts_with("attachment;"), "documents download: {pdf:?}");

    // A hidden note's file never reaches the customer, by socket or history.
    let internal = luis.upload(&dialog, "margen.xlsx", b"PK internal".to_vec()).await?;
    let note = Command::Post {
        text: "Margen del pedido".into(),
        internal: true,
        quote: None,
        mentions: Vec::new(),
        files: vec![internal.id.clone()],
    };
    luis.command(&dialog, note).await?;
    luis.command(&dialog, openline_tests::api::post("Un momento.")).await?;
    let later = customer_socket
        .events_until(
            |e| matches!(&e.body, EventBody::MessagePosted { text, .. } if text == "Un momento."),
        )
        .await?;
    assert!(files_in(&later).is_empty(), "a note's file on the customer's socket: {later:?}");
    let history = customer.events(None).await?;
    let seen: Vec<String> = files_in(&history.events).into_iter().map(|f| f.name).collect();
    assert_eq!(seen, ["rota.PNG", "Factura 0042.pdf"]);

    // Another customer cannot attach this customer's upload, nor read their dialog.
    let stranger = ws.customer().await?;
    let stolen = stranger.command(new_command_id(), attach(&[&photo], "mine")).await;
    assert_eq!(failure(stolen), (404, ErrorCode::UnknownFile));
    let theirs = stranger.events(None).await?;
    assert!(files_in(&theirs.events).is_empty());
    // Nor can an agent attach the customer's upload as their own, or send one twice.
    let reused = luis.command(&dialog, attach(&[&photo], "")).await;
    assert_eq!(failure(reused), (404, ErrorCode::UnknownFile));
    let twice = customer.command(new_command_id(), attach(&[&photo], "otra vez")).await;
    assert_eq!(failure(twice), (409, ErrorCode::FileAlreadySent));

    // A link is the permission and only for its file: altered, it is nothing; it is no token.
    let link = url(&sent_files[0]).to_owned();
    let mut forged = link.clone();
    let last = forged.pop().unwrap_or('A');
    forged.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(anyone.download(&forged).await?.status, 404);
    let token = link.trim_start_matches("/api/files/");
    let as_visitor = anyone.with_token(token).get::<EventsFrame>("/api/widget/events").await;
    assert_eq!(failure(as_visitor).0, 401);
    let visitor_token = customer.session.visitor_token.clone();
    assert_eq!(anyone.download(&path::file(&visitor_token)).await?.status, 404);
    let _ = customer_socket.close().await;
    Ok(())
}

#[tokio::test]
async fn c1_the_channels_limits_refuse_files_with_clear_errors() -> anyhow::Result<()> {
    let ws = Workspace::new("file-limits").await?;
    let (ana, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("Hola, os mando unas fotos").await?;
    let dialog = customer.session.dialog_id.clone();

    assert_eq!(
        failure(customer.upload("setup.exe", b"MZ".to_vec()).await),
        (415, ErrorCode::FileTypeNotAllowed)
    );
    assert_eq!(
        failure(customer.upload("pagina.html", b"<script>".to_vec()).await),
        (415, ErrorCode::FileTypeNotAllowed)
    );
    assert_eq!(
        failure(customer.upload("vacia.png", Vec::new()).await),
        (400, ErrorCode::EmptyFile)
    );
    assert_eq!(
        failure(customer.upload("sin-extension", b"x".to_vec()).await).1,
        ErrorCode::InvalidFileName
    );
    let huge = vec![0u8; 26 * 1024 * 1024];
    assert_eq!(failure(customer.upload("huge.zip", huge).await), (413, ErrorCode::FileTooLarge));

    // The admin allows only images up to 1 KB on this channel; it applies at once, to both sides.
    let channels: ChannelsReply = ana.http.get("/api/agent/channels").await?;
    let mut web = channels.channels.into_iter().find(|c| c.id.as_str() == "web").expect("web");
    web.files.max_bytes = 1024;
    web.files.categories = vec![FileCategory::Images];
    let _: ChannelSettings = ana.http.put("/api/agent/channels/web", &web).await?;
    let big = customer.upload("foto.jpg", vec![1u8; 2048]).await;
    assert_eq!(failure(big), (413, ErrorCode::FileTooLarge));
    assert_eq!(
        failure(luis.upload(&dialog, "contrato.pdf", b"%PDF".to_vec()).await),
        (415, ErrorCode::FileTypeNotAllowed)
    );
    assert!(customer.upload("foto.jpg", vec![1u8; 1024]).await.is_ok());
    // An admin cannot allow more than the platform's limit.
    web.files.max_bytes = u64::MAX;
    let too_generous = ana.http.put::<_, ChannelSettings>("/api/agent/channels/web", &web).await;
    assert_eq!(failure(too_generous).0, 400);
    Ok(())
}

#[tokio::test]
async fn c1_m9_deleting_a_message_removes_its_files() -> anyhow::Result<()> {
    let ws = Workspace::new("file-delete").await?;
    let (_, luis, _) = ws.agents().await?;
    let customer = ws.customer().await?;
    customer.say("¿Me mandáis el catálogo?").await?;
    let dialog = customer.session.dialog_id.clone();
    let catalog = luis.upload(&dialog, "catalogo.pdf", b"%PDF catalogo".to_vec()).await?;
    let sent = luis.command(&dialog, attach(&[&catalog], "")).await?;
    let message = sent.events.last().map_or(0, |e| e.seq);
    let link = files_in(&sent.events).first().and_then(|f| f.url.clone()).unwrap_or_default();
    let anyone = ws.http();
    assert_eq!(anyone.download(&link).await?.status, 200);

    luis.command(&dialog, Command::DeleteMessage { seq: message }).await?;
    assert_eq!(anyone.download(&link).await?.status, 404, "the file went with its message");
    let history = customer.events(None).await?;
    assert!(history
        .events
        .iter()
        .any(|e| matches!(e.body, EventBody::MessageDeleted { seq, .. } if seq == message)));
    Ok(())
}

#[tokio::test]
async fn c1_an_upload_no_message_carries_is_removed_after_its_time() -> anyhow::Result<()> {
    // Kept for two seconds here instead of a day: its own edge, as the variable is the
    // runtime's (on the shared edge a file attached more than two seconds after its upload
    // would be gone).
    let edge =
        Edge::start_fresh_with("files-unattached", &[("OPENLINE_UNATTACHED_FILE_SECS", "2")])
            .await?;
    edge.seed(&demo::seed()).await?;
    let customer = Customer::open(&edge, demo::CHANNEL_KEY).await?;
    let anyone = Http::new(&edge);

    // Two photos: one goes with a message, the other stays in the tray and the page is left.
    let sent = customer.upload("enviada.png", PNG.to_vec()).await?;
    let left = customer.upload("olvidada.png", PNG.to_vec()).await?;
    let reply = customer.command(new_command_id(), attach(&[&sent], "La lámpara")).await?;
    assert_eq!(anyone.download(url(&left)).await?.status, 200, "kept while it may still go");

    // The dialog's alarm removes the forgotten one; the sent one stays.
    let gone = wait_until("the unattached upload removed (404)", budget::ALARM, || async {
        Ok((anyone.download(url(&left)).await?.status == 404).then_some(404))
    })
    .await?;
    assert_eq!(gone, 404, "the unattached upload is gone");
    let late = customer.command(new_command_id(), attach(&[&left], "")).await;
    assert_eq!(failure(late).1, ErrorCode::UnknownFile);
    let kept = files_in(&reply.events);
    assert_eq!(anyone.download(url(&kept[0])).await?.status, 200, "a sent file stays");
    Ok(())
}
