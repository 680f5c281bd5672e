//! Cross-region comparison: matrix rules, CSV shape, HTML report, the streaming reader and
//! rendering in headless Chromium. Documents are made by hand (the extractors are scored
//! elsewhere); they follow the output contract's shape.

use std::path::{Path, PathBuf};
use std::process::Command;

use planmine::compare::{stream_into, Matrix, CHART_MAX_REGIONS, CSV_COLUMNS};
use planmine::records::{
    Baseline, Comparator, Document, ErrorRecord, GoalStatus, Meta, NumericGoal, Period, Region,
};

fn goal(
    indicator: &str,
    comparator: Comparator,
    value: f64,
    unit: Option<&str>,
    year: Option<i32>,
    status: GoalStatus,
) -> NumericGoal {
    let mut goal = NumericGoal::default();
    goal.indicator = indicator.into();
    goal.comparator = comparator;
    goal.value = value;
    goal.unit = unit.map(str::to_owned);
    goal.year = year;
    goal.status = status;
    goal.text = format!("{indicator}{value}");
    goal
}

fn target(
    indicator: &str,
    c: Comparator,
    value: f64,
    unit: &str,
    year: Option<i32>,
) -> NumericGoal {
    goal(indicator, c, value, Some(unit), year, GoalStatus::Target)
}

fn achieved(indicator: &str, value: f64, unit: &str, year: Option<i32>) -> NumericGoal {
    goal(
        indicator,
        Comparator::Eq,
        value,
        Some(unit),
        year,
        GoalStatus::Achieved,
    )
}

fn doc(
    source: &str,
    region: [Option<&str>; 3],
    period_end: Option<i32>,
    date: Option<&str>,
    goals: Vec<NumericGoal>,
) -> Document {
    let [province, city, county] = region.map(|x| x.map(str::to_owned));
    let has_region = province.is_some() || city.is_some() || county.is_some();
    let mut meta = Meta::default();
    meta.date = date.map(str::to_owned);
    meta.region = has_region.then(|| {
        let mut region = Region::default();
        region.province = province;
        region.city = city;
        region.county = county;
        region
    });
    meta.period = period_end.map(|end| Period::new(Some("十四五".into()), end - 4, end));
    let mut doc = Document::new(source);
    doc.meta = Some(meta);
    doc.goals = goals;
    doc
}

/// Three counties plus edge cases: a region known only by county (merged), an error record, a
/// document without region (file stem), two districts sharing a name.
fn documents() -> Vec<Document> {
    use Comparator::*;
    let mut with_baseline = target("全县学前三年毛入园率", Ge, 95.0, "%", Some(2025));
    with_baseline.baseline = Some(Baseline::new(92.5, Some(2020)));
    vec![
        doc(
            "corpus/pingyin.txt",
            [Some("山东省"), Some("济南市"), Some("平阴县")],
            Some(2025),
            Some("2021-12-20"),
            vec![
                with_baseline,
                // A 2035 vision in a 十四五 plan loses to the plan-period target.
                target("学前三年毛入园率", Ge, 98.0, "%", Some(2035)),
                // An achieved figure without a year loses to the dated baseline.
                achieved("学前教育毛入园率", 91.0, "%", None),
                target("小学校际差异系数", Le, 0.5, "", None),
                target("初中校际差异系数", Le, 0.45, "", None),
                target("普惠性幼儿园覆盖率", Ge, 85.0, "%", Some(2025)),
                target("举办校园读书节", Eq, 7.0, "场", Some(2025)),
            ],
        ),
        doc(
            "corpus/huixian.txt",
            [Some("甘肃省"), Some("陇南市"), Some("徽县")],
            None,
            Some("2019-05-01"),
            vec![
                achieved("学前三年毛入园率", 99.39, "%", None),
                achieved("普惠性幼儿园覆盖率", 90.0, "%", Some(2016)),
                achieved("普惠性幼儿园覆盖率", 96.66, "%", Some(2018)),
                target("学前教育普惠率", Ge, 90.0, "%", Some(2020)),
                target("学前教育普惠率", Ge, 92.0, "%", Some(2021)),
            ],
        ),
        // Same county, region known only by name: merged into 山东省/济南市/平阴县.
        doc(
            "corpus/pingyin_2022.txt",
            [None, None, Some("平阴县")],
            None,
            Some("2022-03-01"),
            vec![target("学前教育毛入园率", Eq, 96.0, "%", Some(2022))],
        ),
        {
            let mut broken = Document::new("corpus/broken.bin");
            broken.error = Some(ErrorRecord::new("binary", "not text"));
            broken
        },
        doc(
            "corpus/xyz_plan.txt",
            [None, None, None],
            None,
            None,
            vec![target("高中阶段毛入学率", Ge, 92.0, "%", Some(2025))],
        ),
        doc(
            "corpus/lanzhou_cg.txt",
            [Some("甘肃省"), Some("兰州市"), Some("城关区")],
            Some(2025),
            None,
            vec![target("义务教育巩固率", Ge, 97.0, "%", Some(2025))],
        ),
        doc(
            "corpus/lhasa_cg.txt",
            [Some("西藏自治区"), Some("拉萨市"), Some("城关区")],
            Some(2025),
            None,
            vec![target("九年义务教育巩固率", Ge, 95.5, "%", Some(2025))],
        ),
    ]
}

