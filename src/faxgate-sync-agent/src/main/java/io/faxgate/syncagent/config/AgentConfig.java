package io.faxgate.syncagent.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the agent needs for a run, read from the configuration file and the secret sources.
 *
 * @param stateFile      the local JSON file with what the last run achieved
 * @param daemonInterval pause between runs in daemon mode
 * @param fullSyncEvery  in daemon mode, run a full sync (deactivations, removals that incremental can't see) at least this often
 * @param maxDeactivations a full sync that would deactivate more users than this deactivates none (0 = no limit)
 */
public record AgentConfig(
        DirectorySettings directory,
        FaxgateSettings faxgate,
        Path stateFile,
        Duration daemonInterval,
        Duration fullSyncEvery,
        int maxDeactivations) {
}
