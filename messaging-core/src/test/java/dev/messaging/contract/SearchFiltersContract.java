package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.common.Page;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.SearchSort;
import dev.messaging.error.ValidationException;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation search's further filters (LeadConnector's search), on a store: several
 * assignees, the last message's type, a date range of the sort date; alone, together, and paged
 * with cursors bound to them.
 */
public abstract class SearchFiltersContract extends ContractSupport {
    private Instant middle;

    @BeforeEach
    void conversations() {
        say("c1", MessageChannel.TYPE_SMS, "bob");
        say("c2", MessageChannel.TYPE_EMAIL, null);
        middle = clock.instant();
        tick();
        say("c3", MessageChannel.TYPE_SMS, "carol");
        say("c4", MessageChannel.TYPE_WEBCHAT, "dave");
    }

    private void say(String customer, MessageChannel type, String assignee) {
        tick();
        String id = messaging.messages().create(alice, NewMessage.to(customer, "hello " + customer).channel(type)
                .build()).conversationId();
        if (assignee != null) {
            messaging.conversations().update(alice, id, ConversationUpdate.empty().assignedTo(assignee));
        }
    }

    private List<String> customers(ConversationQuery query) {
        return messaging.conversations().search(alice, query).items().stream()
                .map(hit -> hit.conversation().customerId()).toList();
    }

    @Test
    void severalAssigneesTheLastMessagesTypeAndADateRangeFilterAloneAndTogether() {
        ConversationQuery all = ConversationQuery.all().sort(SearchSort.LAST_MESSAGE_DATE,
                false);
        assertThat(customers(all.assignees("bob", "carol"))).containsExactly("c1", "c3");
        assertThat(customers(all.lastMessageTypes(MessageChannel.TYPE_SMS))).containsExactly("c1", "c3");
        assertThat(customers(all.lastMessageTypes(MessageChannel.TYPE_EMAIL, MessageChannel.TYPE_WEBCHAT)))
                .containsExactly("c2", "c4");
        assertThat(customers(all.between(null, middle.plusMillis(1)))).containsExactly("c1", "c2");
        assertThat(customers(all.between(middle.plusMillis(1), null))).containsExactly("c3", "c4");
        assertThat(customers(all.assignees("bob", "carol", "dave").lastMessageTypes(MessageChannel.TYPE_SMS)
                .between(middle, null))).containsExactly("c3");
        assertThat(messaging.conversations().search(alice, all.lastMessageTypes(MessageChannel.TYPE_SMS).withTotal())
                .total()).isEqualTo(2);
    }

    @Test
    void aFilteredSearchPagesWithCursorsBoundToItsFilters() {
        ConversationQuery sms = ConversationQuery.all().lastMessageTypes(MessageChannel.TYPE_SMS,
                MessageChannel.TYPE_WEBCHAT).limit(1);
        List<String> seen = new ArrayList<>();
        for (Page<ConversationHit> page = messaging.conversations().search(alice, sms); ;
                page = messaging.conversations().search(alice, sms.after(page.nextCursor()))) {
            page.items().forEach(hit -> seen.add(hit.conversation().customerId()));
            if (!page.hasMore()) {
                break;
            }
        }
        assertThat(seen).containsExactly("c4", "c3", "c1");
        String cursor = messaging.conversations().search(alice, sms).nextCursor();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.conversations().search(alice,
                ConversationQuery.all().limit(1).after(cursor))).fields()).containsExactly("after");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.conversations().search(alice,
                ConversationQuery.all().between(middle, middle.minus(Duration.ofHours(1))))).fields())
                .containsExactly("until");
    }
}