#[test]
fn matrix_regions_and_columns() {
    let m = Matrix::from_documents(&documents());
    let labels: Vec<&str> = m.regions.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.len(), 5, "{labels:?}");
    for want in ["平阴县", "徽县", "xyz_plan", "兰州市城关区", "拉萨市城关区"] {
        assert!(labels.contains(&want), "{want} in {labels:?}");
    }
    let py = m
        .regions
        .iter()
        .find(|r| r.label == "平阴县")
        .expect("平阴县");
    assert_eq!(py.province.as_deref(), Some("山东省"));
    assert_eq!(py.sources.len(), 2, "both 平阴县 documents feed one row");
    assert_eq!(m.stats.documents, 7);
    assert_eq!(m.stats.error_documents, 1);
    assert_eq!(m.stats.goals, 16);
    assert_eq!(m.stats.matched_goals, 15);
    assert_eq!(m.unmatched, vec![("举办校园读书节".to_owned(), 1)]);

    let ids: Vec<&str> = m.columns.iter().map(|c| c.id.as_str()).collect();
    // Catalogue order, qualifiers after their indicator.
    assert_eq!(
        ids,
        [
            "preschool_ger",
            "preschool_inclusive",
            "compulsory_retention",
            "senior_ger",
            "qb_diff_coef.primary",
            "qb_diff_coef.junior",
        ]
    );
    let col = &m.columns[4];
    assert_eq!(col.name, "校际差异系数(小学)");
    assert_eq!(col.unit, None);
}

#[test]
fn matrix_cell_selection_rules() {
    let m = Matrix::from_documents(&documents());
    // 平阴县: plan-period-end target (2025) beats the 2035 vision and the other document's 2022
    // target; the dated baseline beats the undated achieved figure.
    let c = m.get("平阴县", "preschool_ger").expect("cell");
    let t = c.target.as_ref().expect("target");
    assert_eq!(
        (t.value, t.comparator, t.year),
        (95.0, Some(Comparator::Ge), Some(2025))
    );
    assert_eq!(t.source, "corpus/pingyin.txt");
    let a = c.achieved.as_ref().expect("achieved");
    assert_eq!((a.value, a.year, a.from_baseline), (92.5, Some(2020), true));

    // 徽县: no plan period, so the latest target year; the latest achieved year.
    let c = m.get("徽县", "preschool_inclusive").expect("cell");
    assert_eq!(
        c.target.as_ref().map(|t| (t.value, t.year)),
        Some((92.0, Some(2021)))
    );
    assert_eq!(
        c.achieved.as_ref().map(|a| (a.value, a.year)),
        Some((96.66, Some(2018)))
    );
    let c = m.get("徽县", "preschool_ger").expect("cell");
    assert!(c.target.is_none());
    assert_eq!(c.achieved.as_ref().map(|a| a.value), Some(99.39));

    // Levels stay apart.
    assert_eq!(
        m.get("平阴县", "qb_diff_coef.primary")
            .and_then(|c| c.target.as_ref())
            .map(|t| t.value),
        Some(0.5)
    );
    assert_eq!(
        m.get("平阴县", "qb_diff_coef.junior")
            .and_then(|c| c.target.as_ref())
            .map(|t| t.value),
        Some(0.45)
    );
    assert_eq!(
        m.get("拉萨市城关区", "compulsory_retention")
            .and_then(|c| c.target.as_ref())
            .map(|t| t.value),
        Some(95.5)
    );
    assert!(m.get("徽县", "senior_ger").is_none());
}

