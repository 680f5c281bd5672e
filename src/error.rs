//! The crate's error type.

use crate::records::ErrorRecord;

/// What kind of failure an [`Error`] is; its `as_str` is the `error.kind` of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The input has no bytes (or only white space).
    Empty,
    /// The input looks like binary data, not text.
    Binary,
    /// The input exceeds the configured size limit.
    TooLarge,
    /// No encoding gives a usable text.
    Undecodable,
    /// A file format planmine does not read (`.doc`, `.wps`, `.xls`, a PDF it cannot open);
    /// the message says how to convert it.
    UnsupportedFormat,
    /// A PDF without a text layer (a scan): it needs OCR first.
    NoText,
}

impl ErrorKind {
    /// The stable machine-readable name used in error records.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Undecodable => "undecodable",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::NoText => "no_text",
        }
    }
}

/// An error from planmine: a kind plus a message meant for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", kind.as_str())]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Details for people.
    pub message: String,
}

impl Error {
    /// Makes an error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The error as the output contract's `error` object.
    pub fn to_record(&self) -> ErrorRecord {
        ErrorRecord {
            kind: self.kind.as_str().to_owned(),
            message: self.message.clone(),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, err.to_string())
    }
}
