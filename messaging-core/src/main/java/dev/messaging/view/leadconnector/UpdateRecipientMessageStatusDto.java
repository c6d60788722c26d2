package dev.messaging.view.leadconnector;

/** LeadConnector (v3) UpdateRecipientMessageStatusDto: one recipient's email status and why it failed. */
public record UpdateRecipientMessageStatusDto(String emailId, String status, String failReason) {
}