#[test]
fn matrix_rules_do_not_depend_on_input_order() {
    let docs = documents();
    let mut rev = docs.clone();
    rev.reverse();
    for d in &mut rev {
        d.goals.reverse();
    }
    let (a, b) = (Matrix::from_documents(&docs), Matrix::from_documents(&rev));
    assert_eq!(
        a.regions.iter().map(|r| &r.label).collect::<Vec<_>>(),
        b.regions.iter().map(|r| &r.label).collect::<Vec<_>>()
    );
    assert_eq!(a.to_csv(), b.to_csv());
}

/// Splits one CSV record (RFC 4180 quoting, no embedded line breaks in these tests).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(s) = out.last_mut() {
                    s.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

#[test]
fn csv_shape() {
    let m = Matrix::from_documents(&documents());
    let csv = m.to_csv();
    assert!(csv.starts_with('\u{FEFF}'), "BOM for Excel");
    let body = csv.trim_start_matches('\u{FEFF}');
    assert!(body.ends_with("\r\n"));
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], CSV_COLUMNS.join(","));
    assert_eq!(
        CSV_COLUMNS,
        [
            "region",
            "province",
            "city",
            "county",
            "indicator_id",
            "indicator",
            "unit",
            "target_value",
            "target_comparator",
            "target_year",
            "achieved_value",
            "achieved_year",
            "source",
            "region_code"
        ]
    );
    let rows: Vec<Vec<String>> = lines[1..].iter().map(|l| split_csv(l)).collect();
    assert_eq!(rows.len(), m.cells().count());
    assert_eq!(rows.len(), 9);
    for row in &rows {
        assert_eq!(row.len(), CSV_COLUMNS.len(), "{row:?}");
    }
    let find = |region: &str, id: &str| {
        rows.iter()
            .find(|r| r[0] == region && r[4] == id)
            .unwrap_or_else(|| panic!("row {region} {id}"))
    };
    let r = find("平阴县", "preschool_ger");
    assert_eq!(
        r[1..],
        [
            "山东省",
            "济南市",
            "平阴县",
            "preschool_ger",
            "学前教育毛入园率",
            "%",
            "95",
            "ge",
            "2025",
            "92.5",
            "2020",
            "corpus/pingyin.txt",
            ""
        ]
    );
    let r = find("徽县", "preschool_ger");
    assert_eq!(r[7..12], ["", "", "", "99.39", ""]);
    let r = find("xyz_plan", "senior_ger");
    assert_eq!(r[1..4], ["", "", ""], "no region known");
    let r = find("平阴县", "qb_diff_coef.junior");
    assert_eq!(
        (r[6].as_str(), r[7].as_str(), r[8].as_str()),
        ("", "0.45", "le")
    );
}

#[test]
fn csv_quotes_awkward_fields() {
    let mut docs = documents();
    docs[1].source = "dir,with \"quotes\".txt".into();
    let csv = Matrix::from_documents(&docs).to_csv();
    let line = csv
        .split("\r\n")
        .find(|l| l.starts_with("徽县,"))
        .expect("徽县 row");
    let row = split_csv(line);
    assert_eq!(row.len(), CSV_COLUMNS.len());
    assert_eq!(row[12], "dir,with \"quotes\".txt");
}

/// Checks tags are balanced and properly nested; returns the count of each opened tag name.
fn check_well_formed(html: &str) -> std::collections::HashMap<String, usize> {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut counts = std::collections::HashMap::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').expect("unclosed tag");
        let tag = &after[..end];
        rest = &after[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        assert!(!tag.contains('<'), "stray < in {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> without opening"));
            assert_eq!(open, name.trim(), "misnested tags");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "bad tag <{tag}>");
        *counts.entry(name.clone()).or_insert(0) += 1;
        if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    counts
}

