/**
 * Test support for a service's own tests, JDK only: a {@link dev.messaging.testing.SettableClock}
 * to inject with {@code Messaging.builder(store).clock(...)}, and a
 * {@link dev.messaging.testing.RecordingSender} to plug into a delivery worker in place of a
 * provider. Nothing here is meant for production.
 */
package dev.messaging.testing;
