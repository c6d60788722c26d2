package dev.messaging;

/** Who acts: a staff user, a customer, or the system itself (integrations, imports, providers). */
public enum ActorKind {
    USER, CUSTOMER, SYSTEM
}
