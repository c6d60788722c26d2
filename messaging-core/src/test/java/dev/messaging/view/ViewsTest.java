package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.outlet.Outlet;
import dev.messaging.testing.SettableClock;
import dev.messaging.view.hotel.CreateConversationRequest;
import dev.messaging.view.hotel.Hotel;
import dev.messaging.view.hotel.HotelConversation;
import dev.messaging.view.hotel.ResponseContainerModel;
import dev.messaging.view.leadconnector.CreateConversationDto;
import dev.messaging.view.leadconnector.GetConversationByIdResponse;
import dev.messaging.view.leadconnector.LeadConnectorErrors;
import dev.messaging.view.leadconnector.SendConversationResponseDto;
import dev.messaging.view.leadconnector.UpdateConversationDto;
import dev.messaging.view.shopmonkey.Shopmonkey;
import dev.messaging.view.shopmonkey.ShopmonkeyCreateMessage;
import dev.messaging.view.shopmonkey.ShopmonkeyError;
import dev.messaging.view.shopmonkey.ShopmonkeyInboxEntry;
import dev.messaging.view.shopmonkey.ShopmonkeyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reference views on a live messaging: what a service answers, and the errors it maps. */
class ViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SettableClock clock =
            new SettableClock(Instant.parse("2026-02-01T10:00:00Z"));
    private final Messaging messaging = Messaging.builder(new InMemoryStore()).clock(clock).build();
    private final Actor alice = Actor.user("co", "loc", "alice");
    private final Actor guest = Actor.customer("co", "loc", "guest-1");

    @AfterEach
    void close() {
        messaging.close();
    }

    @Test
    void theShopmonkeyInboxIsOneCallAndRendersWithDefaultJackson() {
        messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                .withContact(new Contact("person", "Ann", "Lee", null, null, null, null)));
        messaging.messages().create(alice, NewMessage.to("c1", "see order")
                .order(OrderRef.share("o-1", "42", OrderShareType.ORDER)).build());
        clock.advance(Duration.ofSeconds(1));
        messaging.messages().create(Actor.customer("co", "loc", "c1"), NewMessage.to("c1", "thanks").build());

        ShopmonkeyResponse<List<ShopmonkeyInboxEntry>> inbox = Shopmonkey.inbox(messaging, alice, InboxQuery.all());

        JsonNode json = JSON.valueToTree(inbox);
        assertThat(json.get("success").asBoolean()).isTrue();
        JsonNode row = json.get("data").get(0);
        assertThat(row.get("text").asText()).isEqualTo("thanks");
        assertThat(row.get("authorType").asText()).isEqualTo("Customer");
        assertThat(row.get("customer").get("firstName").asText()).isEqualTo("Ann");
        assertThat(row.get("messageThreadMetadata").get("unreadMessagesCount").asInt()).isEqualTo(1);
        assertThat(row.get("createdDate").asText()).endsWith("Z");
        assertThat(json.get("meta").get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void theShopmonkeyCreateBodyResolvesFileIdsAndNamesBadFields() {
        Map<String, MessageFile> files = Map.of("f1", new MessageFile("f1", "https://x/f1", null, 5L, "image/png", "a.png"));
        ShopmonkeyCreateMessage body = new ShopmonkeyCreateMessage(true, "subject", null, false, null, null, null, null,
                null, null, "hello", "c1", List.of("f1"));
        Message created = messaging.messages().create(alice, body.toDomain(id -> Optional.ofNullable(files.get(id))));
        assertThat(created.files()).extracting(MessageFile::fileName).containsExactly("a.png");

        ShopmonkeyCreateMessage bad = new ShopmonkeyCreateMessage(null, null, null, true, "Invoice", null, null,
                "Some", null, null, "hello", "c1", List.of("f1", "nope"));
        assertThatThrownBy(() -> messaging.messages().create(alice, bad.toDomain(id -> Optional.ofNullable(files.get(id)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields())
                        .containsExactlyInAnyOrder("orderShareType", "suggestedReplyState", "files[1]", "orderId"));
    }

    @Test
    void domainErrorsMapToTheReferencesStatusesAndBodies() {
        ValidationException invalid = ValidationException.of("text", "is required");
        assertThat(ShopmonkeyError.status(invalid)).isEqualTo(400);
        ShopmonkeyError body = ShopmonkeyError.from(invalid);
        assertThat(body.success()).isFalse();
        assertThat(JSON.valueToTree(body).get("data").get(0).get("field").asText()).isEqualTo("text");
        assertThat(LeadConnectorErrors.status(invalid)).isEqualTo(422);
        assertThat(((LeadConnectorErrors.UnprocessableDto) LeadConnectorErrors.body(invalid)).message())
                .containsExactly("text: is required");
        assertThat(LeadConnectorErrors.status(new NotFoundException("conversation", "x"))).isEqualTo(404);
        assertThat(ShopmonkeyError.status(new NotFoundException("conversation", "x"))).isEqualTo(404);
        assertThat(LeadConnectorErrors.status(ConflictException.of(ConflictException.Reason.LIVE_CONVERSATION_EXISTS, "conversation", "x", "exists"))).isEqualTo(409);
        assertThat(ShopmonkeyError.status(new ForbiddenException("no"))).isEqualTo(403);
    }

    @Test
    void leadConnectorUnreadCountAndStarredWriteTheUsersThread() {
        Message m = messaging.messages().create(Actor.customer("co", "loc", "c1"), NewMessage.to("c1", "hi").build());
        UpdateConversationDto read = new UpdateConversationDto("loc", 0, true, Map.of());
        assertThat(read.apply(messaging, alice, m.conversationId()).unreadMessagesCount()).isZero();
        var thread = messaging.threads().find(alice, messaging.threads().threadId(alice, m.conversationId()));
        var byId = GetConversationByIdResponse.from(messaging.conversations().find(alice, m.conversationId())
                .orElseThrow(), thread);
        assertThat(byId.starred()).isTrue();
        assertThat(byId.unreadCount()).isZero();
        assertThat(new UpdateConversationDto(null, 1, null, null).apply(messaging, alice, m.conversationId())
                .unreadMessagesCount()).isEqualTo(1);
        assertThatThrownBy(() -> new UpdateConversationDto(null, 5, null, null).apply(messaging, alice,
                m.conversationId())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("unreadCount"));
        assertThatThrownBy(() -> new CreateConversationDto("other-location", "c2").toDomain(alice))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("locationId"));
        assertThatThrownBy(() -> new CreateConversationDto("loc", null).toDomain(alice))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("contactId"));
        SendConversationResponseDto search = SendConversationResponseDto.from(
                messaging.conversations().search(alice, ConversationQuery.all().withTotal()));
        assertThat(search.total()).isEqualTo(1);
        assertThat(search.conversations().get(0).unreadCount()).isEqualTo(1);
    }

    @Test
    void theHotelCreatesAGuestConversationWithItsFirstMessageAndTheGuestAsCreator() {
        messaging.outlets().set(alice, new Outlet("desk", "Front desk", true, 1));
        Contact ana = new Contact("guest", "Ana", "Silva", null, null, null, "pt");
        ResponseContainerModel response = Hotel.createConversation(messaging, guest, ana,
                new CreateConversationRequest("Towels please", "guest", null, "res-9", "session-1"));
        assertThat(response.status()).isEqualTo("Success");
        assertThat(response.sessionToken()).isEqualTo("session-1");
        HotelConversation conversation = response.responses().get(0).createConversationResponse().content()
                .conversation();
        assertThat(conversation.outletCode()).isEqualTo("desk");
        assertThat(conversation.outletName()).isEqualTo("Front desk");
        assertThat(conversation.orderCode()).isEqualTo("res-9");
        assertThat(conversation.conversationType()).isEqualTo("guest");
        assertThat(conversation.guestLanguageCode()).isEqualTo("pt");
        assertThat(conversation.messages()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo("Towels please");
            assertThat(m.firstName()).isEqualTo("Ana");
            assertThat(m.lastName()).isEqualTo("Silva");
            assertThat(m.messageType()).isEqualTo("Customer");
        });
        Actor newGuest = Actor.customer("co", "loc", "guest-2");
        assertThatThrownBy(() -> Hotel.createConversation(messaging, newGuest, ana,
                new CreateConversationRequest("hi", "guest", "spa", null, "s"))).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fields()).containsExactly("outletCode"));
        assertThatThrownBy(() -> Hotel.createConversation(messaging, guest, ana,
                new CreateConversationRequest(null, "guest", null, null, "s"))).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fields()).containsExactly("message"));
        assertThatThrownBy(() -> Hotel.createConversation(messaging, guest, ana,
                new CreateConversationRequest("hi", "vip", null, null, "s"))).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fields()).containsExactly("conversationType"));
    }
}
