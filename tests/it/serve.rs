//! `casebook serve` on the real binary, as a teacher uses it: the index and a report in the
//! browser, a save that reloads the page with the new report, a broken save shown on the page,
//! nothing served from outside the output folder, Ctrl-C that stops cleanly. Every step waits
//! for what it expects (a line in the log, an event on the stream), never for a fixed time.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Running, background, starter};

const LIMIT: Duration = Duration::from_secs(60);

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Waits until the log has a line starting with `start`, and returns it.
fn line_in(log: &Path, start: &str) -> String {
    let limit = Instant::now() + LIMIT;
    loop {
        if let Some(line) = read(log).lines().find(|l| l.starts_with(start)) {
            return line.to_string();
        }
        assert!(
            Instant::now() < limit,
            "no line `{start}…` in:\n{}",
            read(log)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to casebook serve");
    stream
        .set_read_timeout(Some(LIMIT))
        .expect("a read timeout");
    stream
}

/// `METHOD target` on the server, as a browser sends it: (status, body).
fn request(port: u16, method: &str, target: &str) -> (u16, String) {
    let mut stream = connect(port);
    let head =
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).expect("send a request");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read the response");
    let (head, body) = response.split_once("\r\n\r\n").expect("a response head");
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok());
    (status.expect("a status code"), body.to_string())
}

fn get(port: u16, target: &str) -> String {
    let (status, body) = request(port, "GET", target);
    assert_eq!(status, 200, "GET {target}:\n{body}");
    body
}

/// The page's event stream, opened as the injected script opens it.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Self {
        let mut stream = connect(port);
        let head = "GET /__casebook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
        stream
            .write_all(head.as_bytes())
            .expect("ask for the events");
        let mut events = Self(BufReader::new(stream));
        let status = events.line();
        assert_eq!(status, "HTTP/1.1 200 OK");
        let mut headers = Vec::new();
        loop {
            let line = events.line();
            if line.is_empty() {
                break;
            }
            headers.push(line);
        }
        assert!(
            headers.contains(&"Content-Type: text/event-stream".to_string()),
            "{headers:?}"
        );
        events
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.0.read_line(&mut line).expect("the server sends");
        line.trim_end_matches(['\r', '\n']).to_string()
    }

    /// The number of the next build the stream announces (a comment keeps an idle one open).
    fn next_build(&mut self) -> u64 {
        loop {
            if self.line() == "event: build" {
                let data = self.line();
                let number = data.strip_prefix("data: ").and_then(|n| n.parse().ok());
                return number.unwrap_or_else(|| panic!("a build number, not `{data}`"));
            }
        }
    }
}

/// `casebook serve ARGS` in `dir`, its standard error in `dir/serve.log`.
fn serve(dir: &Path, args: &[&str]) -> Running {
    Running::start(
        background(dir, &dir.join("serve.log"))
            .arg("serve")
            .args(args),
    )
}

/// The port in the line `serve` prints once it is serving.
fn port_served(log: &Path) -> u16 {
    let line = line_in(log, "de rapporten staan op http://127.0.0.1:");
    let rest = &line["de rapporten staan op http://127.0.0.1:".len()..];
    let port = rest.split('/').next().and_then(|p| p.parse().ok());
    port.unwrap_or_else(|| panic!("no port in `{line}`"))
}

#[test]
fn serve_shows_the_reports_and_reloads_them_after_every_save() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let case = dir.path().join("cases/alfa.yaml");
    starter(&case);
    let mut served = serve(
        dir.path(),
        &[
            "cases", "--out", "out", "--port", "0", "--format", "md,html",
        ],
    );
    let log = dir.path().join("serve.log");
    let port = port_served(&log);
    let out = dir.path().join("out");

    let index = get(port, "/");
    assert!(index.contains("href=\"alfa/alfa.html\""), "{index}");
    assert!(index.contains("new EventSource(\"/__casebook/events\")"));
    let report = get(port, "/alfa/alfa.html");
    assert!(report.contains("Onderbouwing van de waardestrategie"));
    // The script is added to what is served, never to the files on disk.
    assert!(!read(&out.join("index.html")).contains("EventSource"));
    assert!(!read(&out.join("alfa/alfa.html")).contains("EventSource"));
    let markdown = get(port, "/alfa/alfa.md");
    assert!(!markdown.contains("EventSource"), "{markdown}");

    let mut events = Events::open(port);
    let first = events.next_build();
    let text = read(&case);
    std::fs::write(
        &case,
        text.replace("Onderbouwing van de waardestrategie", "Tweede versie"),
    )
    .expect("save the case");
    assert_eq!(events.next_build(), first + 1);
    assert!(get(port, "/alfa/alfa.html").contains("Tweede versie"));

    // A broken save: the page says the build failed and why, above the previous report.
    std::fs::write(&case, "meta: [\n").expect("save a broken case");
    assert_eq!(events.next_build(), first + 2);
    let page = get(port, "/alfa/alfa.html");
    assert!(page.contains("De laatste bouw is mislukt; wat je hieronder ziet is de vorige versie. Verbeter de fout en sla op: deze pagina ververst zich dan vanzelf."), "{page}");
    assert!(
        page.contains("cases/alfa.yaml:1:7: fout[WRONG-TYPE]"),
        "{page}"
    );
    assert!(page.contains("Tweede versie"));
    std::fs::write(
        &case,
        text.replace("Onderbouwing van de waardestrategie", "Derde versie"),
    )
    .expect("save the fixed case");
    assert_eq!(events.next_build(), first + 3);
    let page = get(port, "/alfa/alfa.html");
    assert!(page.contains("Derde versie") && !page.contains("casebook-errors"));

    // Ctrl-C: the server stops, says so, and leaves no temporary file behind.
    #[cfg(unix)]
    {
        use nix::sys::signal::{Signal, kill};
        let pid = nix::unistd::Pid::from_raw(i32::try_from(served.0.id()).expect("a process id"));
        kill(pid, Signal::SIGINT).expect("send Ctrl-C");
        let status = served.0.wait().expect("the server stops");
        assert_eq!(status.code(), Some(130), "{}", read(&log));
        assert!(
            read(&log).ends_with("gestopt met Ctrl-C\n"),
            "{}",
            read(&log)
        );
        let left: Vec<_> = crate::support::files(&out)
            .into_keys()
            .filter(|p| {
                p.to_string_lossy().contains(".casebook-") && p.to_string_lossy().ends_with(".tmp")
            })
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
        assert!(read(&out.join("alfa/alfa.md")).contains("Derde versie"));
    }
}

