package dev.messaging.view.leadconnector;

import java.util.Map;

/**
 * LeadConnector MessageMeta: a call's duration and status ({@code completed}, {@code voicemail}...),
 * and {@code email} (upstream an untyped object; the library writes {@code {"messageIds": [...]}},
 * the provider ids of a message's email). {@code callDuration} is declared a string and shown as a
 * number upstream, so either is kept as it came.
 */
public record MessageMeta(Object callDuration, String callStatus, Map<String, Object> email) {
}
