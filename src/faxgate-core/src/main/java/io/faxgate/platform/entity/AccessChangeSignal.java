package io.faxgate.platform.entity;

/**
 * What {@link AccessChangeListener} tells when an entity that decides access changed. An interface here, so that
 * entities (which import nothing from control) can reach the signal; {@code platform.control.AccessEpoch} is the
 * one implementation.
 */
public interface AccessChangeSignal {

    /** Access may have changed; takes effect for every node once the current transaction commits. */
    void changedInThisTransaction();
}
