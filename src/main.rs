use claimlens::cli::{self, Cli};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        let stdout = std::io::stdout();
        return match cli::run(command, &mut stdout.lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("claimlens: {message}");
                ExitCode::FAILURE
            }
        };
    }
    match claimlens::ui::run_native(args.files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("claimlens: {message}");
            ExitCode::FAILURE
        }
    }
}
