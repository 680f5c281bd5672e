//! The whole pipeline on arbitrary bytes: `planmine::process` must never panic, and every
//! input gives a document (records or an error record) that serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = planmine::process("fuzz.txt", data);
    // Serialising touches every record: a bad value would show here.
    let line = serde_json::to_vec(&doc).expect("a document always serialises");
    assert!(!line.is_empty());
});
