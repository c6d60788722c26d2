package dev.messaging.view.leadconnector;

/** LeadConnector StartAfterNumberSchema (a date sort value); the library's own cursor is opaque ({@code startAfter}). */
public record StartAfterNumberSchema(Long startAfterDate) {
}
