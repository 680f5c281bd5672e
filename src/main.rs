//! The `planmine` command-line tool: a thin layer over the library.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use planmine::corpus::{self, Options, Ordered, Summary};
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
    /// Print the normalised text of one file.
    Decode {
        /// The file to decode.
        file: PathBuf,
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
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or folders (searched recursively); `-` reads a list of paths, one a line, from
    /// standard input.
    #[arg(default_value = "corpus/", conflicts_with = "stdin_jsonl")]
    paths: Vec<PathBuf>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format: JSON Lines (one object per document) or CSV (one row per goal with the
    /// document's metadata, UTF-8 with BOM).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Worker threads (default: all cores). The output is the same for any value.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
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
        Command::Decode { file } => decode(&file),
        Command::Compare { input, csv, html } => {
            match planmine::compare::run_cli(&input, csv.as_deref(), html.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("planmine compare: {err}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn decode(path: &Path) -> ExitCode {
    let result = std::fs::read(path)
        .map_err(planmine::Error::from)
        .and_then(|b| planmine::decode(&b));
    match result {
        Ok(decoded) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(decoded.text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("planmine: {}: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    let options = Options {
        jobs: args.jobs.unwrap_or(0),
        max_bytes: args.max_size,
        ..Options::default()
    };
    let start = Instant::now();
    // Each document is counted and rendered on the worker threads; the main thread only
    // writes the results in order.
    let format = args.format;
    let render = move |doc: Document| {
        let mut counts = Summary::default();
        counts.add(&doc, 0);
        let bytes = match format {
            Format::Csv => corpus::csv_rows(&doc).into_bytes(),
            Format::Jsonl => {
                let mut line = serde_json::to_vec(&doc).unwrap_or_else(|err| {
                    // Not expected (the records are plain data), but never lose a document.
                    let failed = corpus::error_document(
                        &doc.source,
                        planmine::records::ErrorRecord {
                            kind: corpus::KIND_INTERNAL.to_owned(),
                            message: format!("cannot serialise the record: {err}"),
                        },
                    );
                    serde_json::to_vec(&failed).unwrap_or_default()
                });
                line.push(b'\n');
                line
            }
        };
        (counts, bytes)
    };
    let (stream, total_bytes) = if args.stdin_jsonl {
        let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        (corpus::par_map_jsonl(stdin, &options, render), None)
    } else {
        let mut roots = Vec::new();
        for path in &args.paths {
            if path.as_os_str() == "-" {
                // Paths named on standard input: one a line, blank lines skipped.
                for line in std::io::stdin().lock().lines() {
                    match line {
                        Ok(line) if !line.trim().is_empty() => {
                            roots.push(PathBuf::from(line.trim_end_matches('\r')));
                        }
                        Ok(_) => {}
                        Err(err) => {
                            eprintln!("planmine: reading paths from standard input: {err}");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            } else {
                roots.push(path.clone());
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
                "{bar:40} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} eta {eta}",
            )
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
    let out = std::io::BufWriter::with_capacity(1 << 16, sink);
    let summary = match write_all(stream, out, args.format, progress.as_ref()) {
        Ok(summary) => summary,
        Err(err) => {
            // A closed pipe (`| head`) is the reader's choice, not a failure worth a message.
            if err.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("planmine: writing output: {err}");
            }
            return ExitCode::FAILURE;
        }
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !args.quiet {
        eprintln!("planmine: {}", summary.report(start.elapsed()));
    }
    if args.strict && summary.error_count() > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write_all<W: Write>(
    mut stream: Ordered<(Summary, Vec<u8>)>,
    mut out: W,
    format: Format,
    progress: Option<&ProgressBar>,
) -> std::io::Result<Summary> {
    if format == Format::Csv {
        out.write_all(corpus::csv_header().as_bytes())?;
    }
    let mut summary = Summary::default();
    let mut done = 0;
    while let Some((counts, bytes)) = stream.next() {
        summary.merge(&counts);
        summary.bytes += stream.bytes_done() - done;
        done = stream.bytes_done();
        out.write_all(&bytes)?;
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
