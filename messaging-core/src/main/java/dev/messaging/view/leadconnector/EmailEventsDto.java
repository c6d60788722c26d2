package dev.messaging.view.leadconnector;

/**
 * LeadConnector (v3) EmailEventsDto: an email's engagement counters as a provider reports them.
 * Parsed and rendered; the domain keeps the email's status, not the counters yet.
 */
public record EmailEventsDto(Integer delivered, Integer opened, Integer clicked, Integer replied, Integer failed,
        Integer accepted, Integer rejected, Integer unsubscribed, Integer complained, Integer stored) {
}
