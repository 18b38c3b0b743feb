//! `vanban.check`: the findings `vanban check` reports, for the same files
//! and configuration.

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError};
use pyo3::prelude::*;
use vanban::check::{Baseline, CheckConfig, Checker};

use crate::document::options;
use crate::errors::vanban_error;

/// The configuration: `config_json` (a dict's JSON, with the keys of
/// `vanban.toml`), else the TOML file `config_path`, else `vanban.toml` at
/// the corpus root when there is one, else the defaults.
fn load_config(
    py: Python<'_>,
    root: &Path,
    config_json: Option<&str>,
    config_path: Option<&Path>,
) -> PyResult<CheckConfig> {
    let bad = |what: &str, e: &dyn std::fmt::Display, path: Option<&Path>| {
        let shown = path.map(|p| p.display().to_string());
        let message = match &shown {
            Some(p) => format!("{p}: bad configuration: {e}"),
            None => format!("bad configuration{what}: {e}"),
        };
        vanban_error(py, message, shown)
    };
    let default = root.join("vanban.toml");
    let (config, source): (CheckConfig, Option<&Path>) = if let Some(json) = config_json {
        let c = serde_json::from_str(json).map_err(|e| bad(" (the dict given)", &e, None))?;
        (c, None)
    } else {
        let path = match config_path {
            Some(p) => p,
            None if default.is_file() => default.as_path(),
            None => return Ok(CheckConfig::default()),
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            pyo3::exceptions::PyOSError::new_err((
                e.raw_os_error().unwrap_or(2),
                format!("cannot read the configuration: {e}"),
                path.display().to_string(),
            ))
        })?;
        let c = toml::from_str(&text).map_err(|e| bad("", &e.message(), Some(path)))?;
        (c, Some(path))
    };
    config.validate().map_err(|e| bad(" (the dict given)", &e, source))?;
    Ok(config)
}

/// Check `paths` as `vanban check --no-cache --format json` does and return
/// its findings as a JSON array: the files walked (`.gitignore` and the
/// configuration's `ignore` respected), the configuration's severities and
/// scope, `strict`, and the findings a baseline file (`baseline`, else the
/// configuration's) holds left out.
#[pyfunction]
#[pyo3(signature = (paths, config_json, config_path, strict, baseline, max_size))]
pub fn check(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    config_json: Option<String>,
    config_path: Option<PathBuf>,
    strict: bool,
    baseline: Option<PathBuf>,
    max_size: usize,
) -> PyResult<String> {
    let Some(first) = paths.first() else {
        return Err(vanban_error(
            py,
            "no paths: expected files or folders to check".into(),
            None,
        ));
    };
    for p in &paths {
        if std::fs::metadata(p).is_err() {
            return Err(PyFileNotFoundError::new_err((
                2,
                "no such file or folder",
                p.display().to_string(),
            )));
        }
    }
    let root = vanban::corpus_root(first);
    let mut config = load_config(py, &root, config_json.as_deref(), config_path.as_deref())?;
    config.strict |= strict;
    config.root = Some(root.clone());
    let ignore = vanban::IgnorePatterns::new(&root, &config.ignore).map_err(|e| vanban_error(py, e, None))?;
    let baseline = match baseline.or_else(|| config.baseline.as_ref().map(|b| root.join(b))) {
        Some(b) => Some(Baseline::load(&b).map_err(|e| vanban_error(py, e, Some(b.display().to_string())))?),
        None => None,
    };
    let parse = options(false, max_size);
    let report = py.detach(|| {
        let (files, problems) = vanban::files_to_check(&paths, &ignore, &vanban::CorpusOptions::default());
        let mut report = Checker::new(&config).parse_options(parse).report(files, problems);
        if let Some(b) = &baseline {
            report.apply_baseline(b);
        }
        report
    });
    serde_json::to_string(&report.findings).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}
