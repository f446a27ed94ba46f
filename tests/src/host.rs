//! A customer's website on another origin (and another site: `localhost` against the edge's
//! `127.0.0.1`), serving fixed pages with the headers a test gives — a strict CSP, say. The
//! widget must work there exactly as a real business's site would embed it.

use anyhow::Result;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One page: its content type, extra headers and body.
#[derive(Clone)]
pub struct HostPage {
    pub content_type: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HostPage {
    pub fn html(body: impl Into<String>) -> HostPage {
        HostPage {
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn script(body: impl Into<String>) -> HostPage {
        HostPage { content_type: "text/javascript", headers: Vec::new(), body: body.into() }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> HostPage {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// The site, serving until dropped.
pub struct HostSite {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl HostSite {
    pub async fn serve(pages: Vec<(&str, HostPage)>) -> Result<HostSite> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let pages: Arc<HashMap<String, HostPage>> =
            Arc::new(pages.into_iter().map(|(path, page)| (path.to_owned(), page)).collect());
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let pages = pages.clone();
                tokio::spawn(async move {
                    let mut buffer = vec![0u8; 16 * 1024];
                    let Ok(read) = stream.read(&mut buffer).await else { return };
                    let request = String::from_utf8_lossy(&buffer[..read]);
                    let path = request.split_whitespace().nth(1).unwrap_or("/");
                    let path = path.split('?').next().unwrap_or("/");
                    let response = match pages.get(path) {
                        Some(page) => {
                            let mut head = format!(
                                "HTTP/1.1 200 OK\r\ncontent-type: {}\r\ncontent-length: {}\r\ncache-control: no-store\r\nconnection: close\r\n",
                                page.content_type,
                                page.body.len()
                            );
                            for (name, value) in &page.headers {
                                head.push_str(&format!("{name}: {value}\r\n"));
                            }
                            format!("{head}\r\n{}", page.body)
                        }
                        // The site's own icon is not under test, but its 404 would be an
                        // error in the browser's console, which fails a browser test.
                        None if path == "/favicon.ico" => {
                            "HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n".to_owned()
                        }
                        None => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_owned(),
                    };
                    let _ = stream.write_all(response.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Ok(HostSite { port, task })
    }

    /// The page's address on `localhost`: another site than the edge's `127.0.0.1`.
    pub fn url(&self, path: &str) -> String {
        format!("http://localhost:{}{path}", self.port)
    }

    /// The page's address on `127.0.0.1`: the edge's site, another origin (another port).
    pub fn same_site_url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for HostSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}
