//! The `casebook` command: parses the arguments, runs the library, exits with its code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    casebook::cli::run(casebook::cli::Cli::parse())
}