#[test]
fn html_is_well_formed_and_self_contained() {
    let m = Matrix::from_documents(&documents());
    let html = m.to_html();
    let counts = check_well_formed(&html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        counts.get("svg"),
        Some(&m.columns.len()),
        "one chart per indicator"
    );
    assert_eq!(counts.get("section"), Some(&m.columns.len()));
    let bars = html.matches("class=\"bar ").count();
    let figures: usize = m
        .cells()
        .map(|(_, _, c)| usize::from(c.target.is_some()) + usize::from(c.achieved.is_some()))
        .sum();
    assert_eq!(bars, figures, "one bar per figure");
    let with_reference = m.columns.iter().filter(|c| c.reference.is_some()).count();
    assert!(with_reference >= 4, "national standards drawn");
    assert_eq!(
        html.matches("<g class=\"reference\">").count(),
        with_reference
    );
    assert!(html.contains("标准 ≥90"), "学前教育毛入园率 ≥90%");
    // An inline script (table sorting) is self-contained; one loaded from elsewhere is not.
    for forbidden in ["http", "<script src", "src=", "url(", "@import", "<link"] {
        assert!(
            !html.contains(forbidden),
            "self-contained: found {forbidden}"
        );
    }
    for text in [
        "学前教育毛入园率",
        "平阴县",
        "徽县",
        "≥95",
        "92.5",
        "校际差异系数(初中)",
        "举办校园读书节",
    ] {
        assert!(html.contains(text), "{text}");
    }
}

#[test]
fn html_escapes_document_text() {
    let mut docs = documents();
    docs[4].source = "corpus/<script>alert('x')</script>&.txt".into();
    docs[4].goals[0].text = "<img src=x onerror=alert(1)>".into();
    docs[0].goals[6].indicator = "新建<b>公共厕所</b>".into();
    let html = Matrix::from_documents(&docs).to_html();
    check_well_formed(&html);
    // The report's one script is its own table sorter, at the end; nothing from the documents.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn empty_input_gives_a_valid_report() {
    let m = Matrix::from_documents(&[]);
    let html = m.to_html();
    check_well_formed(&html);
    assert!(!html.contains("<svg"));
    assert!(html.contains("没有对应到标准指标的数值目标"));
}

fn write_jsonl(dir: &Path, docs: &[Document]) -> PathBuf {
    let path = dir.join("out.jsonl");
    let mut text = String::new();
    for d in docs {
        text.push_str(&serde_json::to_string(d).expect("serialises"));
        text.push('\n');
    }
    text.push_str("this line is not a record\n");
    std::fs::write(&path, text).expect("write jsonl");
    path
}

#[test]
fn streaming_skips_lines_that_are_not_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = write_jsonl(dir.path(), &documents());
    let mut bytes = std::fs::read(&input).expect("jsonl");
    bytes.extend_from_slice(b"\xff\xfe not UTF-8\n");
    let catalogue = planmine::compare::Catalogue::builtin();
    let mut builder = planmine::compare::MatrixBuilder::new(catalogue);
    let malformed = stream_into(&bytes[..], &mut builder).expect("reads");
    let reasons: Vec<&str> = malformed.iter().map(|(_, why)| why.as_str()).collect();
    assert_eq!(malformed.len(), 2, "{reasons:?}");
    assert_eq!(reasons[1], "not UTF-8");
    let m = Matrix::from_documents(&documents());
    assert_eq!(builder.finish().to_csv(), m.to_csv());
}

/// The Chromium binary, or `None` (with a message) when it is not installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIP html_renders_in_headless_chromium: {} not found (apt-get install chromium, \
             or set CHROMIUM=/path/to/chromium)",
            path.display()
        );
        None
    }
}

