package dev.messaging.view.leadconnector;

/**
 * LeadConnector ErrorDto: a provider's error in a status update ({@code code}, {@code type} such as
 * {@code "saas"}, {@code message}).
 */
public record ErrorDto(String code, String type, String message) {

    /** The error as one line for a send's error: the message, then the type and code that are set. */
    public String text() {
        StringBuilder text = new StringBuilder(message == null ? "error" : message);
        if (type != null || code != null) {
            text.append(" (");
            if (type != null) {
                text.append(type).append(code != null ? " " : "");
            }
            if (code != null) {
                text.append("code ").append(code);
            }
            text.append(')');
        }
        return text.toString();
    }
}
