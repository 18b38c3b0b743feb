//! Item 5: the minimum Rust version against the locked dependencies.

use super::*;

/// `rust-version` of a manifest, as `major.minor[.patch]` numbers.
fn version(v: &str) -> Vec<u64> {
    let mut n: Vec<u64> = v.split('.').map(|p| p.parse().unwrap()).collect();
    n.resize(3, 0);
    n
}

/// The package's `rust-version` (and the Python package's) is at least the
/// highest `rust-version` among the dependencies locked in its Cargo.lock,
/// read through `cargo metadata --locked --offline` (skipped, saying so,
/// when cargo cannot answer offline).
#[test]
fn rust_version_covers_the_locked_dependencies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for manifest in [root.join("Cargo.toml"), root.join("python/Cargo.toml")] {
        let out = std::process::Command::new(env!("CARGO"))
            .args([
                "metadata",
                "--locked",
                "--offline",
                "--format-version",
                "1",
                "--manifest-path",
            ])
            .arg(&manifest)
            .output();
        let out = match out {
            Ok(o) if o.status.success() => o,
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cargo metadata for {}: {}",
                    manifest.display(),
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                continue;
            }
            Err(e) => {
                eprintln!("SKIPPED: cargo metadata cannot run: {e}");
                return;
            }
        };
        let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
        let members: Vec<&Value> = meta["workspace_members"].as_array().unwrap().iter().collect();
        let packages = meta["packages"].as_array().unwrap();
        let own = packages
            .iter()
            .find(|p| p["manifest_path"].as_str().map(PathBuf::from).as_deref() == Some(manifest.as_path()))
            .unwrap();
        let claimed = own["rust_version"].as_str().expect("rust-version is set");
        let (needed, by) = packages
            .iter()
            .filter(|p| !members.contains(&&p["id"]))
            .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].as_str()?.to_string())))
            .max()
            .unwrap();
        assert!(
            version(claimed) >= needed,
            "{}: rust-version {claimed}, but {by} needs {needed:?}",
            manifest.display()
        );
    }
}
