//! `casebook serve`: the output folder over HTTP on 127.0.0.1, for a teacher who writes a case in
//! their own editor and reads the report in the browser. Every served HTML page gets a few lines
//! of script (never the files on disk) that reload it after the next build, and, while the last
//! build failed, its errors on top of the page instead of a silently stale report.

use std::io::Write;
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use casebook_core::messages;

/// The port `serve` asks for when none is given.
pub const DEFAULT_PORT: u16 = 8150;

/// The address of the stream of build events the injected script listens to.
const EVENTS: &str = "/__casebook/events";

/// How often an idle event stream sends a comment, so that a closed tab ends its thread.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// The builds so far: a count that every rebuild raises, and the errors of the last one.
#[derive(Default)]
struct Builds {
    generation: u64,
    errors: Vec<String>,
}

/// A running server, bound to 127.0.0.1.
pub struct Server {
    http: Arc<tiny_http::Server>,
    builds: Arc<(Mutex<Builds>, Condvar)>,
    port: u16,
}

/// Why the server could not start.
pub enum BindError {
    /// The port is taken (another `casebook serve`, another program).
    Taken(u16),
    Other(std::io::Error),
}

impl Server {
    /// Binds 127.0.0.1:`port` (0: any free port); only this machine can connect.
    pub fn bind(port: u16) -> Result<Self, BindError> {
        let listener =
            TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|err| match err.kind() {
                std::io::ErrorKind::AddrInUse => BindError::Taken(port),
                _ => BindError::Other(err),
            })?;
        let port = listener.local_addr().map_err(BindError::Other)?.port();
        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|err| BindError::Other(std::io::Error::other(err.to_string())))?;
        Ok(Self {
            http: Arc::new(http),
            builds: Arc::default(),
            port,
        })
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Serves `root` from now on, each request on a thread of its own (an event stream stays
    /// open as long as its page).
    pub fn start(&self, root: &Path) {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (http, builds) = (Arc::clone(&self.http), Arc::clone(&self.builds));
        std::thread::spawn(move || {
            for request in http.incoming_requests() {
                let (root, builds) = (root.clone(), Arc::clone(&builds));
                std::thread::spawn(move || respond(request, &root, &builds));
            }
        });
    }

    /// Tells the open pages that a build finished, with its errors (none: it succeeded).
    pub fn built(&self, errors: &[String]) {
        let (lock, changed) = &*self.builds;
        let mut builds = lock.lock().unwrap_or_else(|p| p.into_inner());
        builds.generation += 1;
        builds.errors = errors.to_vec();
        changed.notify_all();
    }
}

fn respond(request: Request, root: &Path, builds: &(Mutex<Builds>, Condvar)) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let text = messages::cli("serve_method", &[]);
        let _ = request.respond(page(StatusCode(405), &text, builds));
        return;
    }
    let address = request.url().split(['?', '#']).next().unwrap_or("/");
    if address == EVENTS {
        stream_events(request, builds);
        return;
    }
    let response = match resolve(root, address) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) if is_html(&file) => {
                let html = String::from_utf8_lossy(&bytes);
                html_response(StatusCode(200), &with_reload(&html, builds))
            }
            Ok(bytes) => Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&file)))
                .with_header(header("Cache-Control", "no-store")),
            Err(_) => not_found(address, builds),
        },
        None => not_found(address, builds),
    };
    let _ = request.respond(response);
}

/// The file `address` names inside `root`, or `None` when it names nothing there: a `..`, in
/// any spelling (`%2e%2e`, `..%2f`, a backslash), an absolute path, or a link that leads out.
fn resolve(root: &Path, address: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(address)
        .decode_utf8()
        .ok()?;
    let mut path = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty() && *p != ".") {
        let mut components = Path::new(part).components();
        let plain = matches!(
            (components.next(), components.next()),
            (Some(Component::Normal(_)), None)
        );
        if !plain || part.contains(['\\', ':', '\0']) {
            return None;
        }
        path.push(part);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    // A link inside the folder may point anywhere; what it leads to must be inside too.
    let real = path.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

fn is_html(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "htm")
    )
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "yaml" | "yml" => "text/yaml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    // Both are fixed ASCII strings of ours: the conversion cannot fail.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| unreachable!("a fixed ASCII header"))
}

fn html_response(status: StatusCode, html: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(html.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn not_found(
    address: &str,
    builds: &(Mutex<Builds>, Condvar),
) -> Response<std::io::Cursor<Vec<u8>>> {
    let text = messages::cli("serve_not_found", &[("address", address)]);
    page(StatusCode(404), &text, builds)
}

/// A page of ours (not found, not allowed), which also reloads after the next build.
fn page(
    status: StatusCode,
    text: &str,
    builds: &(Mutex<Builds>, Condvar),
) -> Response<std::io::Cursor<Vec<u8>>> {
    let language = messages::user_language().code();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>casebook</title></head><body><p>{}</p></body></html>\n",
        escape(text)
    );
    html_response(status, &with_reload(&html, builds))
}

/// `html` with the reload script, and the last build's errors when it failed, before `</body>`.
/// The script knows which build it was served after: a build that finished before it connected
/// still reloads it.
fn with_reload(html: &str, builds: &(Mutex<Builds>, Condvar)) -> String {
    let (generation, errors) = {
        let builds = builds.0.lock().unwrap_or_else(|p| p.into_inner());
        (builds.generation, builds.errors.clone())
    };
    let mut added = String::new();
    if !errors.is_empty() {
        let title = messages::cli("serve_failed", &[]);
        added.push_str(&format!(
            "<div id=\"casebook-errors\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:1rem 1.2rem;background:#fff4f4;color:#5c0000;border-bottom:3px solid #b00020;font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)\"><p style=\"margin:0 0 .6rem;font-weight:600\">{}</p><pre style=\"margin:0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace\">{}</pre></div>",
            escape(&title),
            escape(&errors.join("\n\n"))
        ));
    }
    added.push_str(&format!(
        "<script>(function(){{var s=new EventSource(\"{EVENTS}\");s.addEventListener(\"build\",function(e){{if(e.data!==\"{generation}\"){{s.close();location.reload();}}}});}})();</script>"
    ));
    match html.rfind("</body>") {
        Some(end) => format!("{}{added}{}", &html[..end], &html[end..]),
        None => format!("{html}{added}"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Server-sent events: `build` with the number of the last build, at once and after every
/// build, until the page goes away. The response is written here because it never ends:
/// tiny_http buffers a body until it is complete or a chunk is full.
fn stream_events(request: Request, builds: &(Mutex<Builds>, Condvar)) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if writer.write_all(head.as_bytes()).is_err() {
        return;
    }
    let (lock, changed) = builds;
    let mut sent = None;
    loop {
        let generation = {
            let builds = lock.lock().unwrap_or_else(|p| p.into_inner());
            let (builds, _) = changed
                .wait_timeout_while(builds, HEARTBEAT, |b| Some(b.generation) == sent)
                .unwrap_or_else(|p| p.into_inner());
            builds.generation
        };
        let event = if Some(generation) == sent {
            ": still here\n\n".to_string()
        } else {
            format!("event: build\ndata: {generation}\n\n")
        };
        if writer
            .write_all(event.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        sent = Some(generation);
    }
}
