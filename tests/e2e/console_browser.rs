//! The console guard itself (issue 18): a browser test fails on any error its page logs,
//! whichever frame logs it (a frame of another site too, as the chat is on a customer's site),
//! whether the test checks the page, closes it or only lets go of it; an error the test
//! expects, with its reason, does not fail it.

use anyhow::{Context, Result};
use openline_tests::browser::{Driver, Page};
use openline_tests::host::{HostPage, HostSite};

/// A frame that logs an error and throws one nobody catches.
const FRAME: &str = r#"<!doctype html><title>frame</title>
<script>console.error("probe: logged in the frame"); throw new Error("probe: thrown in the frame");</script>"#;

#[tokio::test]
async fn a_page_logging_errors_in_any_frame_fails_its_check_with_each_error_and_its_url(
) -> Result<()> {
    let (site, _frame) = probe_site().await?;
    let driver = Driver::start().await?;
    let page = driver.page(800, 600).await?;
    load(&page, &site.url("/")).await?;

    let failure = page.check_console("after loading").await.err().context("the guard failed")?;
    let failure = format!("{failure:#}");
    for part in [
        "probe: logged by the page",
        "/missing.png",
        "probe: logged in the frame",
        "probe: thrown in the frame",
        &site.url("/"),
    ] {
        assert!(failure.contains(part), "{part:?} is not named in: {failure}");
    }
    page.close().await?;

    // Expected errors, each with its reason, pass.
    let page = driver.page(800, 600).await?;
    page.expect_console_error("probe: ", "this test logs them");
    page.expect_console_error("/missing.png", "this test links a missing image");
    load(&page, &site.url("/")).await?;
    page.check_console("after loading, the errors expected").await?;
    page.close().await?;

    // A page never closed is checked when it is dropped.
    let dropped = driver.page(800, 600).await?;
    load(&dropped, &site.url("/")).await?;
    let outcome = tokio::spawn(async move { drop(dropped) }).await;
    assert!(outcome.is_err_and(|e| e.is_panic()), "dropping the page did not fail the test");
    Ok(())
}

/// A page on `localhost` that logs an error, links a missing image and holds `FRAME` from
/// `127.0.0.1`: another site. Both sites serve until dropped.
async fn probe_site() -> Result<(HostSite, HostSite)> {
    let frame = HostSite::serve(vec![("/frame", HostPage::html(FRAME))]).await?;
    let page = format!(
        r#"<!doctype html><title>probe</title>
<script>
  console.error("probe: logged by the page");
  addEventListener("load", () => (document.body.dataset.loaded = "yes"));
</script>
<img src="/missing.png" alt="">
<iframe title="probe" src="{}"></iframe>"#,
        frame.same_site_url("/frame")
    );
    let site = HostSite::serve(vec![("/", HostPage::html(page))]).await?;
    Ok((site, frame))
}

/// Loads `url` and waits until it has loaded, its image and frame too (and so logged).
async fn load(page: &Page, url: &str) -> Result<()> {
    page.goto(url).await?;
    let script = "return document.body && document.body.dataset.loaded;";
    page.eval_until("the probe page loaded", script, |v| v.as_str() == Some("yes")).await?;
    Ok(())
}
