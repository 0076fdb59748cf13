package io.faxgate.syncagent.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The state as a JSON file. Written atomically: a temporary file in the same directory is written, flushed to disk
 * and renamed over the old file, so a crash leaves either the old or the new state, never half of one.
 * A file that exists but cannot be understood is an error, not a reason to start over: starting over would forget
 * which Faxgate users came from AD, and users deleted from AD meanwhile would never be deactivated.
 */
public final class StateFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** An empty state when the file does not exist yet (first run). */
    public SyncState load() {
        if (!Files.exists(file)) {
            return new SyncState();
        }
        SyncState state;
        try {
            state = JSON.readValue(file.toFile(), SyncState.class);
        } catch (JsonProcessingException e) {
            throw corrupt("it is not valid state JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new StateFileException("Cannot read state file " + file + ": " + e.getMessage(), e);
        }
        if (state == null) {
            throw corrupt("it is empty", null);
        }
        if (state.getFormatVersion() != SyncState.FORMAT_VERSION) {
            throw corrupt("format version " + state.getFormatVersion() + " is not supported by this agent", null);
        }
        for (Map.Entry<String, UserRecord> e : state.getUsers().entrySet()) {
            if (e.getValue() == null || e.getValue().scimId() == null || e.getValue().profile() == null) {
                throw corrupt("user entry " + e.getKey() + " is incomplete", null);
            }
        }
        for (Map.Entry<String, GroupRecord> e : state.getGroups().entrySet()) {
            if (e.getValue() == null || e.getValue().scimId() == null) {
                throw corrupt("group entry " + e.getKey() + " is incomplete", null);
            }
        }
        return state;
    }

    public void save(SyncState state) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(JSON.writeValueAsBytes(state));
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StateFileException("Cannot write state file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /**
     * Takes an exclusive lock next to the state file ({@code <state>.lock}) so that a daemon and a manual run
     * cannot work on the same state at once. Released when closed or when the process ends.
     */
    public AutoCloseable lock() {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StateFileException("Another agent run is using " + file + " (lock " + lockFile + " is held)", null);
            }
            java.nio.channels.FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new StateFileException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private StateFileException corrupt(String why, Throwable cause) {
        return new StateFileException("State file " + file + " is unusable: " + why + ". The agent will not guess."
                + " Restore it from a backup, or move it away to start over: the next run is then a full sync that"
                + " re-links existing Faxgate users and groups by externalId, but users deleted from AD in the"
                + " meantime are not deactivated automatically.", cause);
    }
}
