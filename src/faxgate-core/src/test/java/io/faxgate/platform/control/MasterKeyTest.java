package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dir;

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theConfiguredDomainWideKeyWins() throws Exception {
        Files.writeString(dir.resolve("faxgate-master.key"), Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32}));
        assertThat(MasterKey.load(Optional.of(KEY), dir.resolve("faxgate-master.key"), "a").getEncoded())
                .isEqualTo(new byte[32]);
    }

    @Test
    void aClusterInstanceNeverGeneratesAKeyOfItsOwn() {
        Path file = dir.resolve("faxgate-master.key");
        assertThatThrownBy(() -> MasterKey.load(Optional.empty(), file, "a"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("faxgate.secrets.master-key");
        assertThat(file).doesNotExist();
    }

    @Test
    void aStandaloneServerStillGeneratesItsKeyFileOnce() {
        Path file = dir.resolve("faxgate-master.key");
        byte[] first = MasterKey.load(Optional.empty(), file, "server").getEncoded();
        assertThat(file).exists();
        assertThat(MasterKey.load(Optional.empty(), file, "server").getEncoded()).isEqualTo(first);
    }
}
