//! Paths -> streams: stdin, files, and directories walked recursively. A batch scan never
//! skips a file silently: hidden and ignored files are read, and whatever is not read
//! (a symbolic link not followed, a FIFO met in a walk) gets a skipped row.

use std::fs::File;
use std::io;

use super::stream::Reader;
use super::{Item, Origin, SourceOptions};
use crate::error::Error;

/// Read every path (`-` is stdin) into `sink`, in order. Returns false when the sink asked
/// to stop.
pub fn read_inputs(paths: &[String], opts: &SourceOptions, sink: &mut dyn FnMut(Item) -> bool) -> bool {
    let mut r = Reader::new(opts, sink);
    for path in paths {
        if path == "-" {
            r.read_owned(Origin::file("-"), Box::new(io::stdin()), 0);
        } else {
            read_path(&mut r, path);
        }
        if r.stopped() {
            return false;
        }
    }
    true
}

fn read_path(r: &mut Reader<'_, '_>, path: &str) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            r.emit(Item::Error(Error::Io { path: path.into(), source: e }));
            return;
        }
    };
    if meta.is_dir() {
        walk(r, path);
    } else {
        // A file named on the command line is read whatever it is (a FIFO, /dev/stdin).
        open(r, path);
    }
}

fn open(r: &mut Reader<'_, '_>, path: &str) -> bool {
    match File::open(path) {
        Ok(f) => r.read_owned(Origin::file(path), Box::new(f), 0),
        Err(e) => r.emit(Item::Error(Error::Io { path: path.into(), source: e })),
    }
}

fn walk(r: &mut Reader<'_, '_>, root: &str) {
    let walker = walkdir::WalkDir::new(root).follow_links(r.opts.follow_links).sort_by_file_name();
    for entry in walker {
        let ok = match entry {
            Err(e) => {
                let path = e.path().map_or_else(|| root.to_string(), |p| p.display().to_string());
                let source = if e.loop_ancestor().is_some() {
                    io::Error::other("symbolic link loop")
                } else {
                    e.into_io_error().unwrap_or_else(|| io::Error::other("unreadable directory entry"))
                };
                r.emit(Item::Error(Error::Io { path, source }))
            }
            Ok(entry) => {
                let path = entry.path().display().to_string();
                let ft = entry.file_type();
                if ft.is_dir() {
                    true
                } else if ft.is_symlink() {
                    let reason = "symbolic link not followed (--follow)".to_string();
                    r.emit(Item::Skipped { origin: Origin::file(path), reason })
                } else if ft.is_file() {
                    open(r, &path)
                } else {
                    r.emit(Item::Skipped { origin: Origin::file(path), reason: "not a regular file".into() })
                }
            }
        };
        if !ok {
            return;
        }
    }
}
