//! A static site on `127.0.0.1`, for `baogao demo`, `baogao serve` and the
//! end-to-end tests.
//!
//! In goes a folder of pages (the bundled sample site in `fixtures/site`);
//! out comes a running HTTP server on a free loopback port that serves the
//! files as they are (GBK bytes included, `.html` as `text/html` with no
//! charset, the way many report sites do), rewrites the sample's
//! `http://127.0.0.1:8000` base in `robots.txt` and sitemaps to its real
//! address, answers 404 for what is missing, and logs every request path.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let site = baogao_testsite::Site::serve("fixtures/site".as_ref(), 0).await?;
//! println!("serving on {}", site.base());
//! assert_eq!(site.requests().len(), 0);
//! # Ok(()) }
//! ```

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::Response;

/// The base URL the sample site's absolute links use.
pub const SAMPLE_BASE: &str = "http://127.0.0.1:8000";

#[derive(Clone)]
struct Shared {
    root: PathBuf,
    base: String,
    log: Arc<Mutex<Vec<String>>>,
}

/// A running site; the server stops when this is dropped.
pub struct Site {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Site {
    /// Serves `root` on `127.0.0.1:port` (`0`: any free port).
    pub async fn serve(root: &Path, port: u16) -> std::io::Result<Site> {
        if !root.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("site folder `{}` does not exist", root.display()),
            ));
        }
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Shared {
            root: root.to_owned(),
            base: format!("http://{addr}"),
            log: log.clone(),
        };
        let app = Router::new().fallback(handle).with_state(shared);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Site { addr, log, task })
    }

    /// `http://127.0.0.1:PORT`
    #[must_use]
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request path (with query) served so far, in order.
    #[must_use]
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("request log").clone()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let mut out = root.to_owned();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        let c = Path::new(part).components().next()?;
        if !matches!(c, Component::Normal(_)) {
            return None;
        }
        out.push(part);
    }
    if path.ends_with('/') || out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => "text/html",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

async fn handle(State(s): State<Shared>, req: Request<Body>) -> Response {
    let path = req.uri().path().to_owned();
    let logged = req
        .uri()
        .path_and_query()
        .map_or(path.clone(), |pq| pq.as_str().to_owned());
    s.log.lock().expect("request log").push(logged);
    let Some(file) = resolve(&s.root, &path) else {
        return status(StatusCode::BAD_REQUEST);
    };
    let Ok(mut bytes) = tokio::fs::read(&file).await else {
        return status(StatusCode::NOT_FOUND);
    };
    let ct = content_type(&file);
    if matches!(ct, "application/xml" | "text/plain")
        && let Ok(text) = String::from_utf8(bytes.clone())
    {
        bytes = text.replace(SAMPLE_BASE, &s.base).into_bytes();
    }
    let mut resp = Response::new(Body::from(bytes));
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    resp
}

fn status(code: StatusCode) -> Response {
    let mut resp = Response::new(Body::from(format!("{code}\n")));
    *resp.status_mut() = code;
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        let root = Path::new("/srv/site");
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(
            resolve(root, "/baogao/hb/6731.html"),
            Some(PathBuf::from("/srv/site/baogao/hb/6731.html"))
        );
        assert_eq!(
            resolve(root, "/baogao/"),
            Some(PathBuf::from("/srv/site/baogao/index.html"))
        );
    }
}
