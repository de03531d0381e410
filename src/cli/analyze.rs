//! `lede analyze`: the main job.

use super::{EXIT_OK, EXIT_SOME_FAILED, InputArgs};
use anyhow::{Context, Result};
use lede::output::{Format, Printer};
use lede::pipeline::{self, Analyzed, Outcome, Sink};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

/// The signal that stopped the run (SIGINT, SIGTERM or SIGHUP), 0 while
/// none has. Set by the handler; the sink checks it before every write, so
/// the run stops at the next document and the pipeline winds down its
/// reader and workers the same way it does for a closed pipe.
static INTERRUPTED: AtomicI32 = AtomicI32::new(0);

/// The `--output` temporary file, so the handler can remove it itself if
/// the run does not stop in time (say, a worker busy with one huge input).
static TEMP_FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

/// How long the handler waits for the run to stop on its own before it
/// removes the temporary file and exits.
const GRACE: Duration = Duration::from_secs(3);

/// The output buffer: a JSON Lines record runs to a few kilobytes, and a
/// run flushes on its own schedule (`Sink::idle`), so a buffer holding some
/// records spares most of the write calls that filling 8 KiB would make.
const OUT_BUFFER: usize = 64 * 1024;

/// The write end of the pipe by which the signal handler wakes the
/// watcher thread (-1 when there is none).
#[cfg(unix)]
static WAKE: AtomicI32 = AtomicI32::new(-1);

/// Installs the handler for Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed
/// terminal (SIGHUP). Without it these signals kill the process at once and
/// a half-written `.lede-*.tmp` file stays behind.
///
/// The signal handler only sets [`INTERRUPTED`] and writes a byte to a
/// pipe (all it may safely do); a watcher thread, asleep on the pipe's
/// other end until then, gives the run [`GRACE`] to stop on its own, then
/// removes the temporary file and exits. Blocking on the pipe rather than
/// polling the flag keeps a long streaming run (`lede analyze -` in a
/// pipe, idle between records) from waking every few milliseconds. Plain
/// `libc` rather than a signal crate: nothing else is needed, and no
/// dependency features change.
#[cfg(unix)]
fn install_interrupt_handler() {
    extern "C" fn on_signal(signal: libc::c_int) {
        INTERRUPTED.store(signal, Ordering::SeqCst);
        wake(WAKE.load(Ordering::SeqCst));
    }
    let mut fds = [-1; 2];
    // SAFETY: pipe(2) fills the two descriptors of a fresh pipe; fcntl(2)
    // sets flags on them, and close(2) gives them back if that fails.
    // Neither end is inherited by a program `lede` might run, and the write
    // end never blocks (see `wake`).
    let piped = unsafe {
        libc::pipe(fds.as_mut_ptr()) == 0 && {
            let flagged = fds.iter().all(|&fd| libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) == 0)
                && libc::fcntl(fds[1], libc::F_SETFL, libc::O_NONBLOCK) == 0;
            if !flagged {
                for fd in fds {
                    libc::close(fd);
                }
            }
            flagged
        }
    };
    if piped {
        WAKE.store(fds[1], Ordering::SeqCst);
    }
    let handler: extern "C" fn(libc::c_int) = on_signal;
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores to an atomic and writes to a pipe,
        // both async-signal-safe.
        unsafe {
            libc::signal(signal, handler as libc::sighandler_t);
        }
    }
    std::thread::spawn(move || {
        while piped && !interrupted() {
            let mut byte = 0u8;
            // SAFETY: reads at most one byte into a local.
            let n = unsafe { libc::read(fds[0], (&raw mut byte).cast(), 1) };
            if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            if n != 1 {
                // The pipe failed: fall back to looking at the flag.
                break;
            }
        }
        while !interrupted() {
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(GRACE);
        abandon_temp_file();
        eprintln!("lede: interrupted");
        std::process::exit(exit_interrupted().into());
    });
}

#[cfg(not(unix))]
fn install_interrupt_handler() {}

/// Writes the byte that wakes the watcher to `fd`, the pipe's
/// non-blocking write end (nothing when `fd` is -1). Called from the signal
/// handler, so it does only what is async-signal-safe. A full pipe
/// (signals by the tens of thousands) fails the write, which is harmless:
/// the flag is set and the watcher awake already. A failed write sets
/// `errno`, which the interrupted code may be about to read, so it is put
/// back.
#[cfg(unix)]
fn wake(fd: libc::c_int) {
    if fd >= 0 {
        let saved = errno::get();
        // SAFETY: write(2) is async-signal-safe, and the byte outlives the call.
        unsafe {
            libc::write(fd, [1u8].as_ptr().cast(), 1);
        }
        errno::set(saved);
    }
}

