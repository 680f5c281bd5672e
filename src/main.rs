//! The `planmine` command-line tool: a thin layer over the library.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use planmine::catalogue::Catalogue;
use planmine::corpus::{self, Options, Ordered, Summary};
use planmine::output::{goals, CsvStyle, TableRows, Tables};
use planmine::{Corpus, Document};

/// Turns Chinese government plan documents into typed, comparable data.
#[derive(Parser)]
#[command(name = "planmine", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from documents: one JSON object (or CSV rows) per input file.
    Extract(ExtractArgs),
    /// Print the normalised text of one file (text in any encoding, an HTML page's article,
    /// a .docx, or a PDF's text layer).
    Decode {
        /// The file to decode.
        file: PathBuf,
        /// Size limit (bytes, or with K/M/G suffix); a larger file is refused unread.
        #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
        max_size: u64,
    },
    /// Compare extracted goals across regions by canonical indicator.
    Compare {
        /// JSON Lines written by `planmine extract`.
        input: PathBuf,
        /// Write the region × indicator matrix here.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write a self-contained HTML report here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Write the long, tidy panel here: one row per goal with a standard indicator
        /// (region_code, region, level, indicator_id, …, national_target, source, section, text).
        #[arg(long, value_name = "FILE")]
        panel: Option<PathBuf>,
        /// CSV for Excel: a byte-order mark and CRLF line ends (for --csv and --panel).
        #[arg(long)]
        excel: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    Man,
    /// Print the JSON Schema of an output line (the same as docs/schema.json).
    Schema,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders (searched recursively); `-` reads one document from standard input.
    /// Without paths (and without --files-from): `corpus/`.
    #[arg(conflicts_with = "stdin_jsonl")]
    paths: Vec<PathBuf>,
    /// Read more paths from FILE, one a line (`-`: standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "stdin_jsonl")]
    files_from: Option<PathBuf>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format: JSON Lines (one object per document) or CSV (one row per goal with the
    /// document's metadata; UTF-8 without BOM unless --excel).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Worker threads, 1 to 256 (default: all cores). The output is the same for any value.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Size limit per document (bytes, or with K/M/G suffix); larger inputs give a `too_large`
    /// error record.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_size: u64,
    /// Exit non-zero when any input gives an error record.
    #[arg(long)]
    strict: bool,
    /// Read `{"source", "text" | "base64"}` JSON lines from standard input instead of files
    /// (the mapper of Hadoop Streaming or Spark's RDD.pipe); output is in input order.
    #[arg(long)]
    stdin_jsonl: bool,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Map goals to the standard indicators of this catalogue (the format of
    /// `data/indicators.tsv`) instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Also write one CSV per record kind into DIR (documents, goals, deadlines,
    /// responsibilities, targets), keyed by doc_id and each record's index.
    #[arg(long, value_name = "DIR")]
    tables: Option<PathBuf>,
    /// CSV for Excel: a byte-order mark and CRLF line ends (for --format csv and --tables).
    #[arg(long)]
    excel: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document, one per line.
    Jsonl,
    /// One row per goal, with the document's metadata columns.
    Csv,
}

/// Parses `1000`, `64K`, `64M`, `1G` (binary multiples).
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let mult = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix {c:?} (use K, M or G)")),
            };
            (&s[..i], mult)
        }
        _ => (s, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .map_err(|e| format!("bad size {s:?}: {e}"))?
        .checked_mul(mult)
        .ok_or_else(|| format!("size {s:?} is too large"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Decode { file, max_size } => decode(&file, max_size),
        Command::Compare {
            input,
            csv,
            html,
            panel,
            excel,
        } => compare(
            &input,
            csv.as_deref(),
            html.as_deref(),
            panel.as_deref(),
            excel,
        ),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "planmine", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Schema => {
            let schema = schemars::schema_for!(Document);
            let mut out = std::io::stdout().lock();
            let written = serde_json::to_writer_pretty(&mut out, &schema)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out));
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => finish_output(err),
            }
        }
        Command::Man => {
            let page = clap_mangen::Man::new(Cli::command());
            match page.render(&mut std::io::stdout().lock()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => finish_output(err),
            }
        }
    }
}

