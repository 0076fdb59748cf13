package io.faxgate.platform.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Identity for rows that are written once, or whose few later writes are last-writer-wins (memberships, grants, audit events, tokens). */
@MappedSuperclass
public abstract class UnversionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "faxgate_seq")
    private Long id;

    public Long getId() {
        return id;
    }
}
