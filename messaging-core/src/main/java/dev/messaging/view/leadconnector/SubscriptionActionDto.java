package dev.messaging.view.leadconnector;

/**
 * LeadConnector SubscriptionActionDto: what a subscription change does — {@code type}
 * {@code default} (the one-on-one emails: the channel as a whole), {@code custom} (the category
 * {@code subtype_id}) or {@code resub_all} (everything again) — and to which status.
 */
public record SubscriptionActionDto(String type, String subtype_name, String subtype_id, String subtype_status) {
}
