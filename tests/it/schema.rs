//! `docs/schema.json`: the JSON Schema of an output line, generated from the record types.
//! Re-bless with `PLANMINE_BLESS=1` after a deliberate change to the records.

use std::path::Path;

fn generated() -> String {
    let schema = schemars::schema_for!(planmine::records::Document);
    let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
    text.push('\n');
    text
}

#[test]
fn docs_schema_matches_the_record_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema.json");
    let now = generated();
    if std::env::var_os("PLANMINE_BLESS").is_some() {
        std::fs::write(&path, &now).expect("write docs/schema.json");
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == now,
        "docs/schema.json is out of date: re-bless with PLANMINE_BLESS=1 and document the change"
    );
}

#[test]
fn every_field_of_a_real_line_is_in_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).expect("json");
    let doc = planmine::process(
        "plan.txt",
        "平阴县人民政府\n一、目标\n到2025年,学前教育毛入园率达到95%以上(县教育局负责)。".as_bytes(),
    );
    let line = serde_json::to_value(&doc).expect("line");
    assert_eq!(line["schema_version"], planmine::records::SCHEMA_VERSION);
    assert_eq!(line["planmine_version"], env!("CARGO_PKG_VERSION"));
    let props = schema["properties"].as_object().expect("properties");
    for key in line.as_object().expect("object").keys() {
        assert!(props.contains_key(key), "{key} is not in the schema");
    }
    let defs = schema["$defs"].as_object().expect("$defs");
    let goal = defs["NumericGoal"]["properties"].as_object().expect("goal");
    for key in line["goals"][0].as_object().expect("a goal").keys() {
        assert!(
            goal.contains_key(key),
            "goal field {key} is not in the schema"
        );
    }
    let region = defs["Region"]["properties"].as_object().expect("region");
    assert!(region.contains_key("level") && region.contains_key("code"));
}

#[test]
fn the_cli_prints_the_same_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planmine"))
        .arg("schema")
        .output()
        .expect("run planmine");
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8"), generated());
}