/// `errno` of the calling thread, which a signal handler must leave as it
/// found it. Where `libc` names no accessor, nothing is saved.
#[cfg(unix)]
mod errno {
    /// Whether this target's `errno` is reached (else nothing is saved).
    #[cfg(test)]
    pub const REACHED: bool =
        cfg!(any(target_os = "linux", target_os = "android", target_vendor = "apple", target_os = "freebsd"));

    #[cfg(target_os = "linux")]
    fn location() -> Option<*mut libc::c_int> {
        // SAFETY: returns the calling thread's errno; async-signal-safe.
        Some(unsafe { libc::__errno_location() })
    }

    #[cfg(target_os = "android")]
    fn location() -> Option<*mut libc::c_int> {
        // SAFETY: returns the calling thread's errno; async-signal-safe.
        Some(unsafe { libc::__errno() })
    }

    #[cfg(any(target_vendor = "apple", target_os = "freebsd"))]
    fn location() -> Option<*mut libc::c_int> {
        // SAFETY: returns the calling thread's errno; async-signal-safe.
        Some(unsafe { libc::__error() })
    }

    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple", target_os = "freebsd")))]
    fn location() -> Option<*mut libc::c_int> {
        None
    }

    /// The current value.
    pub fn get() -> libc::c_int {
        // SAFETY: the pointer is the calling thread's own errno.
        location().map_or(0, |p| unsafe { *p })
    }

    /// Puts back a value [`get`] returned.
    pub fn set(value: libc::c_int) {
        if let Some(p) = location() {
            // SAFETY: the pointer is the calling thread's own errno.
            unsafe { *p = value }
        }
    }
}

fn abandon_temp_file() {
    let path = TEMP_FILE.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(p) = path {
        let _ = std::fs::remove_file(p);
    }
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst) != 0
}

/// Exit code after a signal, 128 + its number as shells report it (130 for
/// Ctrl-C, 143 for SIGTERM).
fn exit_interrupted() -> u8 {
    u8::try_from(128 + INTERRUPTED.load(Ordering::SeqCst)).unwrap_or(130)
}

fn interrupted_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted")
}

pub const EXAMPLES: &str = "Examples:
  lede analyze fixtures/                      a table on a terminal
  lede analyze ~/articles --format jsonl | jq -r .title
  lede analyze records.jsonl --format json > out.json
  lede analyze page.html --only entities,quotes --text";

/// Options of `lede analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Include each document's cleaned text (offsets index it).
    #[arg(long)]
    pub text: bool,
    /// Write to this file instead of stdout (atomically: a temporary file renamed when done).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Resolve person names with this corpus alias map (`lede report
    /// --names-out`) instead of over this run's documents: a shard analyzed
    /// this way equals its part of one run over the whole corpus.
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
    /// Which part of the corpus this run is, with `--names` (the index of
    /// its report among those merged, from 0).
    #[arg(long, value_name = "N", default_value_t = 0, requires = "names")]
    pub part: u64,
}

/// Reports errors and warnings on stderr as they pass to the printer.
struct Reporting<'a, S: Sink> {
    inner: &'a mut S,
    quiet: bool,
    progress: &'a super::Progress,
}

impl<S: Sink> Reporting<'_, S> {
    /// Checks for a signal and reports the outcome's errors and warnings.
    fn report(&self, outcome: &Outcome) -> std::io::Result<()> {
        match outcome {
            Outcome::Error(e) => {
                self.check_signal()?;
                self.progress.eprintln(&format!("lede: {e}"));
                self.progress.tick();
                Ok(())
            }
            Outcome::Doc(a) => self.report_doc(a),
        }
    }

    /// Fails once a signal has come.
    fn check_signal(&self) -> std::io::Result<()> {
        if interrupted() { Err(interrupted_error()) } else { Ok(()) }
    }

    /// Checks for a signal and reports the document's warnings.
    fn report_doc(&self, a: &Analyzed) -> std::io::Result<()> {
        self.check_signal()?;
        if !self.quiet {
            for w in &a.doc.warnings {
                self.progress.eprintln(&format!("lede: warning: {}: {w}", a.doc.id));
            }
        }
        self.progress.tick();
        Ok(())
    }
}

