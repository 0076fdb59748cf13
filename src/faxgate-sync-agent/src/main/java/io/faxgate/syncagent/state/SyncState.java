package io.faxgate.syncagent.state;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The agent's memory between runs: which AD object (objectGUID) is which Faxgate id, what was last sent, and the
 * USN watermark for the next incremental run. Plain mutable JavaBean for Jackson; kept in {@link StateFile}.
 */
public final class SyncState {

    public static final int FORMAT_VERSION = 1;

    private int formatVersion = FORMAT_VERSION;
    /** The LDAP URL the watermark belongs to: USNs are per domain controller. */
    private String directoryUrl;
    private Long watermark;
    private String lastFullSync;
    private String lastRun;
    private TreeMap<String, UserRecord> users = new TreeMap<>();
    private TreeMap<String, GroupRecord> groups = new TreeMap<>();

    public int getFormatVersion() {
        return formatVersion;
    }

    public void setFormatVersion(int formatVersion) {
        this.formatVersion = formatVersion;
    }

    public String getDirectoryUrl() {
        return directoryUrl;
    }

    public void setDirectoryUrl(String directoryUrl) {
        this.directoryUrl = directoryUrl;
    }

    public Long getWatermark() {
        return watermark;
    }

    public void setWatermark(Long watermark) {
        this.watermark = watermark;
    }

    public String getLastFullSync() {
        return lastFullSync;
    }

    public void setLastFullSync(String lastFullSync) {
        this.lastFullSync = lastFullSync;
    }

    public String getLastRun() {
        return lastRun;
    }

    public void setLastRun(String lastRun) {
        this.lastRun = lastRun;
    }

    public Map<String, UserRecord> getUsers() {
        return users;
    }

    public void setUsers(Map<String, UserRecord> users) {
        this.users = users == null ? new TreeMap<>() : new TreeMap<>(users);
    }

    public Map<String, GroupRecord> getGroups() {
        return groups;
    }

    public void setGroups(Map<String, GroupRecord> groups) {
        this.groups = groups == null ? new TreeMap<>() : new TreeMap<>(groups);
    }

    /** The watermark, if it can be used against this directory URL. */
    @JsonIgnore
    public OptionalLong watermarkFor(String url) {
        if (watermark == null || lastFullSync == null || !url.equals(directoryUrl)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(watermark);
    }

    @JsonIgnore
    public Optional<String> userGuidByScimId(String scimId) {
        return users.entrySet().stream().filter(e -> scimId.equals(e.getValue().scimId())).map(Map.Entry::getKey).findFirst();
    }
}
