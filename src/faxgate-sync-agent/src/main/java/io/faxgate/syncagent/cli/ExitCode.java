package io.faxgate.syncagent.cli;

/** Process exit codes, documented in README.md and in {@code --help}. */
public final class ExitCode {

    /** Run finished; every planned change was made (or, for --dry-run, the plan was printed). */
    public static final int OK = 0;
    /** Run finished but some changes failed or were refused (see the log); they are retried next run. */
    public static final int PARTIAL_FAILURE = 1;
    /** Configuration file, command line or secret source is wrong; also when a secret is passed on the command line. */
    public static final int CONFIGURATION_ERROR = 2;
    /** AD could not be reached, TLS failed, the bind was refused, or a search failed. Faxgate was not touched. */
    public static final int DIRECTORY_UNAVAILABLE = 3;
    /** Faxgate could not be reached or refused the SCIM token (401/403). */
    public static final int FAXGATE_UNAVAILABLE = 4;
    /** The state file is corrupt, unreadable, unwritable, or locked by another run. */
    public static final int STATE_FILE_ERROR = 5;

    private ExitCode() {
    }
}
