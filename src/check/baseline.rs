//! Baselines: the findings a repository accepts for now.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::finding::relative;
use super::{Code, Finding, Report};

/// One fingerprint of a baseline, with how many findings share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// The fingerprint (see [`Finding::fingerprint`]).
    pub fingerprint: String,
    /// The code, for people reading the file.
    pub code: Code,
    /// The path relative to the corpus root.
    pub path: String,
    /// The cited text.
    pub cited: String,
    /// How many findings have this fingerprint.
    pub count: usize,
}

/// Known findings a repository accepts for now: `--write-baseline` writes
/// one, `--baseline` (or `baseline =` in `vanban.toml`) leaves them out, so
/// only new findings fail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// The entries, sorted.
    pub entries: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline of a report's findings.
    pub fn from_report(report: &Report, root: Option<&Path>) -> Baseline {
        let mut b = BaselineBuilder::new(root);
        for f in &report.findings {
            b.add(f);
        }
        b.finish()
    }

    /// The format version this build reads and writes.
    pub const VERSION: u32 = 1;

    /// The largest baseline file read (64 MiB: some 300,000 fingerprints).
    pub const MAX_FILE_SIZE: u64 = 64 << 20;

    /// Read a baseline file: a regular file of at most
    /// [`Baseline::MAX_FILE_SIZE`] bytes, of format version
    /// [`Baseline::VERSION`].
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let bytes = crate::safety::read_limited(path, Self::MAX_FILE_SIZE)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let b: Baseline =
            serde_json::from_slice(&bytes).map_err(|e| format!("{}: not a vanban baseline: {e}", path.display()))?;
        if b.version != Self::VERSION {
            return Err(format!(
                "{}: not a baseline this vanban reads: expected version {}, found version {} \
                 (write it again with --write-baseline)",
                path.display(),
                Self::VERSION,
                b.version
            ));
        }
        Ok(b)
    }

    /// Write a baseline file, atomically (a new file renamed over the old
    /// one: a failed write leaves the old baseline as it was), and never
    /// through a symbolic link.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        crate::safety::write_atomic(path, |w| {
            w.write_all(text.as_bytes())?;
            w.write_all(b"\n")
        })
    }
}

/// Builds a [`Baseline`] one finding at a time (a check that streams its
/// findings keeps only their fingerprints).
#[derive(Debug, Clone, Default)]
pub struct BaselineBuilder {
    root: Option<PathBuf>,
    map: BTreeMap<String, BaselineEntry>,
}

impl BaselineBuilder {
    /// An empty baseline; paths are written relative to `root`.
    pub fn new(root: Option<&Path>) -> BaselineBuilder {
        BaselineBuilder {
            root: root.map(Path::to_path_buf),
            map: BTreeMap::new(),
        }
    }

    /// Record one finding.
    pub fn add(&mut self, f: &Finding) {
        if let Some(e) = self.map.get_mut(&f.fingerprint) {
            e.count += 1;
            return;
        }
        self.map.insert(
            f.fingerprint.clone(),
            BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                code: f.code,
                path: relative(&f.path, self.root.as_deref()),
                cited: f.cited.clone().unwrap_or_default(),
                count: 1,
            },
        );
    }

    /// The baseline.
    pub fn finish(self) -> Baseline {
        Baseline {
            version: Baseline::VERSION,
            entries: self.map.into_values().collect(),
        }
    }
}

/// Leaves out the findings a [`Baseline`] has, one finding at a time, in
/// report order (each entry excuses as many findings as it counts).
#[derive(Debug, Clone)]
pub struct BaselineFilter<'b> {
    left: HashMap<&'b str, usize>,
}

impl<'b> BaselineFilter<'b> {
    /// A filter with the counts of `baseline`.
    pub fn new(baseline: &'b Baseline) -> BaselineFilter<'b> {
        BaselineFilter {
            left: baseline
                .entries
                .iter()
                .map(|e| (e.fingerprint.as_str(), e.count))
                .collect(),
        }
    }

    /// Does the baseline excuse this finding? (Uses up one of its count.)
    pub fn excuses(&mut self, f: &Finding) -> bool {
        match self.left.get_mut(f.fingerprint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// What the baseline still has that no finding used: (fingerprints with
    /// a count left, findings they count). Stale entries: fixed or gone.
    pub fn unused(&self) -> (usize, usize) {
        let left = self.left.values().filter(|&&n| n > 0);
        (left.clone().count(), left.sum())
    }
}
