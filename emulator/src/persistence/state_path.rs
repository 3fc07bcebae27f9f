//! Where a state file really is, and the lock that keeps a second emulator off it: every
//! spelling of one file (a symlink, a relative path, `..`) resolves to one real file, which one
//! lock file beside it guards for the life of the process.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::StateFileError;

/// The real file a `--state-file` path names: symlinks followed (also a dangling one: its target
/// is where the file will be made), `.`/`..` and relative spellings resolved, so that every
/// spelling of one file locks one lock file and compaction renames over the real file. A file
/// with more than one hard link is refused: a compaction replaces the file by a rename, after
/// which the other links would keep its old content (another emulator started on one of them
/// would silently lose the first one's changes).
pub fn resolve_state_file(path: &Path) -> Result<PathBuf, StateFileError> {
    let mut current = path.to_path_buf();
    // Follow a chain of symlinks by hand: `canonicalize` refuses a dangling one.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target =
                    std::fs::read_link(&current).map_err(|source| StateFileError::ReadLink {
                        path: path.to_path_buf(),
                        source,
                    })?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => break,
        }
    }
    let name = current
        .file_name()
        .ok_or_else(|| StateFileError::NamesNoFile {
            path: path.to_path_buf(),
        })?
        .to_owned();
    let dir = match current.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir).map_err(|source| StateFileError::Folder {
        path: path.to_path_buf(),
        folder: dir.clone(),
        source,
    })?;
    let real = dir.join(name);
    if let Ok(meta) = std::fs::symlink_metadata(&real) {
        if meta.file_type().is_symlink() {
            return Err(StateFileError::SymlinkLoop {
                path: path.to_path_buf(),
            });
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            if meta.nlink() > 1 {
                return Err(StateFileError::HardLinks {
                    path: path.to_path_buf(),
                    real,
                    links: meta.nlink(),
                });
            }
        }
    }
    Ok(real)
}

/// The lock file of a state file: `PATH.lock`, beside it and never renamed (the state file itself
/// is replaced by renames, which would drop a lock held on it).
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the exclusive advisory lock of `path`'s lock file for the life of the process and writes
/// this process's id in it; refused, naming the holder's pid, when another process holds it.
pub(super) fn lock_state_file(path: &Path) -> Result<File, StateFileError> {
    let lock = lock_path(path);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock)
        .map_err(|source| StateFileError::LockFile {
            path: path.to_path_buf(),
            lock: lock.clone(),
            source,
        })?;
    // A journal of this same process that is being dropped (its journal thread holds it until it
    // has written what was queued) releases the lock in a moment: an in-process restart waits for it, up
    // to two seconds. Another process's lock is refused at once.
    let mut attempts = 0;
    let locked = loop {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock) if attempts < 200 && held_by_us(&mut file) => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => break other,
        }
    };
    match locked {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.seek(std::io::SeekFrom::Start(0));
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(StateFileError::InUse {
                path: path.to_path_buf(),
                holder: (!holder.is_empty()).then(|| holder.to_string()),
            });
        }
        Err(std::fs::TryLockError::Error(source)) => {
            return Err(StateFileError::Locking {
                path: path.to_path_buf(),
                lock,
                source,
            })
        }
    }
    file.set_len(0)
        .and_then(|()| file.write_all(std::process::id().to_string().as_bytes()))
        .and_then(|()| file.sync_all())
        .map_err(|source| StateFileError::WritingLock {
            path: path.to_path_buf(),
            lock,
            source,
        })?;
    Ok(file)
}

/// Whether the pid written in a lock file is this process's.
fn held_by_us(file: &mut File) -> bool {
    let mut holder = String::new();
    file.seek(std::io::SeekFrom::Start(0)).is_ok()
        && file.read_to_string(&mut holder).is_ok()
        && holder.trim() == std::process::id().to_string()
}
