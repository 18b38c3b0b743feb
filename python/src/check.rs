//! `vanban.check`: the findings `vanban check` reports, for the same files
//! and configuration.

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError};
use pyo3::prelude::*;
use vanban::check::{config_error, find_config, Baseline, CheckConfig, Checker};

use crate::document::options;
use crate::errors::vanban_error;

/// The configuration: `config_json` (a dict's JSON, with the keys of
/// `vanban.toml`; its relative paths are relative to the corpus root), else
/// the TOML file `config_path`, else the `vanban.toml` `vanban check` finds
/// (in the corpus root or a folder above it, then in the current folder or
/// a folder above it, up to the repository's root), else the defaults. A
/// file's relative paths are relative to its folder.
fn load_config(
    py: Python<'_>,
    root: &Path,
    config_json: Option<&str>,
    config_path: Option<&Path>,
) -> PyResult<CheckConfig> {
    if let Some(json) = config_json {
        // Code names are checked as the dict is read.
        return serde_json::from_str(json)
            .map_err(|e| vanban_error(py, format!("bad configuration (the dict given): {e}"), None));
    }
    let found = config_path.map(Path::to_path_buf).or_else(|| find_config(root));
    let Some(path) = found else {
        return Ok(CheckConfig::default());
    };
    let shown = Some(path.display().to_string());
    let text = std::fs::read_to_string(&path).map_err(|e| {
        pyo3::exceptions::PyOSError::new_err((
            e.raw_os_error().unwrap_or(2),
            format!("cannot read the configuration: {e}"),
            path.display().to_string(),
        ))
    })?;
    let config: CheckConfig = toml::from_str(&text).map_err(|e| {
        let message = e.message().trim_end().replace('\n', ": ");
        let at = e.span().map(|s| s.start);
        vanban_error(py, config_error(&path, &text, at, &message), shown)
    })?;
    Ok(config.read_from(&path))
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
    let ignore =
        vanban::IgnorePatterns::new(config.ignore_root(), &config.ignore).map_err(|e| vanban_error(py, e, None))?;
    let baseline = match baseline.or_else(|| config.baseline.as_ref().map(|b| config.resolve(b))) {
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
