package dev.messaging.mail;

import dev.messaging.common.Tenant;
import dev.messaging.message.MessageFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where a {@link MailSender} reads a message's files from (the service's file store, by the file's
 * id or URL). The sender reads at most its size limit from the stream and closes it.
 */
@FunctionalInterface
public interface AttachmentSource {
    /** The content of {@code file} of {@code tenant}'s message. An exception is a retry later. */
    InputStream open(Tenant tenant, MessageFile file) throws IOException;
}
