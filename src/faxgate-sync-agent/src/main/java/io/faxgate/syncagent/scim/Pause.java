package io.faxgate.syncagent.scim;

import java.time.Duration;

/** Waiting between retries; tests can watch or shorten it. */
@FunctionalInterface
public interface Pause {

    Pause REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
