//! The class overview: `index.html` for the teacher (sortable, filterable, the groups to check),
//! `grades.csv` for a learning platform's grade import and `grades.json` with everything.

use serde::Serialize;

use crate::case::LoadedCase;
use crate::diagnostics::{Diagnostic, Severity};
use crate::lang::Position;
use crate::locale::Locale;
use crate::messages::user_language;
use crate::rubric::grading::GradeRubric;
use crate::templates::Templates;

use super::feedback::mark_text;
use crate::grade::import;
use crate::grade::platform::Platform;
use crate::grade::roster::Match;
use crate::grade::similarity::{MIN_WORDS, SIMILAR, SimilarPair};
use crate::grade::{GradeReport, Graded, Signal, Status};

#[derive(Serialize)]
struct Row<'a> {
    student: &'a str,
    file: &'a str,
    /// The student's other files, not graded.
    others: &'a [String],
    status: Status,
    status_name: String,
    /// For sorting: the mark, or -1 without one.
    value: f64,
    mark: String,
    passed: bool,
    components: Vec<(f64, String)>,
    /// For sorting (-1 without a comparison) and as shown (— without one).
    warnings: (i64, String),
    /// The signals' codes and a sentence each.
    signals: Vec<(&'a str, String)>,
    html: Option<&'a str>,
    links: Vec<(&'a str, &'a str)>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    title: String,
    links: Vec<PairView<'a>>,
}

#[derive(Serialize)]
struct PairView<'a> {
    first: &'a str,
    second: &'a str,
    first_link: Option<&'a str>,
    second_link: Option<&'a str>,
    overall: Option<String>,
    items: Vec<String>,
}

fn link<'a>(graded: &'a Graded, extension: &str) -> Option<&'a str> {
    graded
        .feedback
        .iter()
        .find(|(e, _)| e == extension)
        .map(|(_, path)| path.as_str())
}

fn warnings(graded: &Graded) -> usize {
    graded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count()
}

fn status_name(locale: &Locale, status: Status) -> String {
    locale
        .text(&format!("grade.status_{}", status.key()))
        .to_string()
}

/// A signal as the teacher reads it: what it means, with the items concerned.
fn signal_sentence(locale: &Locale, signal: &Signal) -> String {
    let key = format!(
        "grade.signal_{}",
        signal.code.to_lowercase().replace('-', "_")
    );
    let sentence = locale.text(&key).to_string();
    match signal_detail(locale, signal) {
        Some(detail) => format!("{sentence} ({detail})"),
        None => sentence,
    }
}

/// How alike, and which items, where the signal says.
fn signal_detail(locale: &Locale, signal: &Signal) -> Option<String> {
    let mut details: Vec<String> = Vec::new();
    if let Some(overall) = signal.overall {
        let percent = format!("{}", (overall * 100.0).floor());
        details.push(locale.fill("grade.similar_overall", &[("percent", &percent)]));
    }
    if !signal.items.is_empty() {
        let items: Vec<(String, Option<f64>)> =
            signal.items.iter().map(|i| (i.clone(), None)).collect();
        let shown = shown_items(locale, &items).join(", ");
        details.push(format!("{}: {shown}", locale.text("grade.similar_items")));
    }
    (!details.is_empty()).then(|| details.join("; "))
}