fn run_chromium(bin: &Path, profile: &Path, args: &[&str], page: &Path) -> std::process::Output {
    let out = Command::new("timeout")
        .arg("180")
        .arg(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium starts");
    assert!(
        out.status.success(),
        "chromium failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn html_renders_in_headless_chromium() {
    let Some(bin) = chromium() else {
        return;
    };
    let m = Matrix::from_documents(&documents());
    let figures: usize = m
        .cells()
        .map(|(_, _, c)| usize::from(c.target.is_some()) + usize::from(c.achieved.is_some()))
        .sum();
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = dir.path().join("profile");

    // 1. Layout: a probe appended to a copy of the report measures what the browser laid out
    // (the report itself has no script) and writes it into the DOM that --dump-dom prints.
    let probe = "<pre id=\"probe\"></pre><script>\
        const svgs=[...document.querySelectorAll('svg.bars')];\
        let drawn=0,labels=0,wide=0;\
        for(const s of svgs){const b=s.getBoundingClientRect(); if(b.width>100&&b.height>100) wide++;\
          for(const r of s.querySelectorAll('rect.bar')){const q=r.getBoundingClientRect(); if(q.width>0&&q.height>0) drawn++;}\
          for(const t of s.querySelectorAll('text.val')){if(t.getComputedTextLength()>0) labels++;}}\
        document.getElementById('probe').textContent='PRO'+'BE svgs='+svgs.length+' wide='+wide+' bars='+drawn+' labels='+labels+' END';\
        </script>";
    let html = m.to_html().replace("</body>", &format!("{probe}</body>"));
    let page = dir.path().join("probe.html");
    std::fs::write(&page, html).expect("write page");
    let out = run_chromium(&bin, &profile, &["--dump-dom"], &page);
    let dom = String::from_utf8_lossy(&out.stdout);
    let line = dom
        .split("PROBE ")
        .nth(1) // the script source spells the marker in two pieces
        .and_then(|s| s.split(" END").next())
        .unwrap_or_else(|| panic!("probe output missing from dumped DOM:\n{dom}"));
    let n = m.columns.len();
    assert_eq!(
        line,
        format!("svgs={n} wide={n} bars={figures} labels={figures}"),
        "rendered charts"
    );

    // 2. Pixels: a screenshot of the report holds far more than one of an empty page.
    let shot = |page: &Path, name: &str| {
        let png = dir.path().join(name);
        let arg = format!("--screenshot={}", png.display());
        run_chromium(&bin, &profile, &[&arg, "--window-size=1200,1600"], page);
        let bytes = std::fs::read(&png).expect("screenshot written");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
        bytes.len()
    };
    let report = dir.path().join("report.html");
    std::fs::write(&report, m.to_html()).expect("write report");
    let blank = dir.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").expect("write blank");
    let (full, empty) = (shot(&report, "report.png"), shot(&blank, "blank.png"));
    assert!(
        full > 4 * empty,
        "report screenshot ({full} bytes) not much richer than a blank page ({empty} bytes)"
    );
}

#[test]
fn undated_plan_target_ranks_at_its_period_end() {
    use Comparator::*;
    let region = [Some("山东省"), Some("淄博市"), Some("沂源县")];
    let docs = vec![
        // A 十四五 plan: the target carries no year of its own.
        doc(
            "plan.txt",
            region,
            Some(2025),
            Some("2021-06-01"),
            vec![target("义务教育巩固率", Ge, 96.0, "%", None)],
        ),
        // A later one-year work plan with an explicit but earlier due year.
        doc(
            "work2022.txt",
            region,
            None,
            Some("2022-02-01"),
            vec![target("义务教育巩固率", Ge, 95.0, "%", Some(2022))],
        ),
    ];
    let m = Matrix::from_documents(&docs);
    let t = m
        .get("沂源县", "compulsory_retention")
        .and_then(|c| c.target.as_ref())
        .expect("target");
    assert_eq!(
        (t.value, t.year, t.source.as_str()),
        (96.0, None, "plan.txt")
    );

    // An explicit 2025 in the same plan beats the undated one.
    let mut docs = docs;
    docs[0]
        .goals
        .push(target("九年义务教育巩固率", Ge, 97.0, "%", Some(2025)));
    let m = Matrix::from_documents(&docs);
    let t = m
        .get("沂源县", "compulsory_retention")
        .and_then(|c| c.target.as_ref())
        .expect("target");
    assert_eq!((t.value, t.year), (97.0, Some(2025)));
}

#[test]
fn values_listed_by_level_go_to_their_level() {
    use Comparator::*;
    let text = "小学、初中每百名学生拥有高于规定学历教师数分别达到4.2人、5.3人以上";
    let mut primary = target(
        "小学、初中每百名学生拥有高于规定学历教师数",
        Ge,
        4.2,
        "人",
        Some(2025),
    );
    let mut junior = target(
        "小学、初中每百名学生拥有高于规定学历教师数",
        Ge,
        5.3,
        "人",
        Some(2025),
    );
    primary.text = text.into();
    junior.text = text.into();
    primary.span = [100, 140];
    junior.span = [100, 140];
    let mut both = target(
        "小学、初中每百名学生拥有县级以上骨干教师数",
        Ge,
        1.0,
        "人",
        Some(2025),
    );
    both.text = "小学、初中每百名学生拥有县级以上骨干教师数均达到1人以上".into();
    let mut per_student = target("小学、初中生均教学仪器设备值", Ge, 2000.0, "元", Some(2025));
    per_student.text = "小学、初中生均教学仪器设备值达到2000元".into();
    let docs = vec![doc(
        "a.txt",
        [None, None, Some("平阴县")],
        Some(2025),
        None,
        // Same clause, same span: the goals' order in the document pairs them with the levels.
        vec![primary, junior, both, per_student],
    )];
    let m = Matrix::from_documents(&docs);
    let value = |id: &str| {
        m.get("平阴县", id)
            .and_then(|c| c.target.as_ref())
            .map(|t| t.value)
    };
    assert_eq!(value("qb_teachers_higher_degree.primary"), Some(4.2));
    assert_eq!(value("qb_teachers_higher_degree.junior"), Some(5.3));
    assert_eq!(value("qb_teachers_higher_degree"), None);
    assert_eq!(value("qb_backbone_teachers.primary"), Some(1.0));
    assert_eq!(value("qb_backbone_teachers.junior"), Some(1.0));
    // One value for two levels without 均: it stays with the indicator as a whole.
    assert_eq!(value("qb_equipment_value"), Some(2000.0));
    assert_eq!(value("qb_equipment_value.primary"), None);
    assert_eq!(m.stats.matched_goals, 4);
}

#[test]
fn many_regions_keep_the_report_readable() {
    let n = CHART_MAX_REGIONS + 15;
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            doc(
                &format!("d{i}.txt"),
                [
                    Some("某省"),
                    Some("某市"),
                    Some(format!("第{i:03}县").as_str()),
                ],
                Some(2025),
                None,
                vec![target(
                    "学前教育毛入园率",
                    Comparator::Ge,
                    90.0 + (i % 10) as f64,
                    "%",
                    Some(2025),
                )],
            )
        })
        .collect();
    let m = Matrix::from_documents(&docs);
    assert_eq!(m.regions.len(), n);
    let html = m.to_html();
    check_well_formed(&html);
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(
        html.matches("class=\"bar target\"").count(),
        CHART_MAX_REGIONS
    );
    assert!(html.contains(&format!("共 {n} 个")));
    // Too many regions for the overview table; every region is still in the indicator table.
    assert!(!html.contains("<h2>总表</h2>"));
    assert_eq!(html.matches("<tr><th>第").count(), n);
    assert_eq!(m.to_csv().matches("\r\n").count(), n + 1);
}

