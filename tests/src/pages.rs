//! Page objects for the two UIs, split like `browser::Page` into find, act and check: the
//! customer's widget on a shop's page (`WidgetPage`) and the agents' app (`AppPage`). Each
//! derefs to its `Page` for anything a test does only once.

use crate::browser::{Driver, Page};
use crate::wait::{budget, wait_until};
use anyhow::Result;
use fantoccini::Locator;
use std::ops::Deref;

/// A customer's browser on a page that embeds the widget. Most steps happen inside the chat's
/// iframe (after `open`); `outside`/`inside` move between it and the page.
pub struct WidgetPage {
    pub page: Page,
}

impl Deref for WidgetPage {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.page
    }
}

impl WidgetPage {
    /// A new 1280×800 browser on `url`, once the launcher is there.
    pub async fn visit(driver: &Driver, url: &str) -> Result<WidgetPage> {
        let page = WidgetPage { page: driver.page(1280, 800).await? };
        page.load(url).await?;
        Ok(page)
    }

    /// Wraps a page already made (a phone, say).
    pub fn on(page: Page) -> WidgetPage {
        WidgetPage { page }
    }

    /// Loads `url` and waits for the launcher.
    pub async fn load(&self, url: &str) -> Result<()> {
        self.goto(url).await?;
        self.find("openline-chat").await?;
        Ok(())
    }

    /// Reloads the page and waits for the launcher.
    pub async fn reload_page(&self) -> Result<()> {
        self.reload().await?;
        self.find("openline-chat").await?;
        Ok(())
    }

    // Act.

    /// Clicks the launcher (on the page, outside the chat).
    pub async fn click_launcher(&self) -> Result<()> {
        let host = self.find("openline-chat").await?;
        let launcher = host.shadow_root().await?.find(Locator::Css("button")).await?;
        launcher.click().await?;
        Ok(())
    }

    /// Opens the chat with the launcher and moves into it, once the message box is there.
    pub async fn open(&self) -> Result<()> {
        self.open_to("#composer-input").await
    }

    /// Opens the chat and moves into it, once `ready` is there (a form, say).
    pub async fn open_to(&self, ready: &str) -> Result<()> {
        self.click_launcher().await?;
        self.enter_chat().await?;
        self.find(ready).await?;
        Ok(())
    }

    /// Into the chat's iframe, once its message box is there.
    pub async fn inside(&self) -> Result<()> {
        self.enter_chat().await?;
        self.find("#composer-input").await?;
        Ok(())
    }

    /// Out of the chat, to the page.
    pub async fn outside(&self) -> Result<()> {
        self.leave_frame().await
    }

    /// Writes `text` and sends it.
    pub async fn send(&self, text: &str) -> Result<()> {
        self.type_into("#composer-input", text).await?;
        self.click("#composer-send").await
    }

    // Check.

    /// Waits until the customer's own message with `text` shows.
    pub async fn sees_mine(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.msg.from-visitor .msg-text", text).await?;
        Ok(())
    }

    /// Waits until an agent's message with `text` shows.
    pub async fn sees_reply(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.msg.from-agent .msg-text", text).await?;
        Ok(())
    }

    /// Waits until a system line with `text` shows.
    pub async fn sees_line(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.system", text).await?;
        Ok(())
    }

    /// A screenshot of the whole page with the chat, then back inside the chat.
    pub async fn screenshot_page(&self, name: &str) -> Result<()> {
        self.outside().await?;
        self.screenshot(name).await?;
        self.enter_chat().await
    }
}

/// An agent's browser on the agent app.
pub struct AppPage {
    pub page: Page,
    url: String,
}

impl Deref for AppPage {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.page
    }
}

impl AppPage {
    /// The app at `url` (`…/app/`) in `page`; nothing loaded yet.
    pub fn new(page: Page, url: String) -> AppPage {
        AppPage { page, url }
    }

    /// Loads the app.
    pub async fn load(&self) -> Result<()> {
        self.goto(&self.url).await
    }

    /// Loads the app and signs in to `workspace` as `email`, once the account menu shows.
    pub async fn log_in(&self, workspace: &str, email: &str, password: &str) -> Result<()> {
        self.load().await?;
        self.fill_login(workspace, email, password).await?;
        self.find("#account-menu").await?;
        Ok(())
    }

    /// Fills in and sends the login form that is showing.
    pub async fn fill_login(&self, workspace: &str, email: &str, password: &str) -> Result<()> {
        self.retype("#login-workspace", workspace).await?;
        self.type_into("#login-email", email).await?;
        self.type_into("#login-password", password).await?;
        self.click("#login-submit").await
    }

    /// Opens the inbox row holding `text`.
    pub async fn open_chat(&self, text: &str) -> Result<()> {
        self.click_in("li.inbox-row", text, "a").await
    }

    /// Answers the open chat.
    pub async fn answer(&self) -> Result<()> {
        self.click("#action-answer").await
    }

    /// Writes `text` in the composer and sends it.
    pub async fn send(&self, text: &str) -> Result<()> {
        self.type_into("#composer-input", text).await?;
        self.click("#composer-send").await
    }

    /// Chooses `action` (`.msg-action-quote`, say) in the "…" menu of the message `li` holding
    /// `text`, opening the menu as often as it takes: a menu opened while the chat still
    /// settles (focus moving to the composer after Answer) closes again.
    pub async fn message_action(&self, li: &str, text: &str, action: &str) -> Result<()> {
        let what = format!("choosing `{action}` in the menu of a `{li}` with {text:?}");
        wait_until(&what, budget::PAGE, || async move {
            for message in self.client.find_all(Locator::Css(li)).await? {
                if !message.text().await.is_ok_and(|t| t.contains(text)) {
                    continue;
                }
                if let Ok(item) = message.find(Locator::Css(action)).await {
                    if item.is_displayed().await? {
                        item.click().await?;
                        return Ok(Some(()));
                    }
                }
                message.find(Locator::Css(".msg-menu-button")).await?.click().await?;
                return Ok(None);
            }
            Ok(None)
        })
        .await
    }

    /// Waits until the customer's message with `text` shows in the open chat.
    pub async fn sees_customer(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.msg.from-visitor .msg-text", text).await?;
        Ok(())
    }

    /// Waits until an agent's message with `text` shows in the open chat.
    pub async fn sees_agent(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.msg.from-agent .msg-text", text).await?;
        Ok(())
    }

    /// Waits until a system line with `text` shows in the open chat.
    pub async fn sees_line(&self, text: &str) -> Result<()> {
        self.find_text("#messages li.system", text).await?;
        Ok(())
    }
}