/// The overview's files (`index.html`, `grades.csv`, `grades.json`), each made or the reason it
/// could not be; `separator` is the CSV's (`;` for a Dutch spreadsheet), `reveal` puts the model's
/// stances in the JSON.
pub fn pages(
    templates: &Templates,
    rubric: &GradeRubric,
    model: &LoadedCase,
    report: &GradeReport,
    (separator, reveal): (u8, bool),
    lms: Option<Platform>,
) -> [(&'static str, Result<Vec<u8>, Diagnostic>); 3] {
    let locale = templates.locale(report.language);
    [
        ("index.html", html(templates, locale, model, report, lms)),
        ("grades.csv", csv(locale, separator, report)),
        ("grades.json", Ok(json(rubric, reveal, report))),
    ]
}

fn html(
    templates: &Templates,
    locale: &Locale,
    model: &LoadedCase,
    report: &GradeReport,
    lms: Option<Platform>,
) -> Result<Vec<u8>, Diagnostic> {
    let rows: Vec<Row> = report
        .submissions
        .iter()
        .map(|g| Row {
            student: &g.student,
            file: &g.file,
            others: &g.others,
            status: g.status,
            status_name: status_name(locale, g.status),
            value: g.mark.map_or(-1.0, |m| m.value),
            mark: g
                .mark
                .map(|m| mark_text(locale, m.value))
                .unwrap_or_default(),
            passed: g.mark.is_some_and(|m| m.passed),
            components: g
                .comparison
                .iter()
                .flat_map(|c| {
                    let k = &c.components;
                    [k.stances, k.reasoning, k.verdicts, k.findings]
                })
                .map(|share| (share, format!("{} %", (share * 100.0).round())))
                .collect(),
            warnings: match &g.comparison {
                Some(_) => (warnings(g) as i64, warnings(g).to_string()),
                None => (-1, "—".to_string()),
            },
            signals: g
                .signals
                .iter()
                .map(|signal| (&*signal.code, signal_sentence(locale, signal)))
                .collect(),
            html: link(g, "html"),
            links: g
                .feedback
                .iter()
                .map(|(e, p)| (e.as_str(), p.as_str()))
                .collect(),
        })
        .collect();
    let groups: Vec<GroupView> = report
        .similar
        .iter()
        .enumerate()
        .map(|(at, group)| {
            let number = (at + 1).to_string();
            let title = if group.members.len() == 2 {
                locale.fill("grade.similar_group_two", &[("number", &number)])
            } else {
                locale.fill(
                    "grade.similar_group",
                    &[
                        ("number", &number),
                        ("students", &group.members.len().to_string()),
                        ("pairs", &group.pairs.to_string()),
                    ],
                )
            };
            let links = group
                .links
                .iter()
                .map(|pair| pair_view(locale, report, pair))
                .collect();
            GroupView { title, links }
        })
        .collect();
    let statuses: Vec<(&str, String)> = Status::ALL
        .into_iter()
        .map(|s| (s.key(), status_name(locale, s)))
        .collect();
    // Work like the model's own, listed under "check these" with the items.
    let copies: Vec<serde_json::Value> = report
        .submissions
        .iter()
        .filter_map(|g| {
            let signal = g.signals.iter().find(|s| s.code == "MODEL-COPY")?;
            Some(serde_json::json!({
                "student": g.student,
                "link": link(g, "html"),
                "detail": signal_detail(locale, signal).unwrap_or_default(),
            }))
        })
        .collect();
    let context = serde_json::json!({
        "copies": copies,
        "lang": report.language.code(),
        "labels": locale.section("grade"),
        "title": locale.fill("grade.overview_title", &[("title", &model.case.meta.title.value)]),
        "similar_lead": locale.fill(
            "grade.similar_lead",
            &[("percent", &format!("{}", SIMILAR * 100.0)), ("words", &MIN_WORDS.to_string())],
        ),
        "rows": rows,
        "groups": groups,
        "statuses": statuses,
        "platform": lms.map(|platform| lms_note(locale, platform, report)),
    });
    templates
        .render("grades.html", &context)
        .map(String::into_bytes)
}

/// Which files go back to the platform, and the students whose id its import needs but its
/// download did not give.
pub fn lms_note(locale: &Locale, platform: Platform, report: &GradeReport) -> Vec<String> {
    let key = platform.key();
    let name = locale.text(&format!("grade.lms_name_{key}")).to_string();
    let csv = format!("grades-{key}.csv");
    let mut lines = vec![locale.fill(
        "grade.lms_written",
        &[
            ("platform", &name),
            ("csv", &csv),
            ("zip", &format!("feedback-{key}.zip")),
        ],
    )];
    let missing = import::missing_ids(platform, &report.submissions);
    // With a class list, why each is missing: not in it, or in it more than once.
    let groups: [(&str, Vec<&str>); 3] = [
        (
            "grade.lms_missing",
            names(&missing, |m| {
                !matches!(m, Match::NotFound | Match::Ambiguous)
            }),
        ),
        (
            "grade.lms_roster_unknown",
            names(&missing, |m| *m == Match::NotFound),
        ),
        (
            "grade.lms_roster_ambiguous",
            names(&missing, |m| *m == Match::Ambiguous),
        ),
    ];
    for (key, students) in groups.iter().filter(|(_, s)| !s.is_empty()) {
        lines.push(locale.fill(
            key,
            &[
                ("file", &csv),
                ("platform", &name),
                (
                    "id",
                    locale.text(&format!("grade.lms_id_{}", platform.key())),
                ),
                ("count", &students.len().to_string()),
                ("students", &students.join(", ")),
            ],
        ));
    }
    lines
}

/// The names of the `graded` whose class-list match is as `wanted`.
fn names<'a>(graded: &[&'a Graded], wanted: impl Fn(&Match) -> bool) -> Vec<&'a str> {
    graded
        .iter()
        .filter(|g| wanted(&g.listed))
        .map(|g| g.student.as_str())
        .collect()
}

fn pair_view<'a>(locale: &Locale, report: &'a GradeReport, pair: &SimilarPair) -> PairView<'a> {
    let (a, b) = (
        &report.submissions[pair.first],
        &report.submissions[pair.second],
    );
    PairView {
        first: &a.student,
        second: &b.student,
        first_link: link(a, "html"),
        second_link: link(b, "html"),
        overall: pair.overall.map(|s| {
            locale.fill(
                "grade.similar_overall",
                &[("percent", &format!("{}", (s * 100.0).floor()))],
            )
        }),
        items: shown_items(
            locale,
            &pair
                .items
                .iter()
                .map(|(key, s)| (key.clone(), Some(*s)))
                .collect::<Vec<_>>(),
        ),
    }
}

