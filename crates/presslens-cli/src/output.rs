//! Writing to standard output, for every subcommand.

use std::io;

/// A closed output (`presslens annotate … | head`) ends the run quietly and
/// successfully, as for any filter; another write error is an error.
pub fn output_closed(e: io::Error) -> Result<bool, String> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(true)
    } else {
        Err(format!("<stdout>: {e}"))
    }
}
