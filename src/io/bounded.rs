//! Reading a file or standard input whole, within a limit, and only from something that ends:
//! a regular file. A pipe, a device (`/dev/zero`, `/dev/urandom`) or a socket would block or
//! never end, so it is refused by its type before it is opened; standard input (`-`) is the way
//! to stream text in. The limit holds however the bytes arrive, even for a file that grows
//! while it is read.

use super::error::{FileError, Problem, read_problem};
use std::io::Read;
use std::path::Path;

/// The bytes of the regular file at `path`, if there are no more than `limit`.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let fail = |problem| FileError::open(path, problem);
    let meta = std::fs::metadata(path).map_err(|e| fail(read_problem(&e)))?;
    if meta.is_dir() {
        return Err(fail(Problem::IsDirectory));
    }
    if !meta.is_file() {
        return Err(fail(Problem::NotRegular));
    }
    if meta.len() > limit {
        return Err(fail(Problem::TooLarge {
            bytes: meta.len(),
            limit,
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(read_problem(&e)))?;
    read_within(file, limit).map_err(fail)
}

/// Everything `source` yields, if it is no more than `limit` bytes.
pub fn read_within(source: impl Read, limit: u64) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    source
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_problem(&e))?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooLargeStream { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_longer_than_the_limit_is_refused_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        assert_eq!(
            read_within(endless, 1_000),
            Err(Problem::TooLargeStream { limit: 1_000 })
        );
        assert_eq!(read_within(&b"abc"[..], 3), Ok(b"abc".to_vec()));
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_by_their_type() {
        for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let err = read_file(Path::new(device), 1_000).unwrap_err();
            assert_eq!(err.problem, Problem::NotRegular, "{device}");
        }
    }
}
