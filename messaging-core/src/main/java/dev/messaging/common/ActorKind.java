package dev.messaging.common;

/** Who acts: a staff user, a customer, or the system itself (integrations, imports, providers). */
public enum ActorKind {
    USER, CUSTOMER, SYSTEM
}
