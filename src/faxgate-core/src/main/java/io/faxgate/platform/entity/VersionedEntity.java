package io.faxgate.platform.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * Identity plus optimistic locking for every mutable aggregate. One shared sequence (allocation 50) because
 * IDENTITY columns fail on Payara's bundled H2 and a sequence works the same on H2 and PostgreSQL.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    @SequenceGenerator(name = "faxgate_seq", sequenceName = "faxgate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "faxgate_seq")
    private Long id;

    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }
}
