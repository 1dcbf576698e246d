//! Catalogue directories a test may change: a copy of the demo's `data/`
//! (halls, categories, services, policies, queues) in a temporary directory.

use std::path::Path;

/// A copy of the demo catalogue, deleted with the returned directory.
pub fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), dir.path());
    dir
}

/// Copies the tree `from` into the directory `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces the first `old` in `file` (inside `dir`), which must hold it, by `new`.
pub fn edit(dir: &Path, file: &str, old: &str, new: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "no {old:?} in {file}");
    std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
}
