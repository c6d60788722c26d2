package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.common.Page;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.MessageAction;
import dev.messaging.conversation.SearchSort;
import dev.messaging.error.ValidationException;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    @Test
    void followersAndTheUsersInternalNotesMentionFilterTheSearchAndReadBack() {
        ConversationQuery all = ConversationQuery.all().sort(SearchSort.LAST_MESSAGE_DATE, false);
        messaging.conversations().update(alice, conversationOf("c1").id(),
                ConversationUpdate.empty().followers(Set.of("bob", "erin")));
        messaging.conversations().update(alice, conversationOf("c3").id(), ConversationUpdate.empty().followers(Set.of("erin")));
        tick();
        messaging.messages().create(alice, NewMessage.to("c2", "ask bob").internal(true).mentions(List.of("bob")).build());
        tick();
        messaging.messages().create(alice, NewMessage.to("c4", "ask them").internal(true)
                .mentions(List.of("carol", "bob", "carol")).build());

        assertThat(customers(all.followers("erin"))).containsExactly("c1", "c3");
        assertThat(customers(all.followers("bob", "zed"))).containsExactly("c1");
        assertThat(customers(all.mentions("bob"))).containsExactly("c2", "c4");
        assertThat(customers(all.mentions("carol").followers("erin"))).isEmpty();
        assertThat(customers(all.mentions("carol").assignees("dave"))).containsExactly("c4");
        assertThat(messaging.conversations().find(alice, conversationOf("c1").id()).orElseThrow().followers())
                .containsExactly("bob", "erin");
        assertThat(messaging.conversations().find(alice, conversationOf("c4").id()).orElseThrow().mentions())
                .containsExactly("bob", "carol");
        messaging.conversations().update(alice, conversationOf("c1").id(), ConversationUpdate.empty().followers(null));
        assertThat(customers(all.followers("erin"))).containsExactly("c3");
    }

    @Test
    void mentionsOutsideAnInternalNoteAndABadFollowerNameTheFieldAndWriteNothing() {
        Object before = snapshot();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().create(alice,
                NewMessage.to("c1", "hi bob").mentions(List.of("bob")).build())).fields()).containsExactly("mentions");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.conversations().update(alice,
                conversationOf("c1").id(), ConversationUpdate.empty().followers(Set.of("bad\u0000id")))).fields())
                .containsExactly("followers");
        assertUnchangedSince(before);
    }

    @Test
    void theLastOutboundMessagesActionFiltersAndTheLastManualMessageDateSorts() {
        ConversationQuery all = ConversationQuery.all().sort(SearchSort.LAST_MESSAGE_DATE, false);
        tick();
        messaging.messages().create(system, NewMessage.to("c2", "your invoice").build());
        tick();
        messaging.messages().create(alice, NewMessage.to("c4", "20% off").links(MessageLinks.NONE
                .withCampaigns(null, "campaign-7")).build());
        tick();
        Instant manual = clock.instant();
        messaging.messages().create(alice, NewMessage.to("c1", "ready at 5").build());
        tick();
        customerSays("c3", "thanks"); // inbound: the last outbound message stays alice's

        assertThat(customers(all.lastMessageAction(MessageAction.AUTOMATED))).containsExactly("c2", "c4");
        assertThat(customers(all.lastMessageAction(MessageAction.MANUAL))).containsExactly("c1", "c3");
        assertThat(customers(all)).containsExactly("c2", "c4", "c1", "c3");
        assertThat(customers(all.sort(SearchSort.LAST_MANUAL_MESSAGE_DATE, false)))
                .containsExactly("c2", "c3", "c4", "c1");
        assertThat(messaging.conversations().find(alice, conversationOf("c1").id()).orElseThrow().lastManualMessageDate())
                .isEqualTo(manual);
        List<String> paged = new ArrayList<>();
        Page<ConversationHit> page = messaging.conversations().search(alice,
                all.sort(SearchSort.LAST_MANUAL_MESSAGE_DATE, true).limit(1));
        paged.addAll(page.items().stream().map(h -> h.conversation().customerId()).toList());
        while (page.nextCursor() != null) {
            page = messaging.conversations().search(alice, all.sort(SearchSort.LAST_MANUAL_MESSAGE_DATE, true)
                    .limit(1).after(page.nextCursor()));
            paged.addAll(page.items().stream().map(h -> h.conversation().customerId()).toList());
        }
        assertThat(paged).containsExactly("c1", "c4", "c3", "c2");
    }
}
