//! SARIF output checked against the SARIF 2.1.0 schema (vendored: see
//! `tests/data/README.md`), shared by the check tests.

use serde_json::Value;

/// Panics, listing every violation, when `sarif` is not valid SARIF 2.1.0.
pub fn assert_valid_sarif(sarif: &Value) {
    let schema: Value = serde_json::from_str(include_str!("../data/sarif-schema-2.1.0.json")).unwrap();
    let compiled = jsonschema::JSONSchema::options()
        .should_validate_formats(true)
        .compile(&schema)
        .unwrap();
    let all: Vec<String> = match compiled.validate(sarif) {
        Ok(()) => return,
        Err(errors) => errors.map(|e| format!("{e} at {}", e.instance_path)).collect(),
    };
    panic!("invalid SARIF: {all:#?}");
}
