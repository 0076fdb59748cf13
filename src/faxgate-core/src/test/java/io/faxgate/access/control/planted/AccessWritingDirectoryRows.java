package io.faxgate.access.control.planted;

import io.faxgate.directory.entity.DirectoryUser;
import java.time.Instant;

/** Planted violation for RulesCatchViolationsTest (never in main code): access changing directory's rows. */
public class AccessWritingDirectoryRows {

    void deactivate(DirectoryUser user) {
        user.activate(false, Instant.now());
    }

    DirectoryUser create() {
        return new DirectoryUser(1, null, "someone", null, Instant.now());
    }
}
