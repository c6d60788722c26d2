package dev.messaging.common;

import dev.messaging.common.ActorKind;
import dev.messaging.common.Tenant;
import dev.messaging.error.ValidationException;
import java.util.Optional;

/**
 * Who makes a call, and in which tenant. A user may do everything, but thread calls act only
 * on that user's own threads; a customer may create messages in, and read, only its own
 * conversation; system may create messages, update delivery status and import history, and has
 * no threads.
 */
public record Actor(ActorKind kind, Tenant tenant, String userId, String customerId, String sessionId) {
    public Actor {
        if (kind == null) {
            throw ValidationException.of("actor.kind", "is required");
        }
        if (tenant == null) {
            throw ValidationException.of("actor.tenant", "is required");
        }
        requireId("actor.companyId", tenant.companyId());
        requireId("actor.locationId", tenant.locationId());
        if (kind == ActorKind.USER) {
            requireId("actor.userId", userId);
        }
        if (kind == ActorKind.CUSTOMER) {
            requireId("actor.customerId", customerId);
        }
        if (sessionId != null) {
            requireId("actor.sessionId", sessionId);
        }
    }

    /**
     * A staff user of the location: may do everything, thread calls on its own threads only. Malformed ids
     * are a {@code ValidationException}.
     */
    public static Actor user(String companyId, String locationId, String userId) {
        return new Actor(ActorKind.USER, tenant(companyId, locationId), userId, null, null);
    }

    /** A customer: may write and read only in its own conversation. Malformed ids are a {@code ValidationException}. */
    public static Actor customer(String companyId, String locationId, String customerId) {
        return new Actor(ActorKind.CUSTOMER, tenant(companyId, locationId), null, customerId, null);
    }

    /** The service itself: creates messages (author System), reports deliveries, imports history; has no threads. */
    public static Actor system(String companyId, String locationId) {
        return new Actor(ActorKind.SYSTEM, tenant(companyId, locationId), null, null, null);
    }

    /** The same actor acting within a session (recorded in {@code meta.sessionId}; an id like the others). */
    public Actor withSession(String session) {
        return new Actor(kind, tenant, userId, customerId, session);
    }

    /** Whether a staff user acts. */
    public boolean isUser() {
        return kind == ActorKind.USER;
    }

    /** Whether a customer acts. */
    public boolean isCustomer() {
        return kind == ActorKind.CUSTOMER;
    }

    /** Whether the system acts. */
    public boolean isSystem() {
        return kind == ActorKind.SYSTEM;
    }

    /** The session the call came from, if the service passed one (it is recorded with the change). */
    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }

    private static Tenant tenant(String companyId, String locationId) {
        requireId("actor.companyId", companyId);
        requireId("actor.locationId", locationId);
        return new Tenant(companyId, locationId);
    }

    /** An id of the actor: required, and well-formed like every id (see {@link Texts#idProblem}). */
    private static void requireId(String field, String value) {
        String problem = value == null ? "is required" : Texts.idProblem(value);
        if (problem != null) {
            throw ValidationException.of(field, problem);
        }
    }
}
