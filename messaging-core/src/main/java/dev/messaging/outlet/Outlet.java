package dev.messaging.outlet;

/**
 * A service point of a location (hotel API outlets: the front desk, the spa, room service): its
 * {@code code}, display {@code name}, whether it is {@code active}, and its {@code order} among the
 * location's outlets. A conversation created without an outlet gets the first active one.
 */
public record Outlet(String code, String name, boolean active, int order) {
}
