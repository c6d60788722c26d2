package dev.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.common.Page;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.thread.ThreadMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.messaging.common.Actor;

/** The README's quick start, compiled and run; a second test keeps the README's copy identical. */
class QuickStartTest {

    @Test
    void quickStartRuns() {
        // quick-start:begin
        try (Messaging messaging = Messaging.inMemory()) {
            Actor shop = Actor.user("acme", "downtown", "user-1");
            Actor customer = Actor.customer("acme", "downtown", "customer-42");

            // The customer writes in; their conversation is created on the way.
            Message hello = messaging.messages().create(customer,
                    NewMessage.to("customer-42", "Is my car ready?").build());

            // The user's inbox: one row per conversation, newest first, with the unread count.
            Page<InboxEntry> inbox = messaging.inbox().list(shop, InboxQuery.all());
            InboxEntry top = inbox.items().get(0);
            System.out.println(top.message().text() + " unread="
                    + top.messageThreadMetadata().unreadMessagesCount()); // Is my car ready? unread=1

            // The user reads the thread and answers.
            ThreadMetadata read = messaging.threads().markRead(shop, top.messageThreadMetadata().id());
            messaging.messages().create(shop, NewMessage.to("customer-42", "Yes, come by at 5.").sendSms(true).build());
            // quick-start:end
            assertThat(hello.conversationId()).isEqualTo(top.conversation().id());
            assertThat(top.messageThreadMetadata().unreadMessagesCount()).isEqualTo(1);
            assertThat(read.unreadMessagesCount()).isZero();
            assertThat(messaging.threads().unreadTotal(shop)).isZero();
        }
    }

    @Test
    void readmeShowsTheQuickStartAsCompiledHere() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(snippet("src/test/java/dev/messaging/QuickStartTest.java"));
        assertThat(Arrays.asList(readme.split("\n"))).contains("./mvnw verify");
    }

    @Test
    void theConsumerBuildRunsTheSameQuickStart() throws IOException {
        assertThat(snippet("../messaging-jdbi/src/it/quickstart/src/main/java/example/QuickStart.java"))
                .isEqualTo(snippet("src/test/java/dev/messaging/QuickStartTest.java"));
    }

    /** The lines between the quick-start markers of a source file, indented as in the README. */
    private static String snippet(String file) throws IOException {
        List<String> source = Files.readAllLines(Path.of(file));
        int begin = source.indexOf("        // quick-start:begin");
        int end = source.indexOf("            // quick-start:end");
        assertThat(begin).as("quick-start markers in %s", file).isPositive();
        return String.join("\n", source.subList(begin + 1, end).stream()
                .map(line -> line.replaceFirst("^ {8}", "")).toList());
    }
}
