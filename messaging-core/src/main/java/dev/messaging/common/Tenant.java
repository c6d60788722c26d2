package dev.messaging.common;

import java.util.Objects;

/** The scope of every read and write: one location of one company. */
public record Tenant(String companyId, String locationId) {
    public Tenant {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(locationId, "locationId");
    }
}