/// The first items (with their similarity, where known), and how many more there are.
fn shown_items(locale: &Locale, items: &[(String, Option<f64>)]) -> Vec<String> {
    const SHOWN: usize = 6;
    let mut shown: Vec<String> = items
        .iter()
        .take(SHOWN)
        .map(|(key, s)| {
            // `AW1/customer_intimacy` as the teacher reads it: `AW1 klantpartnerschap`.
            let shown = match key.split_once('/') {
                Some((item, discipline)) => {
                    let name = locale
                        .get(&format!("disciplines.{discipline}"))
                        .unwrap_or(discipline);
                    format!("{item} {name}")
                }
                None => key.clone(),
            };
            match s {
                Some(s) => format!("{shown} ({} %)", (s * 100.0).floor()),
                None => shown,
            }
        })
        .collect();
    if items.len() > SHOWN {
        let more = (items.len() - SHOWN).to_string();
        shown.push(locale.fill("grade.similar_more", &[("count", &more)]));
    }
    shown
}

/// The CSV for a learning platform: one header row, one row per submission. With `;` (a Dutch
/// spreadsheet's separator) numbers get a decimal comma and the file a byte-order mark, so that
/// the spreadsheet reads it as UTF-8.
fn csv(locale: &Locale, separator: u8, report: &GradeReport) -> Result<Vec<u8>, Diagnostic> {
    let dutch = separator == b';';
    let number = |v: f64, decimals: usize| {
        let text = format!("{v:.decimals$}");
        if dutch { text.replace('.', ",") } else { text }
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    let header = [
        locale.text("grade.student"),
        locale.text("grade.file"),
        locale.text("grade.status"),
        locale.text("grade.csv_mark"),
        locale.text("grade.csv_passed"),
        locale.text("grade.col_stances"),
        locale.text("grade.col_reasoning"),
        locale.text("grade.col_verdicts"),
        locale.text("grade.findings"),
        locale.text("grade.warnings"),
        locale.text("grade.col_signals"),
    ];
    let csv_error = |err: ::csv::Error| {
        let (language, at) = (user_language(), Position::default());
        let reason = err.to_string();
        let values = [("reason", reason.as_str())];
        let path = std::path::Path::new("grades.csv");
        Diagnostic::worded(path, at, language, "WRITE", "file", &values)
    };
    writer.write_record(header).map_err(csv_error)?;
    for g in &report.submissions {
        let components: Vec<String> = match &g.comparison {
            Some(c) if g.status == Status::Graded => {
                let k = &c.components;
                [k.stances, k.reasoning, k.verdicts, k.findings]
                    .iter()
                    .map(|v| number(*v, 2))
                    .collect()
            }
            _ => vec![String::new(); 4],
        };
        let mut record = vec![
            g.student.clone(),
            g.file.clone(),
            status_name(locale, g.status),
            g.mark.map(|m| number(m.value, 1)).unwrap_or_default(),
            g.mark
                .map(|m| if m.passed { "1" } else { "0" }.to_string())
                .unwrap_or_default(),
        ];
        record.extend(components);
        record.push(
            g.comparison
                .as_ref()
                .map(|_| warnings(g).to_string())
                .unwrap_or_default(),
        );
        let codes: Vec<&str> = g.signals.iter().map(|s| &*s.code).collect();
        record.push(codes.join(" "));
        writer.write_record(&record).map_err(csv_error)?;
    }
    let body = writer
        .into_inner()
        .map_err(|err| csv_error(err.into_error().into()))?;
    let mut bytes = if dutch {
        "\u{feff}".as_bytes().to_vec()
    } else {
        Vec::new()
    };
    bytes.extend(body);
    Ok(bytes)
}

/// Everything, for the teacher's own tools; without `--reveal` no stance of the model (a
/// student may be given their row).
fn json(rubric: &GradeRubric, reveal: bool, report: &GradeReport) -> Vec<u8> {
    let mut submissions = serde_json::to_value(&report.submissions).unwrap_or_default();
    if !reveal {
        let rows = submissions
            .as_array_mut()
            .into_iter()
            .flatten()
            .flat_map(|s| {
                s["comparison"]["stances"]
                    .as_array_mut()
                    .into_iter()
                    .flatten()
            });
        for row in rows {
            if let Some(row) = row.as_object_mut() {
                row.remove("model");
            }
        }
    }
    let value = serde_json::json!({
        "rubric": rubric,
        "submissions": submissions,
        "similar": report.similar.iter().map(|group| serde_json::json!({
            "students": group.members.iter().map(|&m| &report.submissions[m].student).collect::<Vec<_>>(),
            "pairs": group.pairs,
            "links": group.links.iter().map(|p| serde_json::json!({
                "first": report.submissions[p.first].student,
                "second": report.submissions[p.second].student,
                "overall": p.overall,
                "items": p.items,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}
