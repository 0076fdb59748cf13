package io.faxgate.syncagent.state;

import io.faxgate.syncagent.model.UserProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void missingFileMeansFirstRun() {
        SyncState s = new StateFile(dir.resolve("none.json")).load();
        assertThat(s.getUsers()).isEmpty();
        assertThat(s.watermarkFor("ldaps://dc1:636")).isEmpty();
    }

    @Test
    void roundTrip() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.json"));
        SyncState s = new SyncState();
        s.setDirectoryUrl("ldaps://dc1:636");
        s.setWatermark(4711L);
        s.setLastFullSync("2025-01-01T00:00:00Z");
        UserProfile p = new UserProfile("a@corp.example", "A B", "A", "B", "a@corp.example", true, "ab", "S-1-5-21-1-2-3-1001");
        s.getUsers().put("g1", new UserRecord("scim-1", "cn=a b,ou=staff,dc=corp", p, true));
        s.getGroups().put("g2", new GroupRecord("scim-2", "cn=fax,ou=groups,dc=corp", "Fax", Set.of("g1"), true));
        file.save(s);

        SyncState back = file.load();
        assertThat(back.getUsers()).containsEntry("g1", s.getUsers().get("g1"));
        assertThat(back.getGroups().get("g2").members()).containsExactly("g1");
        assertThat(back.watermarkFor("ldaps://dc1:636")).hasValue(4711L);
        assertThat(back.watermarkFor("ldaps://dc2:636")).as("USNs are per DC").isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void saveReplacesTheOldFile() {
        StateFile file = new StateFile(dir.resolve("state.json"));
        SyncState s = new SyncState();
        s.setWatermark(1L);
        file.save(s);
        s.setWatermark(2L);
        file.save(s);
        assertThat(file.load().getWatermark()).isEqualTo(2L);
    }

    @Test
    void corruptFileIsAClearErrorNotAFreshStart() throws Exception {
        Path p = dir.resolve("state.json");
        Files.writeString(p, "{\"formatVersion\":1,\"users\":{\"g1\":{\"scimId\":");
        assertThatThrownBy(() -> new StateFile(p).load())
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("not valid state JSON")
                .hasMessageContaining("move it away");
    }

    @Test
    void incompleteEntryIsRefused() throws Exception {
        Path p = dir.resolve("state.json");
        Files.writeString(p, "{\"formatVersion\":1,\"users\":{\"g1\":{\"dn\":\"x\"}}}");
        assertThatThrownBy(() -> new StateFile(p).load()).isInstanceOf(StateFileException.class)
                .hasMessageContaining("user entry g1 is incomplete");
    }

    @Test
    void unknownFormatVersionIsRefused() throws Exception {
        Path p = dir.resolve("state.json");
        Files.writeString(p, "{\"formatVersion\":99}");
        assertThatThrownBy(() -> new StateFile(p).load()).isInstanceOf(StateFileException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void secondLockIsRefused() throws Exception {
        StateFile file = new StateFile(dir.resolve("state.json"));
        try (AutoCloseable first = file.lock()) {
            assertThatThrownBy(file::lock).isInstanceOf(StateFileException.class).hasMessageContaining("Another agent run");
        }
        try (AutoCloseable again = file.lock()) {
            assertThat(again).isNotNull();
        }
    }
}
