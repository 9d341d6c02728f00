//! The `casebook` command: parses the arguments, runs the library, exits with its code.

// Measured on 200 benchmark cases: typst's layout allocates many small, short-lived values,
// and mimalloc builds the set 5-7% faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    casebook::cli::run(casebook::cli::parse())
}
