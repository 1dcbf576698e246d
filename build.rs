//! Embeds the demo catalogue (`data/`) into the binary, so a fresh checkout or
//! a copied binary serves it with no files beside it.

use std::{env, fs, path::Path};

fn main() {
    // Read when the script runs, not when it was compiled: a target directory
    // shared between clones may hold a script built in another one.
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let entries: String =
        files.iter().map(|(rel, abs)| format!("    ({rel:?}, include_str!({abs:?})),\n")).collect();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_catalog.rs");
    fs::write(out, format!("pub static FILES: &[(&str, &str)] = &[\n{entries}];\n")).unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        println!("cargo::rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, path.display().to_string()));
        }
    }
}