#[test]
fn close_values_get_an_axis_that_shows_their_difference() {
    use Comparator::Ge;
    // Two counties at 97% and 100%, the national standard at 96%.
    let docs = vec![
        doc(
            "corpus/a.txt",
            [Some("山东省"), Some("济南市"), Some("平阴县")],
            Some(2025),
            None,
            vec![target("九年义务教育巩固率", Ge, 100.0, "%", Some(2025))],
        ),
        doc(
            "corpus/b.txt",
            [Some("甘肃省"), Some("陇南市"), Some("徽县")],
            Some(2025),
            None,
            vec![target("九年义务教育巩固率", Ge, 97.0, "%", Some(2025))],
        ),
    ];
    let html = Matrix::from_documents(&docs).to_html();
    let chart = html.split("<svg").nth(1).expect("a chart");
    let axis = chart.split("<g class=\"axis\">").nth(1).expect("an axis");
    let axis = axis.split("</g>").next().unwrap_or("");
    let first_tick: f64 = axis
        .split("text-anchor=\"end\">")
        .nth(1)
        .and_then(|t| t.split('<').next())
        .and_then(|t| t.parse().ok())
        .expect("a numeric tick");
    assert!(
        first_tick > 80.0 && first_tick <= 96.0,
        "the axis starts near the data, not at 0: {first_tick}"
    );
}
