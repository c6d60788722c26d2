package dev.messaging.view.leadconnector;

import java.util.List;

/** LeadConnector StartAfterArrayNumberSchema (sort values); the library's own cursor is opaque. */
public record StartAfterArrayNumberSchema(List<Long> startAfterDate) {
}