impl<S: Sink> Sink for Reporting<'_, S> {
    fn outcome(&mut self, outcome: Outcome) -> std::io::Result<()> {
        self.report(&outcome)?;
        self.inner.outcome(outcome)
    }
    fn rendered(&mut self, doc: &Analyzed, rendered: &pipeline::Rendered) -> std::io::Result<()> {
        self.report_doc(doc)?;
        self.inner.rendered(doc, rendered)
    }
    fn renderer(&self) -> Option<std::sync::Arc<dyn pipeline::Render>> {
        self.inner.renderer()
    }
    fn idle(&mut self) -> std::io::Result<()> {
        self.check_signal()?;
        self.inner.idle()
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    install_interrupt_handler();
    match analyze(args) {
        _ if interrupted() => {
            // The temporary file (if any) was dropped, hence deleted, on the way out.
            abandon_temp_file();
            eprintln!("lede: interrupted");
            Ok(ExitCode::from(exit_interrupted()))
        }
        other => other,
    }
}

fn analyze(args: &Args) -> Result<ExitCode> {
    let mut cfg = args.input.config();
    if let Some(path) = &args.names {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let aliases =
            lede::resolve::Aliases::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        cfg.names = Some(std::sync::Arc::new(lede::resolve::GivenNames { aliases, part: args.part }));
    }
    let walker = args.input.walker()?;
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal { Format::Table } else { Format::Jsonl });
    let progress = super::Progress::new(args.input.quiet);
    let summary = match &args.output {
        None => {
            let stdout = std::io::stdout().lock();
            let mut printer = Printer::new(std::io::BufWriter::with_capacity(OUT_BUFFER, stdout), format, args.text);
            let s = pipeline::run(
                &walker,
                &cfg,
                &mut Reporting { inner: &mut printer, quiet: args.input.quiet, progress: &progress },
            )?;
            printer.finish()?;
            s
        }
        Some(path) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::Builder::new()
                .prefix(".lede-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            *TEMP_FILE.lock().unwrap_or_else(|e| e.into_inner()) = Some(tmp.path().to_path_buf());
            let mut printer = Printer::new(std::io::BufWriter::with_capacity(OUT_BUFFER, tmp), format, args.text);
            let s = pipeline::run(
                &walker,
                &cfg,
                &mut Reporting { inner: &mut printer, quiet: args.input.quiet, progress: &progress },
            )?;
            let mut file = printer.finish()?.into_inner().map_err(|e| e.into_error())?;
            file.flush()?;
            if interrupted() {
                return Err(interrupted_error().into());
            }
            // From here on the file is complete: the handler must not delete it.
            TEMP_FILE.lock().unwrap_or_else(|e| e.into_inner()).take();
            file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
            s
        }
    };
    progress.finish();
    Ok(ExitCode::from(if summary.errors > 0 { EXIT_SOME_FAILED } else { EXIT_OK }))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// What the signal handler saves is what it puts back.
    #[test]
    fn errno_reads_back_what_is_set() {
        if !errno::REACHED {
            return;
        }
        for value in [libc::EAGAIN, libc::EINTR, 0] {
            errno::set(value);
            assert_eq!(errno::get(), value);
        }
        // A failing call sets it; `get` sees the same as the standard library.
        // SAFETY: closing a descriptor that is not open fails with EBADF.
        unsafe { libc::close(-1) };
        assert_eq!(errno::get(), libc::EBADF);
        assert_eq!(std::io::Error::last_os_error().raw_os_error(), Some(libc::EBADF));
    }

    /// The handler's write wakes a reader, and when it fails (a full pipe)
    /// it leaves `errno` as the interrupted code had it.
    #[test]
    fn wake_writes_a_byte_and_keeps_errno() {
        let mut fds = [-1; 2];
        // SAFETY: a fresh pipe, its write end made non-blocking as in
        // `install_interrupt_handler`; both ends closed at the end.
        unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            assert_eq!(libc::fcntl(fds[1], libc::F_SETFL, libc::O_NONBLOCK), 0);
            wake(fds[1]);
            let mut byte = 0u8;
            assert_eq!(libc::read(fds[0], (&raw mut byte).cast(), 1), 1);
            assert_eq!(byte, 1);
            // Fill the pipe, so that the next write fails with EAGAIN.
            let block = [0u8; 4096];
            while libc::write(fds[1], block.as_ptr().cast(), block.len()) > 0 {}
            while libc::write(fds[1], block.as_ptr().cast(), 1) > 0 {}
            if errno::REACHED {
                errno::set(libc::EINTR);
                wake(fds[1]);
                assert_eq!(errno::get(), libc::EINTR);
            }
            wake(-1);
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