/// The exit status after output failed: a closed pipe (`| head`) is the reader's choice and
/// ends quietly; anything else is reported.
fn finish_output(err: std::io::Error) -> ExitCode {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("planmine: writing output: {err}");
    ExitCode::FAILURE
}

fn decode(path: &Path, max_size: u64) -> ExitCode {
    let result = corpus::read_file(path, max_size).and_then(|b| planmine::decode(&b));
    match result {
        Ok(decoded) => {
            let mut out = std::io::stdout().lock();
            match out
                .write_all(decoded.text.as_bytes())
                .and_then(|()| out.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => finish_output(err),
            }
        }
        Err(err) => {
            eprintln!("planmine: {}: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// `planmine compare`: streams the JSON Lines into the matrix with the built-in catalogue and
/// writes the CSV and/or the HTML report (with neither, the CSV goes to standard output).
/// Lines that are not records are reported and skipped; they make the exit status non-zero.
fn compare(
    input: &Path,
    csv: Option<&Path>,
    html: Option<&Path>,
    panel_path: Option<&Path>,
    excel: bool,
) -> ExitCode {
    use planmine::compare::{stream_into_with_panel, MatrixBuilder, Panel};
    let style = CsvStyle::for_excel(excel);
    let catalogue = Catalogue::builtin();
    let mut builder = MatrixBuilder::new(catalogue);
    let mut panel = match panel_path {
        Some(path) => {
            match std::fs::File::create(path)
                .and_then(|file| Panel::new(catalogue, std::io::BufWriter::new(file), style))
            {
                Ok(panel) => Some(panel),
                Err(err) => {
                    eprintln!("planmine compare: {}: {err}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        None => None,
    };
    let streamed = if input == Path::new("-") {
        stream_into_with_panel(std::io::stdin().lock(), &mut builder, panel.as_mut())
    } else {
        std::fs::File::open(input)
            .and_then(|file| stream_into_with_panel(file, &mut builder, panel.as_mut()))
    };
    if let (Some(panel), Some(path)) = (panel, panel_path) {
        if let Err(err) = panel.finish() {
            eprintln!("planmine compare: {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let malformed = match streamed {
        Ok(malformed) => malformed,
        Err(err) => {
            eprintln!("planmine compare: {}: {err}", input.display());
            return ExitCode::FAILURE;
        }
    };
    for (line, msg) in malformed.iter().take(5) {
        eprintln!(
            "planmine compare: {}:{line}: skipped, not a record: {msg}",
            input.display()
        );
    }
    if malformed.len() > 5 {
        eprintln!(
            "planmine compare: … {} malformed lines in all",
            malformed.len()
        );
    }
    let matrix = builder.finish();
    let written = (|| -> Result<(), (String, std::io::Error)> {
        fn at(p: &Path) -> impl Fn(std::io::Error) -> (String, std::io::Error) + '_ {
            move |e| (p.display().to_string(), e)
        }
        if let Some(path) = csv {
            let file = std::fs::File::create(path).map_err(at(path))?;
            matrix.write_csv_styled(file, style).map_err(at(path))?;
        }
        if let Some(path) = html {
            std::fs::write(path, matrix.to_html()).map_err(at(path))?;
        }
        if csv.is_none() && html.is_none() && panel_path.is_none() {
            matrix
                .write_csv_styled(std::io::stdout().lock(), style)
                .map_err(|e| ("standard output".to_owned(), e))?;
        }
        Ok(())
    })();
    if let Err((path, err)) = written {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("planmine compare: {path}: {err}");
        return ExitCode::FAILURE;
    }
    let s = &matrix.stats;
    eprintln!(
        "planmine compare: {} documents ({} error records skipped), {} regions, {} indicators, \
         {} cells; {} of {} goals matched a canonical indicator",
        s.documents,
        s.error_documents,
        matrix.regions.len(),
        matrix.columns.len(),
        matrix.cells().count(),
        s.matched_goals,
        s.goals
    );
    if malformed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reads a list of paths, one a line (blank lines skipped), as raw bytes: on Unix a name need
/// not be UTF-8.
fn read_path_list(reader: impl BufRead) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for line in reader.split(b'\n') {
        let mut line = line?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        #[cfg(unix)]
        paths.push(PathBuf::from(
            <std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(line),
        ));
        #[cfg(not(unix))]
        paths.push(PathBuf::from(String::from_utf8_lossy(&line).into_owned()));
    }
    Ok(paths)
}

/// One document as the worker threads hand it to the writer: its counts, its bytes in the
/// main output, and its rows for `--tables`.
type Rendered = (Summary, Vec<u8>, Option<TableRows>);

/// The source name of a document read from standard input (`extract -`).
const STDIN_SOURCE: &str = "<stdin>";

fn extract(args: ExtractArgs) -> ExitCode {
    let options = Options {
        jobs: args.jobs.map_or(0, usize::from),
        max_bytes: args.max_size,
        ..Options::default()
    };
    let start = Instant::now();
    // Each document is counted and rendered on the worker threads; the main thread only
    // writes the results in order.
    let format = args.format;
    let catalogue = match &args.catalogue {
        Some(path) => match Catalogue::from_path(path) {
            Ok(catalogue) => Some(std::sync::Arc::new(catalogue)),
            Err(err) => {
                eprintln!("planmine: {err}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let style = CsvStyle::for_excel(args.excel);
    let with_tables = args.tables.is_some();
    let render = move |mut doc: Document| {
        if let Some(catalogue) = &catalogue {
            catalogue.annotate(&mut doc);
        }
        let tables = with_tables.then(|| TableRows::of(&doc));
        let mut counts = Summary::default();
        counts.add(&doc, 0);
        let bytes = match format {
            Format::Csv => goals::rows(&doc, style),
            Format::Jsonl => {
                let mut line = serde_json::to_vec(&doc).unwrap_or_else(|err| {
                    // Not expected (the records are plain data), but never lose a document.
                    let failed = corpus::error_document(
                        &doc.source,
                        planmine::records::ErrorRecord::new(
                            corpus::KIND_INTERNAL,
                            format!("cannot serialise the record: {err}"),
                        ),
                    );
                    serde_json::to_vec(&failed).unwrap_or_default()
                });
                line.push(b'\n');
                line
            }
        };
        (counts, bytes, tables)
    };
    // Usage errors (a named path that does not exist) are reported and make the status 2,
    // after everything else is processed, as ripgrep does.
    let mut usage_error = false;
    // A document named `-`: read now, written first.
    let mut from_stdin: Option<Rendered> = None;
    let (stream, total_bytes) = if args.stdin_jsonl {
        let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        (corpus::par_map_jsonl(stdin, &options, render), None)
    } else {
        let mut roots = Vec::new();
        let default = [PathBuf::from("corpus/")];
        let named = if args.paths.is_empty() && args.files_from.is_none() {
            &default[..]
        } else {
            &args.paths[..]
        };
        for path in named {
            if path.as_os_str() == "-" {
                if from_stdin.is_none() {
                    let doc = match corpus::read_stdin(args.max_size) {
                        Ok(bytes) => corpus::process_checked(STDIN_SOURCE, bytes, args.max_size),
                        Err(err) => corpus::error_document(STDIN_SOURCE, err.to_record()),
                    };
                    from_stdin = Some(render(doc));
                }
            } else {
                roots.push(path.clone());
            }
        }
        if let Some(list) = &args.files_from {
            let read = if list.as_os_str() == "-" {
                read_path_list(std::io::stdin().lock())
            } else {
                std::fs::File::open(list).and_then(|f| read_path_list(std::io::BufReader::new(f)))
            };
            match read {
                Ok(paths) => roots.extend(paths),
                Err(err) => {
                    eprintln!("planmine: reading paths from {}: {err}", list.display());
                    return ExitCode::from(2);
                }
            }
        }
        for root in &roots {
            if let Err(err) = std::fs::symlink_metadata(root) {
                eprintln!("planmine: {}: {err}", root.display());
                usage_error = true;
            }
        }
        let mut corpus = Corpus::from_paths(roots).with_options(options);
        if let Some(output) = &args.output {
            // Re-running into a file inside the input folder must not read it back.
            corpus = corpus.exclude(output);
        }
        let total = corpus.total_bytes();
        (corpus.par_map(render), Some(total))
    };

    let progress = (!args.quiet && std::io::stderr().is_terminal()).then(|| match total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:40} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} eta {steady_eta}",
            )
            .map(|style| style.with_key("steady_eta", steady_eta))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner(),
    });

    let sink: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(err) => {
                eprintln!("planmine: cannot create {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    let mut summary = Summary::default();
    let header = match args.format {
        Format::Csv => goals::header(style),
        Format::Jsonl => Vec::new(),
    };
    let mut tables = match &args.tables {
        Some(dir) => match Tables::create(dir, style) {
            Ok(tables) => Some(tables),
            Err(err) => {
                eprintln!(
                    "planmine: cannot create the tables in {}: {err}",
                    dir.display()
                );
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let first = from_stdin.as_ref().map_or(&[][..], |(_, bytes, _)| bytes);
    if let Err(err) = out.write_all(&header).and_then(|()| out.write_all(first)) {
        return finish_output(err);
    }
    if let Some((counts, _, rows)) = &from_stdin {
        summary.merge(counts);
        if let (Some(tables), Some(rows)) = (tables.as_mut(), rows) {
            if let Err(err) = tables.write_rows(rows) {
                return finish_output(err);
            }
        }
    }
    match write_all(stream, out, tables.as_mut(), progress.as_ref()) {
        Ok(rest) => summary.merge(&rest),
        Err(err) => return finish_output(err),
    }
    if let Some(tables) = tables {
        if let Err(err) = tables.finish() {
            return finish_output(err);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !args.quiet {
        eprintln!("planmine: {}", summary.report(start.elapsed()));
    }
    if usage_error {
        return ExitCode::from(2);
    }
    if args.strict && summary.error_count() > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Remaining time from the mean rate since the start: indicatif's own estimate starts from a
/// slow-warming average and shows minutes for a run of seconds.
fn steady_eta(state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write) {
    let done = state.pos();
    let total = state.len().unwrap_or(0);
    let elapsed = state.elapsed().as_secs_f64();
    if done == 0 || elapsed < 0.5 {
        let _ = w.write_str("…");
        return;
    }
    let left = elapsed * total.saturating_sub(done) as f64 / done as f64;
    let secs = left.round() as u64;
    let _ = if secs >= 3600 {
        w.write_fmt(format_args!("{}h{:02}m", secs / 3600, secs / 60 % 60))
    } else if secs >= 60 {
        w.write_fmt(format_args!("{}m{:02}s", secs / 60, secs % 60))
    } else {
        w.write_fmt(format_args!("{secs}s"))
    };
}

fn write_all<W: Write, T: Write>(
    mut stream: Ordered<Rendered>,
    mut out: W,
    mut tables: Option<&mut Tables<T>>,
    progress: Option<&ProgressBar>,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut done = 0;
    while let Some((counts, bytes, rows)) = stream.next() {
        summary.merge(&counts);
        summary.bytes += stream.bytes_done() - done;
        done = stream.bytes_done();
        out.write_all(&bytes)?;
        if let (Some(tables), Some(rows)) = (tables.as_deref_mut(), rows) {
            tables.write_rows(&rows)?;
        }
        if let Some(bar) = progress {
            if bar.length().is_some() {
                bar.set_position(done);
            } else {
                bar.set_message(format!("{} documents", summary.documents));
                bar.tick();
            }
        }
    }
    out.flush()?;
    Ok(summary)
}