#[test]
fn serve_serves_nothing_outside_the_output_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    starter(&dir.path().join("cases/alfa.yaml"));
    std::fs::write(dir.path().join("geheim.txt"), "het antwoord").expect("a file beside out");
    let _served = serve(
        dir.path(),
        &["cases", "--out", "out", "--port", "0", "--format", "md"],
    );
    let port = port_served(&dir.path().join("serve.log"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("geheim.txt"),
        dir.path().join("out/link.txt"),
    )
    .expect("a link out of the folder");
    let absolute = dir.path().join("geheim.txt").display().to_string();
    let tries = [
        "/../geheim.txt".to_string(),
        "/alfa/../../geheim.txt".to_string(),
        "/%2e%2e/geheim.txt".to_string(),
        "/%2E%2E/geheim.txt".to_string(),
        "/..%2fgeheim.txt".to_string(),
        "/%2e%2e%2fgeheim.txt".to_string(),
        "/alfa/..%2f..%2fgeheim.txt".to_string(),
        "/..%5cgeheim.txt".to_string(),
        "/..\\geheim.txt".to_string(),
        "/%252e%252e/geheim.txt".to_string(),
        absolute.clone(),
        format!("/{absolute}"),
        format!("/%2f{}", &absolute[1..]),
        "/link.txt".to_string(),
        "/alfa/alfa.md%00.html".to_string(),
    ];
    for target in &tries {
        let (status, body) = request(port, "GET", target);
        assert!(
            !body.contains("het antwoord"),
            "{target} served the file outside"
        );
        assert_eq!(status, 404, "{target}");
    }
    let (status, body) = request(port, "GET", "/nergens.html");
    assert_eq!(status, 404);
    assert!(
        body.contains("Hier is niets: /nergens.html staat niet in de map met rapporten."),
        "{body}"
    );
    assert_eq!(request(port, "POST", "/").0, 405);
    assert!(get(port, "/alfa/alfa.md").contains("Onderbouwing van de waardestrategie"));
}

/// `casebook ARGS`, which must refuse to start: what it says.
fn refused(args: &[&str]) -> String {
    let output = crate::support::casebook()
        .args(args)
        .output()
        .expect("casebook serve");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn serve_says_in_the_users_language_when_its_port_is_taken() {
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("a port to take");
    let port = taken.local_addr().expect("its address").port().to_string();
    assert_eq!(
        refused(&["serve", "--port", &port]),
        format!(
            "fout: poort {port} is al in gebruik, misschien door een andere `casebook serve`; kies een andere met --port, bijvoorbeeld --port 0 voor een vrije poort\n"
        )
    );
    assert_eq!(
        refused(&["--lang", "en", "serve", "--port", &port]),
        format!(
            "error: port {port} is already in use, perhaps by another `casebook serve`; choose another with --port, for instance --port 0 for a free port\n"
        )
    );
    assert_eq!(
        refused(&["serve", "--port", "70000"]),
        "fout: `70000` kan niet bij --port <POORT>: `70000` is geen poortnummer: kies een getal van 1 tot en met 65535, of 0 voor een vrije poort\n"
    );
}

/// `--open` opens the index in the browser the system names (`BROWSER`, as on Linux).
#[cfg(target_os = "linux")]
#[test]
fn serve_open_opens_the_index_in_the_browser() {
    let dir = tempfile::tempdir().expect("temporary folder");
    starter(&dir.path().join("cases/alfa.yaml"));
    let browser = dir.path().join("browser.sh");
    let opened = dir.path().join("opened.txt");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    )
    .expect("a stand-in browser");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755))
            .expect("make it runnable");
    }
    let log = dir.path().join("serve.log");
    let _served = Running::start(background(dir.path(), &log).env("BROWSER", &browser).args([
        "serve", "cases", "--out", "out", "--port", "0", "--format", "md", "--open",
    ]));
    let port = port_served(&dir.path().join("serve.log"));
    let limit = Instant::now() + LIMIT;
    while !read(&opened).contains('\n') {
        assert!(Instant::now() < limit, "the browser was not opened");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(read(&opened), format!("http://127.0.0.1:{port}/\n"));
}
