package dev.messaging.mail;

import dev.messaging.delivery.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * An SMTP failure as an outcome: a 5xx answer is Failed (the server will not take it), anything else
 * (a 4xx answer, a lost connection, a timeout, a refused login) a retry later; the reason names the
 * SMTP code and the server's words.
 */
final class SmtpAnswers {
    private SmtpAnswers() {
    }

    static SendResult outcome(Exception e) {
        int code = code(e);
        String reason = describe(e);
        if (code >= 500 && code < 600) {
            return SendResult.failed(reason);
        }
        if (e instanceof AuthenticationFailedException) {
            return SendResult.retryLater("the SMTP server refused the login: " + reason);
        }
        return SendResult.retryLater(reason);
    }

    /** The SMTP code of {@code e} or of the first exception it chains that has one; 0 when none does. */
    static int code(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    /** The failure in one line: the SMTP code and the server's words, or what broke. */
    static String describe(Throwable e) {
        int code = code(e);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = next(t), depth++) {
            String message = t.getMessage() == null ? "" : MimeRenderer.oneLine(t.getMessage());
            if (code > 0 && message.startsWith(code + " ")) {
                message = message.substring(4).strip();
            }
            if (!message.isEmpty() && !parts.contains(message)) {
                parts.add(message);
            }
        }
        String text = String.join("; ", parts);
        return (code > 0 ? "SMTP " + code + ": " : "") + (text.isEmpty() ? e.getClass().getSimpleName() : text);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
